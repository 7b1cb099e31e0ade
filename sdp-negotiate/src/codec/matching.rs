//! Which offered formats and local codec configs are "the same codec" (rulebook B1-B3).

use sdp_core::attr::fmtp::{
    Av1Params, H264PacketizationMode, H264Params, H264Profile, H264ProfileLevelId, H265Params,
    H265TxMode, Vp9Params,
};
use sdp_core::attr::rtp::Fmtp;
use sdp_core::codec::Codec;
use sdp_core::ValueError;

use crate::config::{CodecConfig, MediaKind};

/// What a format is, from its encoding name (the same classification for offered formats and
/// local configs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A media codec (B15 counts only these).
    Primary,
    /// `rtx` (B10).
    Rtx,
    /// `red` (B11).
    Red,
    /// `ulpfec` (B11).
    Ulpfec,
    /// `flexfec-03` (B11).
    FlexFec,
    /// `telephone-event` (B12).
    TelephoneEvent,
    /// `CN` (B13).
    ComfortNoise,
}

impl Kind {
    /// The kind of encoding `name` (ASCII case ignored, B1).
    pub(super) fn of(name: &str) -> Kind {
        let is = |known: &str| name.eq_ignore_ascii_case(known);
        if is("rtx") {
            Kind::Rtx
        } else if is("red") {
            Kind::Red
        } else if is("ulpfec") {
            Kind::Ulpfec
        } else if is("flexfec-03") || is("flexfec") {
            Kind::FlexFec
        } else if is("telephone-event") {
            Kind::TelephoneEvent
        } else if is("CN") {
            Kind::ComfortNoise
        } else {
            Kind::Primary
        }
    }
}

/// B1: payload types 64-95 collide with RTCP packet types under rtcp-mux (RFC 5761 §4).
pub(super) fn is_reserved_payload_type(pt: u8) -> bool {
    (64..=95).contains(&pt)
}

/// B2: same name (ASCII case ignored), same clock rate, and for audio the same channel count
/// (absent = 1; 0 and 1 are equal, as in libwebrtc). An offered `opus/48000` without channel
/// count matches our `opus/48000/2` (lenient, as pion; the answer keeps the offer's rtpmap).
pub(super) fn base_match(media: MediaKind, offered: &Codec<'_>, local: &CodecConfig) -> bool {
    if !offered.is(&local.name) || offered.clock_rate != Some(local.clock_rate) {
        return false;
    }
    if media != MediaKind::Audio {
        return true;
    }
    let ours = local.channels.unwrap_or(1).max(1);
    match offered.channels {
        Some(theirs) => theirs.max(1) == ours,
        // B2: opus/48000 leniently taken as opus/48000/2.
        None => ours == 1 || offered.is("opus"),
    }
}

/// The value libwebrtc and aiortc infer for an absent H.264 `profile-level-id` (B3): 42e01f,
/// Constrained Baseline level 3.1. Firefox infers 420010 (the RFC 6184 value); we follow
/// libwebrtc.
pub(crate) const H264_DEFAULT_PROFILE_LEVEL_ID: H264ProfileLevelId = H264ProfileLevelId {
    profile_idc: 0x42,
    profile_iop: 0xe0,
    level_idc: 0x1f,
};

/// What must be equal, beyond the base match, for two formats to be the same codec (B3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum MatchKey {
    /// Nothing from the fmtp (Opus, G.711, VP8, telephone-event, CN, ...).
    Any,
    /// H.264: the profile (not the level) and the packetization mode.
    H264 {
        /// The profile class of profile-level-id (42e01f when absent).
        profile: H264Profile,
        /// packetization-mode (0 when absent).
        mode: H264PacketizationMode,
    },
    /// VP9 profile-id (0 when absent).
    Vp9(u8),
    /// AV1 profile (0 when absent); level and tier are asymmetric.
    Av1(u8),
    /// H.265 profile-id, tier-flag and tx-mode (1, 0, SRST when absent).
    H265 {
        /// profile-id.
        profile_id: u8,
        /// tier-flag.
        tier: bool,
        /// tx-mode.
        tx_mode: H265TxMode,
    },
}

/// The B3 match key of a format named `name` with `fmtp` (`Err` for an unparsable parameter of
/// the key, which then matches nothing).
pub(super) fn match_key(name: &str, fmtp: Option<&Fmtp<'_>>) -> Result<MatchKey, ValueError> {
    let is = |known: &str| name.eq_ignore_ascii_case(known);
    if is("H264") {
        let params = fmtp.map(H264Params::from_fmtp).transpose()?;
        return Ok(h264_key(&params.unwrap_or_default()));
    }
    if is("VP9") {
        let params = fmtp.map(Vp9Params::from_fmtp).transpose()?;
        return Ok(MatchKey::Vp9(params.unwrap_or_default().profile_id));
    }
    if is("AV1") {
        let params = fmtp.map(Av1Params::from_fmtp).transpose()?;
        return Ok(MatchKey::Av1(params.unwrap_or_default().profile));
    }
    if is("H265") {
        let params = fmtp.map(H265Params::from_fmtp).transpose()?;
        let params = params.unwrap_or_default();
        return Ok(MatchKey::H265 {
            profile_id: params.profile_id,
            tier: params.tier_flag,
            tx_mode: params.tx_mode,
        });
    }
    Ok(MatchKey::Any)
}

/// The B3 match key of H.264 parameters.
pub(super) fn h264_key(params: &H264Params<'_>) -> MatchKey {
    // B3: absent profile-level-id = 42e01f (libwebrtc), not the RFC's 42000a.
    let plid = params
        .profile_level_id
        .unwrap_or(H264_DEFAULT_PROFILE_LEVEL_ID);
    MatchKey::H264 {
        profile: plid.profile(),
        mode: params.packetization_mode,
    }
}

/// The B3 match key of a format named `name` with `fmtp`, and its H.264 parameters when it is
/// H.264 (the defaults when the fmtp leaves them out): the answer's fmtp needs them again, and
/// parsing them once per format halves the H.264 work of an answer.
pub(super) fn key_and_h264<'f>(
    name: &str,
    fmtp: Option<&Fmtp<'f>>,
) -> (Result<MatchKey, ValueError>, H264Params<'f>) {
    if !name.eq_ignore_ascii_case("H264") {
        return (match_key(name, fmtp), H264Params::default());
    }
    match fmtp.map(H264Params::from_fmtp).transpose() {
        Ok(params) => {
            let params = params.unwrap_or_default();
            (Ok(h264_key(&params)), params)
        }
        Err(e) => (Err(e), H264Params::default()),
    }
}

/// The fmtp of a local config, parsed as if it were written for a payload type.
pub(super) fn local_fmtp(config: &CodecConfig) -> Option<Fmtp<'_>> {
    config
        .fmtp
        .as_deref()
        .filter(|text| !text.trim().is_empty())
        .map(|text| Fmtp::new("0", text.trim()))
}

/// The B3 match key of a local config.
pub(super) fn local_key(config: &CodecConfig) -> Result<MatchKey, ValueError> {
    match_key(&config.name, local_fmtp(config).as_ref())
}
