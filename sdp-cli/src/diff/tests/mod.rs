//! Tests of the semantic diff: the browser cases, order and line endings, one test per change
//! kind (`kinds.rs`, `codecs.rs`, `transport.rs`, `streams.rs`), the ignore options, rendering,
//! and the shared corpus (`corpus.rs`).

mod codecs;
mod corpus;
mod kinds;
mod render;
mod streams;
mod transport;

use std::sync::LazyLock;

use sdp_core::Session;

use super::*;

/// The bundled Chrome offer, as shipped (CRLF).
const CHROME_FILE: &str = include_str!("../../../../examples/chrome-offer.sdp");

/// The Chrome offer with LF endings, easier to edit in tests.
static CHROME: LazyLock<String> = LazyLock::new(|| CHROME_FILE.replace("\r\n", "\n"));

fn parse(text: &str) -> Session<'_> {
    Session::parse(text).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

fn diff_text(a: &str, b: &str) -> Diff {
    diff(&parse(a), &parse(b), &DiffOptions::default())
}

fn diff_ignoring(a: &str, b: &str, ignore: &str) -> Diff {
    let options = DiffOptions::ignoring(parse_ignore(ignore).unwrap());
    diff(&parse(a), &parse(b), &options)
}

/// The one change that `from` -> `to` makes in [`BASE`].
fn only(from: &str, to: &str) -> Change {
    let d = diff_text(kinds::BASE, &edit(kinds::BASE, from, to));
    assert_eq!(d.changes.len(), 1, "{:#?}", d.changes);
    d.changes.into_iter().next().unwrap()
}

fn values(c: &Change) -> (Option<&str>, Option<&str>) {
    (c.before.as_deref(), c.after.as_deref())
}

fn mid(c: &Change) -> Option<&str> {
    c.section.as_ref()?.b.as_ref()?.mid.as_deref()
}

fn kinds(d: &Diff) -> Vec<&'static str> {
    d.changes.iter().map(|c| c.kind.name()).collect()
}

/// `text` with the first `from` replaced by `to`; `from` must be there.
fn edit(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "`{from}` not found");
    text.replacen(from, to, 1)
}

/// The Chrome offer re-offered after `restartIce()`: every ufrag and password new, `o=` version
/// bumped, nothing else touched.
fn chrome_ice_restart() -> String {
    let mut out = String::new();
    for line in CHROME.split_inclusive('\n') {
        let line = if let Some(rest) = line.strip_prefix("a=ice-ufrag:") {
            assert_eq!(rest.trim_end(), "vsCn");
            line.replace("vsCn", "Pq3x")
        } else if line.starts_with("a=ice-pwd:") {
            line.replace("Wnc8FZXWEzpLqDY1sS0kqIBf", "m0GkXh3nJQ2m7d5dZB0y9tKc")
        } else if line.starts_with("o=") {
            line.replace(" 2 IN IP4", " 3 IN IP4")
        } else {
            line.to_owned()
        };
        out.push_str(&line);
    }
    out
}

#[test]
fn chrome_ice_restart_is_one_restart_for_the_bundle_and_a_version_bump() {
    let restarted = chrome_ice_restart();
    let d = diff_text(&CHROME, &restarted);
    assert_eq!(kinds(&d), ["session-version", "ice-restart"], "{d:#?}");

    let version = &d.changes[0];
    assert_eq!(version.section, None);
    assert_eq!(version.op, Op::Changed);
    assert_eq!(
        (version.before.as_deref(), version.after.as_deref()),
        (Some("2"), Some("3"))
    );

    // All three sections repeat the credentials, on one BUNDLE transport: one restart, on the
    // first section, naming the other two.
    let restart = &d.changes[1];
    assert_eq!(
        restart.kind,
        ChangeKind::IceRestart {
            pwd_changed: true,
            shared_with: vec!["1".to_owned(), "2".to_owned()],
        }
    );
    assert_eq!(
        (restart.before.as_deref(), restart.after.as_deref()),
        (Some("vsCn"), Some("Pq3x"))
    );
    let section = restart.section.as_ref().unwrap();
    assert_eq!(section.a, section.b);
    assert_eq!(section.b.as_ref().unwrap().mid.as_deref(), Some("0"));
    assert_eq!(section.b.as_ref().unwrap().index, 0);
}

#[test]
fn ice_restart_without_bundle_is_one_change_per_section() {
    let a = CHROME.replace("a=group:BUNDLE 0 1 2\n", "");
    let b = chrome_ice_restart().replace("a=group:BUNDLE 0 1 2\n", "");
    let d = diff_text(&a, &b);
    assert_eq!(
        kinds(&d),
        [
            "session-version",
            "ice-restart",
            "ice-restart",
            "ice-restart"
        ]
    );
    for change in &d.changes[1..] {
        assert!(matches!(
            &change.kind,
            ChangeKind::IceRestart { pwd_changed: true, shared_with } if shared_with.is_empty()
        ));
    }
}

#[test]
fn ice_restart_of_one_bundled_section_only_is_not_folded_into_the_others() {
    // A partial restart (legal in libwebrtc, rule E6) shows where it happened.
    let b = edit(&CHROME, "a=ice-ufrag:vsCn\na=ice-pwd:Wnc8FZXWEzpLqDY1sS0kqIBf\na=ice-options:trickle\na=fingerprint:sha-256 18:93:7B:75:5D:B4:43:17:12:31:CE:90:E9:7C:21:37:80:80:2E:87:75:2A:3B:03:0B:BA:6F:D3:16:81:23:0A\na=setup:actpass\na=mid:1",
        "a=ice-ufrag:Zz9k\na=ice-pwd:Wnc8FZXWEzpLqDY1sS0kqIBf\na=ice-options:trickle\na=fingerprint:sha-256 18:93:7B:75:5D:B4:43:17:12:31:CE:90:E9:7C:21:37:80:80:2E:87:75:2A:3B:03:0B:BA:6F:D3:16:81:23:0A\na=setup:actpass\na=mid:1");
    let d = diff_text(&CHROME, &b);
    assert_eq!(kinds(&d), ["ice-restart"]);
    let change = &d.changes[0];
    assert_eq!(
        change.kind,
        ChangeKind::IceRestart {
            pwd_changed: false,
            shared_with: vec![]
        }
    );
    let mid = change
        .section
        .as_ref()
        .and_then(|s| s.b.as_ref()?.mid.as_deref());
    assert_eq!(mid, Some("1"));
}

#[test]
fn identical_sessions_have_no_difference() {
    assert!(diff_text(&CHROME, &CHROME).is_empty());
}

#[test]
fn line_endings_are_no_difference() {
    assert_ne!(CHROME.as_str(), CHROME_FILE);
    assert!(diff_text(&CHROME, CHROME_FILE).is_empty());
    // A last line without its ending too.
    assert!(diff_text(CHROME_FILE, CHROME.trim_end()).is_empty());
}

/// Each section's attribute lines with `pick` lines moved to the end, in reverse order.
fn reorder(text: &str, pick: impl Fn(&str) -> bool) -> String {
    let mut out = String::new();
    let mut moved: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.starts_with("m=") {
            out.extend(moved.drain(..).rev().map(|l| format!("{l}\n")));
        }
        if pick(line) {
            moved.push(line);
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out.extend(moved.drain(..).rev().map(|l| format!("{l}\n")));
    out
}

#[test]
fn reordered_candidates_and_ssrc_lines_are_no_difference() {
    let b = reorder(&CHROME, |l| {
        l.starts_with("a=candidate:") || l.starts_with("a=ssrc:") || l.starts_with("a=ssrc-group:")
    });
    assert_ne!(b, *CHROME);
    assert!(
        diff_text(&CHROME, &b).is_empty(),
        "{:#?}",
        diff_text(&CHROME, &b)
    );
}

#[test]
fn fmtp_before_rtpmap_and_reordered_feedback_and_extmaps_are_no_difference() {
    let b = reorder(&CHROME, |l| {
        l.starts_with("a=rtpmap:") || l.starts_with("a=rtcp-fb:") || l.starts_with("a=extmap:")
    });
    assert!(diff_text(&CHROME, &b).is_empty());
}

#[test]
fn reordered_session_attributes_are_no_difference() {
    let b = edit(
        &CHROME,
        "a=group:BUNDLE 0 1 2\na=extmap-allow-mixed\na=msid-semantic: WMS 34b022f6-dcff-4bff-af0d-e02447ddce64\n",
        "a=msid-semantic: WMS 34b022f6-dcff-4bff-af0d-e02447ddce64\na=extmap-allow-mixed\na=group:BUNDLE 0 1 2\n",
    );
    assert!(diff_text(&CHROME, &b).is_empty());
}

#[test]
fn reordered_fmtp_parameters_and_spacing_are_no_difference() {
    let b = edit(
        &CHROME,
        "a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f",
        "a=fmtp:102 profile-level-id=42001f; packetization-mode=1;level-asymmetry-allowed=1",
    );
    assert!(diff_text(&CHROME, &b).is_empty());
}

#[test]
fn codec_preference_order_is_a_difference() {
    let b = edit(
        &CHROME,
        "m=audio 54321 UDP/TLS/RTP/SAVPF 111 63 9",
        "m=audio 54321 UDP/TLS/RTP/SAVPF 63 111 9",
    );
    let d = diff_text(&CHROME, &b);
    assert_eq!(kinds(&d), ["codec-order"]);
    assert_eq!(
        d.changes[0].before.as_deref(),
        Some("111 63 9 0 8 13 110 126")
    );
    assert_eq!(
        d.changes[0].after.as_deref(),
        Some("63 111 9 0 8 13 110 126")
    );
}

#[test]
fn json_shape_is_flat_with_kind_op_values_and_section() {
    let d = diff_text(&CHROME, &chrome_ice_restart());
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"changes": [
            {"kind": "session-version", "op": "changed", "before": "2", "after": "3",
             "section": null},
            {"kind": "ice-restart", "pwd_changed": true, "shared_with": ["1", "2"],
             "op": "changed", "before": "vsCn", "after": "Pq3x",
             "section": {"a": {"index": 0, "mid": "0", "media": "audio"},
                         "b": {"index": 0, "mid": "0", "media": "audio"}}},
        ]})
    );
}

#[test]
fn json_of_an_added_section_has_no_a_side() {
    let b = format!(
        "{}m=audio 9 UDP/TLS/RTP/SAVPF 0\na=mid:3\n",
        CHROME.as_str()
    );
    let d = diff_text(&CHROME, &b);
    let json = serde_json::to_value(&d.changes).unwrap();
    assert_eq!(
        json,
        serde_json::json!([{"kind": "section-added", "op": "added", "before": null,
            "after": "audio 9 UDP/TLS/RTP/SAVPF 0",
            "section": {"a": null, "b": {"index": 3, "mid": "3", "media": "audio"}}}])
    );
}

#[test]
fn each_category_is_suppressed_by_its_ignore_name() {
    for (category, from, to) in kinds::CATEGORY_EDITS {
        let b = edit(kinds::BASE, from, to);
        let all = diff_text(kinds::BASE, &b);
        assert!(!all.is_empty(), "{category}: the edit changes nothing");
        let ignored = diff_ignoring(kinds::BASE, &b, category);
        assert!(ignored.is_empty(), "{category}: {:#?}", ignored.changes);
    }
}

#[test]
fn ignoring_one_category_keeps_the_others() {
    let d = diff_ignoring(&CHROME, &chrome_ice_restart(), "ice");
    assert_eq!(kinds(&d), ["session-version"]);
    let d = diff_ignoring(&CHROME, &chrome_ice_restart(), " origin ,, candidates");
    assert_eq!(kinds(&d), ["ice-restart"]);
}

#[test]
fn parse_ignore_reads_every_name_and_names_the_valid_ones_on_error() {
    let all: Vec<&str> = Category::ALL.iter().map(|c| c.name()).collect();
    let set = parse_ignore(&all.join(",")).unwrap();
    assert_eq!(set.iter().collect::<Vec<_>>(), Category::ALL);
    assert!(parse_ignore("").unwrap().is_empty());
    assert_eq!(
        parse_ignore("ice,ICE").unwrap_err(),
        "unknown category `ICE`; valid categories: origin, candidates, ssrc, msid, ice, \
         fingerprint, setup, extmap, rtcp-fb, bandwidth, codecs, direction, port, rid, group, \
         connection"
    );
}
