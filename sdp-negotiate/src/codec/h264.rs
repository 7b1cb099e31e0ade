//! Profile and level in the answer: H.264 (rulebook B4) and H.265 (B5).
//!
//! Both start from **our** receive parameters (B6) and only rewrite the profile and level keys.

use sdp_core::attr::fmtp::{H264Params, H264ProfileLevelId, H265Params};
use sdp_core::attr::rtp::Fmtp;

use super::matching::H264_DEFAULT_PROFILE_LEVEL_ID;

/// constraint_set3_flag in profile-iop: level 1b when level_idc is 11 (B, CB, Main, Extended).
const SET3: u8 = 0x10;

/// The profile_idc values for which level 1b is level_idc 11 with constraint_set3 (H.264 A.3.1);
/// for the others it is level_idc 9.
fn signals_1b_with_set3(profile_idc: u8) -> bool {
    matches!(profile_idc, 0x42 | 0x4d | 0x58)
}

/// Our profile bytes with the level of `level_from`, written the way H.264 spells level 1b for
/// that profile (B4: 42f00b, 42100b, 4d100b; level_idc 9 for the High profiles).
fn with_level_of(ours: H264ProfileLevelId, level_from: H264ProfileLevelId) -> H264ProfileLevelId {
    let set3_profile = signals_1b_with_set3(ours.profile_idc);
    let (profile_iop, level_idc) = match (level_from.is_level_1b(), set3_profile) {
        (true, true) => (ours.profile_iop | SET3, 11),
        (true, false) => (ours.profile_iop, 9),
        (false, true) => (ours.profile_iop & !SET3, level_from.level_idc),
        (false, false) => (ours.profile_iop, level_from.level_idc),
    };
    H264ProfileLevelId {
        profile_idc: ours.profile_idc,
        profile_iop,
        level_idc,
    }
}

/// B4: the profile-level-id we answer, `None` when neither side wrote one.
///
/// The profile is ours (the same class as the offer's, B3). The level is ours when both sides
/// allow level asymmetry (it may then exceed the offered level), otherwise the lower of the two
/// (libwebrtc `H264GenerateProfileLevelIdForAnswer`; RFC 6184 §8.2.2).
pub(super) fn h264_answer_profile_level_id(
    ours: &H264Params<'_>,
    theirs: &H264Params<'_>,
) -> Option<H264ProfileLevelId> {
    if ours.profile_level_id.is_none() && theirs.profile_level_id.is_none() {
        return None;
    }
    let our_plid = ours
        .profile_level_id
        .unwrap_or(H264_DEFAULT_PROFILE_LEVEL_ID);
    let their_plid = theirs
        .profile_level_id
        .unwrap_or(H264_DEFAULT_PROFILE_LEVEL_ID);
    let level_from = if ours.level_asymmetry_allowed && theirs.level_asymmetry_allowed {
        our_plid
    } else if their_plid.level_order() < our_plid.level_order() {
        their_plid
    } else {
        our_plid
    };
    Some(with_level_of(our_plid, level_from))
}

/// B4: the H.264 fmtp we answer: our parameters, with profile-level-id per
/// [`h264_answer_profile_level_id`] and the offer's packetization-mode when we left ours out.
/// `ours` and `theirs` are the parameters of `local` and `offered`, parsed once per format by
/// the caller (the defaults when a side has no fmtp or one that does not parse).
pub(super) fn h264_answer_fmtp(
    local: Option<&Fmtp<'_>>,
    offered: Option<&Fmtp<'_>>,
    ours: &H264Params<'_>,
    theirs: &H264Params<'_>,
) -> Option<String> {
    let plid = h264_answer_profile_level_id(ours, theirs).map(|p| p.to_string());
    // B4: packetization-mode equals the offer's (B3 made them equal); write it when the offer
    // did even if our config leaves it implicit.
    let mode = offered
        .and_then(|f| f.get("packetization-mode"))
        .map(|_| (theirs.packetization_mode as u8).to_string());
    let mut edits = vec![("profile-level-id", Edit::from(plid))];
    if local.and_then(|f| f.get("packetization-mode")).is_none() {
        edits.push(("packetization-mode", Edit::from(mode)));
    }
    rewrite_params(local, &edits)
}

/// B5: the H.265 fmtp we answer: our parameters; profile-id and tier-flag ours (equal to the
/// offer's, B3), level-id the lower of the two; all three left as they are when neither side
/// wrote any of them (libwebrtc `H265GenerateProfileTierLevelForAnswer`).
pub(super) fn h265_answer_fmtp(
    local: Option<&Fmtp<'_>>,
    offered: Option<&Fmtp<'_>>,
) -> Option<String> {
    const KEYS: [&str; 3] = ["profile-id", "tier-flag", "level-id"];
    let writes_any =
        |fmtp: Option<&Fmtp<'_>>| fmtp.is_some_and(|f| KEYS.iter().any(|key| f.get(key).is_some()));
    if !writes_any(local) && !writes_any(offered) {
        return rewrite_params(local, &[]);
    }
    fn params<'a>(fmtp: Option<&Fmtp<'a>>) -> H265Params<'a> {
        fmtp.map(H265Params::from_fmtp)
            .transpose()
            .ok()
            .flatten()
            .unwrap_or_default()
    }
    let (ours, theirs) = (params(local), params(offered));
    let level = ours.level_id.min(theirs.level_id);
    rewrite_params(
        local,
        &[
            ("profile-id", Edit::Set(ours.profile_id.to_string())),
            ("tier-flag", Edit::Set(u8::from(ours.tier_flag).to_string())),
            ("level-id", Edit::Set(level.to_string())),
        ],
    )
}

/// A change to one fmtp parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Edit {
    /// Write this value (in place when the key is there, appended otherwise).
    Set(String),
    /// Remove the key.
    Remove,
}

impl From<Option<String>> for Edit {
    fn from(value: Option<String>) -> Self {
        value.map_or(Edit::Remove, Edit::Set)
    }
}

/// `local`'s parameters joined with `;`, with `edits` applied; `None` when nothing is left.
pub(super) fn rewrite_params(local: Option<&Fmtp<'_>>, edits: &[(&str, Edit)]) -> Option<String> {
    // The items are written straight into one string; none is empty (a parameter is a non-empty
    // item, an edit writes `key=`), so a `;` goes before every item but the first.
    let mut out = String::new();
    let mut push = |key: Option<&str>, value: &str| {
        if !out.is_empty() {
            out.push(';');
        }
        if let Some(key) = key {
            out.push_str(key);
            out.push('=');
        }
        out.push_str(value);
    };
    let mut done = vec![false; edits.len()];
    for param in local.into_iter().flat_map(|f| f.params()) {
        let edit = param
            .key
            .and_then(|key| edits.iter().position(|(k, _)| k.eq_ignore_ascii_case(key)));
        match edit {
            Some(i) => {
                let first = done.get(i).is_some_and(|d| !d);
                if let (true, Some((key, Edit::Set(value)))) = (first, edits.get(i)) {
                    push(Some(key), value);
                }
                if let Some(d) = done.get_mut(i) {
                    *d = true;
                }
            }
            None => push(param.key, param.value),
        }
    }
    for ((key, edit), done) in edits.iter().zip(&done) {
        if let (false, Edit::Set(value)) = (*done, edit) {
            push(Some(key), value);
        }
    }
    (!out.is_empty()).then_some(out)
}
