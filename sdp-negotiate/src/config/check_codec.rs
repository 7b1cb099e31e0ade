//! Semantic checks of the codec lists: names, rates, fmtp, rtcp-fb, RTX/RED/FEC and duplicates.

use sdp_core::attr::fmtp::{
    Av1Params, H264Params, H265Params, OpusParams, RedParams, RtxParams, TelephoneEventParams,
    Vp8Params, Vp9Params,
};
use sdp_core::attr::rtp::{FeedbackType, Fmtp, RtcpFb};
use sdp_core::{TypedAttribute, ValueError};

use super::{CodecConfig, ConfigError, MediaKind};

/// What a codec entry is, from its name (the roles of `codec::CodecRole`, B10-B13).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Primary,
    Rtx,
    Red,
    Fec,
    TelephoneEvent,
    ComfortNoise,
}

fn role(name: &str) -> Role {
    let is = |n: &str| name.eq_ignore_ascii_case(n);
    if is("rtx") {
        Role::Rtx
    } else if is("red") {
        Role::Red
    } else if is("ulpfec") || is("flexfec-03") || is("flexfec") {
        Role::Fec
    } else if is("telephone-event") {
        Role::TelephoneEvent
    } else if is("CN") {
        Role::ComfortNoise
    } else {
        Role::Primary
    }
}

/// Codecs of one kind only; names not listed (and `rtx`, `red`) are allowed under either.
const AUDIO_ONLY: [&str; 13] = [
    "opus",
    "PCMU",
    "PCMA",
    "G722",
    "G729",
    "G723",
    "GSM",
    "iLBC",
    "L16",
    "AMR",
    "AMR-WB",
    "CN",
    "telephone-event",
];
/// Video codecs; RTP video formats all run at 90 kHz (B2: required for known video codecs).
const VIDEO_ONLY: [&str; 10] = [
    "VP8",
    "VP9",
    "H264",
    "H265",
    "AV1",
    "H261",
    "H263",
    "H263-1998",
    "ulpfec",
    "flexfec-03",
];

fn listed(list: &[&str], name: &str) -> bool {
    list.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// Checks one codec list (`audio` or `video`), pushing every problem found.
pub(super) fn check_codecs(
    list: &str,
    kind: MediaKind,
    codecs: &[CodecConfig],
    out: &mut Vec<ConfigError>,
) {
    for (i, codec) in codecs.iter().enumerate() {
        let at = |field: &str| format!("{list}[{i}].{field}");
        check_codec(list, kind, codec, &at, out);
        for (j, fb) in codec.rtcp_fb.iter().enumerate() {
            let path = format!("{list}[{i}].rtcp_fb[{j}]");
            if let Err(message) = check_feedback(fb) {
                out.push(ConfigError::at(path, message));
            } else if codec.rtcp_fb.iter().take(j).any(|f| same_feedback(f, fb)) {
                out.push(ConfigError::at(
                    path,
                    format!("rtcp-fb `{fb}` is listed twice"),
                ));
            }
        }
        if let Some(j) = codecs.iter().take(i).position(|c| same_codec(c, codec)) {
            out.push(ConfigError::at(
                format!("{list}[{i}]"),
                format!("duplicate of `{list}[{j}]` (same name, clock rate, channels and fmtp)"),
            ));
        }
        // B10, B11: repair and redundancy formats need a media codec to protect.
        let needs_primary = matches!(role(&codec.name), Role::Rtx | Role::Red | Role::Fec);
        let has_primary = codecs
            .iter()
            .any(|c| role(&c.name) == Role::Primary && c.clock_rate == codec.clock_rate);
        if needs_primary && codec.clock_rate > 0 && !has_primary {
            out.push(ConfigError::at(
                format!("{list}[{i}]"),
                format!(
                    "`{}` needs a media codec at {} Hz in `{list}` (B10, B11)",
                    codec.name, codec.clock_rate
                ),
            ));
        }
        // B11: ulpfec is only used together with red.
        if codec.name.eq_ignore_ascii_case("ulpfec")
            && !codecs.iter().any(|c| role(&c.name) == Role::Red)
        {
            out.push(ConfigError::at(
                format!("{list}[{i}]"),
                format!("`ulpfec` needs `red` in `{list}` (B11)"),
            ));
        }
    }
}

fn check_codec(
    list: &str,
    kind: MediaKind,
    codec: &CodecConfig,
    at: &dyn Fn(&str) -> String,
    out: &mut Vec<ConfigError>,
) {
    let name = codec.name.as_str();
    if name.is_empty() {
        out.push(ConfigError::at(at("name"), "codec name is empty"));
    } else if name
        .chars()
        .any(|c| c == '/' || c.is_whitespace() || c.is_control())
    {
        out.push(ConfigError::at(
            at("name"),
            format!("`{name}` is not an encoding name (no spaces, `/` or control characters)"),
        ));
    } else {
        let other = match kind {
            MediaKind::Audio if listed(&VIDEO_ONLY, name) => Some("video"),
            MediaKind::Video if listed(&AUDIO_ONLY, name) => Some("audio"),
            _ => None,
        };
        if let Some(other) = other {
            out.push(ConfigError::at(
                at("name"),
                format!("`{name}` is a codec for {other}: list it under `{other}`, not `{list}`"),
            ));
        }
    }
    if codec.clock_rate == 0 {
        out.push(ConfigError::at(
            at("clock_rate"),
            "clock rate must be above 0",
        ));
    } else if kind == MediaKind::Video && listed(&VIDEO_ONLY, name) && codec.clock_rate != 90_000 {
        out.push(ConfigError::at(
            at("clock_rate"),
            format!("`{name}` runs at 90000 Hz, not {} (B2)", codec.clock_rate),
        ));
    }
    match codec.channels {
        Some(0) => out.push(ConfigError::at(
            at("channels"),
            "channel count must be above 0 (leave it out for 1)",
        )),
        Some(_) if kind == MediaKind::Video => out.push(ConfigError::at(
            at("channels"),
            "video codecs have no channel count",
        )),
        _ => {}
    }
    // B2, RFC 7587 §7: Opus is always `opus/48000/2`.
    if name.eq_ignore_ascii_case("opus")
        && (codec.clock_rate != 48_000 || codec.channels != Some(2))
    {
        out.push(ConfigError::at(
            at("name"),
            "opus is always `opus/48000/2`: clock_rate = 48000, channels = 2 (RFC 7587 §7)",
        ));
    }
    if let Some(fmtp) = &codec.fmtp {
        if let Err(message) = check_fmtp(name, fmtp) {
            out.push(ConfigError::at(at("fmtp"), message));
        }
    }
    if codec.rtx && !matches!(role(name), Role::Primary | Role::Red) {
        out.push(ConfigError::at(
            at("rtx"),
            format!("RTX protects media codecs and `red`, not `{name}` (B10)"),
        ));
    }
}

/// Codecs whose fmtp is a list of `name=value` parameters.
const KEY_VALUE_FMTP: [&str; 7] = ["H264", "H265", "VP8", "VP9", "AV1", "opus", "rtx"];

/// Checks an fmtp parameter text for codec `name` with sdp-core's codec-specific views.
fn check_fmtp(name: &str, fmtp: &str) -> Result<(), String> {
    if fmtp.trim().is_empty() {
        return Err("fmtp is empty: leave it out".to_owned());
    }
    if fmtp.chars().any(char::is_control) {
        return Err("fmtp must be one line without control characters".to_owned());
    }
    // A format is needed to build the attribute; "0 " puts our text at byte 2.
    let full = format!("0 {fmtp}");
    let parsed = Fmtp::parse(&full).map_err(|e| malformed(&full, e))?;
    let key_value = listed(&KEY_VALUE_FMTP, name);
    for (n, param) in parsed.params().enumerate() {
        match param.key {
            Some("") => return Err(format!("fmtp parameter `{}` has no name", param.value)),
            None if key_value => {
                return Err(format!(
                    "fmtp parameter `{}` is not `name=value`",
                    param.value
                ))
            }
            Some(key)
                if parsed
                    .params()
                    .take(n)
                    .any(|p| p.key.is_some_and(|k| k.eq_ignore_ascii_case(key))) =>
            {
                return Err(format!("fmtp parameter `{key}` appears twice"))
            }
            _ => {}
        }
    }
    let is = |n: &str| name.eq_ignore_ascii_case(n);
    let checked = if is("H264") {
        H264Params::from_fmtp(&parsed).map(drop)
    } else if is("H265") {
        H265Params::from_fmtp(&parsed).map(drop)
    } else if is("VP8") {
        Vp8Params::from_fmtp(&parsed).map(drop)
    } else if is("VP9") {
        Vp9Params::from_fmtp(&parsed).map(drop)
    } else if is("AV1") {
        Av1Params::from_fmtp(&parsed).map(drop)
    } else if is("opus") {
        OpusParams::from_fmtp(&parsed).map(drop)
    } else if is("telephone-event") {
        TelephoneEventParams::from_fmtp(&parsed).map(drop)
    } else if is("red") {
        RedParams::from_fmtp(&parsed).map(drop)
    } else if is("rtx") {
        RtxParams::from_fmtp(&parsed).map(drop)
    } else {
        Ok(())
    };
    checked.map_err(|e| malformed(&full, e))
}

fn malformed(full: &str, e: ValueError) -> String {
    let found = e.found_in(full);
    let offset = e.offset.saturating_sub(2);
    if found.is_empty() {
        format!("malformed fmtp: expected {} at byte {offset}", e.expected)
    } else {
        format!(
            "malformed fmtp: expected {}, found `{found}` at byte {offset}",
            e.expected
        )
    }
}

/// The feedback forms we know (RFC 4585 §4.2, RFC 5104 §7.1, RFC 8888, the two Google ones).
const KNOWN_FEEDBACK: &str = "`nack`, `nack pli`, `nack sli`, `nack rpsi`, `nack app`, \
     `ccm fir`, `ccm tmmbr`, `ccm tstr`, `ccm vbcm`, `ack rpsi`, `ack app`, `ack ccfb`, \
     `trr-int <ms>`, `goog-remb` or `transport-cc`";

/// Checks one rtcp-fb entry (the text after the payload type, e.g. `nack pli`), B14.
fn check_feedback(text: &str) -> Result<(), String> {
    let line = format!("* {text}");
    let fb = RtcpFb::parse(&line).map_err(|e| {
        format!(
            "malformed rtcp-fb `{text}`: expected {} at byte {}",
            e.expected,
            e.offset.saturating_sub(2)
        )
    })?;
    let param = fb.param().map(str::to_ascii_lowercase);
    let extra = fb.params().count() > 1;
    let known = match fb.kind() {
        FeedbackType::Nack => match param.as_deref() {
            None | Some("pli" | "sli" | "rpsi") => !extra,
            Some("app") => true,
            _ => false,
        },
        FeedbackType::Ccm => match param.as_deref() {
            Some("fir" | "tstr") => !extra,
            Some("tmmbr" | "vbcm") => true,
            _ => false,
        },
        FeedbackType::Ack => match param.as_deref() {
            Some("rpsi" | "ccfb") => !extra,
            Some("app") => true,
            _ => false,
        },
        // The parser has checked the interval.
        FeedbackType::TrrInt => true,
        FeedbackType::GoogRemb | FeedbackType::TransportCc => fb.params_text().is_none(),
        FeedbackType::Other(_) => false,
    };
    if known {
        Ok(())
    } else {
        Err(format!(
            "unknown rtcp-fb `{text}`, expected {KNOWN_FEEDBACK}"
        ))
    }
}

/// Feedback entries compare ignoring ASCII case and spacing (B14 compares case-insensitively).
fn same_feedback(a: &str, b: &str) -> bool {
    a.split_whitespace()
        .map(str::to_ascii_lowercase)
        .eq(b.split_whitespace().map(str::to_ascii_lowercase))
}

/// Two entries describe the same codec: same name (any case), clock rate, channel count (absent
/// is 1) and the same fmtp parameters in any order, names in any case.
fn same_codec(a: &CodecConfig, b: &CodecConfig) -> bool {
    a.name.eq_ignore_ascii_case(&b.name)
        && a.clock_rate == b.clock_rate
        && a.channels.unwrap_or(1) == b.channels.unwrap_or(1)
        && normalized_fmtp(a.fmtp.as_deref()) == normalized_fmtp(b.fmtp.as_deref())
}

fn normalized_fmtp(fmtp: Option<&str>) -> Vec<(Option<String>, String)> {
    let mut params: Vec<_> = fmtp
        .map(|text| {
            Fmtp::new("0", text)
                .params()
                .map(|p| (p.key.map(str::to_ascii_lowercase), p.value.to_owned()))
                .collect()
        })
        .unwrap_or_default();
    params.sort();
    params
}
