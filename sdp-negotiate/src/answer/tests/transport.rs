//! Transport rules: port and address (A5), RTCP (A8-A10), ICE (A11-A14), DTLS (A15-A18), and
//! the sections that must own a transport (A3(e)).

use sdp_core::attr::dtls::Setup;

use super::*;
use crate::config::RtcpMuxPolicy;
use crate::negotiated::DtlsRole;

fn is_ice_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '+' || c == '/'
}

#[test]
fn a5_accepted_sections_use_port_9_and_the_placeholder_address() {
    for offer in [CHROME, FIREFOX] {
        let answer = clean(offer, &webrtc());
        for media in answer.session.media() {
            assert_eq!(media.port(), Some(9), "{media}");
            let c = answer.session.connection_of(media).unwrap();
            assert_eq!((c.address, c.addr_type), ("0.0.0.0", "IP4"), "{media}");
        }
        // The offer's candidates are not ours: none in the answer.
        assert!(!answer.session.to_string().contains("a=candidate"));
    }
}

#[test]
fn a3e_unbundled_section_without_ice_credentials_is_rejected() {
    let bare = audio("1", "")
        .replace("a=ice-ufrag:vsCn\r\n", "")
        .replace("a=ice-pwd:Wnc8FZXWEzpLqDY1sS0kqIBf\r\n", "");
    let answer = clean(&jsep_offer("", &[audio("0", ""), bare]), &webrtc());
    assert_eq!(rejected(&answer, 0), None);
    assert!(matches!(
        rejected(&answer, 1),
        Some(RejectReason::MissingTransport(_))
    ));
    assert_eq!(answer.session.media()[1].port(), Some(0));
}

#[test]
fn a3e_unbundled_section_without_fingerprint_is_rejected() {
    let bare = audio("0", "").replace(&format!("a=fingerprint:{FINGERPRINT}\r\n"), "");
    let answer = clean(&jsep_offer("", &[bare, video("1", "")]), &webrtc());
    assert!(matches!(
        rejected(&answer, 0),
        Some(RejectReason::MissingTransport(_))
    ));
    assert_eq!(rejected(&answer, 1), None);
}

#[test]
fn a8_rtcp_mux_only_is_echoed_only_in_the_tagged_section() {
    let text = CHROME.replace("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=rtcp-mux-only\r\n");
    let answer = clean(&text, &webrtc());
    let media = answer.session.media();
    assert!(media[0].has_attribute("rtcp-mux") && media[0].has_attribute("rtcp-mux-only"));
    assert!(media[1].has_attribute("rtcp-mux"));
    assert!(!media[1].has_attribute("rtcp-mux-only"));
    // Without it in the offer, never in the answer.
    let answer = clean(CHROME, &webrtc());
    assert!(!answer.session.to_string().contains("rtcp-mux-only"));
}

#[test]
fn a8_rtcp_mux_only_is_answered_with_rtcp_mux_even_without_a_rtcp_mux_line() {
    // RFC 8858 asks for both lines; an offer with only rtcp-mux-only still cannot fall back.
    let section = audio("0", "").replace("a=rtcp-mux\r\n", "a=rtcp-mux-only\r\n");
    for policy in [RtcpMuxPolicy::Require, RtcpMuxPolicy::Negotiate] {
        let mut config = webrtc();
        config.rtcp_mux = policy;
        let answer = clean(&jsep_offer("", std::slice::from_ref(&section)), &config);
        let m = &answer.session.media()[0];
        assert_eq!(rejected(&answer, 0), None, "{policy:?}");
        assert!(m.has_attribute("rtcp-mux"), "{policy:?}: {m}");
        assert!(!m.has_attribute("rtcp"), "{policy:?}: {m}");
    }
}

#[test]
fn a9_rtcp_rsize_is_echoed_only_when_offered_and_supported() {
    let answer = clean(CHROME, &webrtc());
    assert!(answer.session.media()[0].has_attribute("rtcp-rsize"));
    let answer = clean(&CHROME.replace("a=rtcp-rsize\r\n", ""), &webrtc());
    assert!(!answer.session.to_string().contains("rtcp-rsize"));
    let mut config = webrtc();
    config.rtcp_rsize = false;
    let answer = clean(CHROME, &config);
    assert!(!answer.session.to_string().contains("rtcp-rsize"));
}

#[test]
fn a10_a_rtcp_only_when_neither_muxing_nor_bundled() {
    let mut config = webrtc();
    config.rtcp_mux = RtcpMuxPolicy::Negotiate;
    // Unbundled, no rtcp-mux: the placeholder a=rtcp.
    let section = audio("0", "").replace("a=rtcp-mux\r\n", "");
    let answer = clean(&jsep_offer("", &[section]), &config);
    let m = &answer.session.media()[0];
    assert_eq!(value(m, "rtcp").as_deref(), Some("9 IN IP4 0.0.0.0"));
    assert!(!m.has_attribute("rtcp-mux"));
    // Muxing or bundled: never.
    let answer = clean(CHROME, &config);
    assert!(answer
        .session
        .media()
        .iter()
        .all(|m| !m.has_attribute("rtcp")));
    let answer = clean(&jsep_offer("", &[audio("0", "")]), &config);
    assert!(!answer.session.media()[0].has_attribute("rtcp"));
}

#[test]
fn a11_ice_credentials_have_rfc_8839_lengths_and_characters() {
    let answer = clean(CHROME, &webrtc());
    let m = &answer.session.media()[0];
    let ufrag = value(m, "ice-ufrag").unwrap();
    let pwd = value(m, "ice-pwd").unwrap();
    assert!((4..=256).contains(&ufrag.len()), "{ufrag}");
    assert!((22..=256).contains(&pwd.len()), "{pwd}");
    assert!(ufrag.chars().chain(pwd.chars()).all(is_ice_char));
    // Fresh per answer, never the offerer's.
    let other = clean(CHROME, &webrtc());
    assert_ne!(
        value(&other.session.media()[0], "ice-ufrag"),
        Some(ufrag.clone())
    );
    assert_ne!(ufrag, "vsCn");
}

#[test]
fn a11_one_credential_pair_per_transport() {
    // Bundled: one pair shared by the group.
    let answer = clean(CHROME, &webrtc());
    let ufrags: Vec<_> = answer
        .session
        .media()
        .iter()
        .map(|m| value(m, "ice-ufrag"))
        .collect();
    assert!(ufrags.windows(2).all(|w| w[0] == w[1]));
    // Unbundled: one pair per section, all distinct.
    let text = CHROME.replace("a=group:BUNDLE 0 1 2\r\n", "");
    let answer = clean(&text, &webrtc());
    let mut ufrags: Vec<_> = answer
        .session
        .media()
        .iter()
        .map(|m| value(m, "ice-ufrag").unwrap())
        .collect();
    let pwds: Vec<_> = answer
        .session
        .media()
        .iter()
        .map(|m| value(m, "ice-pwd").unwrap())
        .collect();
    ufrags.sort();
    ufrags.dedup();
    assert_eq!(ufrags.len(), 3);
    assert!(pwds[0] != pwds[1] && pwds[1] != pwds[2] && pwds[0] != pwds[2]);
    assert!(answer.negotiated.bundle_groups.is_empty());
}

#[test]
fn a11_configured_credentials_are_used() {
    let mut config = webrtc();
    config.ice.ufrag = Some("sfu1".to_owned());
    config.ice.pwd = Some("cGFzc3dvcmQtb2YtMjItY2hhcnM".to_owned());
    let answer = clean(CHROME, &config);
    let m = &answer.session.media()[0];
    assert_eq!(value(m, "ice-ufrag").as_deref(), Some("sfu1"));
    assert_eq!(
        value(m, "ice-pwd").as_deref(),
        Some("cGFzc3dvcmQtb2YtMjItY2hhcnM")
    );
}

#[test]
fn a12_ice_options_echo_only_what_was_offered_and_supported() {
    let answer = clean(CHROME, &webrtc());
    assert_eq!(
        value(&answer.session.media()[0], "ice-options").as_deref(),
        Some("trickle")
    );
    // Not offered: not answered (the validator tolerates an unsolicited trickle, we do not add it).
    let answer = clean(&CHROME.replace("a=ice-options:trickle\r\n", ""), &webrtc());
    assert!(!answer.session.to_string().contains("ice-options"));
    // Offered but unsupported: dropped.
    let answer = clean(
        &CHROME.replace("a=ice-options:trickle", "a=ice-options:ice2 trickle"),
        &webrtc(),
    );
    assert_eq!(
        value(&answer.session.media()[0], "ice-options").as_deref(),
        Some("trickle")
    );
    let answer = clean(
        &CHROME.replace("a=ice-options:trickle", "a=ice-options:ice2"),
        &webrtc(),
    );
    assert!(!answer.session.to_string().contains("ice-options"));
}

#[test]
fn a12_session_level_ice_options_are_read() {
    // Firefox writes ice-options at session level; we answer them per section.
    let answer = clean(FIREFOX, &webrtc());
    for m in answer.session.media() {
        assert_eq!(value(m, "ice-options").as_deref(), Some("trickle"), "{m}");
    }
}

#[test]
fn a13_ice_lite_is_written_only_when_we_are_lite() {
    let answer = clean(CHROME, &webrtc());
    assert!(!answer.session.has_attribute("ice-lite"));
    let mut lite = webrtc();
    lite.ice.lite = true;
    let answer = clean(CHROME, &lite);
    assert!(answer.session.has_attribute("ice-lite"));
    assert!(answer
        .session
        .media()
        .iter()
        .all(|m| !m.has_attribute("ice-lite")));
    // A lite offerer and a full answerer: fine.
    let text = CHROME.replace("t=0 0\r\n", "t=0 0\r\na=ice-lite\r\n");
    let answer = clean(&text, &webrtc());
    assert!(!answer.session.has_attribute("ice-lite"));
    assert_eq!(answer.negotiated.accepted().count(), 3);
}

#[test]
fn a13_two_lite_agents_are_incompatible() {
    let text = CHROME.replace("t=0 0\r\n", "t=0 0\r\na=ice-lite\r\n");
    let mut lite = webrtc();
    lite.ice.lite = true;
    let offer = Session::parse(&text).unwrap();
    assert!(matches!(
        answer(&offer, &lite),
        Err(NegotiationError::Incompatible { .. })
    ));
}

#[test]
fn a13_a_lite_offer_is_still_answered_active() {
    // Not pion's quirk (passive toward a lite offerer).
    let text = CHROME.replace("t=0 0\r\n", "t=0 0\r\na=ice-lite\r\n");
    let answer = clean(&text, &webrtc());
    assert!(answer
        .session
        .media()
        .iter()
        .all(|m| m.first::<Setup>() == Some(Setup::Active)));
}

#[test]
fn a14_no_candidates_or_end_of_candidates_before_gathering() {
    for offer in [CHROME, FIREFOX] {
        let text = clean(offer, &webrtc()).session.to_string();
        assert!(!text.contains("a=candidate"), "{text}");
        assert!(!text.contains("a=end-of-candidates"), "{text}");
    }
}

#[test]
fn a15_one_uppercase_fingerprint_in_every_section_by_default() {
    let config = webrtc();
    let id = config.identity.clone().unwrap();
    let answer = clean(CHROME, &config);
    assert!(!answer.session.has_attribute("fingerprint"));
    let expected = format!("{} {}", id.hash, id.fingerprint);
    for m in answer.session.media() {
        let values: Vec<_> = m
            .attributes_named("fingerprint")
            .filter_map(|a| a.value().map(str::to_owned))
            .collect();
        assert_eq!(values, std::slice::from_ref(&expected), "{m}");
    }
    let hex = id.fingerprint.replace(':', "");
    assert!(hex
        .chars()
        .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase()));
    assert_eq!(id.fingerprint.split(':').count(), 32, "sha-256: 32 bytes");
    assert_eq!(id.hash, "sha-256");
}

#[test]
fn a15_session_level_fingerprint_is_never_also_media_level() {
    let mut config = webrtc();
    config.compat.session_level_fingerprint = true;
    let answer = clean(CHROME, &config);
    assert_eq!(
        answer
            .session
            .attributes()
            .filter(|a| a.name() == "fingerprint")
            .count(),
        1
    );
    assert!(answer
        .session
        .media()
        .iter()
        .all(|m| !m.has_attribute("fingerprint")));
}

#[test]
fn a16_passive_offer_is_answered_active_and_absent_setup_active() {
    let answer = clean(
        &CHROME.replace("a=setup:actpass", "a=setup:passive"),
        &webrtc(),
    );
    assert!(answer
        .session
        .media()
        .iter()
        .all(|m| m.first::<Setup>() == Some(Setup::Active)));
    let answer = clean(&CHROME.replace("a=setup:actpass\r\n", ""), &webrtc());
    assert!(answer
        .session
        .media()
        .iter()
        .all(|m| m.first::<Setup>() == Some(Setup::Active)));
    assert!(answer
        .negotiated
        .accepted()
        .all(|a| a.transport.dtls_role == Some(DtlsRole::Client)));
}

#[test]
fn a16_holdconn_rejects_the_section_and_never_writes_actpass() {
    let text = CHROME.replacen("a=setup:actpass", "a=setup:holdconn", 1);
    let answer = clean(&text, &webrtc());
    assert!(matches!(
        rejected(&answer, 0),
        Some(RejectReason::DtlsSetup(_))
    ));
    assert!(!answer.session.to_string().contains("actpass"));
    assert!(!answer.session.to_string().contains("holdconn"));
}

#[test]
fn a17_renegotiation_keeps_the_server_role_against_actpass() {
    let active = CHROME.replace("a=setup:actpass", "a=setup:active");
    let first = clean(&active, &webrtc());
    assert_eq!(
        first.session.media()[0].first::<Setup>(),
        Some(Setup::Passive)
    );
    let previous_offer = Session::parse(&active).unwrap();
    let options = AnswerOptions {
        previous_answer: Some(&first.session),
        previous_offer: Some(&previous_offer),
        ..AnswerOptions::default()
    };
    let second = answer_clean(CHROME, &webrtc(), &options);
    assert!(second
        .session
        .media()
        .iter()
        .all(|m| m.first::<Setup>() == Some(Setup::Passive)));
    assert!(second
        .negotiated
        .accepted()
        .all(|a| a.transport.dtls_role == Some(DtlsRole::Server)));
}

#[test]
fn a17_renegotiation_keeps_the_client_role() {
    let first = clean(CHROME, &webrtc());
    let previous_offer = Session::parse(CHROME).unwrap();
    let options = AnswerOptions {
        previous_answer: Some(&first.session),
        previous_offer: Some(&previous_offer),
        ..AnswerOptions::default()
    };
    let second = answer_clean(CHROME, &webrtc(), &options);
    assert!(second
        .session
        .media()
        .iter()
        .all(|m| m.first::<Setup>() == Some(Setup::Active)));
}

#[test]
fn a18_tls_id_only_when_offered() {
    let answer = clean(CHROME, &webrtc());
    assert!(!answer.session.to_string().contains("tls-id"));
    let text = CHROME.replace(
        "a=setup:actpass\r\n",
        "a=setup:actpass\r\na=tls-id:1b8a8c1d0a2e4a3bb4c5d6e7f8091a2b\r\n",
    );
    let answer = clean(&text, &webrtc());
    let ours = value(&answer.session.media()[0], "tls-id").unwrap();
    assert_ne!(ours, "1b8a8c1d0a2e4a3bb4c5d6e7f8091a2b");
    assert!(answer
        .session
        .media()
        .iter()
        .all(|m| value(m, "tls-id").as_deref() == Some(ours.as_str())));
}

#[test]
fn a18_tls_id_is_kept_unless_the_offerer_changes_its_own() {
    let tls = |id: &str| {
        CHROME.replace(
            "a=setup:actpass\r\n",
            &format!("a=setup:actpass\r\na=tls-id:{id}\r\n"),
        )
    };
    let first_text = tls("1b8a8c1d0a2e4a3bb4c5d6e7f8091a2b");
    let first = clean(&first_text, &webrtc());
    let first_offer = Session::parse(&first_text).unwrap();
    let options = AnswerOptions {
        previous_answer: Some(&first.session),
        previous_offer: Some(&first_offer),
        ..AnswerOptions::default()
    };
    let ours = |a: &Answer| value(&a.session.media()[0], "tls-id");
    let same = answer_clean(&first_text, &webrtc(), &options);
    assert_eq!(ours(&first), ours(&same));
    let changed = answer_clean(
        &tls("9f8e7d6c5b4a39281706f5e4d3c2b1a0"),
        &webrtc(),
        &options,
    );
    assert!(ours(&changed).is_some());
    assert_ne!(ours(&first), ours(&changed));
}

#[test]
fn a18_session_level_tls_id_kept_by_the_offerer_keeps_ours() {
    let text = CHROME.replace(
        "t=0 0\r\n",
        "t=0 0\r\na=tls-id:abcdefghijklmnopqrstuvwxyz012345\r\n",
    );
    let offer = Session::parse(&text).unwrap().into_owned();
    let config = webrtc();
    let first = crate::answer(&offer, &config).unwrap();
    let options = AnswerOptions {
        previous_answer: Some(&first.session),
        previous_offer: Some(&offer),
        ..AnswerOptions::default()
    };
    let second = answer_with(&offer, &config, &options).unwrap();
    let tls = |s: &Session<'_>| {
        s.media()[0]
            .attribute("tls-id")
            .and_then(|a| a.value())
            .map(str::to_owned)
    };
    assert!(tls(&first.session).is_some());
    assert_eq!(tls(&first.session), tls(&second.session));
}
