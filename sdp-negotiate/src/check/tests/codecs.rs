//! F6-F14: codecs, payload types, RTX/RED/FEC, H264/VP9/AV1/H265 parameters, rtcp-fb.

use super::*;

/// The bench Chrome offer (it has H265) and its clean answer.
const BENCH_CHROME_OFFER: &str = include_str!("fixtures/bench_chrome_offer.sdp");
const BENCH_CHROME_ANSWER: &str = include_str!("fixtures/bench_chrome_answer.sdp");

#[test]
fn f6_accepted_section_without_a_common_primary_codec_is_an_error() {
    let answer = edit_media(
        SIP_ANSWER,
        1,
        "RTP/AVP 32\r\na=rtpmap:32 MPV/90000",
        "RTP/AVP 34",
    );
    let found = run(SIP_OFFER, &answer);
    expect(&found, "F6", Severity::Error, Some(1));
    expect(&found, "F8", Severity::Info, Some(1));
}

#[test]
fn f6_telephone_event_alone_is_no_primary_codec() {
    let answer = edit_media(SIP_ANSWER, 0, "RTP/AVP 0 101", "RTP/AVP 101");
    expect(&run(SIP_OFFER, &answer), "F6", Severity::Error, Some(0));
}

#[test]
fn f6_rejected_section_needs_no_codec() {
    let answer = edit_media(
        SIP_ANSWER,
        1,
        "m=video 49170 RTP/AVP 32",
        "m=video 0 RTP/AVP 34",
    );
    expect_none(&run(SIP_OFFER, &answer), "F6");
}

#[test]
fn f7_offered_pt_mapped_to_another_codec_is_a_warning() {
    let answer = edit_media(SIP_ANSWER, 0, "RTP/AVP 0 101", "RTP/AVP 97 101");
    let answer = edit_media(&answer, 0, "a=rtpmap:0 PCMU/8000", "a=rtpmap:97 PCMU/8000");
    let found = run(SIP_OFFER, &answer);
    assert_eq!(
        expect(&found, "F7", Severity::Warning, Some(0)),
        "PT 97 is `PCMU/8000` in the answer but `iLBC/8000` in the offer"
    );
    expect_none(&found, "F6");
}

#[test]
fn f7_codec_answered_under_another_pt_is_info() {
    let answer = edit_media(SIP_ANSWER, 0, "RTP/AVP 0 101", "RTP/AVP 98 101");
    let answer = edit_media(&answer, 0, "a=rtpmap:0 PCMU/8000", "a=rtpmap:98 iLBC/8000");
    let found = run(SIP_OFFER, &answer);
    assert_eq!(
        expect(&found, "F7", Severity::Info, Some(0)),
        "`iLBC/8000` is answered as PT 98 but offered as PT 97"
    );
    assert!(serious(&found).is_empty(), "{found:#?}");
}

#[test]
fn f8_unoffered_format_is_info() {
    let answer = edit_media(SIP_ANSWER, 0, "RTP/AVP 0 101", "RTP/AVP 0 18 101");
    let found = run(SIP_OFFER, &answer);
    assert_eq!(
        expect(&found, "F8", Severity::Info, Some(0)),
        "PT 18 (`G729/8000`) was not offered"
    );
    assert!(serious(&found).is_empty(), "{found:#?}");
}

#[test]
fn f8_unoffered_pt_colliding_with_an_offered_pt_is_a_warning() {
    let answer = edit_media(SIP_ANSWER, 0, "RTP/AVP 0 101", "RTP/AVP 0 101 31");
    let answer = edit_media(
        &answer,
        0,
        "a=ptime:20",
        "a=rtpmap:31 G7221/16000\r\na=ptime:20",
    );
    let found = run(SIP_OFFER, &answer);
    let message = expect(&found, "F8", Severity::Warning, Some(0));
    assert!(message.contains("`H261/90000`"), "{message}");
}

#[test]
fn f9_rtx_apt_missing_from_the_answer_is_an_error() {
    let answer = edit_media(CHROME_ANSWER, 1, "a=fmtp:97 apt=96", "a=fmtp:97 apt=104");
    let found = run(CHROME_OFFER, &answer);
    assert_eq!(
        expect(&found, "F9", Severity::Error, Some(1)),
        "rtx PT 97 has apt=104, which is not in the answer's m-line"
    );
}

#[test]
fn f9_rtx_clock_rate_differing_from_its_primary_is_an_error() {
    let answer = edit_media(
        CHROME_ANSWER,
        1,
        "a=rtpmap:97 rtx/90000",
        "a=rtpmap:97 rtx/48000",
    );
    expect(&run(CHROME_OFFER, &answer), "F9", Severity::Error, Some(1));
}

#[test]
fn f9_rtx_without_apt_is_an_error() {
    let answer = drop_lines(CHROME_ANSWER, 1, "a=fmtp:97 ");
    let found = run(CHROME_OFFER, &answer);
    assert_eq!(
        expect(&found, "F9", Severity::Error, Some(1)),
        "rtx PT 97 has no valid `apt`"
    );
}

#[test]
fn f10_red_protecting_an_absent_pt_is_an_error() {
    let answer = edit_media(CHROME_ANSWER, 0, "a=fmtp:63 111/111", "a=fmtp:63 13/13");
    let found = run(CHROME_OFFER, &answer);
    assert_eq!(
        expect(&found, "F10", Severity::Error, Some(0)),
        "red PT 63 protects PT 13, 13 absent from the answer"
    );
}

#[test]
fn f10_video_red_and_ulpfec_without_a_media_codec_are_errors() {
    let answer = edit_media(
        CHROME_ANSWER,
        1,
        "96 97 102 103 45 46 98 99",
        "114 116\r\na=rtpmap:114 red/90000\r\na=rtpmap:116 ulpfec/90000",
    );
    let found = run(CHROME_OFFER, &answer);
    let errors: Vec<_> = found.iter().filter(|v| v.rule == "F10").collect();
    assert_eq!(errors.len(), 2, "{found:#?}");
    expect(&found, "F6", Severity::Error, Some(1));
}

#[test]
fn f10_ulpfec_without_red_is_a_warning() {
    let answer = edit_media(
        CHROME_ANSWER,
        1,
        "98 99\r\n",
        "98 99 116\r\na=rtpmap:116 ulpfec/90000\r\n",
    );
    let found = run(CHROME_OFFER, &answer);
    assert_eq!(
        expect(&found, "F10", Severity::Warning, Some(1)),
        "ulpfec PT 116 is answered without red"
    );
}

#[test]
fn f11_h264_packetization_mode_differing_is_an_error() {
    let answer = edit_media(
        CHROME_ANSWER,
        1,
        "a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1",
        "a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=0",
    );
    let found = run(CHROME_OFFER, &answer);
    assert_eq!(
        expect(&found, "F11", Severity::Error, Some(1)),
        "H264 PT 102 answers packetization-mode=0 to packetization-mode=1"
    );
}

#[test]
fn f11_h264_profile_differing_is_an_error() {
    let answer = edit_media(
        CHROME_ANSWER,
        1,
        "profile-level-id=42e01f",
        "profile-level-id=4d001f",
    );
    let found = run(CHROME_OFFER, &answer);
    let message = expect(&found, "F11", Severity::Error, Some(1));
    assert!(
        message.contains("Main") && message.contains("ConstrainedBaseline"),
        "{message}"
    );
}

#[test]
fn f11_baseline_is_not_constrained_baseline() {
    let answer = edit_media(
        CHROME_ANSWER,
        1,
        "profile-level-id=42e01f",
        "profile-level-id=42001f",
    );
    expect(&run(CHROME_OFFER, &answer), "F11", Severity::Error, Some(1));
}

#[test]
fn f11_absent_profile_level_id_matches_42e01f() {
    let answer = edit_media(CHROME_ANSWER, 1, ";profile-level-id=42e01f", "");
    assert_clean(CHROME_OFFER, &answer);
}

#[test]
fn f11_profile_level_id_hex_is_case_insensitive() {
    let answer = edit_media(
        CHROME_ANSWER,
        1,
        "profile-level-id=42e01f",
        "profile-level-id=42E01F",
    );
    assert_clean(CHROME_OFFER, &answer);
}

#[test]
fn f11_unparsable_profile_level_id_is_an_error() {
    let answer = edit_media(
        CHROME_ANSWER,
        1,
        "profile-level-id=42e01f",
        "profile-level-id=zz",
    );
    let message = expect(&run(CHROME_OFFER, &answer), "F11", Severity::Error, Some(1));
    assert!(message.contains("unparsable"), "{message}");
}

#[test]
fn f12_h264_level_above_the_offer_without_asymmetry_is_an_error() {
    let offer = edit_media(
        CHROME_OFFER,
        1,
        "a=fmtp:102 level-asymmetry-allowed=1;",
        "a=fmtp:102 ",
    );
    let answer = edit_media(
        CHROME_ANSWER,
        1,
        "profile-level-id=42e01f",
        "profile-level-id=42e028",
    );
    let found = run(&offer, &answer);
    assert_eq!(
        expect(&found, "F12", Severity::Error, Some(1)),
        "H264 PT 102 answers level_idc 40 above the offered 31 without level-asymmetry-allowed=1 on both sides"
    );
}

#[test]
fn f12_higher_level_is_fine_when_both_allow_asymmetry() {
    let answer = edit_media(
        CHROME_ANSWER,
        1,
        "profile-level-id=42e01f",
        "profile-level-id=42e028",
    );
    assert_clean(CHROME_OFFER, &answer);
}

#[test]
fn f12_lower_level_is_fine_without_asymmetry() {
    let offer = edit_media(
        CHROME_OFFER,
        1,
        "a=fmtp:102 level-asymmetry-allowed=1;",
        "a=fmtp:102 ",
    );
    let answer = edit_media(
        CHROME_ANSWER,
        1,
        "profile-level-id=42e01f",
        "profile-level-id=42e015",
    );
    expect_none(&run(&offer, &answer), "F12");
}

#[test]
fn f12_level_1_1_is_above_level_1b() {
    let offer = edit_media(
        CHROME_OFFER,
        1,
        "a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f",
        "a=fmtp:102 packetization-mode=1;profile-level-id=42f00b",
    );
    let answer = edit_media(
        CHROME_ANSWER,
        1,
        "profile-level-id=42e01f",
        "profile-level-id=42e00b",
    );
    expect(&run(&offer, &answer), "F12", Severity::Error, Some(1));
}

#[test]
fn f13_vp9_profile_id_differing_is_an_error() {
    let answer = edit_media(
        CHROME_ANSWER,
        1,
        "a=fmtp:98 profile-id=0",
        "a=fmtp:98 profile-id=2",
    );
    let found = run(CHROME_OFFER, &answer);
    assert_eq!(
        expect(&found, "F13", Severity::Error, Some(1)),
        "VP9 profile-id of PT 98 is 2 in the answer but 0 in the offer"
    );
}

#[test]
fn f13_av1_profile_differing_is_an_error() {
    let answer = edit_media(
        CHROME_ANSWER,
        1,
        "level-idx=5;profile=0;tier=0",
        "level-idx=5;profile=1;tier=0",
    );
    expect(&run(CHROME_OFFER, &answer), "F13", Severity::Error, Some(1));
}

#[test]
fn f13_av1_level_may_differ() {
    let answer = edit_media(
        CHROME_ANSWER,
        1,
        "level-idx=5;profile=0;tier=0",
        "level-idx=8;profile=0;tier=0",
    );
    assert_clean(CHROME_OFFER, &answer);
}

#[test]
fn f13_h265_profile_tier_and_tx_mode_differing_are_errors() {
    let answer = edit_media(
        BENCH_CHROME_ANSWER,
        1,
        "96 97 106 107\r\n",
        "96 97 106 107 49\r\na=rtpmap:49 H265/90000\r\n\
         a=fmtp:49 level-id=156;profile-id=2;tier-flag=1;tx-mode=MRST\r\n",
    );
    let found = run(BENCH_CHROME_OFFER, &answer);
    let messages: Vec<_> = found
        .iter()
        .filter(|v| v.rule == "F13")
        .map(|v| &v.message)
        .collect();
    assert_eq!(messages.len(), 3, "{found:#?}");
}

#[test]
fn f13_h265_lower_level_is_fine() {
    let answer = edit_media(
        BENCH_CHROME_ANSWER,
        1,
        "96 97 106 107\r\n",
        "96 97 106 107 49\r\na=rtpmap:49 H265/90000\r\n\
         a=fmtp:49 level-id=93;profile-id=1;tier-flag=0;tx-mode=SRST\r\n",
    );
    assert_clean(BENCH_CHROME_OFFER, &answer);
}

#[test]
fn f14_feedback_not_offered_for_the_pt_is_an_error() {
    let answer = edit_media(
        CHROME_ANSWER,
        1,
        "a=rtcp-fb:96 nack pli",
        "a=rtcp-fb:96 nack pli\r\na=rtcp-fb:96 ccm tmmbr",
    );
    let found = run(CHROME_OFFER, &answer);
    assert_eq!(
        expect(&found, "F14", Severity::Error, Some(1)),
        "feedback `ccm tmmbr` for PT 96 was not offered for that PT"
    );
}

#[test]
fn f14_wildcard_feedback_must_be_offered_for_every_answered_pt() {
    let answer = edit_media(
        CHROME_ANSWER,
        0,
        "a=rtcp-fb:111 transport-cc",
        "a=rtcp-fb:* transport-cc",
    );
    let found = run(CHROME_OFFER, &answer);
    let message = expect(&found, "F14", Severity::Error, Some(0));
    assert!(
        message.starts_with("feedback `transport-cc` for `*` was not offered for PT 63"),
        "{message}"
    );
}

#[test]
fn f14_offered_wildcard_feedback_covers_every_pt() {
    let offer = edit_media(
        CHROME_OFFER,
        0,
        "a=rtcp-fb:111 transport-cc",
        "a=rtcp-fb:* transport-cc",
    );
    let answer = edit_media(
        CHROME_ANSWER,
        0,
        "a=rtcp-fb:111 transport-cc",
        "a=rtcp-fb:63 transport-cc",
    );
    expect_none(&run(&offer, &answer), "F14");
}

#[test]
fn f14_feedback_is_compared_ignoring_case() {
    let answer = edit_media(
        CHROME_ANSWER,
        1,
        "a=rtcp-fb:96 nack pli",
        "a=rtcp-fb:96 NACK PLI",
    );
    assert_clean(CHROME_OFFER, &answer);
}

#[test]
fn f6_telephone_event_only_stream_may_be_answered_alone() {
    // RFC 4317 §2.4: DTMF in a second audio stream, answered recvonly (G7).
    let offer = "v=0\r\no=alice 2890844526 2890844526 IN IP4 192.0.2.1\r\ns=-\r\n\
        c=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 49170 RTP/AVP 0 97\r\na=rtpmap:0 PCMU/8000\r\n\
        a=rtpmap:97 iLBC/8000\r\nm=audio 49172 RTP/AVP 98\r\n\
        a=rtpmap:98 telephone-event/8000\r\na=sendonly\r\n";
    let answer = "v=0\r\no=bob 2808844564 2808844564 IN IP4 192.0.2.2\r\ns=-\r\n\
        c=IN IP4 192.0.2.2\r\nt=0 0\r\nm=audio 49172 RTP/AVP 97\r\na=rtpmap:97 iLBC/8000\r\n\
        m=audio 49174 RTP/AVP 98\r\na=rtpmap:98 telephone-event/8000\r\na=recvonly\r\n";
    assert_eq!(run(offer, answer), Vec::new());
    let wrong = answer.replace(
        "RTP/AVP 98\r\na=rtpmap:98 telephone-event/8000",
        "RTP/AVP 13",
    );
    let found = run(offer, &wrong);
    assert_eq!(
        expect(&found, "F6", Severity::Error, Some(1)),
        "the section is accepted but shares no codec with the offer; reject it with port 0"
    );
}
