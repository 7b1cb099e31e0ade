//! Whole-engine properties: over the shared corpus and over mutated Chrome offers, `answer`
//! either refuses the offer with a [`NegotiationError`] or writes an answer that parses strictly,
//! writes back byte-exact, has no validation error under the profile of its mode and has as many
//! m-sections as the offer (A1). It never panics.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use proptest::prelude::*;

use super::*;

/// One identity for every case: generating a certificate per case is slow.
fn configs() -> &'static [(&'static str, Config); 2] {
    static CONFIGS: OnceLock<[(&str, Config); 2]> = OnceLock::new();
    CONFIGS.get_or_init(|| [("webrtc", Config::webrtc()), ("sip", Config::sip_phone())])
}

/// Checks the properties for one offer; `Err` describes the first broken one.
fn check(offer: &Session<'_>) -> Result<(), String> {
    for (name, config) in configs() {
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            super::answer(offer, config)
        }));
        let answer = match result {
            Err(_) => return Err(format!("{name}: answer panicked")),
            Ok(Err(_refused)) => continue,
            Ok(Ok(answer)) => answer,
        };
        let text = answer.session.to_string();
        let parsed = Session::parse_with(&text, &ParseOptions::strict())
            .map_err(|e| format!("{name}: the answer does not parse strictly: {e}\n{text}"))?;
        let again = parsed.session.to_string();
        if again != text {
            return Err(format!(
                "{name}: the answer does not write back byte-exact\n{text}\n---\n{again}"
            ));
        }
        let profile = answer.negotiated.mode.validation_profile();
        let errors: Vec<String> = validate(&parsed.session, profile)
            .into_iter()
            .filter(|d| d.severity() == Severity::Error)
            .map(|d| d.to_string())
            .collect();
        if !errors.is_empty() {
            return Err(format!("{name}: validation errors {errors:#?}\n{text}"));
        }
        // The answer is legal for the offer (rulebook F): no checker error.
        let violations: Vec<String> = crate::check_answer(offer, &parsed.session)
            .into_iter()
            .filter(|v| v.severity == crate::Severity::Error)
            .map(|v| v.to_string())
            .collect();
        if !violations.is_empty() {
            return Err(format!(
                "{name}: check_answer errors {violations:#?}\n{text}"
            ));
        }
        if parsed.session.media().len() != offer.media().len() {
            return Err(format!(
                "{name}: {} m-sections for {} offered\n{text}",
                parsed.session.media().len(),
                offer.media().len()
            ));
        }
    }
    Ok(())
}

fn corpus_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("SDP_CORPUS") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus"),
    };
    dir.join("valid").is_dir().then_some(dir)
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

#[test]
fn every_valid_corpus_offer_is_answered_or_refused_cleanly() {
    let Some(dir) = corpus_dir() else {
        println!("skipped: no shared corpus at ../../shared/corpus (set SDP_CORPUS to run it)");
        return;
    };
    let mut files = Vec::new();
    files_under(&dir.join("valid"), &mut files);
    files.sort();
    let mut answered = 0;
    let mut failures = Vec::new();
    for path in &files {
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        let Ok(offer) = Session::parse_bytes(&bytes) else {
            continue;
        };
        answered += 1;
        if let Err(why) = check(&offer) {
            failures.push(format!("{}: {why}", path.display()));
        }
    }
    println!("{answered} corpus offers answered or refused");
    assert!(answered > 100, "only {answered} corpus files parsed");
    assert!(
        failures.is_empty(),
        "{} of {answered} files:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

fn chrome_lines() -> Vec<&'static str> {
    CHROME.split_inclusive("\r\n").collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn chrome_offer_with_lines_deleted_is_answered_or_refused_cleanly(
        deleted in prop::collection::btree_set(0..chrome_lines().len(), 1..12)
    ) {
        let text: String = chrome_lines()
            .iter()
            .enumerate()
            .filter(|(i, _)| !deleted.contains(i))
            .map(|(_, l)| *l)
            .collect();
        if let Ok(offer) = Session::parse(&text) {
            if let Err(why) = check(&offer) {
                prop_assert!(false, "deleted lines {:?}: {}", deleted, why);
            }
        }
    }
}
