//! One test per change kind of the session and of the section structure, on edits of [`BASE`],
//! the session the other kind tests edit too.

use super::*;

/// Two bundled sections with one of everything the diff compares.
pub(super) const BASE: &str = "v=0
o=- 100 1 IN IP4 127.0.0.1
s=-
t=0 0
a=group:BUNDLE 0 1
a=msid-semantic: WMS s1
m=audio 9 UDP/TLS/RTP/SAVPF 111 0
c=IN IP4 0.0.0.0
a=mid:0
a=sendrecv
a=ice-ufrag:aaaa
a=ice-pwd:aaaaaaaaaaaaaaaaaaaaaaaa
a=ice-options:trickle
a=fingerprint:sha-256 AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89
a=setup:actpass
a=rtcp-mux
a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level
a=rtpmap:111 opus/48000/2
a=fmtp:111 minptime=10;useinbandfec=1
a=rtcp-fb:111 transport-cc
a=msid:s1 a1
a=ssrc:1111 cname:c1
a=candidate:1 1 udp 2122260223 192.0.2.10 50000 typ host
m=video 9 UDP/TLS/RTP/SAVPF 96 97 102
c=IN IP4 0.0.0.0
a=mid:1
a=sendonly
a=ice-ufrag:aaaa
a=ice-pwd:aaaaaaaaaaaaaaaaaaaaaaaa
a=fingerprint:sha-256 AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89
a=setup:actpass
a=rtcp-mux
a=extmap:2 urn:ietf:params:rtp-hdrext:toffset
a=rtpmap:96 VP8/90000
a=rtcp-fb:96 nack
a=rtpmap:97 rtx/90000
a=fmtp:97 apt=96
a=rtpmap:102 H264/90000
a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f
a=msid:s1 v1
a=rid:h send
a=rid:l send
a=simulcast:send h;l
a=ssrc-group:FID 2222 3333
a=ssrc:2222 cname:c1
a=ssrc:3333 cname:c1
";

/// One edit per ignore category, each making changes of that category only.
pub(super) const CATEGORY_EDITS: &[(&str, &str, &str)] = &[
    ("origin", "o=- 100 1", "o=- 200 2"),
    (
        "candidates",
        "a=candidate:1 1 udp 2122260223 192.0.2.10 50000 typ host\n",
        "a=end-of-candidates\n",
    ),
    (
        "ssrc",
        "a=ssrc-group:FID 2222 3333\na=ssrc:2222 cname:c1",
        "a=ssrc-group:FID 3333 2222\na=ssrc:2222 cname:c9",
    ),
    (
        "msid",
        "a=msid:s1 a1",
        "a=msid:s2 a1\na=ssrc:1111 msid:s2 a1",
    ),
    ("ice", "a=ice-ufrag:aaaa", "a=ice-ufrag:bbbb\na=ice-lite"),
    ("fingerprint", "sha-256 AB:CD", "sha-256 BA:CD"),
    ("setup", "a=setup:actpass", "a=setup:active"),
    ("extmap", "a=extmap:1 ", "a=extmap-allow-mixed\na=extmap:3 "),
    ("rtcp-fb", "a=rtcp-fb:96 nack", "a=rtcp-fb:96 nack pli"),
    ("bandwidth", "a=mid:0", "b=AS:64\na=mid:0"),
    (
        "codecs",
        "m=audio 9 UDP/TLS/RTP/SAVPF 111 0",
        "m=audio 9 UDP/TLS/RTP/SAVPF 0 111 8\na=fmtp:111 minptime=20",
    ),
    ("direction", "a=sendrecv", "a=recvonly"),
    ("port", "m=audio 9 ", "m=audio 0 "),
    (
        "rid",
        "a=rid:l send\na=simulcast:send h;l",
        "a=simulcast:send h",
    ),
    (
        "group",
        "a=group:BUNDLE 0 1",
        "a=group:BUNDLE 1 0\na=group:LS 0 1",
    ),
    ("connection", "c=IN IP4 0.0.0.0", "c=IN IP4 192.0.2.1"),
];

#[test]
fn base_is_identical_to_itself() {
    assert!(diff_text(BASE, BASE).is_empty());
}

#[test]
fn session_id_change_is_reported_apart_from_the_version() {
    let d = diff_text(BASE, &edit(BASE, "o=- 100 1", "o=- 101 1"));
    assert_eq!(kinds(&d), ["session-id"]);
    assert_eq!(values(&d.changes[0]), (Some("100"), Some("101")));
    let d = diff_text(BASE, &edit(BASE, "o=- 100 1", "o=- 101 2"));
    assert_eq!(kinds(&d), ["session-id", "session-version"]);
}

#[test]
fn session_version_bump() {
    let c = only("o=- 100 1", "o=- 100 2");
    assert_eq!((c.kind, c.op), (ChangeKind::SessionVersion, Op::Changed));
    assert_eq!(c.section, None);
}

#[test]
fn origin_address() {
    let c = only("IN IP4 127.0.0.1", "IN IP4 192.0.2.7");
    assert_eq!(
        c.kind,
        ChangeKind::Origin {
            field: "address".into()
        }
    );
    assert_eq!(values(&c), (Some("127.0.0.1"), Some("192.0.2.7")));
}

#[test]
fn malformed_origin_is_compared_as_text() {
    let c = only("o=- 100 1 IN IP4 127.0.0.1", "o=broken");
    assert_eq!(
        c.kind,
        ChangeKind::Origin {
            field: "line".into()
        }
    );
    assert_eq!(
        values(&c),
        (Some("- 100 1 IN IP4 127.0.0.1"), Some("broken"))
    );
}

#[test]
fn session_name() {
    let c = only("s=-", "s=call");
    assert_eq!(c.kind, ChangeKind::SessionName);
    assert_eq!(values(&c), (Some("-"), Some("call")));
}

#[test]
fn session_connection_added() {
    let c = only("t=0 0", "c=IN IP4 192.0.2.1\nt=0 0");
    assert_eq!(
        (c.kind, c.op, c.section),
        (ChangeKind::Connection, Op::Added, None)
    );
}

#[test]
fn section_connection_changed() {
    let c = only("c=IN IP4 0.0.0.0", "c=IN IP4 192.0.2.1");
    assert_eq!(c.kind, ChangeKind::Connection);
    assert_eq!(
        values(&c),
        (Some("IN IP4 0.0.0.0"), Some("IN IP4 192.0.2.1"))
    );
    assert_eq!(mid(&c), Some("0"));
}

#[test]
fn connection_moved_to_session_level_is_no_difference() {
    let b = BASE
        .replace("c=IN IP4 0.0.0.0\n", "")
        .replace("t=0 0\n", "t=0 0\nc=IN IP4 0.0.0.0\n");
    let d = diff_text(BASE, &b);
    // The session gained a c= line; what each section uses did not change.
    assert_eq!(kinds(&d), ["connection"]);
    assert_eq!(d.changes[0].section, None);
}

#[test]
fn bandwidth_added_and_changed() {
    let c = only("a=mid:0", "b=AS:64\na=mid:0");
    assert_eq!(
        c.kind,
        ChangeKind::Bandwidth {
            bwtype: "AS".into()
        }
    );
    assert_eq!((c.op, c.after.as_deref()), (Op::Added, Some("64")));
    let a = edit(BASE, "a=mid:0", "b=AS:64\na=mid:0");
    let d = diff_text(&a, &edit(&a, "b=AS:64", "b=as:128"));
    assert_eq!(kinds(&d), ["bandwidth"]);
    assert_eq!(values(&d.changes[0]), (Some("64"), Some("128")));
}

#[test]
fn other_lines_by_type_letter() {
    let c = only("s=-\n", "s=-\ni=A talk\n");
    assert_eq!(c.kind, ChangeKind::Line { letter: "i".into() });
    assert_eq!((c.op, c.after.as_deref()), (Op::Added, Some("A talk")));
    let c = only("t=0 0", "t=3034423619 3042462419");
    assert_eq!(values(&c), (Some("0 0"), Some("3034423619 3042462419")));
}

#[test]
fn generic_attribute_added_removed_changed() {
    let c = only(
        "a=rtcp-mux\na=extmap:1",
        "a=rtcp-mux\na=rtcp-rsize\na=extmap:1",
    );
    assert_eq!(
        c.kind,
        ChangeKind::Attribute {
            name: "rtcp-rsize".into()
        }
    );
    assert_eq!(values(&c), (None, Some("")));
    let c = only("a=rtcp-mux\n", "");
    assert_eq!((c.op, mid(&c)), (Op::Removed, Some("0")));
    let a = edit(BASE, "a=rtcp-mux\n", "a=rtcp-mux\na=ptime:20\n");
    let d = diff_text(&a, &edit(&a, "a=ptime:20", "a=ptime:40"));
    assert_eq!(kinds(&d), ["attribute"]);
    assert_eq!(values(&d.changes[0]), (Some("20"), Some("40")));
}

#[test]
fn unknown_attributes_are_compared_as_written() {
    let c = only("a=rtcp-mux\n", "a=rtcp-mux\na=x-google-flag:conference\n");
    assert_eq!(
        c.kind,
        ChangeKind::Attribute {
            name: "x-google-flag".into()
        }
    );
    assert_eq!(c.after.as_deref(), Some("conference"));
}

#[test]
fn bundle_group_mids() {
    let c = only("a=group:BUNDLE 0 1", "a=group:BUNDLE 1 0");
    assert_eq!(
        c.kind,
        ChangeKind::Group {
            semantics: "BUNDLE".into()
        }
    );
    assert_eq!(values(&c), (Some("0 1"), Some("1 0")));
}

#[test]
fn direction_of_a_section() {
    let c = only("a=sendrecv", "a=inactive");
    assert_eq!(c.kind, ChangeKind::Direction);
    assert_eq!(values(&c), (Some("sendrecv"), Some("inactive")));
}

#[test]
fn direction_is_the_effective_one() {
    // No attribute means sendrecv (RFC 8866 §6.7): dropping `a=sendrecv` changes nothing.
    assert!(diff_text(BASE, &edit(BASE, "a=sendrecv\n", "")).is_empty());
}

#[test]
fn section_added() {
    let b = format!("{BASE}m=application 9 UDP/DTLS/SCTP webrtc-datachannel\na=mid:2\n");
    let d = diff_text(BASE, &b);
    assert_eq!(kinds(&d), ["section-added"]);
    let c = &d.changes[0];
    assert_eq!(
        c.after.as_deref(),
        Some("application 9 UDP/DTLS/SCTP webrtc-datachannel")
    );
    let section = c.section.as_ref().unwrap();
    assert_eq!(
        (section.a.is_none(), section.b.as_ref().unwrap().index),
        (true, 2)
    );
}

#[test]
fn section_removed() {
    let end = BASE.find("m=video").unwrap();
    let d = diff_text(BASE, &BASE[..end]);
    assert_eq!(kinds(&d), ["section-removed"]);
    let c = &d.changes[0];
    assert_eq!(
        (c.op, c.section.as_ref().unwrap().b.is_none()),
        (Op::Removed, true)
    );
}

#[test]
fn section_with_a_new_mid_at_the_same_index_is_recycled() {
    let d = diff_text(BASE, &edit(BASE, "a=mid:1", "a=mid:2"));
    assert_eq!(kinds(&d), ["section-recycled"]);
    let section = d.changes[0].section.as_ref().unwrap();
    assert_eq!(section.a.as_ref().unwrap().mid.as_deref(), Some("1"));
    assert_eq!(section.b.as_ref().unwrap().mid.as_deref(), Some("2"));
}

#[test]
fn port_zero_section_without_mid_reused_by_a_new_mid_is_recycled() {
    let a = "v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nm=audio 9 RTP/AVP 0\na=mid:a\n\
             m=video 0 RTP/AVP 31\n";
    let b = "v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nm=audio 9 RTP/AVP 0\na=mid:a\n\
             m=audio 9 RTP/AVP 8\na=mid:b\n";
    let d = diff_text(a, b);
    assert_eq!(kinds(&d), ["section-recycled"]);
    assert_eq!(
        values(&d.changes[0]),
        (Some("video 0 RTP/AVP 31"), Some("audio 9 RTP/AVP 8"))
    );
}

#[test]
fn sections_without_mids_are_matched_by_index() {
    let a = "v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nm=audio 49170 RTP/AVP 0\n";
    let b = "v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nm=audio 49172 RTP/AVP 0\n";
    let d = diff_text(a, b);
    assert_eq!(kinds(&d), ["port"]);
    assert_eq!(
        d.changes[0]
            .section
            .as_ref()
            .unwrap()
            .b
            .as_ref()
            .unwrap()
            .index,
        0
    );
}

#[test]
fn section_moved_keeps_its_identity() {
    let start = BASE.find("m=audio").unwrap();
    let middle = BASE.find("m=video").unwrap();
    let swapped = format!(
        "{}{}{}",
        &BASE[..start],
        &BASE[middle..],
        &BASE[start..middle]
    );
    let d = diff_text(BASE, &swapped);
    assert_eq!(kinds(&d), ["section-moved", "section-moved"]);
    assert_eq!(values(&d.changes[0]), (Some("1"), Some("0")));
    assert_eq!(mid(&d.changes[0]), Some("1"));
}

#[test]
fn media_type() {
    let c = only("m=audio 9", "m=video 9");
    assert_eq!(c.kind, ChangeKind::MediaType);
    assert_eq!(values(&c), (Some("audio"), Some("video")));
}

#[test]
fn port() {
    let c = only("m=audio 9 ", "m=audio 0 ");
    assert_eq!(c.kind, ChangeKind::Port);
    assert_eq!(values(&c), (Some("9"), Some("0")));
}

#[test]
fn proto() {
    let c = only("m=audio 9 UDP/TLS/RTP/SAVPF", "m=audio 9 RTP/SAVPF");
    assert_eq!(c.kind, ChangeKind::Proto);
}

#[test]
fn mid_dropped_from_a_section_matched_by_index() {
    let a = "v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nm=audio 9 RTP/AVP 0\na=mid:a\n";
    let b = "v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nm=audio 9 RTP/AVP 0\n";
    let d = diff_text(a, b);
    assert_eq!(kinds(&d), ["mid"]);
    assert_eq!(
        (d.changes[0].op, d.changes[0].before.as_deref()),
        (Op::Removed, Some("a"))
    );
}
