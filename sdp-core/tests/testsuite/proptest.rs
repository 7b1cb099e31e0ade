//! Properties of parse and write: no input makes the parser panic, whatever parses writes back
//! byte for byte, valid sessions survive a round trip and normalisation, and `into_owned`
//! changes nothing observable.

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use sdp_core::{ParseOptions, Session};

fn config() -> ProptestConfig {
    ProptestConfig::with_cases(256)
}

// ---------------------------------------------------------------------------------------------
// Arbitrary text
// ---------------------------------------------------------------------------------------------

/// Line types, known and unknown, plus a few near misses.
const PREFIXES: &[&str] = &[
    "v=", "o=", "s=", "t=", "m=", "c=", "b=", "a=", "r=", "z=", "k=", "i=", "x=", "u=", "e=", "p=",
    " a=", "\ta=", "=", "a", "", "A=", "m ",
];

/// Attribute names, known and unknown, and fragments of values.
const WORDS: &[&str] = &[
    "rtpmap",
    "fmtp",
    "rtcp-fb",
    "extmap",
    "extmap-allow-mixed",
    "candidate",
    "ssrc",
    "ssrc-group",
    "msid",
    "msid-semantic",
    "mid",
    "group",
    "bundle-only",
    "ice-ufrag",
    "ice-pwd",
    "ice-options",
    "fingerprint",
    "setup",
    "rtcp",
    "rtcp-mux",
    "rtcp-mux-only",
    "rtcp-rsize",
    "sctp-port",
    "max-message-size",
    "rid",
    "simulcast",
    "ptime",
    "maxptime",
    "sendrecv",
    "recvonly",
    "sendonly",
    "inactive",
    "crypto",
    "imageattr",
    "framerate",
    "x-foo",
    "0",
    "9",
    "111",
    "-1",
    "65536",
    "4294967296",
    "IN",
    "IP4",
    "IP6",
    "0.0.0.0",
    "::1",
    "224.2.1.1/127",
    "audio",
    "video",
    "application",
    "RTP/AVP",
    "UDP/TLS/RTP/SAVPF",
    "webrtc-datachannel",
    "opus/48000/2",
    "VP8/90000",
    "BUNDLE",
    "AS:64",
    "sha-256",
    "AB:CD",
    "send",
    "recv",
    "~",
    "*",
    ";",
    "=",
    ":",
    "/",
    " ",
    "  ",
    "\t",
    "é",
    "中",
    "😀",
];

/// Line endings, including a lone `\r` and none at all.
const EOLS: &[&str] = &["\r\n", "\n", "\r", "", "\r\r\n", "\n\n"];

/// Text made of the characters that matter to the line splitter, plus non-ASCII.
fn char_soup() -> impl Strategy<Value = String> {
    "[\\r\\n=: \\ta-z0-9/\\-é中😀\\u{0}\\u{7f}]{0,300}"
}

/// An SDP-like line: a prefix, up to six words joined by nothing or a separator, an ending.
fn soup_line() -> impl Strategy<Value = String> {
    (
        prop::sample::select(PREFIXES),
        prop::collection::vec(
            (
                prop::sample::select(WORDS),
                prop::sample::select(&["", " ", ":", "/"][..]),
            ),
            0..6,
        ),
        prop::sample::select(EOLS),
    )
        .prop_map(|(prefix, words, eol)| {
            let mut line = String::from(prefix);
            for (word, sep) in words {
                line.push_str(word);
                line.push_str(sep);
            }
            line.push_str(eol);
            line
        })
}

/// A soup of SDP-like lines, often starting with a plausible header.
fn line_soup() -> impl Strategy<Value = String> {
    (
        prop::sample::select(
            &[
                "",
                "v=0\r\n",
                "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n",
            ][..],
        ),
        prop::collection::vec(soup_line(), 0..40),
    )
        .prop_map(|(head, lines)| {
            let mut text = String::from(head);
            text.extend(lines);
            text
        })
}

/// Any text: unconstrained Unicode, the character soup, or the line soup.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), char_soup(), line_soup()]
}

/// Parses `text` every way there is; checks the lossless properties of whatever parses.
fn check_no_panic_and_lossless(text: &str) -> Result<(), TestCaseError> {
    let strict = Session::parse_with(text, &ParseOptions::strict());
    let bytes = Session::parse_bytes(text.as_bytes());
    let lenient = Session::parse_with(text, &ParseOptions::lenient());
    prop_assert_eq!(bytes.is_ok(), lenient.is_ok());
    if strict.is_ok() {
        prop_assert!(lenient.is_ok(), "strict accepts what lenient refuses");
    }
    if let Ok(parsed) = lenient {
        let session = parsed.session;
        prop_assert_eq!(session.to_string(), text);
        prop_assert_eq!(session.written_len(), text.len());
        let mut out = String::with_capacity(session.written_len());
        prop_assert!(session.write_to(&mut out).is_ok());
        prop_assert_eq!(&out, text);
        check_into_owned(&session)?;
        check_normalize_idempotent(text, &session)?;
    }
    Ok(())
}

/// Whether `text` has a `\r` that does not end a line (the parser keeps it inside the line).
fn has_lone_cr(text: &str) -> bool {
    text.replace("\r\n", "").contains('\r')
}

/// Normalising a leniently parsed session gives text that parses again, and normalising that
/// changes nothing. Inputs with a lone `\r` are left to
/// `normalize_is_idempotent_on_a_line_with_a_lone_cr`.
fn check_normalize_idempotent(text: &str, session: &Session<'_>) -> Result<(), TestCaseError> {
    if has_lone_cr(text) {
        return Ok(());
    }
    let mut normal = session.clone();
    normal.normalize();
    let canonical = normal.to_string();
    let reparsed = Session::parse(&canonical);
    prop_assert!(reparsed.is_ok(), "canonical form refused: {:?}", canonical);
    let mut reparsed = reparsed.unwrap();
    reparsed.normalize();
    prop_assert_eq!(reparsed.to_string(), canonical);
    Ok(())
}

/// `into_owned` keeps equality and the written text, and the owned copy outlives the input.
fn check_into_owned(session: &Session<'_>) -> Result<(), TestCaseError> {
    let text = session.to_string();
    let owned: Session<'static> = {
        let copy = text.clone();
        let reparsed = Session::parse(&copy);
        prop_assert!(reparsed.is_ok());
        let owned = reparsed.unwrap().into_owned();
        drop(copy);
        owned
    };
    prop_assert_eq!(owned.to_string(), text.as_str());
    prop_assert_eq!(owned.written_len(), text.len());
    let borrowed_owned: Session<'_> = session.clone().into_owned();
    prop_assert_eq!(&borrowed_owned, session);
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_text_never_panics_and_what_parses_writes_back_exactly(text in any_text()) {
        check_no_panic_and_lossless(&text)?;
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let parsed = Session::parse_bytes(&bytes);
        match std::str::from_utf8(&bytes) {
            Ok(text) => {
                prop_assert_eq!(parsed.is_ok(), Session::parse(text).is_ok());
                if let Ok(session) = parsed {
                    prop_assert_eq!(session.to_string(), text);
                }
            }
            Err(_) => prop_assert!(parsed.is_err()),
        }
    }

    #[test]
    fn an_invalid_byte_in_an_sdp_is_an_error_not_a_panic(
        text in line_soup(),
        at in any::<prop::sample::Index>(),
        bad in prop::sample::select(&[0x80u8, 0xc3, 0xff, 0xed, 0xf0][..]),
    ) {
        let mut bytes = text.into_bytes();
        let at = at.index(bytes.len() + 1);
        bytes.insert(at, bad);
        let parsed = Session::parse_bytes(&bytes);
        if std::str::from_utf8(&bytes).is_err() {
            prop_assert!(parsed.is_err());
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Valid sessions
// ---------------------------------------------------------------------------------------------

fn ipv4() -> impl Strategy<Value = String> {
    // Unicast only: an IPv4 multicast address needs a TTL (RFC 8866 §5.7).
    (1u8..=223, any::<u8>(), any::<u8>(), any::<u8>())
        .prop_map(|(a, b, c, d)| format!("{a}.{b}.{c}.{d}"))
}

fn connection() -> impl Strategy<Value = String> {
    prop_oneof![
        ipv4().prop_map(|a| format!("c=IN IP4 {a}")),
        Just("c=IN IP4 0.0.0.0".to_owned()),
        (any::<u16>(), any::<u16>()).prop_map(|(x, y)| format!("c=IN IP6 2001:db8::{x:x}:{y:x}")),
    ]
}

fn bandwidth() -> impl Strategy<Value = String> {
    (
        prop::sample::select(&["AS", "CT", "TIAS", "RR", "RS"][..]),
        any::<u32>(),
    )
        .prop_map(|(kind, n)| format!("b={kind}:{n}"))
}

/// Free text for `s=` and `i=`: no leading or trailing white space.
fn text_value() -> impl Strategy<Value = String> {
    "[A-Za-z0-9]([A-Za-z0-9 .,_-]{0,20}[A-Za-z0-9])?"
}

fn direction() -> impl Strategy<Value = &'static str> {
    prop::sample::select(&["sendrecv", "sendonly", "recvonly", "inactive"][..])
}

fn unknown_attribute() -> impl Strategy<Value = String> {
    ("x-[a-z]{1,6}", prop::option::of("[a-z0-9]{1,8}")).prop_map(|(name, value)| match value {
        Some(value) => format!("a={name}:{value}"),
        None => format!("a={name}"),
    })
}

/// `m=` with a port and a protocol and its formats.
fn media_line() -> impl Strategy<Value = String> {
    let rtp = (
        prop::sample::select(&["audio", "video", "text"][..]),
        prop::sample::select(
            &[
                "RTP/AVP",
                "RTP/AVPF",
                "RTP/SAVP",
                "RTP/SAVPF",
                "UDP/TLS/RTP/SAVPF",
            ][..],
        ),
        prop::collection::btree_set(0u8..=127, 1..6),
    )
        .prop_map(|(kind, proto, pts)| {
            let pts: Vec<String> = pts.iter().map(u8::to_string).collect();
            format!("{kind} {{port}} {proto} {}", pts.join(" "))
        });
    let sctp = Just("application {port} UDP/DTLS/SCTP webrtc-datachannel".to_owned());
    (prop_oneof![3 => rtp, 1 => sctp], any::<u16>())
        .prop_map(|(template, port)| format!("m={}", template.replace("{port}", &port.to_string())))
}

/// One media section's lines (`m= i= c= b= a=`), `needs_c` when the session has no `c=`.
fn media_section(index: usize, needs_c: bool) -> impl Strategy<Value = Vec<String>> {
    let c = if needs_c {
        connection().prop_map(Some).boxed()
    } else {
        prop::option::of(connection()).boxed()
    };
    (
        media_line(),
        prop::option::of(text_value()),
        c,
        prop::collection::vec(bandwidth(), 0..2),
        prop::option::of("[A-Za-z0-9]{1,6}"),
        prop::option::of(direction()),
        any::<bool>(),
        prop::collection::vec(unknown_attribute(), 0..3),
    )
        .prop_map(move |(m, info, c, bws, mid, dir, rtcp_mux, unknown)| {
            let mut lines = vec![m];
            lines.extend(info.map(|i| format!("i={i}")));
            lines.extend(c);
            lines.extend(bws);
            lines.extend(mid.map(|token| format!("a=mid:{index}{token}")));
            lines.extend(dir.map(|d| format!("a={d}")));
            if rtcp_mux {
                lines.push("a=rtcp-mux".to_owned());
            }
            lines.extend(unknown);
            lines
        })
}

/// The lines of a structurally valid session: `v o s [i] [c] b* t a*`, then 0-4 media sections.
fn valid_lines() -> impl Strategy<Value = Vec<String>> {
    let origin = (
        "(-|[a-z][a-z0-9]{0,7})",
        any::<u64>(),
        0u64..1_000_000,
        ipv4(),
    )
        .prop_map(|(user, id, version, addr)| format!("o={user} {id} {version} IN IP4 {addr}"));
    let timing = prop_oneof![
        Just("t=0 0".to_owned()),
        (3_000_000_000u64..3_900_000_000, 0u64..100_000)
            .prop_map(|(start, len)| format!("t={start} {}", start + len)),
    ];
    (
        origin,
        // `s= ` is RFC 8866 §5.3's name for no name.
        prop_oneof![Just("-".to_owned()), Just(" ".to_owned()), text_value()],
        prop::option::of(text_value()),
        prop::option::of(connection()),
        prop::collection::vec(bandwidth(), 0..2),
        timing,
        prop::option::of(direction()),
        prop::collection::vec(unknown_attribute(), 0..3),
        0usize..=4,
    )
        .prop_flat_map(|(o, s, i, c, bws, t, dir, unknown, media)| {
            let needs_c = c.is_none();
            let mut head = vec!["v=0".to_owned(), o, format!("s={s}")];
            head.extend(i.map(|i| format!("i={i}")));
            head.extend(c);
            head.extend(bws);
            head.push(t);
            head.extend(dir.map(|d| format!("a={d}")));
            head.extend(unknown);
            let sections: Vec<_> = (0..media).map(|n| media_section(n, needs_c)).collect();
            sections.prop_map(move |sections| {
                let mut lines = head.clone();
                lines.extend(sections.into_iter().flatten());
                lines
            })
        })
}

/// A valid session's text with a random LF or CRLF ending on each line.
fn valid_session() -> impl Strategy<Value = String> {
    valid_lines().prop_flat_map(|lines| {
        let n = lines.len();
        prop::collection::vec(prop::sample::select(&["\r\n", "\n"][..]), n).prop_map(move |eols| {
            lines
                .iter()
                .zip(eols)
                .map(|(line, eol)| format!("{line}{eol}"))
                .collect::<String>()
        })
    })
}

/// Every line ends with CRLF, and there is no other `\r` or `\n`.
fn is_all_crlf(text: &str) -> bool {
    text.ends_with("\r\n")
        && text
            .split_inclusive('\n')
            .all(|line| line.ends_with("\r\n") && !line[..line.len() - 2].contains(['\r', '\n']))
}

fn check_valid_session(text: &str) -> Result<(), TestCaseError> {
    let parsed = Session::parse_with(text, &ParseOptions::strict());
    prop_assert!(parsed.is_ok(), "strict parse failed: {:?}", parsed.err());
    let session = parsed.unwrap().session;

    let written = session.to_string();
    prop_assert_eq!(&written, text);
    prop_assert_eq!(session.written_len(), text.len());
    let reparsed = Session::parse_with(&written, &ParseOptions::strict());
    prop_assert!(reparsed.is_ok());
    prop_assert_eq!(&reparsed.unwrap().session, &session);
    check_into_owned(&session)?;

    let mut normal = session.clone();
    normal.normalize();
    let canonical = normal.to_string();
    prop_assert!(is_all_crlf(&canonical), "not all CRLF: {:?}", canonical);
    prop_assert_eq!(normal.written_len(), canonical.len());
    let renormal = Session::parse_with(&canonical, &ParseOptions::strict());
    prop_assert!(
        renormal.is_ok(),
        "canonical form refused: {:?}",
        renormal.err()
    );
    let mut renormal = renormal.unwrap().session;
    prop_assert_eq!(&renormal, &normal);
    renormal.normalize();
    prop_assert_eq!(renormal.to_string(), canonical.as_str());
    normal.normalize();
    prop_assert_eq!(normal.to_string(), canonical);
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn valid_sessions_parse_strictly_round_trip_and_normalize_idempotently(text in valid_session()) {
        check_valid_session(&text)?;
    }

    #[test]
    fn valid_sessions_with_a_final_line_without_ending_write_back_exactly(text in valid_session()) {
        let trimmed = text.trim_end_matches(['\r', '\n']);
        check_no_panic_and_lossless(trimmed)?;
        prop_assert!(Session::parse_with(trimmed, &ParseOptions::strict()).is_ok());
    }
}

#[test]
fn normalize_keeps_a_single_space_session_name() {
    // RFC 8866 §5.3: `s= ` (a single space) is the session name of a session without one.
    let text = "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns= \r\nt=0 0\r\n";
    let mut session = Session::parse_with(text, &ParseOptions::strict())
        .unwrap()
        .session;
    session.normalize();
    let canonical = session.to_string();
    assert_eq!(canonical, text);
    assert!(Session::parse_with(&canonical, &ParseOptions::strict()).is_ok());
}

#[test]
fn normalize_is_idempotent_on_a_line_with_a_lone_cr() {
    let text = "v=rtpmap \r";
    let mut once = Session::parse(text).unwrap();
    once.normalize();
    let canonical = once.to_string();
    let mut twice = Session::parse(&canonical).unwrap();
    twice.normalize();
    assert_eq!(twice.to_string(), canonical);
}
