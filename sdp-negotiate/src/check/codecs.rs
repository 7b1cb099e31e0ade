//! F6-F14: the answered formats against the offered ones (rulebook section B).

use sdp_core::attr::fmtp::H264ProfileLevelId;
use sdp_core::attr::rtp::{RtcpFb, RtcpFbPt};
use sdp_core::codec::Codec;

use super::{Ctx, Pair, Report};

pub(super) fn check(ctx: &Ctx<'_>, report: &mut Report) {
    for pair in ctx.accepted().filter(|p| p.is_rtp()) {
        let offered = pair.offer.codecs();
        let answered = pair.answer.codecs();
        primary_in_common(pair, &offered, &answered, report);
        payload_types(ctx, pair, &offered, &answered, report);
        repair_formats(pair, &answered, report);
        for codec in &answered {
            let Some(offer) = offered
                .iter()
                .find(|o| o.payload_type == codec.payload_type)
            else {
                continue;
            };
            if !same_base(offer, codec) {
                continue;
            }
            h264(pair.index, offer, codec, report);
            profiles(pair.index, offer, codec, report);
        }
        feedback(pair, &offered, report);
    }
}

/// Whether the codec carries media (not RTX, RED, FEC, CN or telephone-event; B11-B13, B15).
pub(super) fn is_primary(codec: &Codec<'_>) -> bool {
    const PSEUDO: [&str; 5] = ["rtx", "red", "ulpfec", "CN", "telephone-event"];
    codec.is_known()
        && !PSEUDO.iter().any(|name| codec.is(name))
        && !codec
            .encoding_name
            .get(..7)
            .is_some_and(|p| p.eq_ignore_ascii_case("flexfec"))
}

/// B2: same name (ignoring case), clock rate and, for audio, channel count (1 when absent;
/// `opus/48000` is accepted for `opus/48000/2`).
pub(super) fn same_base(a: &Codec<'_>, b: &Codec<'_>) -> bool {
    if !a.is_known() || !b.is_known() || !a.encoding_name.eq_ignore_ascii_case(b.encoding_name) {
        return false;
    }
    if a.clock_rate != b.clock_rate {
        return false;
    }
    a.is("opus") || a.channels.unwrap_or(1) == b.channels.unwrap_or(1)
}

/// The answer's codec, or the offer's for a payload type the answer leaves without rtpmap.
fn effective<'a, 's>(codec: &'a Codec<'s>, offered: &'a [Codec<'s>]) -> &'a Codec<'s> {
    if codec.is_known() {
        return codec;
    }
    offered
        .iter()
        .find(|o| o.payload_type == codec.payload_type)
        .unwrap_or(codec)
}

/// F6: an accepted RTP section shares a primary codec with the offer (3264 §6.1; B15). A
/// section that offers no primary codec at all (RFC 4317 §2.4: a telephone-event-only
/// stream, G7) needs only some codec in common.
fn primary_in_common(
    pair: &Pair<'_>,
    offered: &[Codec<'_>],
    answered: &[Codec<'_>],
    r: &mut Report,
) {
    let needs_primary = offered.iter().any(is_primary);
    let common = answered.iter().map(|c| effective(c, offered)).any(|c| {
        (is_primary(c) || !needs_primary)
            && offered
                .iter()
                .any(|o| (is_primary(o) || !needs_primary) && same_base(o, c))
    });
    if !common {
        let what = if needs_primary {
            "no primary codec"
        } else {
            "no codec"
        };
        r.error(
            "F6",
            Some(pair.index),
            format!(
                "the section is accepted but shares {what} with the offer; reject it with port 0"
            ),
        );
    }
}

/// F7, F8: payload types mapped to other codecs, codecs under other payload types, formats
/// the offer lacks.
fn payload_types(
    ctx: &Ctx<'_>,
    pair: &Pair<'_>,
    offered: &[Codec<'_>],
    answered: &[Codec<'_>],
    r: &mut Report,
) {
    let i = Some(pair.index);
    for codec in answered {
        let pt = codec.payload_type;
        if let Some(offer) = offered.iter().find(|o| o.payload_type == pt) {
            // F7 W: the same PT names another codec (renumbering clash, B7).
            if codec.is_known() && !same_base(offer, codec) {
                r.warning(
                    "F7",
                    i,
                    format!(
                        "PT {pt} is `{}` in the answer but `{}` in the offer",
                        describe(codec),
                        describe(offer)
                    ),
                );
            }
            continue;
        }
        if let Some(offer) = offered.iter().find(|o| same_base(o, codec)) {
            // F7 I: legal (3264 §6.1 SHOULD), but browsers reuse the offer's PT (B7).
            r.info(
                "F7",
                i,
                format!(
                    "`{}` is answered as PT {pt} but offered as PT {}",
                    describe(codec),
                    offer.payload_type
                ),
            );
            continue;
        }
        // F8 I: 3264 §6.1 permits formats the offer lacks.
        r.info(
            "F8",
            i,
            format!("PT {pt} (`{}`) was not offered", describe(codec)),
        );
        // F8 W: ... unless the PT means another codec elsewhere in the offer.
        let clash = ctx
            .offer
            .media()
            .iter()
            .flat_map(|m| m.codecs())
            .find(|o| o.payload_type == pt && o.is_known() && !same_base(o, codec));
        if let Some(other) = clash {
            r.warning(
                "F8",
                i,
                format!(
                    "PT {pt} (`{}`) collides with the offer's PT {pt} (`{}`)",
                    describe(codec),
                    describe(&other)
                ),
            );
        }
    }
}

/// `name/rate[/channels]`, or `unknown` without rtpmap.
fn describe(codec: &Codec<'_>) -> String {
    match codec.rtpmap() {
        Some(map) => {
            let mut text = map.encoding_name.to_owned();
            if let Some(rate) = map.clock_rate {
                text.push_str(&format!("/{rate}"));
            }
            if let Some(ch) = map.channels {
                text.push_str(&format!("/{ch}"));
            }
            text
        }
        None => "unknown".to_owned(),
    }
}

/// F9, F10: RTX, RED and ULPFEC refer to formats present in the answer (B10, B11).
fn repair_formats(pair: &Pair<'_>, answered: &[Codec<'_>], r: &mut Report) {
    let i = Some(pair.index);
    let has_primary = answered.iter().any(is_primary);
    for codec in answered {
        let pt = codec.payload_type;
        if codec.is("rtx") {
            // F9: apt names a PT of this m-line (JSEP §5.10) with the same clock rate (RFC 4588 §8.1).
            let Some(apt) = codec.rtx_apt() else {
                r.error("F9", i, format!("rtx PT {pt} has no valid `apt`"));
                continue;
            };
            match answered.iter().find(|c| c.payload_type == apt) {
                None => r.error(
                    "F9",
                    i,
                    format!("rtx PT {pt} has apt={apt}, which is not in the answer's m-line"),
                ),
                Some(primary)
                    if primary.clock_rate.is_some() && primary.clock_rate != codec.clock_rate =>
                {
                    r.error(
                        "F9",
                        i,
                        format!(
                            "rtx PT {pt} runs at {} Hz but its primary PT {apt} at {} Hz",
                            codec.clock_rate.unwrap_or_default(),
                            primary.clock_rate.unwrap_or_default()
                        ),
                    );
                }
                Some(_) => {}
            }
        } else if codec.is("red") {
            // F10: RED's blocks (audio: the fmtp list; video: the section's codecs) exist.
            match codec.red().and_then(Result::ok) {
                Some(red) if codec.fmtp.is_some() => {
                    let missing: Vec<_> = red
                        .payload_types()
                        .filter(|p| !answered.iter().any(|c| c.payload_type == *p))
                        .map(|p| p.to_string())
                        .collect();
                    if !missing.is_empty() {
                        r.error(
                            "F10",
                            i,
                            format!(
                                "red PT {pt} protects PT {} absent from the answer",
                                missing.join(", ")
                            ),
                        );
                    }
                }
                _ if !has_primary => r.error(
                    "F10",
                    i,
                    format!("red PT {pt} is answered without a codec to protect"),
                ),
                _ => {}
            }
        } else if codec.is("ulpfec") {
            if !has_primary {
                r.error(
                    "F10",
                    i,
                    format!("ulpfec PT {pt} is answered without a codec to protect"),
                );
            }
            // B11: Firefox removes ulpfec without red.
            if !answered.iter().any(|c| c.is("red")) {
                r.warning("F10", i, format!("ulpfec PT {pt} is answered without red"));
            }
        }
    }
}

/// B3: the profile-level-id, 42e01f (Constrained Baseline 3.1) when absent as libwebrtc
/// assumes; `Err` when unparsable.
fn profile_level_id(codec: &Codec<'_>) -> Result<H264ProfileLevelId, ()> {
    match codec.fmtp_param("profile-level-id") {
        None => Ok(crate::codec::H264_DEFAULT_PROFILE_LEVEL_ID),
        Some(text) => H264ProfileLevelId::parse(text).map_err(|_| ()),
    }
}

/// The packetization-mode as written, `0` when absent (RFC 6184 §8.1).
fn packetization_mode<'s>(codec: &Codec<'s>) -> &'s str {
    codec.fmtp_param("packetization-mode").unwrap_or("0").trim()
}

/// F11, F12: H264 packetization-mode and profile equal, level not above the offer's unless
/// both allow asymmetry (B3, B4; RFC 6184 §8.2.2).
fn h264(index: usize, offer: &Codec<'_>, answer: &Codec<'_>, r: &mut Report) {
    if !offer.is("H264") {
        return;
    }
    let i = Some(index);
    let pt = answer.payload_type;
    let (om, am) = (packetization_mode(offer), packetization_mode(answer));
    if om != am {
        r.error(
            "F11",
            i,
            format!("H264 PT {pt} answers packetization-mode={am} to packetization-mode={om}"),
        );
    }
    let (Ok(o), Ok(a)) = (profile_level_id(offer), profile_level_id(answer)) else {
        r.error(
            "F11",
            i,
            format!("H264 PT {pt} has an unparsable profile-level-id (no match, B3)"),
        );
        return;
    };
    if o.profile() != a.profile() {
        r.error(
            "F11",
            i,
            format!(
                "H264 PT {pt} answers profile {:?} ({a}) to profile {:?} ({o})",
                a.profile(),
                o.profile()
            ),
        );
        return;
    }
    let asymmetry = |c: &Codec<'_>| {
        c.fmtp_param("level-asymmetry-allowed")
            .is_some_and(|v| v.trim() == "1")
    };
    if !(asymmetry(offer) && asymmetry(answer)) && a.level_order() > o.level_order() {
        r.error(
            "F12",
            i,
            format!(
                "H264 PT {pt} answers level_idc {} above the offered {} without \
                 level-asymmetry-allowed=1 on both sides",
                a.level_idc, o.level_idc
            ),
        );
    }
}

/// F13: VP9 profile-id, AV1 profile, H265 profile-id/tier-flag/tx-mode equal (B3).
fn profiles(index: usize, offer: &Codec<'_>, answer: &Codec<'_>, r: &mut Report) {
    let pt = answer.payload_type;
    let mut differs = |what: &str, o: String, a: String| {
        if o != a {
            r.error(
                "F13",
                Some(index),
                format!("{what} of PT {pt} is {a} in the answer but {o} in the offer"),
            );
        }
    };
    if let (Some(Ok(o)), Some(Ok(a))) = (offer.vp9(), answer.vp9()) {
        differs(
            "VP9 profile-id",
            o.profile_id.to_string(),
            a.profile_id.to_string(),
        );
    }
    if let (Some(Ok(o)), Some(Ok(a))) = (offer.av1(), answer.av1()) {
        differs("AV1 profile", o.profile.to_string(), a.profile.to_string());
    }
    if let (Some(Ok(o)), Some(Ok(a))) = (offer.h265(), answer.h265()) {
        differs(
            "H265 profile-id",
            o.profile_id.to_string(),
            a.profile_id.to_string(),
        );
        differs(
            "H265 tier-flag",
            u8::from(o.tier_flag).to_string(),
            u8::from(a.tier_flag).to_string(),
        );
        differs(
            "H265 tx-mode",
            format!("{:?}", o.tx_mode),
            format!("{:?}", a.tx_mode),
        );
    }
}

/// `(type, params)` of a feedback line, lowercase, parameters single-spaced.
fn feedback_key(fb: &RtcpFb<'_>) -> (String, String) {
    let params: Vec<_> = fb.params().map(str::to_ascii_lowercase).collect();
    (fb.kind_text().to_ascii_lowercase(), params.join(" "))
}

/// F14: every answered feedback is offered for that PT or under `*` (JSEP §5.11; B14).
fn feedback(pair: &Pair<'_>, offered: &[Codec<'_>], r: &mut Report) {
    let answered_pts: Vec<u8> = pair
        .answer
        .media_line()
        .map(|l| l.payload_types().collect())
        .unwrap_or_default();
    let offered_for = |pt: u8, key: &(String, String)| {
        offered
            .iter()
            .find(|c| c.payload_type == pt)
            .map(|c| c.rtcp_fb.iter().any(|fb| feedback_key(fb) == *key))
    };
    for fb in pair.answer.typed::<RtcpFb>() {
        let key = feedback_key(&fb);
        let text = if key.1.is_empty() {
            format!("`{}`", key.0)
        } else {
            format!("`{} {}`", key.0, key.1)
        };
        match fb.pt() {
            // Payload types the offer lacks are F7/F8's business.
            RtcpFbPt::Pt(pt) => {
                if offered_for(pt, &key) == Some(false) {
                    r.error(
                        "F14",
                        Some(pair.index),
                        format!("feedback {text} for PT {pt} was not offered for that PT"),
                    );
                }
            }
            RtcpFbPt::Any => {
                let missing: Vec<_> = answered_pts
                    .iter()
                    .filter(|pt| offered_for(**pt, &key) == Some(false))
                    .map(u8::to_string)
                    .collect();
                if !missing.is_empty() {
                    r.error(
                        "F14",
                        Some(pair.index),
                        format!(
                            "feedback {text} for `*` was not offered for PT {}",
                            missing.join(", ")
                        ),
                    );
                }
            }
        }
    }
}
