//! Tests of the answer checker: clean offer/answer fixtures, and per rule a mutation of a clean
//! answer that breaks it.

use super::*;

mod bundle;
mod clean;
mod codecs;
mod data;
mod extmap;
mod simulcast;
mod streams;
mod structure;
mod transport;

/// A Chrome-like offer: audio, video with rid simulcast, data; BUNDLE, ICE, DTLS, rtcp-mux.
const CHROME_OFFER: &str = include_str!("fixtures/chrome_offer.sdp");
/// A correct answer to [`CHROME_OFFER`].
const CHROME_ANSWER: &str = include_str!("fixtures/chrome_answer.sdp");
/// RFC 4317 §2.1-style SIP offer (audio and video, no ICE or DTLS).
const SIP_OFFER: &str = include_str!("fixtures/sip_offer.sdp");
/// A correct answer to [`SIP_OFFER`].
const SIP_ANSWER: &str = include_str!("fixtures/sip_answer.sdp");

/// Parses both texts and checks the answer.
fn run(offer: &str, answer: &str) -> Vec<Violation> {
    let offer = Session::parse(offer).expect("offer parses");
    let answer = Session::parse(answer).expect("answer parses");
    check_answer(&offer, &answer)
}

/// [`run`] with the previous exchange.
fn run_with(offer: &str, answer: &str, prev_offer: &str, prev_answer: &str) -> Vec<Violation> {
    let parse = |t| Session::parse(t).expect("parses");
    let (o, a, po, pa) = (
        parse(offer),
        parse(answer),
        parse(prev_offer),
        parse(prev_answer),
    );
    check_answer_with(&o, &a, Some((&po, &pa)))
}

/// The violations that are errors or warnings.
fn serious(violations: &[Violation]) -> Vec<String> {
    violations
        .iter()
        .filter(|v| v.severity != Severity::Info)
        .map(ToString::to_string)
        .collect()
}

/// Asserts that no error or warning is found.
fn assert_clean(offer: &str, answer: &str) {
    let found = run(offer, answer);
    assert!(
        serious(&found).is_empty(),
        "expected clean, found {found:#?}"
    );
}

/// Asserts a violation of `rule` with `severity` at `media`, and returns its message.
fn expect(found: &[Violation], rule: &str, severity: Severity, media: Option<usize>) -> String {
    found
        .iter()
        .find(|v| v.rule == rule && v.severity == severity && v.media == media)
        .map(|v| v.message.clone())
        .unwrap_or_else(|| {
            panic!("expected {severity}[{rule}] at {media:?}, found {found:#?}");
        })
}

/// Asserts that `rule` is not reported (at any severity).
fn expect_none(found: &[Violation], rule: &str) {
    assert!(
        found.iter().all(|v| v.rule != rule),
        "expected no {rule}, found {found:#?}"
    );
}

/// Replaces `from` by `to` in part `part` of `text`: 0 is the session part, `n` the m-section
/// `n - 1`. Panics when `from` does not occur there.
fn edit(text: &str, part: usize, from: &str, to: &str) -> String {
    let mut parts = split(text);
    let target = parts.get_mut(part).expect("part exists");
    assert!(
        target.contains(from),
        "`{from}` not in part {part}:\n{target}"
    );
    *target = target.replacen(from, to, 1);
    parts.concat()
}

/// Replaces in the session part.
fn edit_session(text: &str, from: &str, to: &str) -> String {
    edit(text, 0, from, to)
}

/// Replaces in m-section `index`.
fn edit_media(text: &str, index: usize, from: &str, to: &str) -> String {
    edit(text, index + 1, from, to)
}

/// Removes every line of m-section `index` that starts with `prefix`.
fn drop_lines(text: &str, index: usize, prefix: &str) -> String {
    let mut parts = split(text);
    let target = parts.get_mut(index + 1).expect("section exists");
    let before = target.len();
    *target = target
        .split_inclusive('\n')
        .filter(|l| !l.starts_with(prefix))
        .collect();
    assert!(
        target.len() < before,
        "no `{prefix}` line in m-section {index}"
    );
    parts.concat()
}

/// The session part and the m-sections of `text`, each with its line endings.
fn split(text: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    for line in text.split_inclusive('\n') {
        if line.starts_with("m=") {
            parts.push(String::new());
        }
        if let Some(last) = parts.last_mut() {
            last.push_str(line);
        }
    }
    parts
}
