//! `parse`: lenient and strict parsing of any bytes, with the default limits and with tiny
//! ones (so that every limit's error path runs), never panics and reports positions inside
//! the input.

use sdp_core::{ErrorCode, Limits, ParseOptions, Session};

use crate::{assert_span_in, check_error};

/// Limits small enough that fuzz inputs of a few KB cross each of them.
const TINY: Limits = Limits {
    max_input_bytes: 2048,
    max_line_bytes: 128,
    max_lines: 40,
    max_media: 3,
    max_attributes_per_section: 8,
};

/// Runs the target on one input.
pub fn run(data: &[u8]) {
    let text = match Session::parse_bytes(data) {
        Ok(_) => std::str::from_utf8(data).expect("parse_bytes accepted bytes that are not UTF-8"),
        Err(err) => match std::str::from_utf8(data) {
            Ok(text) => {
                check_error(&err, text);
                text
            }
            Err(e) => {
                assert_eq!(err.code(), ErrorCode::InvalidUtf8, "{err}");
                assert_eq!(err.span().start, e.valid_up_to(), "{err}");
                return;
            }
        },
    };
    for limits in [Limits::default(), TINY] {
        let lenient = Session::parse_with(text, &ParseOptions::lenient().with_limits(limits));
        let strict = Session::parse_with(text, &ParseOptions::strict().with_limits(limits));
        match &lenient {
            Ok(parsed) => {
                for warning in &parsed.warnings {
                    assert_span_in(warning.span(), text, warning);
                }
            }
            Err(err) => check_error(err, text),
        }
        match &strict {
            Ok(_) => assert!(
                lenient.is_ok(),
                "strict accepts what lenient refuses: {:?}",
                lenient.err()
            ),
            Err(err) => check_error(err, text),
        }
        if let Err(err) = &lenient {
            if err.code() == ErrorCode::LimitExceeded {
                // A limit is a limit in both modes (options.rs), whichever comes first.
                assert!(
                    strict.is_err(),
                    "strict ignores a limit lenient enforces: {err}"
                );
            }
        }
    }
}
