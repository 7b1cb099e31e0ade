//! `validate`: the validator under every profile, on whatever the lenient parser accepts, and
//! the `sdp validate` pipeline (input splitting with the webrtc-internals and SIP extractors,
//! the report, and its human, JSON and SARIF renderings) on the raw bytes.

use sdp_cli::input::split_sources;
use sdp_cli::render::{human, json, sarif, Style};
use sdp_cli::report::{check, CheckOptions};
use sdp_core::validate::{validate, validate_parsed, Profile};
use sdp_core::{ParseOptions, Session};

use crate::assert_span_in;

const PROFILES: [Profile; 5] = [
    Profile::Auto,
    Profile::Rfc8866,
    Profile::Webrtc,
    Profile::Sip,
    Profile::St2110,
];

/// Runs the target on one input.
pub fn run(data: &[u8]) {
    cli_pipeline(data);
    let Some(text) = crate::text(data) else {
        return;
    };
    let Ok(parsed) = Session::parse_with(text, &ParseOptions::lenient()) else {
        return;
    };
    let _ = Profile::detect(&parsed.session);
    for profile in PROFILES {
        // `validate_parsed` is `validate` plus the parse warnings: one call covers both.
        let diagnostics = validate_parsed(&parsed, profile);
        assert!(diagnostics.len() >= parsed.warnings.len());
        for d in &diagnostics {
            if let Some(span) = d.span() {
                assert_span_in(span, text, d);
            }
            assert!(d.line() >= 1, "line 0: {d}");
            if let Some(media) = d.media() {
                assert!(
                    media < parsed.session.media().len(),
                    "media {media} out of range: {d}"
                );
            }
            let _ = d.to_string();
        }
    }
    let _ = validate(&parsed.session, Profile::Auto);
}

/// What `sdp validate` does with a file's bytes.
fn cli_pipeline(data: &[u8]) {
    let Ok(inputs) = split_sources("fuzz.sdp", data.to_vec()) else {
        return;
    };
    // One profile and mode per input (picked from its length), not all ten: the pipeline
    // around the validator is the same for each, and the loop above covers every profile.
    let profile = PROFILES[data.len() % PROFILES.len()];
    let strict = data.len() % 2 == 1;
    let reports: Vec<_> = inputs
        .iter()
        .map(|input| check(input, &CheckOptions { profile, strict }))
        .collect();
    let mut out = Vec::new();
    for report in &reports {
        human::write_report(&mut out, report, Style::default()).expect("writing into a Vec");
        let _ = json::report_value(report, false);
    }
    let _ = sarif::sarif_value(&reports);
}
