//! Structure: connection data, directions, attributes that appear once per level, media and
//! bandwidth types, `k=` lines and port counts (RFC 8866 §5, §6).

use std::collections::HashMap;
use std::net::{Ipv4Addr, Ipv6Addr};

use crate::attr::direction::Direction;
use crate::field::{AddrType, Bandwidth, Connection, MediaLine};
use crate::line::{Line, LineKind};
use crate::media::Media;
use crate::validate::{lints, Ctx, Loc};

lints! {
    MISSING_CONNECTION = "SDP0101" "missing-connection" Error [all] "RFC 8866 §5.7",
        title: "media section without connection data",
        explanation: "Every media section needs a `c=` line, its own or the one at session level. Without one the peer does not know where to send media; most stacks refuse the description. Rejected sections (port 0) are exempt.",
        wrong: "t=0 0\nm=audio 49170 RTP/AVP 0",
        right: "c=IN IP4 192.0.2.1\nt=0 0\nm=audio 49170 RTP/AVP 0";
    MULTICAST_WITHOUT_TTL = "SDP0102" "multicast-without-ttl" Error [all] "RFC 8866 §5.7",
        title: "IPv4 multicast address without TTL",
        explanation: "An IPv4 multicast connection address must carry a TTL (`/<ttl>`) that scopes how far its packets travel. A receiver cannot tell what scope the sender intended, and strict parsers refuse the line.",
        wrong: "c=IN IP4 224.2.1.1",
        right: "c=IN IP4 224.2.1.1/127";
    UNICAST_WITH_TTL = "SDP0103" "unicast-with-ttl" Warning [all] "RFC 8866 §5.7",
        title: "TTL or address count on a unicast address",
        explanation: "The `/<ttl>` and `/<number of addresses>` suffixes exist only for multicast addresses; the grammar of a unicast address has none. Most parsers ignore the suffix, some refuse the line, and a sender that writes one may believe it set a scope or a port range that nobody honours.",
        wrong: "c=IN IP4 192.0.2.1/127",
        right: "c=IN IP4 192.0.2.1";
    MULTIPLE_DIRECTIONS = "SDP0104" "multiple-directions" Error [all] "RFC 8866 §6.7",
        title: "more than one direction attribute at one level",
        explanation: "At most one of `sendrecv`, `sendonly`, `recvonly` and `inactive` may appear at session level and at most one in each media section. With two, implementations pick different ones (the first, the last, or refuse the description), so the media may flow the wrong way.",
        wrong: "m=audio 49170 RTP/AVP 0\na=sendonly\na=sendrecv",
        right: "m=audio 49170 RTP/AVP 0\na=sendonly";
    DUPLICATE_ATTRIBUTE = "SDP0105" "duplicate-attribute" Error [all] "RFC 8866 §6",
        title: "attribute that carries one value per level appears twice",
        explanation: "Attributes such as `mid`, `setup`, `ice-ufrag`, `ice-pwd`, `ptime`, `maxptime`, `quality`, `orient`, `rtcp`, `sctp-port` and `max-message-size` give one value for their level; their defining documents give no meaning to a second line. Peers keep the first, the last, or refuse the description (Firefox does), so the two ends may disagree.",
        wrong: "a=mid:0\na=mid:1",
        right: "a=mid:0";
    UNKNOWN_MEDIA_TYPE = "SDP0106" "unknown-media-type" Warning [all] "RFC 8866 §5.14",
        title: "unregistered media type",
        explanation: "The media types registered for `m=` are `audio`, `video`, `text`, `application`, `message` and `image`. A peer that does not know the type rejects the section; some parsers refuse the whole description.",
        wrong: "m=metadata 0 RTP/AVP 107",
        right: "m=application 0 RTP/AVP 107";
    WEBRTC_MEDIA_TYPE = "SDP0107" "webrtc-media-type" Error [Webrtc] "RFC 9429 §5.8",
        title: "media type other than audio, video or application in WebRTC",
        explanation: "JSEP only knows audio, video and data (`application`) sections. Firefox refuses a description with any other media type, and libwebrtc rejects the section; reject it with port 0 instead of offering it.",
        wrong: "m=text 9 UDP/TLS/RTP/SAVPF 98",
        right: "m=text 0 UDP/TLS/RTP/SAVPF 98";
    UNKNOWN_BANDWIDTH_TYPE = "SDP0108" "unknown-bandwidth-type" Warning [all] "RFC 8866 §5.8",
        title: "unknown bandwidth type",
        explanation: "The registered bandwidth types are `CT` and `AS` (RFC 8866), `RS` and `RR` (RFC 3556) and `TIAS` (RFC 3890); `X-` marks an experimental one. A receiver ignores a type it does not know, so the limit it was meant to set is lost.",
        wrong: "b=KBPS:128",
        right: "b=AS:128";
    KEY_LINE = "SDP0109" "key-line" Warning [all] "RFC 8866 §5.12",
        title: "obsolete `k=` line",
        explanation: "The `k=` line sent keys in clear text and is obsolete: it must not be sent, and a receiver discards it. Use a keying mechanism such as DTLS-SRTP (`a=fingerprint`) or SDES (`a=crypto`).",
        wrong: "k=clear:secret",
        right: "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR";
    PORT_COUNT_NON_RTP = "SDP0150" "port-count-non-rtp" Warning [all] "RFC 8866 §5.14",
        title: "port count with a non-RTP protocol",
        explanation: "`m=<media> <port>/<count>` has a meaning defined for RTP (one RTP/RTCP port pair per session). For other protocols the mapping depends on the protocol and is usually undefined, so the peer cannot know which ports to use.",
        wrong: "m=application 5000/2 TCP/BFCP *",
        right: "m=application 5000 TCP/BFCP *";
    PORT_COUNT_ODD_BASE = "SDP0151" "port-count-odd-base" Warning [all] "RFC 8866 §5.14",
        title: "RTP port count with an odd base port",
        explanation: "With `port/count`, RTP uses the even ports for media and the next odd port for RTCP, pair after pair. An odd base port breaks that pairing, and receivers disagree on which ports to open.",
        wrong: "m=video 49171/2 RTP/AVP 99",
        right: "m=video 49170/2 RTP/AVP 99";
}

/// The registered media types (RFC 8866 §5.14; `image` from RFC 6466).
const REGISTERED_MEDIA: [&str; 6] = ["audio", "video", "text", "application", "message", "image"];

/// The media types JSEP handles (RFC 9429 §5.8).
const WEBRTC_MEDIA: [&str; 3] = ["audio", "video", "application"];

/// The registered bandwidth types: CT, AS (RFC 8866 §5.8), RS, RR (RFC 3556 §2), TIAS
/// (RFC 3890 §6.2).
const BANDWIDTH_TYPES: [&str; 5] = ["CT", "AS", "RS", "RR", "TIAS"];

/// Attributes that carry a single value for their level, with the section that defines them.
const SINGLE: &[(&str, &str)] = &[
    ("mid", "RFC 5888 §4"),
    ("setup", "RFC 4145 §4"),
    ("ice-ufrag", "RFC 8839 §5.4"),
    ("ice-pwd", "RFC 8839 §5.4"),
    ("ptime", "RFC 8866 §6.4"),
    ("maxptime", "RFC 8866 §6.5"),
    ("orient", "RFC 8866 §6.8"),
    ("quality", "RFC 8866 §6.14"),
    ("rtcp", "RFC 3605 §2.1"),
    ("sctp-port", "RFC 8841 §5.2"),
    ("max-message-size", "RFC 8841 §6"),
];

/// Runs the rules of this family.
pub(crate) fn check(ctx: &mut Ctx<'_, '_>) {
    check_missing_connection(ctx);
    for (level, lines) in levels(ctx) {
        check_level(ctx, level, lines);
    }
    check_media_lines(ctx);
}

/// The lines of each level: `None` for the session, `Some(index)` for a media section.
pub(super) fn levels<'s, 'a>(ctx: &Ctx<'s, 'a>) -> Vec<(Option<usize>, &'s [Line<'a>])> {
    let session = ctx.session();
    std::iter::once((None, session.lines()))
        .chain(
            session
                .media()
                .iter()
                .enumerate()
                .map(|(i, m)| (Some(i), m.lines())),
        )
        .collect()
}

/// The location of line `index` of a level.
pub(super) fn level_loc(ctx: &Ctx<'_, '_>, level: Option<usize>, index: usize) -> Loc {
    match level {
        None => ctx.session_loc(index),
        Some(m) => ctx.media_loc(m, index),
    }
}

/// Narrows a whole-line location to `len` bytes at byte `start` of the line's text (any line
/// type; [`Loc::in_value`] does it for attribute values).
pub(super) fn in_line(loc: Loc, line: &Line<'_>, start: usize, len: usize) -> Loc {
    let column = line
        .text()
        .get(..start)
        .map_or(loc.column, |t| t.chars().count() + 1);
    Loc {
        column,
        span: loc.span.map(|s| {
            let from = (s.start + start).min(s.end);
            crate::span::Span::new(from, (from + len).min(s.end))
        }),
        ..loc
    }
}

/// `media section 2 (`m=video`, mid `1`)`.
pub(super) fn describe(index: usize, media: &Media<'_>) -> String {
    match media.mid() {
        Some(mid) => format!(
            "media section {} (`m={}`, mid `{mid}`)",
            index + 1,
            media.kind()
        ),
        None => format!("media section {} (`m={}`)", index + 1, media.kind()),
    }
}

fn check_missing_connection(ctx: &mut Ctx<'_, '_>) {
    let session = ctx.session();
    let has_c = |lines: &[Line<'_>]| lines.iter().any(|l| l.kind() == LineKind::Connection);
    // RFC 8866 §5.7: a c= line at session level, or one in every media description.
    if has_c(session.lines()) {
        return;
    }
    for (i, m) in session.media().iter().enumerate() {
        if ctx.is_rejected_media(m) || has_c(m.lines()) {
            continue;
        }
        ctx.report_help(
            &MISSING_CONNECTION,
            ctx.mline_loc(i),
            format!(
                "{} has no `c=` line and there is none at session level",
                describe(i, m)
            ),
            "add `c=IN IP4 <address>` to the section or at session level",
        );
    }
}

fn check_level(ctx: &mut Ctx<'_, '_>, level: Option<usize>, lines: &[Line<'_>]) {
    let where_ = match level {
        None => "at session level".to_owned(),
        Some(m) => format!("in media section {}", m + 1),
    };
    let mut direction: Option<(usize, &str)> = None;
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, line) in lines.iter().enumerate() {
        match line.kind() {
            LineKind::Connection => check_connection(ctx, level, i, line),
            LineKind::Bandwidth => check_bandwidth(ctx, level, i, line),
            // RFC 8866 §5.12: k= is obsolete; it must not be sent and is discarded.
            LineKind::Key => ctx.report_help(
                &KEY_LINE,
                level_loc(ctx, level, i),
                format!("obsolete `k=` line {where_}"),
                "remove it and key the media with DTLS-SRTP (`a=fingerprint`) or `a=crypto`",
            ),
            _ => {}
        }
        let Some(attr) = line.as_attribute() else {
            continue;
        };
        let name = attr.name();
        // RFC 8866 §6.7: at most one direction attribute per level.
        if Direction::from_name(name).is_some() {
            match direction {
                Some((first, first_name)) => ctx.report_help(
                    &MULTIPLE_DIRECTIONS,
                    level_loc(ctx, level, i),
                    format!(
                        "second direction attribute `a={name}` {where_}: `a={first_name}` is on line {}",
                        level_loc(ctx, level, first).line
                    ),
                    "keep a single direction attribute",
                ),
                None => direction = Some((i, name)),
            }
            continue;
        }
        // Each of these attributes gives one value for its level (see SINGLE for the sources).
        let Some((_, source)) = SINGLE.iter().find(|(n, _)| *n == name) else {
            continue;
        };
        match seen.get(name) {
            Some(&first) => ctx.report(
                &DUPLICATE_ATTRIBUTE,
                level_loc(ctx, level, i),
                format!(
                    "`a={name}` appears again {where_} (first on line {}); it carries one value per level ({source})",
                    level_loc(ctx, level, first).line
                ),
            ),
            None => {
                seen.insert(name, i);
            }
        }
    }
}

/// Whether `address` is an IPv4 or IPv6 multicast address; `None` when it is not an IP
/// address (an FQDN).
fn is_multicast(address: &str) -> Option<bool> {
    if let Ok(v4) = address.parse::<Ipv4Addr>() {
        return Some(v4.is_multicast());
    }
    address.parse::<Ipv6Addr>().ok().map(|v6| v6.is_multicast())
}

fn check_connection(ctx: &mut Ctx<'_, '_>, level: Option<usize>, i: usize, line: &Line<'_>) {
    let Ok(c) = Connection::parse(line.value()) else {
        return; // the parser reported it
    };
    let Some(multicast) = is_multicast(c.address) else {
        return;
    };
    let value = line.value();
    let at = line.value_offset() + value.find(c.address).unwrap_or_default();
    let loc = level_loc(ctx, level, i);
    if multicast {
        // RFC 8866 §5.7: IPv4 multicast connection addresses carry a TTL.
        if c.addr_type() == AddrType::Ip4 && c.ttl.is_none() {
            ctx.report_help(
                &MULTICAST_WITHOUT_TTL,
                in_line(loc, line, at, c.address.len()),
                format!("IPv4 multicast address `{}` has no TTL", c.address),
                format!(
                    "add the TTL the session needs, e.g. `c=IN IP4 {}/127`",
                    c.address
                ),
            );
        }
    } else if c.ttl.is_some() || c.count.is_some() {
        // RFC 8866 §5.7, §9: TTL and address count belong to multicast addresses only.
        let suffix = value
            .get(value.find('/').unwrap_or(value.len())..)
            .unwrap_or_default();
        let suffix_at = line.value_offset() + value.len() - suffix.len();
        ctx.report_help(
            &UNICAST_WITH_TTL,
            in_line(loc, line, suffix_at, suffix.len()),
            format!(
                "unicast address `{}` has a TTL or address count (`{suffix}`)",
                c.address
            ),
            format!("remove `{suffix}`"),
        );
    }
}

fn check_bandwidth(ctx: &mut Ctx<'_, '_>, level: Option<usize>, i: usize, line: &Line<'_>) {
    let Ok(b) = Bandwidth::parse(line.value()) else {
        return;
    };
    let known = BANDWIDTH_TYPES
        .iter()
        .any(|t| t.eq_ignore_ascii_case(b.bwtype))
        || b.bwtype
            .get(..2)
            .is_some_and(|p| p.eq_ignore_ascii_case("X-"));
    // RFC 8866 §5.8: receivers ignore bandwidth types they do not know.
    if !known {
        let loc = in_line(
            level_loc(ctx, level, i),
            line,
            line.value_offset(),
            b.bwtype.len(),
        );
        ctx.report_help(
            &UNKNOWN_BANDWIDTH_TYPE,
            loc,
            format!("unknown bandwidth type `{}`", b.bwtype),
            "use `AS` (kbit/s) or `TIAS` (bit/s)",
        );
    }
}

fn check_media_lines(ctx: &mut Ctx<'_, '_>) {
    let session = ctx.session();
    for (i, m) in session.media().iter().enumerate() {
        let kind = m.kind();
        let loc = ctx.mline_loc(i);
        let line = m.line();
        if !kind.is_empty() {
            let webrtc_ok = WEBRTC_MEDIA.contains(&kind);
            if ctx.enabled(&WEBRTC_MEDIA_TYPE) && !webrtc_ok {
                // RFC 9429 §5.8: JSEP handles audio, video and application sections only.
                if !ctx.is_rejected_media(m) {
                    ctx.report_help(
                        &WEBRTC_MEDIA_TYPE,
                        in_line(loc, line, line.value_offset(), kind.len()),
                        format!("media type `{kind}` is not audio, video or application"),
                        "reject the section (port 0) or use `application`",
                    );
                }
            } else if !REGISTERED_MEDIA.contains(&kind) {
                // RFC 8866 §5.14: audio, video, text, application, message (and image,
                // RFC 6466) are the registered media types.
                ctx.report(
                    &UNKNOWN_MEDIA_TYPE,
                    in_line(loc, line, line.value_offset(), kind.len()),
                    format!("unregistered media type `{kind}`"),
                );
            }
        }
        let Some(ml) = ctx.media_line(i) else {
            continue;
        };
        check_port_count(ctx, i, &ml, line);
    }
}

fn check_port_count(ctx: &mut Ctx<'_, '_>, i: usize, ml: &MediaLine<'_>, line: &Line<'_>) {
    let Some(count) = ml.port_count else {
        return;
    };
    let value = line.value();
    let port_at = value.find(' ').map_or(0, |p| p + 1);
    let port_len = value
        .get(port_at..)
        .and_then(|r| r.find(' '))
        .unwrap_or_default();
    let loc = in_line(
        ctx.mline_loc(i),
        line,
        line.value_offset() + port_at,
        port_len,
    );
    if !ml.is_rtp() {
        // RFC 8866 §5.14: the meaning of `port/count` depends on the protocol; only RTP's is
        // defined there.
        ctx.report(
            &PORT_COUNT_NON_RTP,
            loc,
            format!(
                "port count `{}/{count}` with non-RTP protocol `{}`",
                ml.port, ml.proto
            ),
        );
    } else if ml.port % 2 == 1 {
        // RFC 8866 §5.14: RTP on the even ports, RTCP on the next odd ones.
        ctx.report_help(
            &PORT_COUNT_ODD_BASE,
            loc,
            format!("RTP port count `{}/{count}` starts on an odd port", ml.port),
            format!("start on an even port, e.g. `{}/{count}`", ml.port - 1),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::tests::fixtures::find_in as find;
    use crate::validate::tests::fixtures::{self, codes, edit};
    use crate::validate::Profile;

    #[test]
    fn fixtures_are_clean_of_structure_lints() {
        for (text, profile) in [
            (fixtures::WEBRTC, Profile::Webrtc),
            (fixtures::SIP, Profile::Sip),
            (fixtures::ST2110, Profile::St2110),
            (fixtures::RFC8866, Profile::Rfc8866),
        ] {
            let found = codes(text, profile);
            assert!(
                !found
                    .iter()
                    .any(|c| c.starts_with("SDP010") || c.starts_with("SDP015")),
                "{profile}: {found:?}"
            );
        }
    }

    #[test]
    fn missing_connection_fires_when_no_level_has_c() {
        let text = edit(fixtures::SIP, "c=IN IP4 198.51.100.10\r\n", "");
        let d = find(&text, Profile::Sip, "SDP0101");
        assert_eq!((d.line(), d.column()), (5, 1));
        assert!(
            d.message().contains("media section 1 (`m=audio`)"),
            "{}",
            d.message()
        );
    }

    #[test]
    fn missing_connection_is_silent_for_media_level_c_and_rejected_sections() {
        let text = edit(
            fixtures::SIP,
            "c=IN IP4 198.51.100.10\r\nt=0 0\r\nm=audio 49170 RTP/AVP 0 8 9 101\r\n",
            "t=0 0\r\nm=audio 49170 RTP/AVP 0 8 9 101\r\nc=IN IP4 198.51.100.10\r\n",
        );
        assert!(!codes(&text, Profile::Sip).contains(&"SDP0101"));
        let rejected = edit(&text, "c=IN IP4 198.51.100.10\r\n", "");
        let rejected = edit(&rejected, "m=audio 49170", "m=audio 0");
        assert!(!codes(&rejected, Profile::Sip).contains(&"SDP0101"));
    }

    #[test]
    fn multicast_without_ttl_fires_on_bare_ipv4_multicast() {
        let text = edit(fixtures::ST2110, "239.100.9.10/32\r\n", "239.100.9.10\r\n");
        let d = find(&text, Profile::St2110, "SDP0102");
        assert_eq!((d.line(), d.column()), (6, 10));
        assert_eq!(
            d.message(),
            "IPv4 multicast address `239.100.9.10` has no TTL"
        );
    }

    #[test]
    fn multicast_without_ttl_is_silent_with_ttl_and_for_ipv6() {
        assert!(!codes(fixtures::ST2110, Profile::St2110).contains(&"SDP0102"));
        let text = edit(
            fixtures::SIP,
            "c=IN IP4 198.51.100.10",
            "c=IN IP6 FF15::101",
        );
        assert!(!codes(&text, Profile::Sip).contains(&"SDP0102"));
    }

    #[test]
    fn unicast_with_ttl_fires_on_suffix() {
        let text = edit(
            fixtures::SIP,
            "c=IN IP4 198.51.100.10",
            "c=IN IP4 198.51.100.10/127",
        );
        let d = find(&text, Profile::Sip, "SDP0103");
        assert_eq!((d.line(), d.column()), (4, 23));
        assert!(d.message().contains("`/127`"), "{}", d.message());
    }

    #[test]
    fn unicast_with_ttl_is_silent_on_plain_unicast() {
        assert!(!codes(fixtures::SIP, Profile::Sip).contains(&"SDP0103"));
    }

    #[test]
    fn multiple_directions_fires_on_second_direction() {
        let text = edit(
            fixtures::SIP,
            "a=sendrecv\r\n",
            "a=sendrecv\r\na=sendonly\r\n",
        );
        let d = find(&text, Profile::Sip, "SDP0104");
        assert_eq!(d.line(), 14);
        assert!(d
            .message()
            .starts_with("second direction attribute `a=sendonly`"));
    }

    #[test]
    fn multiple_directions_is_silent_with_one_per_level() {
        let text = edit(fixtures::SIP, "t=0 0\r\n", "t=0 0\r\na=recvonly\r\n");
        assert!(!codes(&text, Profile::Sip).contains(&"SDP0104"));
    }

    #[test]
    fn duplicate_attribute_fires_on_second_ptime() {
        let text = edit(
            fixtures::SIP,
            "a=ptime:20\r\n",
            "a=ptime:20\r\na=ptime:30\r\n",
        );
        let d = find(&text, Profile::Sip, "SDP0105");
        assert_eq!(d.line(), 13);
        assert!(d.message().contains("RFC 8866 §6.4"), "{}", d.message());
    }

    #[test]
    fn duplicate_attribute_is_silent_for_repeatable_attributes() {
        // rtpmap and candidate repeat legitimately; one mid per section.
        assert!(!codes(fixtures::WEBRTC, Profile::Webrtc).contains(&"SDP0105"));
    }

    #[test]
    fn unknown_media_type_fires_on_unregistered_type() {
        let text = edit(fixtures::RFC8866, "m=video 0", "m=metadata 0");
        let d = find(&text, Profile::Rfc8866, "SDP0106");
        assert_eq!((d.line(), d.column()), (8, 3));
    }

    #[test]
    fn unknown_media_type_is_silent_for_registered_types() {
        let text = edit(fixtures::RFC8866, "m=video 0", "m=text 0");
        assert!(!codes(&text, Profile::Rfc8866).contains(&"SDP0106"));
    }

    #[test]
    fn webrtc_media_type_fires_on_text_section() {
        let text = edit(fixtures::WEBRTC, "m=video 9", "m=text 9");
        let found = codes(&text, Profile::Webrtc);
        assert!(found.contains(&"SDP0107"), "{found:?}");
        assert!(!found.contains(&"SDP0106"));
    }

    #[test]
    fn webrtc_media_type_is_silent_when_rejected_or_outside_webrtc() {
        let text = edit(fixtures::WEBRTC, "m=video 9", "m=text 0");
        assert!(!codes(&text, Profile::Webrtc).contains(&"SDP0107"));
        let text = edit(fixtures::SIP, "m=audio", "m=text");
        assert!(!codes(&text, Profile::Sip).contains(&"SDP0107"));
    }

    #[test]
    fn unknown_bandwidth_type_fires_on_unregistered_type() {
        let text = edit(
            fixtures::SIP,
            "m=audio 49170 RTP/AVP 0 8 9 101\r\n",
            "m=audio 49170 RTP/AVP 0 8 9 101\r\nb=KBPS:64\r\n",
        );
        let d = find(&text, Profile::Sip, "SDP0108");
        assert_eq!(
            (d.line(), d.column(), d.message()),
            (7, 3, "unknown bandwidth type `KBPS`")
        );
    }

    #[test]
    fn unknown_bandwidth_type_is_silent_for_registered_and_experimental_types() {
        for b in ["AS:64", "TIAS:64000", "RR:0", "RS:0", "CT:100", "X-YZ:128"] {
            let text = edit(fixtures::SIP, "t=0 0\r\n", &format!("b={b}\r\nt=0 0\r\n"));
            assert!(!codes(&text, Profile::Sip).contains(&"SDP0108"), "{b}");
        }
    }

    #[test]
    fn key_line_fires_on_k() {
        let text = edit(fixtures::SIP, "t=0 0\r\n", "t=0 0\r\nk=clear:secret\r\n");
        assert!(codes(&text, Profile::Sip).contains(&"SDP0109"));
    }

    #[test]
    fn key_line_is_silent_without_k() {
        assert!(!codes(fixtures::SIP, Profile::Sip).contains(&"SDP0109"));
    }

    #[test]
    fn port_count_non_rtp_fires_on_tcp_protocol() {
        let text = edit(
            fixtures::RFC8866,
            "m=video 0 RTP/AVP 96",
            "m=application 5000/2 TCP/BFCP 96",
        );
        let d = find(&text, Profile::Rfc8866, "SDP0150");
        assert_eq!((d.line(), d.column()), (8, 15));
    }

    #[test]
    fn port_count_odd_base_fires_on_odd_rtp_port() {
        let text = edit(fixtures::SIP, "m=audio 49170 ", "m=audio 49171/2 ");
        let found = codes(&text, Profile::Sip);
        assert!(found.contains(&"SDP0151"), "{found:?}");
        assert!(!found.contains(&"SDP0150"));
    }

    #[test]
    fn port_count_is_silent_on_even_rtp_base() {
        let text = edit(fixtures::SIP, "m=audio 49170 ", "m=audio 49170/2 ");
        let found = codes(&text, Profile::Sip);
        assert!(
            !found.contains(&"SDP0150") && !found.contains(&"SDP0151"),
            "{found:?}"
        );
    }
}
