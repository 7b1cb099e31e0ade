//! `answer`: any offer the lenient parser accepts, answered by the two presets (a browser-like
//! WebRTC endpoint and a SIP phone). The engine either refuses the offer with an error or writes
//! an answer that parses strictly, writes back byte for byte, has as many m-sections as the
//! offer (rulebook A1), has no validation error under its mode's profile and that
//! `check_answer` accepts without error: the same properties as the engine's own corpus test
//! (sdp-negotiate/src/answer/tests/props.rs), on inputs nobody wrote by hand.
//!
//! The checker also runs on the offer taken as its own answer, which is wrong in many ways and
//! must be reported, not crash.

use std::sync::OnceLock;

use sdp_core::validate::{validate, Severity as LintSeverity};
use sdp_core::{ParseOptions, Session};
use sdp_negotiate::{answer, check_answer, Config, Severity};

/// The presets, built once: `Config::webrtc()` generates a certificate, which takes
/// milliseconds, far longer than an answer.
pub fn presets() -> &'static [(&'static str, Config); 2] {
    static PRESETS: OnceLock<[(&str, Config); 2]> = OnceLock::new();
    PRESETS.get_or_init(|| [("webrtc", Config::webrtc()), ("sip", Config::sip_phone())])
}

/// Runs the target on one input.
pub fn run(data: &[u8]) {
    let Some(text) = crate::text(data) else {
        return;
    };
    let Ok(offer) = Session::parse(text) else {
        return;
    };
    for v in check_answer(&offer, &offer) {
        let _ = v.to_string();
    }
    for (name, config) in presets() {
        let Ok(answer) = answer(&offer, config) else {
            continue;
        };
        let written = answer.session.to_string();
        let parsed = match Session::parse_with(&written, &ParseOptions::strict()) {
            Ok(parsed) => parsed.session,
            Err(e) => panic!("{name}: the answer does not parse strictly: {e}\n{written}"),
        };
        assert_eq!(
            parsed.to_string(),
            written,
            "{name}: the answer does not write back byte for byte"
        );
        assert_eq!(
            parsed.media().len(),
            offer.media().len(),
            "{name}: m-section count differs from the offer (A1)\n{written}"
        );
        let profile = answer.negotiated.mode.validation_profile();
        let lint_errors: Vec<String> = validate(&parsed, profile)
            .into_iter()
            .filter(|d| d.severity() == LintSeverity::Error)
            .map(|d| d.to_string())
            .collect();
        assert!(
            lint_errors.is_empty(),
            "{name}: the answer has validation errors {lint_errors:#?}\n{written}"
        );
        let violations: Vec<String> = check_answer(&offer, &parsed)
            .into_iter()
            .filter(|v| v.severity == Severity::Error)
            .map(|v| v.to_string())
            .collect();
        assert!(
            violations.is_empty(),
            "{name}: check_answer refuses the answer: {violations:#?}\n{written}"
        );
    }
}
