//! `roundtrip`: what parses writes back byte for byte (through every writer), and the canonical
//! form is a fixed point: it parses to a session equal to the normalized one, and normalizing
//! that changes nothing.

use sdp_core::{Limits, ParseOptions, Session};

/// Runs the target on one input.
pub fn run(data: &[u8]) {
    let Some(text) = crate::text(data) else {
        return;
    };
    let Ok(session) = Session::parse(text) else {
        return;
    };
    // Lossless: `parse(x).to_string() == x` for every x that parses (DESIGN.md).
    assert_eq!(session.to_string(), text, "Display is not byte-exact");
    assert_eq!(session.written_len(), text.len(), "written_len is wrong");
    let mut bytes = Vec::new();
    session
        .write_io(&mut bytes)
        .expect("writing into a Vec cannot fail");
    assert_eq!(bytes, text.as_bytes(), "write_io is not byte-exact");
    let owned = session.clone().into_owned();
    assert_eq!(owned, session, "into_owned changed the session");
    assert_eq!(owned.to_string(), text, "into_owned is not byte-exact");

    let mut normalized = session.clone();
    normalized.normalize();
    let canonical = normalized.to_string();
    assert_eq!(normalized.written_len(), canonical.len());
    // The canonical form may be longer than the input (LF becomes CRLF, `s=` becomes `s= `),
    // so it is parsed without limits: the limits are about the input, which passed them.
    let options = ParseOptions::lenient().with_limits(Limits::unlimited());
    let reparsed = match Session::parse_with(&canonical, &options) {
        Ok(parsed) => parsed.session,
        Err(err) => panic!("the canonical form does not parse: {err}\n{canonical:?}"),
    };
    assert_eq!(reparsed.to_string(), canonical);
    // Session equality compares each line's text and ending (line.rs), so this says the
    // canonical text parses back into the same lines in the same sections.
    assert_eq!(
        reparsed, normalized,
        "the canonical form parses to another session"
    );
    let mut again = reparsed.clone();
    again.normalize();
    assert_eq!(
        again.to_string(),
        canonical,
        "normalize is not idempotent\ninput: {text:?}"
    );
    assert_eq!(session.media().len(), reparsed.media().len());
}
