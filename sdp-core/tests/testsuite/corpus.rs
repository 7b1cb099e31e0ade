//! The shared corpus (`../shared/corpus` beside the project root): 578 real-world SDPs from 17
//! public test suites, each with its expected outcome in `MANIFEST.tsv`.
//!
//! Skipped, with a printed reason, when the corpus is absent.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use sdp_core::{ErrorCode, ParseOptions, Session};

fn corpus_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("SDP_CORPUS") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus"),
    };
    dir.join("MANIFEST.tsv").is_file().then_some(dir)
}

struct Entry {
    file: String,
    expect: String,
    note: String,
}

fn manifest(dir: &Path) -> Vec<Entry> {
    let text = std::fs::read_to_string(dir.join("MANIFEST.tsv")).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (file, expect, note) = (col("file"), col("expect"), col("note"));
    lines
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            Entry {
                file: cols[file].to_owned(),
                expect: cols[expect].to_owned(),
                note: cols.get(note).copied().unwrap_or_default().to_owned(),
            }
        })
        .collect()
}

/// `invalid/` files marked `reject` whose reason is semantic (a rule of a profile or of one
/// implementation, not of the SDP grammar). Parsing accepts them without a warning; the
/// validator (`sdp_core::validate`, profiles) is where they are caught.
const SEMANTIC_REJECTS: &[(&str, &str)] = &[
    (
        "invalid/libwebrtc/DeserializeMsidAttributeWithMissingTrackId.sdp",
        "`a=msid:id ` with a trailing space: libwebrtc refuses it, yet the accept file \
         valid/webrtc-sdp-tests/serialize_av1_sdp_with_default_parameters.sdp has the same form",
    ),
    (
        "invalid/libwebrtc/MediaTypeProtocolMismatch_m_audio_9_UDP_DTLS_SCTP_120.sdp",
        "media/protocol mismatch is a profile rule",
    ),
    (
        "invalid/libwebrtc/MediaTypeProtocolMismatch_m_video_9_UDP_DTLS_SCTP_120.sdp",
        "media/protocol mismatch is a profile rule",
    ),
    (
        "invalid/libwebrtc/MediaTypeProtocolMismatch_m_video_9_SOMETHING_120.sdp",
        "media/protocol mismatch is a profile rule",
    ),
    (
        "invalid/libwebrtc/MaxChannels.sdp",
        "512 channels fits the grammar; libwebrtc's own limit",
    ),
    (
        "invalid/libwebrtc/DuplicateAudioRtpmapWithConflict.sdp",
        "two rtpmaps for one payload type: a lint",
    ),
    (
        "invalid/libwebrtc/DuplicateVideoRtpmapWithConflict.sdp",
        "two rtpmaps for one payload type: a lint",
    ),
    (
        "invalid/libwebrtc/RejectDuplicateSsrcInSsrcGroup.sdp",
        "duplicate SSRC in an ssrc-group: a lint",
    ),
    (
        "invalid/libwebrtc/DeserializeMsidAttributeWithDifferentTrackIds.sdp",
        "msid vs ssrc msid disagreement: a lint",
    ),
    (
        "invalid/webrtc-sdp-tests/test_parse_sdp_unsupported_error.sdp",
        "m=foobar: media types are an open registry (RFC 8866 §8.2.2)",
    ),
];

/// `valid/` files marked `accept` that break the RFC 8866 grammar, with the code strict parsing
/// gives them. Lenient parsing accepts each with that warning.
const STRICT_EXCEPTIONS: &[(&str, ErrorCode, &str)] = &[
    (
        "valid/pion-sdp/TimeZonesSDP.sdp",
        ErrorCode::MalformedLine,
        "r= with a negative offset (`-1h`); typed-time has no sign",
    ),
    (
        "valid/str0m/parse_minimal.sdp",
        ErrorCode::MalformedLine,
        "m= without any format; the grammar needs at least one",
    ),
    (
        "valid/webrtc-rs/MEDIA_SETUP_DECLARED.sdp",
        ErrorCode::MalformedAttribute,
        "`a=setup:` with an empty value",
    ),
    (
        "valid/libwebrtc/BandwidthLimitOfNegativeOneIgnored.sdp",
        ErrorCode::MalformedLine,
        "b=AS:-1; bandwidth is 1*DIGIT",
    ),
    (
        "valid/lib-jitsi-meet/simulcastRtxSdpTrackReplaced.sdp",
        ErrorCode::MalformedAttribute,
        "SSRCs such as 5678901234 exceed 32 bits (RFC 3550 §8, RFC 5576 §4.1)",
    ),
    (
        "valid/pion-webrtc/TestDTLSRoleFromSDP__mediaSetupDeclared.sdp",
        ErrorCode::MalformedAttribute,
        "`a=setup:%s`: an unformatted Go template",
    ),
    (
        "valid/libwebrtc/SctpPortInUnsupportedContent.sdp",
        ErrorCode::MalformedAttribute,
        "`a=sctp-port` without its port",
    ),
];

/// Lines starting with `;` are comments in webrtc-sdp's example files; its runner strips them
/// before parsing, and so do we for the strict and invalid checks.
fn strip_comments(file: &str, text: &str) -> String {
    if file.contains("/webrtc-sdp/") {
        text.split_inclusive('\n')
            .filter(|l| !l.starts_with(';'))
            .collect()
    } else {
        text.to_owned()
    }
}

#[derive(Default)]
struct Counts {
    parsed: usize,
    exact: usize,
    strict_accepted: usize,
    strict_exceptions: usize,
    empty_session_name: usize,
    accept_files: usize,
    invalid_refused: usize,
    reject_files: usize,
    semantic: usize,
}

#[test]
fn corpus_parses_round_trips_and_refuses_invalid_files() {
    let Some(dir) = corpus_dir() else {
        println!("skipped: corpus not found at ../shared/corpus (set SDP_CORPUS to its path)");
        return;
    };
    let semantic: BTreeMap<&str, &str> = SEMANTIC_REJECTS.iter().copied().collect();
    let exceptions: BTreeMap<&str, ErrorCode> =
        STRICT_EXCEPTIONS.iter().map(|&(f, c, _)| (f, c)).collect();
    let mut counts = Counts::default();
    let mut failures = Vec::new();
    for entry in manifest(&dir) {
        let bytes = std::fs::read(dir.join(&entry.file)).unwrap();
        let valid = entry.file.starts_with("valid/");
        let lenient = Session::parse_bytes(&bytes);
        let text = std::str::from_utf8(&bytes).ok();
        let uncommented = text.map(|t| strip_comments(&entry.file, t));
        if valid {
            match (&lenient, text) {
                (Ok(session), Some(text)) => {
                    counts.parsed += 1;
                    if session.to_string() == text && session.written_len() == text.len() {
                        counts.exact += 1;
                    } else {
                        failures.push(format!("{}: not byte-exact", entry.file));
                    }
                }
                (Err(e), _) => failures.push(format!("{}: lenient parse failed: {e}", entry.file)),
                (Ok(_), None) => unreachable!("parse_bytes accepted invalid UTF-8"),
            }
        }
        if valid && entry.expect == "accept" {
            counts.accept_files += 1;
            let strict = uncommented
                .as_deref()
                .map(|t| Session::parse_with(t, &ParseOptions::strict()));
            match (strict, exceptions.get(entry.file.as_str())) {
                (Some(Ok(_)), None) => counts.strict_accepted += 1,
                (Some(Ok(_)), Some(_)) => failures.push(format!(
                    "{}: listed as a strict exception but accepted",
                    entry.file
                )),
                (Some(Err(e)), Some(&code)) if e.code() == code => counts.strict_exceptions += 1,
                // RFC 8866 §9: `s=` needs text; RFC 4317's examples (and a few others) leave it empty.
                (Some(Err(e)), None) if e.code() == ErrorCode::EmptySessionName => {
                    counts.empty_session_name += 1
                }
                (Some(Err(e)), _) => {
                    failures.push(format!("{}: strict parse failed: {e}", entry.file))
                }
                (None, _) => failures.push(format!("{}: not UTF-8", entry.file)),
            }
        }
        if !valid && entry.expect == "reject" {
            counts.reject_files += 1;
            let refused = match uncommented.as_deref() {
                None => true,
                Some(t) => {
                    let strict = Session::parse_with(t, &ParseOptions::strict()).is_err();
                    let warned = Session::parse_with(t, &ParseOptions::lenient())
                        .map_or(true, |p| !p.warnings.is_empty());
                    strict || warned
                }
            };
            match (refused, semantic.get(entry.file.as_str())) {
                (true, Some(_)) => failures.push(format!(
                    "{}: listed as semantic but refused: update the list",
                    entry.file
                )),
                (true, None) => counts.invalid_refused += 1,
                (false, Some(_)) => counts.semantic += 1,
                (false, None) => failures.push(format!(
                    "{}: accepted without warning ({})",
                    entry.file, entry.note
                )),
            }
        }
        if !valid {
            // no-crash, unsupported, lenient: must not panic, whatever the outcome.
            if let Some(t) = text {
                let _ = Session::parse_with(t, &ParseOptions::strict());
                if let Ok(s) = Session::parse(t) {
                    assert_eq!(
                        s.to_string(),
                        t,
                        "{}: lenient parse must be byte-exact",
                        entry.file
                    );
                }
            }
        }
    }
    println!(
        "corpus: {} valid files parsed leniently, {} byte-exact; {}/{} accept files parsed strictly, \
         {} refused for an empty s=, {} listed grammar exceptions; {}/{} reject files refused (strict \
         error or lenient warning), {} semantic (for validation)",
        counts.parsed, counts.exact, counts.strict_accepted, counts.accept_files, counts.empty_session_name,
        counts.strict_exceptions, counts.invalid_refused, counts.reject_files, counts.semantic
    );
    assert!(
        failures.is_empty(),
        "{} corpus failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Syntactic reasons in the manifest have matching error codes.
#[test]
fn corpus_errors_match_the_syntactic_reasons() {
    let Some(dir) = corpus_dir() else {
        println!("skipped: corpus not found at ../shared/corpus");
        return;
    };
    let cases: &[(&str, ErrorCode, &str)] = &[
        (
            "invalid/pion-sdp/TestUnmarshalPortRange_1.sdp",
            ErrorCode::MalformedLine,
            "a port (0-65535)",
        ),
        (
            "invalid/pion-sdp/TestUnmarshalPortRange_2.sdp",
            ErrorCode::MalformedLine,
            "a port (0-65535)",
        ),
        (
            "invalid/pion-sdp/TestUnmarshalRepeatTimes_1.sdp",
            ErrorCode::MalformedLine,
            "a time",
        ),
        (
            "invalid/nmos-cpp/testSdpParseErrors_1.sdp",
            ErrorCode::MissingLine,
            "t=",
        ),
        (
            "invalid/nmos-cpp/testSdpParseErrors_3.sdp",
            ErrorCode::MissingEquals,
            "`<type>=<value>`",
        ),
        (
            "invalid/nmos-cpp/testSdpParseErrors_4.sdp",
            ErrorCode::EmptyAttributeName,
            "attribute name",
        ),
        (
            "invalid/nmos-cpp/testSdpParseErrors_6.sdp",
            ErrorCode::MalformedAttribute,
            "a value after `:`",
        ),
        (
            "invalid/nmos-cpp/testSdpParseErrors_9.sdp",
            ErrorCode::UnknownLineType,
            "not `x=`",
        ),
        (
            "invalid/nmos-cpp/testSdpParseErrors_10.sdp",
            ErrorCode::BlankLine,
            "no blank lines",
        ),
        (
            "invalid/nmos-cpp/testSdpDigitsErrors_4.sdp",
            ErrorCode::MalformedLine,
            "protocol version",
        ),
        (
            "invalid/nmos-cpp/testSdpSessionId_5.sdp",
            ErrorCode::MalformedLine,
            "numeric session id",
        ),
        (
            "invalid/nmos-cpp/testSdpSessionVersion_8.sdp",
            ErrorCode::MalformedLine,
            "numeric session version",
        ),
        (
            "invalid/nmos-cpp/testSdpNumberErrors_4.sdp",
            ErrorCode::MalformedLine,
            "start time",
        ),
        (
            "invalid/webrtc-sdp-tests/test_parse_sdp_line_error.sdp",
            ErrorCode::MalformedLine,
            "stop time",
        ),
        (
            "invalid/webrtc-sdp-tests/test_parse_sdp_ipaddr_error.sdp",
            ErrorCode::MalformedLine,
            "address",
        ),
        (
            "invalid/webrtc-sdp/14.sdp",
            ErrorCode::AttributeScope,
            "a=candidate",
        ),
        (
            "invalid/webrtc-sdp/11.sdp",
            ErrorCode::AttributeScope,
            "a=ice-lite",
        ),
        (
            "invalid/libwebrtc/DeserializingNegativeBandwidthLimitFails.sdp",
            ErrorCode::MalformedLine,
            "non-negative",
        ),
        (
            "invalid/libwebrtc/ExpectsTLineBeforeAttributeLine.sdp",
            ErrorCode::OutOfOrder,
            "order",
        ),
        (
            "invalid/webrtc-rs/MEDIA_NAME_EMPTY_PROTO_SDP.sdp",
            ErrorCode::MalformedLine,
            "transport protocol",
        ),
        (
            "invalid/str0m/offer_with_out_of_range_pt_is_rejected.sdp",
            ErrorCode::MalformedLine,
            "payload type",
        ),
    ];
    let mut failures = Vec::new();
    for &(file, code, needle) in cases {
        let text = strip_comments(file, &std::fs::read_to_string(dir.join(file)).unwrap());
        let parsed = Session::parse_with(&text, &ParseOptions::strict());
        // Scope problems are warnings in both modes.
        if code == ErrorCode::AttributeScope {
            match parsed {
                Ok(p)
                    if p.warnings
                        .iter()
                        .any(|w| w.code() == code && w.to_string().contains(needle)) => {}
                other => failures.push(format!(
                    "{file}: wanted a scope warning for {needle}, got {other:?}"
                )),
            }
            continue;
        }
        match parsed {
            Ok(_) => failures.push(format!("{file}: accepted")),
            Err(e) if e.code() != code || !e.to_string().contains(needle) => {
                failures.push(format!(
                    "{file}: got {} `{e}`, wanted {} containing {needle:?}",
                    e.code(),
                    code.code()
                ))
            }
            Err(_) => {}
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `accept` files that really break a rule of their (auto-detected) profile: mostly unit-test
/// fragments that leave out what a complete description needs (`c=`, ICE credentials, a
/// fingerprint). `tests/data/validation-exceptions.tsv` lists each with the exact set of error
/// codes it gets and why; every other `accept` file must validate without an error.
fn validation_exceptions() -> BTreeMap<String, (Vec<String>, String)> {
    let text = include_str!("../data/validation-exceptions.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut cols = l.split('\t');
            let file = cols.next().unwrap_or_default().to_owned();
            let codes = cols
                .next()
                .unwrap_or_default()
                .split(',')
                .map(str::to_owned)
                .collect();
            let reason = cols.next().unwrap_or_default().to_owned();
            (file, (codes, reason))
        })
        .collect()
}

/// `reject` files that get no error under the auto profile, and why.
const UNCAUGHT_REJECTS: &[(&str, &str)] = &[(
    "invalid/webrtc-sdp-tests/test_parse_sdp_unsupported_error.sdp",
    "`m=foobar`: media types are an open registry (RFC 8866 §8.2.2) and the description has no \
     WebRTC transport, so auto picks the generic profile (SDP0106 warning); `--profile webrtc` \
     reports SDP0107",
)];

/// Every `reject` file gets at least one error (from parsing or validation); every `accept`
/// file gets none under the auto profile, except the listed ones.
#[test]
fn corpus_validation_errors_match_expectations() {
    use sdp_core::validate::{validate_parsed, Profile, Severity};
    let Some(dir) = corpus_dir() else {
        println!("skipped: corpus not found at ../shared/corpus");
        return;
    };
    let listed = validation_exceptions();
    let uncaught: BTreeMap<&str, &str> = UNCAUGHT_REJECTS.iter().copied().collect();
    let (mut accept_clean, mut accept_listed, mut accept_files) = (0, 0, 0);
    let (mut reject_caught, mut reject_uncaught, mut reject_files) = (0, 0, 0);
    let mut failures = Vec::new();
    for entry in manifest(&dir) {
        let bytes = std::fs::read(dir.join(&entry.file)).unwrap();
        let Ok(text) = std::str::from_utf8(&bytes) else {
            if entry.expect == "reject" {
                reject_files += 1;
                reject_caught += 1;
            }
            continue;
        };
        let text = strip_comments(&entry.file, text);
        let errors: Vec<(String, String)> =
            match Session::parse_with(&text, &ParseOptions::lenient()) {
                Err(e) => vec![(e.code().code().to_owned(), e.to_string())],
                Ok(parsed) => validate_parsed(&parsed, Profile::Auto)
                    .into_iter()
                    .filter(|d| d.severity() == Severity::Error)
                    .map(|d| (d.code().to_owned(), d.to_string()))
                    .collect(),
            };
        let mut codes: Vec<String> = errors.iter().map(|(c, _)| c.clone()).collect();
        codes.sort();
        codes.dedup();
        if entry.file.starts_with("valid/") && entry.expect == "accept" {
            accept_files += 1;
            match (errors.is_empty(), listed.get(entry.file.as_str())) {
                (true, None) => accept_clean += 1,
                (true, Some(_)) => failures.push(format!("{}: listed but clean", entry.file)),
                (false, Some((want, _))) if *want == codes => accept_listed += 1,
                (false, _) => {
                    let all: Vec<&str> = errors.iter().map(|(_, e)| e.as_str()).collect();
                    failures.push(format!(
                        "{}\t{}\t{}",
                        entry.file,
                        codes.join(","),
                        all.join(" | ")
                    ));
                }
            }
        }
        if entry.file.starts_with("invalid/") && entry.expect == "reject" {
            reject_files += 1;
            match (
                errors.is_empty(),
                uncaught.contains_key(entry.file.as_str()),
            ) {
                (true, false) => {
                    failures.push(format!("{}: no error ({})", entry.file, entry.note))
                }
                (false, true) => {
                    failures.push(format!("{}: listed as uncaught but caught", entry.file))
                }
                (false, false) => reject_caught += 1,
                (true, true) => reject_uncaught += 1,
            }
        }
    }
    println!(
        "corpus validation: {accept_clean}/{accept_files} accept files without error, {accept_listed} listed \
         with their codes; {reject_caught}/{reject_files} reject files with at least one error, \
         {reject_uncaught} listed as uncaught"
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
