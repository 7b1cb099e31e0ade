//! `sdp summary`: a compact overview of a session, one block per m-section.
//!
//! ```
//! let sdp = "v=0\r\no=- 1 2 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n\
//!            m=audio 49170 RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\n";
//! let session = sdp_core::Session::parse(sdp).unwrap();
//! let mut out = Vec::new();
//! sdp_cli::summary::write_summary(&mut out, "call.sdp", &session).unwrap();
//! assert_eq!(String::from_utf8(out).unwrap(), "\
//! call.sdp: origin - session 1 version 2, 1 media section
//!   m[0] audio mid=- sendrecv port 49170 RTP/AVP
//!        codecs: PCMU/8000, telephone-event/8000
//!        address: IN IP4 192.0.2.1
//! ");
//! ```

use std::collections::BTreeMap;
use std::io::{self, Write};

use sdp_core::attr::bundle::Group;
use sdp_core::attr::dtls::{Fingerprint, Setup};
use sdp_core::attr::ice::{IcePwd, IceUfrag};
use sdp_core::attr::msid::Msid;
use sdp_core::attr::rid::Rid;
use sdp_core::attr::sctp::{MaxMessageSize, SctpPort, Sctpmap};
use sdp_core::attr::simulcast::Simulcast;
use sdp_core::attr::ssrc::{Ssrc, SsrcGroup};
use sdp_core::codec::Codec;
use sdp_core::{Media, Session};

/// Writes the overview of `session`, headed by `label`.
pub fn write_summary(out: &mut dyn Write, label: &str, session: &Session<'_>) -> io::Result<()> {
    let n = session.media().len();
    let origin = session.origin().map_or_else(
        || "no origin".to_owned(),
        |o| {
            format!(
                "origin {} session {} version {}",
                o.username, o.session_id, o.session_version
            )
        },
    );
    writeln!(
        out,
        "{label}: {origin}, {n} media section{}",
        if n == 1 { "" } else { "s" }
    )?;
    let groups: Vec<String> = session
        .typed::<Group>()
        .map(|g| format!("{} {}", g.semantics_str(), g.mids_str()))
        .collect();
    if !groups.is_empty() {
        writeln!(out, "  groups: {}", groups.join("; "))?;
    }
    let session_transport = transport_lines(
        session.first::<IceUfrag>(),
        session.first::<IcePwd>(),
        session.first::<Fingerprint>(),
        session.first::<Setup>(),
        session.has_attribute("ice-lite"),
    );
    for line in session_transport {
        writeln!(out, "  {line}")?;
    }
    for (i, media) in session.media().iter().enumerate() {
        write_media(out, session, i, media)?;
    }
    Ok(())
}

fn write_media(
    out: &mut dyn Write,
    session: &Session<'_>,
    index: usize,
    media: &Media<'_>,
) -> io::Result<()> {
    let (port, proto) = media
        .media_line()
        .map_or_else(|| ("?".to_owned(), "?"), |m| (m.port.to_string(), m.proto));
    let disabled = if media.is_disabled() {
        " (disabled)"
    } else {
        ""
    };
    writeln!(
        out,
        "  m[{index}] {} mid={} {} port {port} {proto}{disabled}",
        media.kind(),
        media.mid().unwrap_or("-"),
        session.direction_of(media),
    )?;
    let pad = "       ";
    let codecs = media.codecs();
    if !codecs.is_empty() {
        writeln!(out, "{pad}codecs: {}", codec_list(&codecs))?;
    }
    if media.has_attribute("sctp-port") || media.has_attribute("sctpmap") {
        let port = media
            .first::<SctpPort>()
            .map(|p| p.0)
            .or_else(|| media.first::<Sctpmap>().map(|m| m.number));
        let size = media.first::<MaxMessageSize>().map(|m| m.0);
        writeln!(
            out,
            "{pad}data channel: sctp-port {}, max-message-size {}",
            port.map_or("?".to_owned(), |p| p.to_string()),
            size.map_or("unset (64 KiB)".to_owned(), |s| s.to_string())
        )?;
    }
    for line in transport_lines(
        media.first::<IceUfrag>(),
        media.first::<IcePwd>(),
        media.first::<Fingerprint>(),
        media.first::<Setup>(),
        false,
    ) {
        writeln!(out, "{pad}{line}")?;
    }
    let mut candidates: BTreeMap<String, usize> = BTreeMap::new();
    for c in media.candidates() {
        *candidates
            .entry(c.kind_str().to_ascii_lowercase())
            .or_default() += 1;
    }
    if !candidates.is_empty() {
        let list: Vec<String> = candidates.iter().map(|(k, n)| format!("{k} {n}")).collect();
        let end = if media.has_attribute("end-of-candidates") {
            ", end-of-candidates"
        } else {
            ""
        };
        writeln!(out, "{pad}candidates: {}{end}", list.join(", "))?;
    }
    let mut flags = Vec::new();
    for flag in ["rtcp-mux", "rtcp-mux-only", "rtcp-rsize", "bundle-only"] {
        if media.has_attribute(flag) {
            flags.push(flag.to_owned());
        }
    }
    let extmaps = media.attributes_named("extmap").count();
    if extmaps > 0 {
        flags.push(format!("{extmaps} extmaps"));
    }
    if !flags.is_empty() {
        writeln!(out, "{pad}rtp: {}", flags.join(", "))?;
    }
    let rids: Vec<String> = media
        .typed::<Rid>()
        .map(|r| format!("{} {}", r.id(), r.direction().as_str()))
        .collect();
    if !rids.is_empty() {
        writeln!(out, "{pad}rids: {}", rids.join(", "))?;
    }
    if let Some(simulcast) = media.first::<Simulcast>() {
        writeln!(out, "{pad}simulcast: {simulcast}")?;
    }
    let ssrcs = ssrc_ids(media);
    if !ssrcs.is_empty() {
        let groups: Vec<String> = media
            .typed::<SsrcGroup>()
            .map(|g| g.semantics_str().to_owned())
            .collect();
        let groups = if groups.is_empty() {
            String::new()
        } else {
            format!(" (groups: {})", groups.join(", "))
        };
        writeln!(out, "{pad}ssrcs: {}{groups}", ssrcs.len())?;
    }
    if let Some(msid) = media.first::<Msid>() {
        writeln!(
            out,
            "{pad}msid: stream {} track {}",
            msid.stream_id().unwrap_or("-"),
            msid.track_id().unwrap_or("-")
        )?;
    }
    if let Some(c) = session.connection_of(media) {
        writeln!(out, "{pad}address: {c}")?;
    }
    Ok(())
}

/// The overview as JSON, for `sdp summary --format json`: the same facts as the text.
///
/// ```
/// let sdp = "v=0\r\no=- 1 2 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n\
///            m=audio 49170 RTP/AVP 0\r\n";
/// let session = sdp_core::Session::parse(sdp).unwrap();
/// let v = sdp_cli::summary::summary_value("call.sdp", &session);
/// assert_eq!(v["media"][0]["codecs"][0]["name"], "PCMU");
/// assert_eq!(v["media"][0]["direction"], "sendrecv");
/// ```
pub fn summary_value(label: &str, session: &Session<'_>) -> serde_json::Value {
    use serde_json::json;
    let origin = session.origin().map(|o| {
        json!({"username": o.username, "session_id": o.session_id, "session_version": o.session_version})
    });
    let groups: Vec<_> = session
        .typed::<Group>()
        .map(|g| json!({"semantics": g.semantics_str(), "mids": g.mids().collect::<Vec<_>>()}))
        .collect();
    let media: Vec<_> = session
        .media()
        .iter()
        .enumerate()
        .map(|(index, media)| {
            let line = media.media_line();
            let codecs: Vec<_> = media
                .codecs()
                .iter()
                .map(|c| {
                    let fmtp: serde_json::Map<String, serde_json::Value> = c
                        .fmtp
                        .iter()
                        .flat_map(|f| f.params())
                        // A bare value (`0-15`) is a key without value, as in the JSON model.
                        .map(|p| match p.key {
                            Some(k) => (k.to_owned(), json!(p.value)),
                            None => (p.value.to_owned(), serde_json::Value::Null),
                        })
                        .collect();
                    json!({
                        "pt": c.payload_type,
                        "name": c.is_known().then_some(c.encoding_name),
                        "clock_rate": c.clock_rate,
                        "channels": c.channels,
                        "fmtp": fmtp,
                        "rtx_for": c.rtx_apt(),
                    })
                })
                .collect();
            let mut candidates: BTreeMap<String, usize> = BTreeMap::new();
            for c in media.candidates() {
                *candidates.entry(c.kind_str().to_ascii_lowercase()).or_default() += 1;
            }
            let ufrag = media.first::<IceUfrag>().or_else(|| session.first::<IceUfrag>());
            let fingerprint = media
                .first::<Fingerprint>()
                .or_else(|| session.first::<Fingerprint>());
            let setup = media.first::<Setup>().or_else(|| session.first::<Setup>());
            let data = (media.has_attribute("sctp-port") || media.has_attribute("sctpmap")).then(|| {
                json!({
                    "sctp_port": media.first::<SctpPort>().map(|p| p.0).or_else(|| media.first::<Sctpmap>().map(|m| m.number)),
                    "max_message_size": media.first::<MaxMessageSize>().map(|m| m.0),
                })
            });
            json!({
                "index": index,
                "kind": media.kind(),
                "mid": media.mid(),
                "direction": session.direction_of(media).to_string(),
                "port": line.map(|l| l.port),
                "proto": line.map(|l| l.proto),
                "disabled": media.is_disabled(),
                "codecs": codecs,
                "ice_ufrag": ufrag.map(|u| u.as_str()),
                "candidates": candidates,
                "end_of_candidates": media.has_attribute("end-of-candidates"),
                "dtls_setup": setup.map(|s| s.to_string()),
                "fingerprint_hash": fingerprint.map(|f| f.hash_str()),
                "rtcp_mux": media.has_attribute("rtcp-mux"),
                "extmaps": media.attributes_named("extmap").count(),
                "rids": media.typed::<Rid>().map(|r| json!({"id": r.id(), "direction": r.direction().as_str()})).collect::<Vec<_>>(),
                "simulcast": media.first::<Simulcast>().map(|s| s.to_string()),
                "ssrcs": ssrc_ids(media),
                "msid": media.first::<Msid>().map(|m| json!({"stream": m.stream_id(), "track": m.track_id()})),
                "data_channel": data,
                "connection": session.connection_of(media).map(|c| c.to_string()),
            })
        })
        .collect();
    json!({"input": label, "origin": origin, "groups": groups, "media": media})
}

/// The distinct SSRCs of a section, in order of appearance.
fn ssrc_ids(media: &Media<'_>) -> Vec<u32> {
    let mut ssrcs: Vec<u32> = media.typed::<Ssrc>().map(|s| s.ssrc).collect();
    ssrcs.dedup();
    ssrcs
}

/// ICE credentials and DTLS lines, at one level.
fn transport_lines(
    ufrag: Option<IceUfrag<'_>>,
    pwd: Option<IcePwd<'_>>,
    fingerprint: Option<Fingerprint<'_>>,
    setup: Option<Setup>,
    lite: bool,
) -> Vec<String> {
    let mut out = Vec::new();
    if ufrag.is_some() || pwd.is_some() || lite {
        out.push(format!(
            "ice: ufrag {}, pwd {} chars{}",
            ufrag.map_or("-", |u| u.as_str()),
            pwd.map_or(0, |p| p.as_str().chars().count()),
            if lite { ", ice-lite" } else { "" }
        ));
    }
    if fingerprint.is_some() || setup.is_some() {
        out.push(format!(
            "dtls: setup {}, fingerprint {}",
            setup.map_or_else(|| "-".to_owned(), |s| s.to_string()),
            fingerprint.map_or("-", |f| f.hash_str())
        ));
    }
    out
}

/// `opus/48000/2 (minptime=10), VP8/90000 +rtx, H264/90000 (42e01f, mode 1) +rtx, ...`:
/// repair formats (rtx) are folded into the codec they repair.
fn codec_list(codecs: &[Codec<'_>]) -> String {
    let mut parts = Vec::new();
    for codec in codecs {
        if codec.is("rtx")
            && codec
                .rtx_apt()
                .is_some_and(|apt| codecs.iter().any(|c| c.payload_type == apt))
        {
            continue;
        }
        let mut text = if codec.is_known() {
            let mut t = codec.encoding_name.to_owned();
            if let Some(rate) = codec.clock_rate {
                t.push_str(&format!("/{rate}"));
            }
            if let Some(ch) = codec.channels {
                t.push_str(&format!("/{ch}"));
            }
            t
        } else {
            format!("PT {} (no rtpmap)", codec.payload_type)
        };
        let keys: &[&str] = match codec.encoding_name.to_ascii_lowercase().as_str() {
            "h264" => &["profile-level-id", "packetization-mode"],
            "h265" => &["profile-id", "level-id", "tx-mode"],
            "vp9" => &["profile-id"],
            "av1" => &["profile", "level-idx"],
            "opus" => &["stereo", "useinbandfec"],
            "red" => &[],
            "telephone-event" => &["events"],
            _ => &[],
        };
        let params: Vec<String> = keys
            .iter()
            .filter_map(|k| codec.fmtp_param(k).map(|v| format!("{k}={v}")))
            .collect();
        if !params.is_empty() {
            text.push_str(&format!(" ({})", params.join(" ")));
        }
        if codecs
            .iter()
            .any(|c| c.is("rtx") && c.rtx_apt() == Some(codec.payload_type))
        {
            text.push_str(" +rtx");
        }
        parts.push(text);
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chrome_example_shows_every_part() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/chrome-offer.sdp");
        let text = std::fs::read_to_string(path).unwrap();
        let session = Session::parse(&text).unwrap();
        let mut out = Vec::new();
        write_summary(&mut out, "chrome", &session).unwrap();
        let out = String::from_utf8(out).unwrap();
        for part in [
            "groups: BUNDLE 0 1 2",
            "m[0] audio mid=0 sendrecv port 54321 UDP/TLS/RTP/SAVPF",
            "opus/48000/2",
            "VP8/90000 +rtx",
            "H264/90000 (profile-level-id=42e01f packetization-mode=1) +rtx",
            "dtls: setup actpass, fingerprint sha-256",
            "candidates: host",
            "data channel: sctp-port 5000",
            "m[2] application mid=2",
        ] {
            assert!(out.contains(part), "missing {part:?} in\n{out}");
        }
        assert!(
            !out.contains("rtx/90000"),
            "rtx should fold into its codec:\n{out}"
        );
    }
}
