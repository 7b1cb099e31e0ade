//! Classic RFC 3264 / SIP mode, G1-G12.

use super::*;

fn sip() -> Config {
    Config::sip_phone()
}

/// A classic offer from `198.51.100.10` with `session_extra` lines and `media` sections.
fn classic_offer(session_extra: &str, media: &str) -> String {
    format!(
        "v=0\r\no=alice 2890844526 2890844526 IN IP4 198.51.100.10\r\ns= \r\nc=IN IP4 198.51.100.10\r\nt=0 0\r\n{session_extra}{media}"
    )
}

fn at(address: &str, port: u16) -> AnswerOptions<'static> {
    AnswerOptions {
        address: Some(address.to_owned()),
        port_base: Some(port),
        ..AnswerOptions::default()
    }
}

fn formats(media: &sdp_core::Media<'_>) -> Vec<String> {
    media
        .media_line()
        .unwrap()
        .formats()
        .map(str::to_owned)
        .collect()
}

#[test]
fn g1_no_ice_dtls_mid_bundle_or_rtcp_mux_is_added() {
    let answer = clean(SIP, &sip());
    assert_eq!(answer.negotiated.mode, Mode::Classic);
    let text = answer.session.to_string();
    for absent in [
        "a=ice-",
        "a=fingerprint",
        "a=setup",
        "a=mid",
        "a=group",
        "a=rtcp-mux",
        "a=msid",
        "a=ssrc",
        "a=tls-id",
        "a=extmap",
    ] {
        assert!(!text.contains(absent), "{absent}: {text}");
    }
    assert!(text.contains("m=audio 49170 RTP/AVP "));
}

#[test]
fn g1_auto_mode_picks_classic_for_a_plain_rtp_offer_and_jsep_for_chrome() {
    let mut auto = webrtc();
    auto.mode = crate::config::ModePolicy::Auto;
    let answer = clean(SIP, &auto);
    assert_eq!(answer.negotiated.mode, Mode::Classic);
    assert!(!answer.session.to_string().contains("a=ice-ufrag"));
    let answer = clean(CHROME, &auto);
    assert_eq!(answer.negotiated.mode, Mode::Jsep);
}

#[test]
fn g1_offered_mid_and_rtcp_mux_are_echoed_in_classic_mode() {
    let offer = classic_offer(
        "",
        "m=audio 49170 RTP/AVP 0\r\na=mid:audio\r\na=rtcp-mux\r\n",
    );
    let answer = clean(&offer, &sip());
    let m = &answer.session.media()[0];
    assert_eq!(m.mid(), Some("audio"));
    assert!(m.has_attribute("rtcp-mux"));
    assert!(!m.has_attribute("ice-ufrag"));
}

#[test]
fn g2_real_address_and_port_with_ports_stepping_by_two() {
    let offer = classic_offer("", "m=audio 49170 RTP/AVP 0\r\nm=audio 49172 RTP/AVP 8\r\n");
    let answer = answer_clean(&offer, &sip(), &at("192.0.2.20", 30000));
    let media = answer.session.media();
    assert_eq!(
        (media[0].port(), media[1].port()),
        (Some(30000), Some(30002))
    );
    for m in media {
        let c = answer.session.connection_of(m).unwrap();
        assert_eq!((c.addr_type, c.address), ("IP4", "192.0.2.20"));
        assert!(!m.has_attribute("rtcp"), "{m}");
    }
    let origin = answer.session.origin().unwrap();
    assert_eq!((origin.addr_type, origin.address), ("IP4", "192.0.2.20"));
}

#[test]
fn g2_ipv6_address_uses_ip6() {
    let answer = answer_clean(SIP, &sip(), &at("2001:db8::20", 40000));
    let m = &answer.session.media()[0];
    let c = answer.session.connection_of(m).unwrap();
    assert_eq!((c.addr_type, c.address), ("IP6", "2001:db8::20"));
    assert_eq!(m.port(), Some(40000));
}

#[test]
fn g3_session_level_direction_is_inherited_and_answered_at_media_level() {
    let offer = classic_offer("a=sendonly\r\n", "m=audio 49170 RTP/AVP 0 8\r\n");
    let answer = clean(&offer, &sip());
    assert_eq!(
        answer.session.media()[0].direction(),
        Some(Direction::RecvOnly)
    );
    for d in ["sendonly", "recvonly", "inactive", "sendrecv"] {
        assert!(
            answer.session.attribute(d).is_none(),
            "{d} at session level"
        );
    }
    // A media-level direction overrides the session one.
    let offer = classic_offer(
        "a=sendonly\r\n",
        "m=audio 49170 RTP/AVP 0\r\na=sendrecv\r\n",
    );
    let answer = clean(&offer, &sip());
    assert_eq!(
        answer.session.media()[0].direction(),
        Some(Direction::SendRecv)
    );
}

#[test]
fn g3_no_direction_is_sendrecv() {
    let offer = classic_offer("", "m=audio 49170 RTP/AVP 0\r\n");
    let answer = clean(&offer, &sip());
    assert_eq!(
        answer.session.media()[0].direction(),
        Some(Direction::SendRecv)
    );
}

#[test]
fn g4_hold_sendonly_is_answered_recvonly_and_inactive_inactive() {
    let held = SIP.replace("a=sendrecv", "a=sendonly");
    let answer = clean(&held, &sip());
    assert_eq!(
        answer.session.media()[0].direction(),
        Some(Direction::RecvOnly)
    );
    let held = SIP.replace("a=sendrecv", "a=inactive");
    let answer = clean(&held, &sip());
    assert_eq!(
        answer.session.media()[0].direction(),
        Some(Direction::Inactive)
    );
    // Still accepted: hold is not a rejection.
    assert_eq!(answer.session.media()[0].port(), Some(49170));
}

#[test]
fn g4_zero_address_is_hold_only_in_classic_mode() {
    let held = SIP.replace("c=IN IP4 198.51.100.10", "c=IN IP4 0.0.0.0");
    let answer = clean(&held, &sip());
    assert_eq!(
        answer.session.media()[0].direction(),
        Some(Direction::RecvOnly)
    );
    // JSEP: 0.0.0.0 is the placeholder; Chrome-style offers still get sendrecv.
    let text = CHROME.replace("c=IN IP4 203.0.113.77", "c=IN IP4 0.0.0.0");
    let answer = clean(&text, &webrtc());
    assert_eq!(
        answer.session.media()[0].direction(),
        Some(Direction::SendRecv)
    );
}

#[test]
fn g5_several_common_codecs_are_all_kept_in_offer_order() {
    let answer = clean(SIP, &sip());
    let m = &answer.session.media()[0];
    assert_eq!(formats(m), ["0", "8", "9", "101"]);
    let offer = classic_offer(
        "",
        "m=audio 49170 RTP/AVP 8 0 18\r\na=rtpmap:18 G729/8000\r\n",
    );
    let answer = clean(&offer, &sip());
    assert_eq!(formats(&answer.session.media()[0]), ["8", "0"]);
}

#[test]
fn g6_static_payload_types_get_an_rtpmap() {
    let offer = classic_offer("", "m=audio 49170 RTP/AVP 0 8 9\r\n");
    let answer = clean(&offer, &sip());
    let m = &answer.session.media()[0];
    let rtpmaps: Vec<String> = m
        .attributes_named("rtpmap")
        .filter_map(|a| a.value().map(str::to_owned))
        .collect();
    assert_eq!(rtpmaps, ["0 PCMU/8000", "8 PCMA/8000", "9 G722/8000"]);
}

#[test]
fn g7_telephone_event_is_answered_with_its_events() {
    let answer = clean(SIP, &sip());
    let m = &answer.session.media()[0];
    assert!(m
        .attributes_named("rtpmap")
        .any(|a| a.value() == Some("101 telephone-event/8000")));
    let fmtp = value(m, "fmtp").unwrap();
    assert!(fmtp.starts_with("101 0-1"), "{fmtp}");
}

#[test]
fn g7_telephone_event_alone_is_not_a_common_codec() {
    // B15 decides: a section whose only common format is telephone-event is rejected.
    let offer = classic_offer(
        "",
        "m=audio 49170 RTP/AVP 0\r\nm=audio 49172 RTP/AVP 101\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=sendonly\r\n",
    );
    let answer = clean(&offer, &sip());
    assert_eq!(rejected(&answer, 0), None);
    assert_eq!(rejected(&answer, 1), Some(RejectReason::NoCommonCodec));
}

#[test]
fn g8_a_rejected_stream_keeps_its_m_line_with_port_0() {
    let offer = classic_offer(
        "",
        "m=audio 49170 RTP/AVP 0\r\nm=video 51372 RTP/AVP 31\r\na=rtpmap:31 H261/90000\r\n",
    );
    let answer = clean(&offer, &sip());
    let media = answer.session.media();
    assert_eq!(media.len(), 2);
    assert_eq!(
        lines_of(&media[1]).first().map(String::as_str),
        Some("m=video 0 RTP/AVP 31")
    );
    assert_eq!(rejected(&answer, 1), Some(RejectReason::NoCommonCodec));
    assert_eq!(rejected(&answer, 0), None);
    // No JSEP transport attributes on the rejected section either.
    assert!(!media[1].has_attribute("ice-ufrag") && !media[1].has_attribute("mid"));
}

#[test]
fn g8_a_stream_removed_by_the_offerer_stays_at_port_0() {
    let offer = classic_offer("", "m=audio 49170 RTP/AVP 0\r\nm=audio 0 RTP/AVP 8\r\n");
    let answer = clean(&offer, &sip());
    assert_eq!(answer.session.media()[1].port(), Some(0));
    assert_eq!(rejected(&answer, 1), Some(RejectReason::DisabledByOfferer));
}

#[test]
fn g9_origin_is_kept_and_the_version_increments_only_when_the_answer_changes() {
    let offer = Session::parse(SIP).unwrap();
    let first = clean(SIP, &sip());
    let options = AnswerOptions {
        previous_answer: Some(&first.session),
        previous_offer: Some(&offer),
        ..AnswerOptions::default()
    };
    let o1 = first.session.origin().unwrap();
    // Same offer, same answer: same version (RFC 4317 §2.5).
    let same = answer_clean(SIP, &sip(), &options);
    let o2 = same.session.origin().unwrap();
    assert_eq!((o1.username, o1.session_id), (o2.username, o2.session_id));
    assert_eq!(o1.session_version, o2.session_version);
    // A hold changes the answer: version + 1.
    let held = SIP.replace("a=sendrecv", "a=sendonly");
    let changed = answer_clean(&held, &sip(), &options);
    let o3 = changed.session.origin().unwrap();
    assert_eq!((o1.username, o1.session_id), (o3.username, o3.session_id));
    assert_eq!(
        o3.session_version_u64(),
        o1.session_version_u64().map(|v| v + 1)
    );
}

#[test]
fn g10_ptime_and_bandwidth_are_not_echoed() {
    let offer = classic_offer(
        "",
        "m=audio 49170 RTP/AVP 0\r\nb=AS:64\r\na=ptime:30\r\na=maxptime:60\r\n",
    );
    let answer = clean(&offer, &sip());
    let text = answer.session.to_string();
    assert!(
        !text.contains("a=ptime:30") && !text.contains("maxptime") && !text.contains("b=AS:64")
    );
}

#[test]
fn g11_sdes_srtp_is_rejected() {
    let offer = classic_offer(
        "",
        "m=audio 49170 RTP/SAVP 0\r\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:4\r\nm=audio 49172 RTP/AVP 0\r\n",
    );
    let answer = clean(&offer, &sip());
    assert!(matches!(
        rejected(&answer, 0),
        Some(RejectReason::Unsupported(_))
    ));
    let text = answer.session.to_string();
    assert!(text.contains("m=audio 0 RTP/SAVP 0\r\n"), "{text}");
    assert!(!text.contains("a=crypto"));
    assert_eq!(rejected(&answer, 1), None);
}

#[test]
fn g12_no_common_codec_anywhere_is_all_rejected_not_an_error() {
    let offer = classic_offer(
        "",
        "m=audio 49170 RTP/AVP 18 3\r\na=rtpmap:18 G729/8000\r\nm=video 51372 RTP/AVP 31\r\n",
    );
    let answer = clean(&offer, &sip());
    assert!(answer.negotiated.all_rejected());
    assert!(answer.session.media().iter().all(|m| m.port() == Some(0)));
    assert_eq!(answer.negotiated.accepted().count(), 0);
}

#[test]
fn an_m_line_outside_the_grammar_is_refused_not_echoed() {
    // RTSP cameras write `m=application/TP-LINK`: the answer would have to echo that media type
    // (RFC 3264 §6), and a line outside RFC 8866 §5.14 is not something we write.
    let offer = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n\
                 m=audio 49170 RTP/AVP 0\r\nm=application/TP-LINK 0 RTP/AVP 95\r\n";
    let offer = Session::parse(offer).unwrap();
    let err = answer(&offer, &Config::sip_phone()).unwrap_err();
    match err {
        NegotiationError::RemoteInvalid { reason, .. } => {
            assert!(
                reason.contains("`m=application/TP-LINK 0 RTP/AVP 95`"),
                "{reason}"
            )
        }
        other => panic!("{other:?}"),
    }
}
