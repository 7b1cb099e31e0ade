//! Correct answers produce no error and no warning.

use super::*;

#[test]
fn chrome_like_answer_with_simulcast_is_clean() {
    assert_clean(CHROME_OFFER, CHROME_ANSWER);
}

#[test]
fn chrome_like_answer_has_no_info_either() {
    assert_eq!(run(CHROME_OFFER, CHROME_ANSWER), Vec::new());
}

#[test]
fn rfc4317_style_sip_answer_is_clean() {
    assert_eq!(run(SIP_OFFER, SIP_ANSWER), Vec::new());
}

#[test]
fn answer_to_real_chrome_offer_is_clean() {
    assert_clean(
        include_str!("fixtures/bench_chrome_offer.sdp"),
        include_str!("fixtures/bench_chrome_answer.sdp"),
    );
}

#[test]
fn answer_to_real_firefox_offer_is_clean() {
    assert_clean(
        include_str!("fixtures/bench_firefox_offer.sdp"),
        include_str!("fixtures/bench_firefox_answer.sdp"),
    );
}

#[test]
fn chrome_offer_is_jsep_and_sip_offer_is_classic() {
    assert!(is_jsep_offer(&Session::parse(CHROME_OFFER).unwrap()));
    assert!(!is_jsep_offer(&Session::parse(SIP_OFFER).unwrap()));
}

#[test]
fn tls_over_tcp_for_bfcp_or_msrp_is_not_jsep() {
    // RFC 4583 BFCP and RFC 4975 MSRP run over TLS in SIP calls; only DTLS-SRTP and SCTP over
    // DTLS make an offer WebRTC (rulebook section 0).
    let sip = |proto: &str| {
        format!(
            "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n\
             m=audio 49170 RTP/AVP 0\r\nm=application 50000 {proto} 100\r\n"
        )
    };
    for proto in ["TCP/TLS/BFCP", "TCP/TLS/MSRP"] {
        assert!(
            !is_jsep_offer(&Session::parse(&sip(proto)).unwrap()),
            "{proto}"
        );
    }
    for proto in [
        "UDP/TLS/RTP/SAVPF",
        "TCP/DTLS/RTP/SAVPF",
        "UDP/DTLS/SCTP",
        "DTLS/SCTP",
    ] {
        assert!(
            is_jsep_offer(&Session::parse(&sip(proto)).unwrap()),
            "{proto}"
        );
    }
}

#[test]
fn sip_hold_answered_recvonly_is_clean() {
    // RFC 4317 §3.1: sendonly hold answered recvonly (3264 §8.4).
    let offer = edit_media(
        SIP_OFFER,
        0,
        "a=ptime:20\r\n",
        "a=ptime:20\r\na=sendonly\r\n",
    );
    let answer = edit_media(
        SIP_ANSWER,
        0,
        "a=ptime:20\r\n",
        "a=ptime:20\r\na=recvonly\r\n",
    );
    assert_clean(&offer, &answer);
}

#[test]
fn violations_come_sorted_by_rule_and_display_their_rule() {
    let answer = edit_media(CHROME_ANSWER, 1, "a=setup:active", "a=setup:actpass");
    let answer = edit_media(&answer, 0, "a=mid:0", "a=mid:zero");
    let found = run(CHROME_OFFER, &answer);
    let rules: Vec<_> = found.iter().map(|v| v.rule).collect();
    let mut sorted = rules.clone();
    sorted.sort_by_key(|r| rule_number(r));
    assert_eq!(rules, sorted);
    assert!(found[0].to_string().starts_with("error[F3] m-section 0: "));
}
