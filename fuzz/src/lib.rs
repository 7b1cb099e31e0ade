//! The properties the fuzz targets check, one module per target.
//!
//! The targets under `fuzz_targets/` are one-line wrappers around these functions, so that a
//! property reads as ordinary Rust and a crash reproduces with `cargo fuzz run <target> <file>`.
//! A broken property is a panic: that is how libFuzzer learns of it.
#![forbid(unsafe_code)]

pub mod answer;
pub mod diff;
pub mod negotiator;
pub mod parse;
pub mod roundtrip;
pub mod typed_attributes;
pub mod validate;

use sdp_core::{ParseError, Span};

/// The input as text, or `None` when it is not UTF-8 (the parser refuses such input up front,
/// through [`sdp_core::Session::parse_bytes`], which the `parse` target covers).
pub fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

/// Splits a two-input case at the first NUL byte (the seed script joins pairs that way; NUL
/// never occurs in SDP text, so the fuzzer rarely moves the split by accident).
pub fn split_pair(data: &[u8]) -> (&[u8], &[u8]) {
    match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[]),
    }
}

/// A span must lie inside the text it points into, on character boundaries, or the renderers
/// that slice the source with it would panic.
pub fn assert_span_in(span: Span, text: &str, what: &dyn std::fmt::Display) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "span {span:?} outside the {} bytes of input: {what}",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "span {span:?} splits a character: {what}"
    );
}

/// The checks every refused parse must pass: a position inside the input and a message.
pub fn check_error(err: &ParseError, text: &str) {
    assert_span_in(err.span(), text, err);
    assert!(err.line() >= 1 && err.column() >= 1, "line/column 0: {err}");
    assert!(!err.to_string().is_empty());
}
