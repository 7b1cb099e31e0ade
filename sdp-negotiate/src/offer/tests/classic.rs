//! Classic (SIP) offers: rulebook G, RFC 3264 §5.

use super::*;

fn sip_offer(transceivers: &[Transceiver], options: &OfferOptions<'_>) -> Session<'static> {
    let offer = offer(&Config::sip_phone(), transceivers, options).unwrap();
    let text = offer.to_string();
    let strict = Session::parse_with(&text, &ParseOptions::strict()).unwrap();
    assert!(strict.warnings.is_empty(), "{text}");
    let errors: Vec<_> = validate(&offer, Profile::Sip)
        .into_iter()
        .filter(|d| d.severity() == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}\n{text}");
    offer
}

#[test]
fn g_classic_offer_is_plain_rtp_avp_with_static_and_dynamic_payload_types() {
    let offer = sip_offer(&[audio()], &OfferOptions::default());
    let text = offer.to_string();
    assert!(text.contains("c=IN IP4 127.0.0.1\r\n"), "{text}");
    assert!(
        text.contains("m=audio 49170 RTP/AVP 0 8 9 96 97\r\n"),
        "{text}"
    );
    assert!(
        text.contains("a=rtpmap:96 opus/48000/2\r\na=fmtp:96 useinbandfec=1\r\n"),
        "{text}"
    );
    assert!(
        text.contains("a=rtpmap:97 telephone-event/8000\r\n"),
        "{text}"
    );
    assert!(text.ends_with("a=sendrecv\r\n"), "{text}");
    for absent in ["a=ice-", "a=fingerprint", "a=group", "a=mid", "a=setup"] {
        assert!(!text.contains(absent), "{absent} in\n{text}");
    }
    // Our SIP answerer accepts it and the checker finds nothing wrong.
    let answer = crate::answer(&offer, &Config::sip_phone()).unwrap();
    let violations = crate::check_answer(&offer, &answer.session);
    assert!(
        violations
            .iter()
            .all(|v| v.severity != CheckSeverity::Error),
        "{violations:?}"
    );
}

#[test]
fn g2_address_and_ports_step_by_two_and_a_stopped_stream_has_port_0() {
    let mut stopped = audio();
    stopped.stopped = true;
    let options = OfferOptions {
        address: Some("2001:db8::5"),
        port_base: Some(30000),
        ..OfferOptions::default()
    };
    let offer = sip_offer(&[audio(), stopped, audio()], &options);
    let text = offer.to_string();
    assert!(text.contains(" IN IP6 2001:db8::5\r\n"), "{text}");
    let ports: Vec<_> = offer.media().iter().map(|m| m.port()).collect();
    assert_eq!(ports, [Some(30000), Some(0), Some(30004)]);
    assert_eq!(offer.media()[1].direction(), Some(Direction::Inactive));
}

#[test]
fn g9_a_subsequent_classic_offer_keeps_the_session_id_and_bumps_the_version() {
    let first = sip_offer(&[audio()], &OfferOptions::default());
    let options = OfferOptions {
        previous_local: Some(&first),
        ..OfferOptions::default()
    };
    let second = sip_offer(&[audio()], &options);
    let (a, b) = (first.origin().unwrap(), second.origin().unwrap());
    assert_eq!(a.session_id, b.session_id);
    assert_eq!(
        b.session_version_u64(),
        Some(a.session_version_u64().unwrap() + 1)
    );
}

#[test]
fn g_classic_offer_refuses_what_sip_has_not() {
    let config = Config::sip_phone();
    let data = OfferOptions {
        data_channel: true,
        ..OfferOptions::default()
    };
    assert!(matches!(
        offer(&config, &[audio()], &data),
        Err(NegotiationError::ApiMisuse { .. })
    ));
    // The SIP phone has no video codec.
    assert!(matches!(
        offer(&config, &[video()], &OfferOptions::default()),
        Err(NegotiationError::ApiMisuse { reason }) if reason.contains("no video codec")
    ));
    let mut simulcast = video();
    simulcast.send_rids = vec!["h".to_owned(), "l".to_owned()];
    assert!(matches!(
        offer(&config, &[simulcast], &OfferOptions::default()),
        Err(NegotiationError::ApiMisuse { .. })
    ));
}
