//! Simulcast and rid D1-D8.

use super::*;
use crate::negotiated::SimulcastOutcome;

/// Chrome's offer with `extra` lines in the video section (which offers rtp-stream-id as 10).
fn video_with(extra: &str) -> String {
    chrome_with("a=mid:1\r\n", &format!("a=mid:1\r\n{extra}"))
}

fn simulcast_line(answer: &Answer) -> Option<String> {
    value(&answer.session.media()[1], "simulcast")
}

fn rid_lines(answer: &Answer) -> Vec<String> {
    answer.session.media()[1]
        .attributes_named("rid")
        .filter_map(|a| a.value().map(str::to_owned))
        .collect()
}

fn outcome_of(answer: &Answer) -> Option<SimulcastOutcome> {
    match outcome(answer, 1) {
        SectionOutcome::Accepted(a) => a.simulcast.clone(),
        other => panic!("{other:?}"),
    }
}

const THREE: &str = "a=rid:h send\r\na=rid:m send\r\na=rid:l send\r\n";

#[test]
fn d1_undeclared_rid_is_dropped() {
    let text = video_with("a=rid:h send\r\na=rid:m send\r\na=simulcast:send h;m;l\r\n");
    let answer = clean(&text, &webrtc());
    assert_eq!(simulcast_line(&answer).as_deref(), Some("recv h;m"));
    assert_eq!(rid_lines(&answer), ["h recv", "m recv"]);
}

#[test]
fn d1_duplicate_rid_keeps_the_first() {
    let text = video_with(&format!("{THREE}a=simulcast:send h;m;h;l\r\n"));
    let answer = clean(&text, &webrtc());
    assert_eq!(simulcast_line(&answer).as_deref(), Some("recv h;m;l"));
}

#[test]
fn d1_a_rid_declared_for_the_other_direction_does_not_count() {
    let text =
        video_with("a=rid:h send\r\na=rid:m send\r\na=rid:l recv\r\na=simulcast:send h;m;l\r\n");
    let answer = clean(&text, &webrtc());
    assert_eq!(simulcast_line(&answer).as_deref(), Some("recv h;m"));
}

#[test]
fn d2_directions_are_reversed_and_each_rid_is_answered() {
    let text = video_with(&format!("{THREE}a=simulcast:send h;m;l\r\n"));
    let answer = clean(&text, &webrtc());
    assert_eq!(simulcast_line(&answer).as_deref(), Some("recv h;m;l"));
    assert_eq!(rid_lines(&answer), ["h recv", "m recv", "l recv"]);
    let sim = outcome_of(&answer).unwrap();
    assert_eq!(sim.recv, ["h", "m", "l"]);
    assert!(sim.send.is_empty() && sim.paused.is_empty());
}

#[test]
fn d3_fewer_than_two_streams_is_no_simulcast() {
    let text = video_with("a=rid:h send\r\na=simulcast:send h;m\r\n");
    let answer = clean(&text, &webrtc());
    assert_eq!(simulcast_line(&answer), None);
    assert!(rid_lines(&answer).is_empty());
    assert_eq!(outcome_of(&answer), None);
    // The section itself is still accepted.
    assert_eq!(rejected(&answer, 1), None);
}

#[test]
fn d3_alternatives_pick_the_first_usable_one() {
    let text = video_with(
        "a=rid:h send\r\na=rid:h2 send\r\na=rid:m send\r\na=rid:m2 send\r\na=simulcast:send h,h2;x,m2;m\r\n",
    );
    let answer = clean(&text, &webrtc());
    // h (first of h,h2), m2 (x is undeclared), m.
    assert_eq!(simulcast_line(&answer).as_deref(), Some("recv h;m2;m"));
    assert_eq!(rid_lines(&answer), ["h recv", "m2 recv", "m recv"]);
}

#[test]
fn d3_keeps_the_offers_order_and_caps_the_layers() {
    let text = video_with(
        "a=rid:a send\r\na=rid:b send\r\na=rid:c send\r\na=rid:d send\r\na=simulcast:send d;c;b;a\r\n",
    );
    let answer = clean(&text, &webrtc());
    assert_eq!(simulcast_line(&answer).as_deref(), Some("recv d;c;b"));
    let mut two = webrtc();
    two.simulcast.max_layers = 2;
    let answer = clean(&text, &two);
    assert_eq!(simulcast_line(&answer).as_deref(), Some("recv d;c"));
}

#[test]
fn d3_no_simulcast_when_we_do_not_receive_it() {
    let text = video_with(&format!("{THREE}a=simulcast:send h;m;l\r\n"));
    let mut config = webrtc();
    config.simulcast.receive = false;
    let answer = clean(&text, &config);
    assert_eq!(simulcast_line(&answer), None);
    assert!(rid_lines(&answer).is_empty());
    // Nor when we do not receive at all.
    let options = AnswerOptions {
        directions: vec![("1".to_owned(), Direction::SendOnly)],
        ..AnswerOptions::default()
    };
    let answer = answer_clean(&text, &webrtc(), &options);
    assert_eq!(simulcast_line(&answer), None);
}

#[test]
fn d4_paused_streams_keep_their_mark() {
    let text = video_with(&format!("{THREE}a=simulcast:send ~h;m;~l\r\n"));
    let answer = clean(&text, &webrtc());
    assert_eq!(simulcast_line(&answer).as_deref(), Some("recv ~h;m;~l"));
    let sim = outcome_of(&answer).unwrap();
    assert_eq!(sim.recv, ["h", "m", "l"]);
    assert_eq!(sim.paused, ["h", "l"]);
}

#[test]
fn d5_rid_restricted_to_unanswered_payload_types_is_dropped() {
    // 96 (VP8) is answered; 35 is not a format of the section.
    let text = video_with(
        "a=rid:h send pt=96\r\na=rid:m send pt=35\r\na=rid:l send pt=35,96\r\na=simulcast:send h;m;l\r\n",
    );
    let answer = clean(&text, &webrtc());
    assert_eq!(simulcast_line(&answer).as_deref(), Some("recv h;l"));
    // The answer's rid lines carry no restrictions.
    assert_eq!(rid_lines(&answer), ["h recv", "l recv"]);
}

#[test]
fn d5_rid_restricted_to_a_dropped_codec_is_dropped() {
    let mut config = webrtc();
    config.video.retain(|c| c.name != "VP9");
    // 98 is VP9 in Chrome's offer: not answered with this config.
    let text = video_with(
        "a=rid:h send pt=98\r\na=rid:m send\r\na=rid:l send\r\na=simulcast:send h;m;l\r\n",
    );
    let answer = clean(&text, &config);
    assert!(!answer.session.media()[1]
        .codecs()
        .iter()
        .any(|c| c.payload_type == 98));
    assert_eq!(simulcast_line(&answer).as_deref(), Some("recv m;l"));
}

#[test]
fn d6_without_the_rtp_stream_id_extension_there_is_no_simulcast() {
    let text = video_with(&format!("{THREE}a=simulcast:send h;m;l\r\n")).replace(
        "a=extmap:10 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id\r\n",
        "",
    );
    let answer = clean(&text, &webrtc());
    assert_eq!(simulcast_line(&answer), None);
    assert!(rid_lines(&answer).is_empty());
    // Offered, but we do not support it: same.
    let text = video_with(&format!("{THREE}a=simulcast:send h;m;l\r\n"));
    let mut config = webrtc();
    config
        .header_extensions
        .retain(|e| e.uri != crate::answer::plan::RTP_STREAM_ID_URI);
    let answer = clean(&text, &config);
    assert_eq!(simulcast_line(&answer), None);
}

#[test]
fn d7_a_recv_simulcast_offer_is_answered_send_without_ssrcs() {
    let text = video_with("a=rid:h recv\r\na=rid:l recv\r\na=simulcast:recv h;l\r\n");
    let answer = clean(&text, &webrtc());
    assert_eq!(simulcast_line(&answer).as_deref(), Some("send h;l"));
    assert_eq!(rid_lines(&answer), ["h send", "l send"]);
    let video = &answer.session.media()[1];
    assert!(!video.has_attribute("ssrc") && !video.has_attribute("ssrc-group"));
    assert!(video.has_attribute("msid"));
    let sim = outcome_of(&answer).unwrap();
    assert_eq!(sim.send, ["h", "l"]);
    // Not sending: nothing to answer.
    let options = AnswerOptions {
        directions: vec![("1".to_owned(), Direction::RecvOnly)],
        ..AnswerOptions::default()
    };
    let answer = answer_clean(&text, &webrtc(), &options);
    assert_eq!(simulcast_line(&answer), None);
}

#[test]
fn d7_both_directions_are_answered_reversed() {
    let text = video_with(
        "a=rid:h send\r\na=rid:l send\r\na=rid:a recv\r\na=rid:b recv\r\na=simulcast:send h;l recv a;b\r\n",
    );
    let answer = clean(&text, &webrtc());
    assert_eq!(
        simulcast_line(&answer).as_deref(),
        Some("send a;b recv h;l")
    );
}

#[test]
fn d8_legacy_draft_syntax_is_echoed_in_the_draft_form() {
    let text = video_with(&format!("{THREE}a=simulcast: send rid=h;m;l\r\n"));
    let answer = clean(&text, &webrtc());
    assert!(answer
        .session
        .to_string()
        .contains("a=simulcast: recv rid=h;m;l\r\n"));
    assert_eq!(outcome_of(&answer).unwrap().recv, ["h", "m", "l"]);
}

#[test]
fn d8_legacy_ssrc_group_sim_is_not_mirrored() {
    let text = chrome_with(
        "a=ssrc-group:FID 1964133664 3834891272\r\n",
        "a=ssrc-group:SIM 1964133664 1111 2222\r\na=ssrc-group:FID 1964133664 3834891272\r\n",
    );
    let answer = clean(&text, &webrtc());
    let out = answer.session.to_string();
    assert!(!out.contains("SIM"), "{out}");
    assert_eq!(simulcast_line(&answer), None);
    assert_eq!(outcome_of(&answer), None);
    // Our own single stream: one FID group.
    assert_eq!(
        answer.session.media()[1]
            .attributes_named("ssrc-group")
            .count(),
        1
    );
}
