//! F1-F5: m-line count, order, media type, proto, mid, disabled sections, direction.

use super::*;

#[test]
fn f1_answer_with_fewer_m_sections_is_an_error() {
    let parts = split(CHROME_ANSWER);
    let answer = parts[..3].concat();
    let found = run(CHROME_OFFER, &answer);
    let message = expect(&found, "F1", Severity::Error, None);
    assert_eq!(message, "the answer has 2 m-sections but the offer has 3");
}

#[test]
fn f1_media_type_differs_at_an_index_is_an_error() {
    let answer = edit_media(SIP_ANSWER, 1, "m=video", "m=audio");
    let found = run(SIP_OFFER, &answer);
    let message = expect(&found, "F1", Severity::Error, Some(1));
    assert_eq!(message, "media type `audio` where the offer has `video`");
}

#[test]
fn f1_reordered_m_sections_are_an_error() {
    let parts = split(CHROME_ANSWER);
    let answer = [&parts[0], &parts[2], &parts[1], &parts[3]]
        .map(String::as_str)
        .concat();
    let found = run(CHROME_OFFER, &answer);
    let message = expect(&found, "F1", Severity::Error, None);
    assert!(message.contains("reordered"), "{message}");
    expect(&found, "F3", Severity::Error, Some(0));
}

#[test]
fn f2_proto_differs_is_an_error() {
    let answer = edit_media(CHROME_ANSWER, 0, "UDP/TLS/RTP/SAVPF", "RTP/SAVPF");
    let found = run(CHROME_OFFER, &answer);
    let message = expect(&found, "F2", Severity::Error, Some(0));
    assert_eq!(
        message,
        "proto `RTP/SAVPF` differs from the offer's `UDP/TLS/RTP/SAVPF`"
    );
}

#[test]
fn f2_proto_comparison_is_byte_exact() {
    let answer = edit_media(SIP_ANSWER, 0, "RTP/AVP", "rtp/avp");
    expect(&run(SIP_OFFER, &answer), "F2", Severity::Error, Some(0));
}

#[test]
fn f3_missing_mid_is_an_error() {
    let answer = drop_lines(CHROME_ANSWER, 2, "a=mid:");
    let found = run(CHROME_OFFER, &answer);
    assert_eq!(
        expect(&found, "F3", Severity::Error, Some(2)),
        "`a=mid:2` of the offer is missing"
    );
}

#[test]
fn f3_changed_mid_is_an_error() {
    let answer = edit_media(CHROME_ANSWER, 1, "a=mid:1", "a=mid:video");
    let found = run(CHROME_OFFER, &answer);
    expect(&found, "F3", Severity::Error, Some(1));
}

#[test]
fn f3_mid_added_when_the_offer_has_none_is_an_error() {
    let answer = edit_media(SIP_ANSWER, 0, "a=ptime:20", "a=ptime:20\r\na=mid:audio");
    let found = run(SIP_OFFER, &answer);
    let message = expect(&found, "F3", Severity::Error, Some(0));
    assert!(message.contains("added"), "{message}");
}

#[test]
fn f4_disabled_offer_section_answered_with_a_port_is_an_error() {
    let offer = edit_media(SIP_OFFER, 1, "m=video 51372", "m=video 0");
    let found = run(&offer, SIP_ANSWER);
    expect(&found, "F4", Severity::Error, Some(1));
}

#[test]
fn f4_disabled_offer_section_answered_with_port_0_is_fine() {
    let offer = edit_media(SIP_OFFER, 1, "m=video 51372", "m=video 0");
    let answer = edit_media(SIP_ANSWER, 1, "m=video 49170", "m=video 0");
    assert_clean(&offer, &answer);
}

#[test]
fn f4_bundle_only_offer_section_is_not_disabled() {
    let offer = edit_media(CHROME_OFFER, 2, "m=application 9", "m=application 0");
    let offer = edit_media(&offer, 2, "a=mid:2", "a=mid:2\r\na=bundle-only");
    let found = run(&offer, CHROME_ANSWER);
    expect_none(&found, "F4");
}

#[test]
fn f5_sendonly_offer_answered_sendonly_is_an_error() {
    let offer = edit_media(SIP_OFFER, 0, "a=ptime:20", "a=ptime:20\r\na=sendonly");
    let answer = edit_media(SIP_ANSWER, 0, "a=ptime:20", "a=ptime:20\r\na=sendonly");
    let found = run(&offer, &answer);
    assert_eq!(
        expect(&found, "F5", Severity::Error, Some(0)),
        "`sendonly` answer to a `sendonly` offer; allowed: `recvonly` or `inactive`"
    );
}

#[test]
fn f5_sendonly_offer_answered_sendrecv_by_default_is_an_error() {
    let offer = edit_media(SIP_OFFER, 0, "a=ptime:20", "a=ptime:20\r\na=sendonly");
    expect(&run(&offer, SIP_ANSWER), "F5", Severity::Error, Some(0));
}

#[test]
fn f5_recvonly_offer_answered_recvonly_is_an_error() {
    let offer = edit_media(CHROME_OFFER, 0, "a=sendrecv", "a=recvonly");
    let answer = edit_media(CHROME_ANSWER, 0, "a=sendrecv", "a=recvonly");
    expect(&run(&offer, &answer), "F5", Severity::Error, Some(0));
}

#[test]
fn f5_inactive_offer_answered_anything_but_inactive_is_an_error() {
    let offer = edit_media(CHROME_OFFER, 0, "a=sendrecv", "a=inactive");
    let answer = edit_media(CHROME_ANSWER, 0, "a=sendrecv", "a=recvonly");
    let found = run(&offer, &answer);
    assert!(expect(&found, "F5", Severity::Error, Some(0)).ends_with("allowed: `inactive`"));
}

#[test]
fn f5_session_level_offer_direction_is_inherited() {
    let offer = edit_session(SIP_OFFER, "t=0 0\r\n", "t=0 0\r\na=sendonly\r\n");
    let found = run(&offer, SIP_ANSWER);
    expect(&found, "F5", Severity::Error, Some(0));
    expect(&found, "F5", Severity::Error, Some(1));
}

#[test]
fn f5_sendrecv_offer_answered_recvonly_is_fine() {
    let answer = edit_media(CHROME_ANSWER, 0, "a=sendrecv", "a=recvonly");
    let answer = drop_lines(&answer, 0, "a=msid:");
    let answer = drop_lines(&answer, 0, "a=ssrc:");
    assert_clean(CHROME_OFFER, &answer);
}

#[test]
fn f5_rejected_section_direction_is_not_checked() {
    let offer = edit_media(SIP_OFFER, 1, "a=rtpmap:32", "a=sendonly\r\na=rtpmap:32");
    let answer = edit_media(SIP_ANSWER, 1, "m=video 49170", "m=video 0");
    expect_none(&run(&offer, &answer), "F5");
}
