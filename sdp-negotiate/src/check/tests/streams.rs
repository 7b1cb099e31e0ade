//! F33-F36: msid, mids, tls-id, ice-options.

use super::*;

#[test]
fn f33_sending_section_without_msid_is_a_warning() {
    let answer = drop_lines(CHROME_ANSWER, 0, "a=msid:");
    let found = run(CHROME_OFFER, &answer);
    assert_eq!(
        expect(&found, "F33", Severity::Warning, Some(0)),
        "a sending section has no `a=msid`: the remote track gets no stream"
    );
}

#[test]
fn f33_ssrc_msid_is_a_stream_association() {
    let answer = drop_lines(CHROME_ANSWER, 0, "a=msid:");
    let answer = edit_media(
        &answer,
        0,
        "a=ssrc:4027432181 cname:Zr5vTq9wXe2yAb4c",
        "a=ssrc:4027432181 cname:Zr5vTq9wXe2yAb4c\r\na=ssrc:4027432181 msid:9a8b7c6d 1c2d3e4f-audio",
    );
    assert_clean(CHROME_OFFER, &answer);
}

#[test]
fn f33_two_tracks_in_one_section_are_an_error() {
    let answer = edit_media(
        CHROME_ANSWER,
        0,
        "a=msid:9a8b7c6d 1c2d3e4f-audio",
        "a=msid:9a8b7c6d 1c2d3e4f-audio\r\na=msid:9a8b7c6d second-track",
    );
    let found = run(CHROME_OFFER, &answer);
    assert_eq!(
        expect(&found, "F33", Severity::Error, Some(0)),
        "2 msid tracks (`1c2d3e4f-audio`, `second-track`) in one section; Unified Plan allows one"
    );
}

#[test]
fn f33_one_track_in_two_streams_is_fine() {
    let answer = edit_media(
        CHROME_ANSWER,
        0,
        "a=msid:9a8b7c6d 1c2d3e4f-audio",
        "a=msid:9a8b7c6d 1c2d3e4f-audio\r\na=msid:otherstream 1c2d3e4f-audio",
    );
    assert_clean(CHROME_OFFER, &answer);
}

/// Renames mid `0` to `mid` in offer or answer (section and BUNDLE group).
fn rename_mid(text: &str, mid: &str) -> String {
    let text = edit_session(
        text,
        "a=group:BUNDLE 0 1 2",
        &format!("a=group:BUNDLE {mid} 1 2"),
    );
    edit_media(&text, 0, "a=mid:0", &format!("a=mid:{mid}"))
}

#[test]
fn f34_mid_longer_than_16_characters_is_a_warning() {
    let long = "audio-transceiver-0";
    let found = run(
        &rename_mid(CHROME_OFFER, long),
        &rename_mid(CHROME_ANSWER, long),
    );
    assert_eq!(
        expect(&found, "F34", Severity::Warning, Some(0)),
        "mid `audio-transceiver-0` has 19 characters; libwebrtc and Firefox refuse more than 16"
    );
    assert_eq!(serious(&found).len(), 1, "{found:#?}");
}

#[test]
fn f34_duplicate_mid_is_an_error() {
    let answer = edit_media(CHROME_ANSWER, 1, "a=mid:1", "a=mid:0");
    let found = run(CHROME_OFFER, &answer);
    assert_eq!(
        expect(&found, "F34", Severity::Error, Some(1)),
        "mid `0` is used twice"
    );
}

#[test]
fn f34_empty_mid_is_an_error() {
    let answer = edit_media(CHROME_ANSWER, 2, "a=mid:2", "a=mid:");
    expect(&run(CHROME_OFFER, &answer), "F34", Severity::Error, Some(2));
}

/// Adds `a=tls-id:<id>` after the setup line of every section.
fn with_tls_id(text: &str, setup: &str, id: &str) -> String {
    (0..3).fold(text.to_owned(), |t, i| {
        edit_media(&t, i, setup, &format!("{setup}\r\na=tls-id:{id}"))
    })
}

const OFFER_TLS: &str = "1PZLpHkE9ySG5cOH7L4T7xJP";
const ANSWER_TLS: &str = "Qo8Tn5bWz2Xr7mCk4VdHf1Ls";
const NEW_TLS: &str = "Zk3Jq6Wv9Np2Rt5Yb8Mc1Fg4";

#[test]
fn f35_answer_changing_tls_id_alone_is_a_warning() {
    let prev_offer = with_tls_id(CHROME_OFFER, "a=setup:actpass", OFFER_TLS);
    let prev_answer = with_tls_id(CHROME_ANSWER, "a=setup:active", ANSWER_TLS);
    let answer = with_tls_id(CHROME_ANSWER, "a=setup:active", NEW_TLS);
    let found = run_with(&prev_offer, &answer, &prev_offer, &prev_answer);
    assert_eq!(
        expect(&found, "F35", Severity::Warning, Some(0)),
        "the answer's tls-id changed but the offer's did not (a new DTLS association)"
    );
}

#[test]
fn f35_answer_keeping_tls_id_when_the_offerer_changed_its_own_is_a_warning() {
    let prev_offer = with_tls_id(CHROME_OFFER, "a=setup:actpass", OFFER_TLS);
    let prev_answer = with_tls_id(CHROME_ANSWER, "a=setup:active", ANSWER_TLS);
    let offer = with_tls_id(CHROME_OFFER, "a=setup:actpass", NEW_TLS);
    let found = run_with(&offer, &prev_answer, &prev_offer, &prev_answer);
    assert_eq!(
        expect(&found, "F35", Severity::Warning, Some(0)),
        "the offerer changed its tls-id but the answer keeps its own"
    );
}

#[test]
fn f35_both_changing_tls_id_is_fine() {
    let prev_offer = with_tls_id(CHROME_OFFER, "a=setup:actpass", OFFER_TLS);
    let prev_answer = with_tls_id(CHROME_ANSWER, "a=setup:active", ANSWER_TLS);
    let offer = with_tls_id(CHROME_OFFER, "a=setup:actpass", NEW_TLS);
    let answer = with_tls_id(CHROME_ANSWER, "a=setup:active", NEW_TLS);
    expect_none(&run_with(&offer, &answer, &prev_offer, &prev_answer), "F35");
}

#[test]
fn f36_unoffered_ice_option_is_a_warning() {
    let answer = edit_media(
        CHROME_ANSWER,
        0,
        "a=ice-options:trickle",
        "a=ice-options:trickle ice2",
    );
    let found = run(CHROME_OFFER, &answer);
    assert_eq!(
        expect(&found, "F36", Severity::Warning, Some(0)),
        "ice-option `ice2` was not offered"
    );
}

#[test]
fn f36_unsolicited_trickle_is_not_flagged() {
    let offer = (0..3).fold(CHROME_OFFER.to_owned(), |t, i| {
        edit_media(&t, i, "a=ice-options:trickle\r\n", "")
    });
    expect_none(&run(&offer, CHROME_ANSWER), "F36");
}

#[test]
fn f36_session_level_offer_options_count() {
    // Firefox offers ice-options at session level; answers repeat them per section.
    let offer = edit_session(
        include_str!("fixtures/bench_firefox_offer.sdp"),
        "a=ice-options:trickle",
        "a=ice-options:trickle ice2",
    );
    let answer = edit_media(
        include_str!("fixtures/bench_firefox_answer.sdp"),
        0,
        "a=ice-options:trickle",
        "a=ice-options:trickle ice2",
    );
    assert_clean(&offer, &answer);
}
