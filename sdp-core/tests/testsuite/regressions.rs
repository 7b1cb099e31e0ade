//! Inputs the fuzz targets (`fuzz/`, issue 7) found breaking a property, kept as tests so the
//! bug stays fixed. Each file under `tests/data/regressions/` is named after the target that
//! found it; the test checks the property that target checks.

use sdp_core::{Limits, LineKind, ParseOptions, Session};

/// The `roundtrip` target's property: byte-exact writing, and a canonical form that parses to
/// the normalized session and is a fixed point of `normalize`.
fn assert_roundtrip(input: &[u8]) {
    let text = std::str::from_utf8(input).unwrap();
    let session = Session::parse(text).unwrap();
    assert_eq!(session.to_string(), text);
    let mut normalized = session.clone();
    normalized.normalize();
    let canonical = normalized.to_string();
    let options = ParseOptions::lenient().with_limits(Limits::unlimited());
    let reparsed = Session::parse_with(&canonical, &options).unwrap().session;
    assert_eq!(reparsed, normalized, "canonical form: {canonical:?}");
    let mut again = reparsed.clone();
    again.normalize();
    assert_eq!(again.to_string(), canonical);
}

#[test]
fn issue_7_normalize_keeps_a_line_of_a_lone_cr() {
    // `v=\n\r`: the last line is a lone `\r`, which the parser keeps as a malformed line.
    // `normalize` trimmed it with `str::trim` into a blank line, which the canonical form then
    // parsed as another kind of line.
    assert_roundtrip(include_bytes!(
        "../data/regressions/roundtrip-lone-cr-line.sdp"
    ));
}

#[test]
fn issue_7_normalize_does_not_turn_a_malformed_line_into_a_media_section() {
    // `\rm=` is malformed (the scanner skips only spaces and tabs before the type letter);
    // trimming the `\r` made it an `m=` line, and the canonical form had one more m-section.
    let input = include_bytes!("../data/regressions/roundtrip-cr-before-m.sdp");
    assert_roundtrip(input);
    let mut session = Session::parse(std::str::from_utf8(input).unwrap()).unwrap();
    session.normalize();
    assert!(session.media().is_empty());
    assert_eq!(
        session.lines().last().map(|l| l.kind()),
        Some(LineKind::Malformed)
    );
}
