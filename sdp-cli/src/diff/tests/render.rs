//! The human rendering.

use super::*;

fn rendered(d: &Diff) -> String {
    let mut out = Vec::new();
    render_human(d, "a.sdp", "b.sdp", &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn chrome_ice_restart_renders_by_section() {
    let d = diff_text(&CHROME, &chrome_ice_restart());
    assert_eq!(
        rendered(&d),
        "--- a.sdp\n+++ b.sdp\nsession\n  ~ session version 2 -> 3\n\
         m=audio mid 0\n  ~ ICE restart (ufrag vsCn -> Pq3x; also mids 1, 2)\n"
    );
}

#[test]
fn empty_diff_renders_nothing() {
    assert_eq!(rendered(&diff_text(&CHROME, &CHROME)), "");
}

#[test]
fn codec_changes_render_with_signs() {
    let b = edit(
        kinds::BASE,
        "96 97 102\n",
        "97 102 98\na=rtpmap:98 VP9/90000\n",
    );
    let b = edit(&b, "profile-level-id=42e01f", "profile-level-id=42001f");
    let b = edit(
        &b,
        "a=candidate:1 1 udp 2122260223 192.0.2.10 50000 typ host\n",
        "",
    );
    let text = rendered(&diff_text(kinds::BASE, &b));
    assert_eq!(
        text,
        "--- a.sdp\n+++ b.sdp\n\
         m=audio mid 0\n\
         \x20 - candidate 1 1 udp 2122260223 192.0.2.10 50000 typ host\n\
         m=video mid 1\n\
         \x20 - codec 96 VP8/90000\n\
         \x20 + codec 98 VP9/90000\n\
         \x20 ~ fmtp 102: profile-level-id 42e01f -> 42001f\n"
    );
}

#[test]
fn recycled_section_heading_names_both_sides() {
    let b = edit(kinds::BASE, "a=mid:1", "a=mid:2");
    let text = rendered(&diff_text(kinds::BASE, &b));
    assert!(
        text.contains("m=video mid 1 -> m=video mid 2\n  ~ recycled m-line: m=video 9"),
        "{text}"
    );
}

#[test]
fn control_characters_are_escaped() {
    let b = edit(kinds::BASE, "s=-", "s=\u{1b}[2J");
    let text = rendered(&diff_text(kinds::BASE, &b));
    assert!(text.contains("session name - -> \\u{1b}[2J"), "{text}");
}
