//! F15-F16: header extensions.

use super::*;

const FIREFOX_OFFER: &str = include_str!("fixtures/bench_firefox_offer.sdp");
const FIREFOX_ANSWER: &str = include_str!("fixtures/bench_firefox_answer.sdp");
const AUDIO_LEVEL: &str = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";

#[test]
fn f15_unoffered_extension_is_an_error() {
    let answer = edit_media(
        CHROME_ANSWER,
        0,
        "a=sendrecv",
        "a=extmap:7 urn:ietf:params:rtp-hdrext:csrc-audio-level\r\na=sendrecv",
    );
    let found = run(CHROME_OFFER, &answer);
    assert_eq!(
        expect(&found, "F15", Severity::Error, Some(0)),
        "extension `urn:ietf:params:rtp-hdrext:csrc-audio-level` was not offered"
    );
}

#[test]
fn f15_extension_offered_in_another_section_only_is_an_error() {
    let answer = edit_media(
        CHROME_ANSWER,
        0,
        "a=sendrecv",
        "a=extmap:14 urn:ietf:params:rtp-hdrext:toffset\r\na=sendrecv",
    );
    expect(&run(CHROME_OFFER, &answer), "F15", Severity::Error, Some(0));
}

#[test]
fn f15_changed_id_is_an_error() {
    let answer = edit_media(
        CHROME_ANSWER,
        0,
        &format!("a=extmap:1 {AUDIO_LEVEL}"),
        &format!("a=extmap:9 {AUDIO_LEVEL}"),
    );
    let found = run(CHROME_OFFER, &answer);
    assert_eq!(
        expect(&found, "F15", Severity::Error, Some(0)),
        format!("extension `{AUDIO_LEVEL}` has ID 9 but the offer gave it ID 1")
    );
}

#[test]
fn f15_id_of_4096_or_more_is_an_error() {
    let offer = edit_media(
        CHROME_OFFER,
        0,
        &format!("a=extmap:1 {AUDIO_LEVEL}"),
        &format!("a=extmap:4096 {AUDIO_LEVEL}"),
    );
    let answer = edit_media(
        CHROME_ANSWER,
        0,
        &format!("a=extmap:1 {AUDIO_LEVEL}"),
        &format!("a=extmap:4096 {AUDIO_LEVEL}"),
    );
    let message = expect(&run(&offer, &answer), "F15", Severity::Error, Some(0));
    assert!(message.contains("4096 or more"), "{message}");
}

#[test]
fn f15_answerer_picks_an_id_for_an_offered_id_of_4096_or_more() {
    let offer = edit_media(
        CHROME_OFFER,
        0,
        &format!("a=extmap:1 {AUDIO_LEVEL}"),
        &format!("a=extmap:4100 {AUDIO_LEVEL}"),
    );
    let answer = edit_media(
        CHROME_ANSWER,
        0,
        &format!("a=extmap:1 {AUDIO_LEVEL}"),
        &format!("a=extmap:7 {AUDIO_LEVEL}"),
    );
    assert_clean(&offer, &answer);
}

#[test]
fn f15_duplicate_id_in_a_section_is_an_error() {
    let answer = edit_media(
        CHROME_ANSWER,
        0,
        "a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
        "a=extmap:1 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
    );
    let found = run(CHROME_OFFER, &answer);
    assert!(
        found
            .iter()
            .any(|v| v.rule == "F15" && v.message == "extmap ID 1 is used twice"),
        "{found:#?}"
    );
}

#[test]
fn f15_answer_sending_what_the_offer_will_not_receive_is_a_warning() {
    let answer = edit_media(
        FIREFOX_ANSWER,
        0,
        "a=extmap:2/sendonly",
        "a=extmap:2/recvonly",
    );
    let found = run(FIREFOX_OFFER, &answer);
    let message = expect(&found, "F15", Severity::Warning, Some(0));
    assert!(
        message.contains("answer `sendonly` or leave it out"),
        "{message}"
    );
}

#[test]
fn f15_plain_answer_to_a_one_way_offer_is_a_warning() {
    let answer = edit_media(FIREFOX_ANSWER, 0, "a=extmap:2/sendonly", "a=extmap:2");
    expect(
        &run(FIREFOX_OFFER, &answer),
        "F15",
        Severity::Warning,
        Some(0),
    );
}

#[test]
fn f15_encrypted_form_must_be_offered_as_such() {
    let answer = edit_media(
        CHROME_ANSWER,
        0,
        &format!("a=extmap:1 {AUDIO_LEVEL}"),
        &format!("a=extmap:1 urn:ietf:params:rtp-hdrext:encrypt {AUDIO_LEVEL}"),
    );
    let message = expect(&run(CHROME_OFFER, &answer), "F15", Severity::Error, Some(0));
    assert!(
        message.contains("encrypt") && message.ends_with("was not offered"),
        "{message}"
    );
}

#[test]
fn f16_extmap_allow_mixed_not_offered_is_an_error() {
    let offer = edit_session(CHROME_OFFER, "a=extmap-allow-mixed\r\n", "");
    let found = run(&offer, CHROME_ANSWER);
    assert_eq!(
        expect(&found, "F16", Severity::Error, None),
        "`a=extmap-allow-mixed` is answered but was not offered"
    );
}

#[test]
fn f16_media_level_extmap_allow_mixed_not_offered_is_an_error() {
    let answer = edit_media(
        SIP_ANSWER,
        0,
        "a=ptime:20",
        "a=ptime:20\r\na=extmap-allow-mixed",
    );
    expect(&run(SIP_OFFER, &answer), "F16", Severity::Error, Some(0));
}

#[test]
fn f16_media_level_answer_to_session_level_offer_is_fine() {
    let answer = edit_media(
        CHROME_ANSWER,
        1,
        "a=sendrecv",
        "a=extmap-allow-mixed\r\na=sendrecv",
    );
    assert_clean(CHROME_OFFER, &answer);
}
