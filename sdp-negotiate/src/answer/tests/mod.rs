//! Answer engine tests, named after the rulebook rule they pin down.

use sdp_core::attr::bundle::{Group, Mid};
use sdp_core::attr::direction::Direction;
use sdp_core::attr::dtls::Setup;
use sdp_core::validate::{validate, Profile, Severity};
use sdp_core::{ParseOptions, Session};

use super::*;
use crate::negotiated::{RejectReason, SectionOutcome};

mod bundle;
mod classic;
mod data;
mod extensions;
mod props;
mod simulcast;
mod streams;
mod transport;

const CHROME: &str = include_str!("../../../../benches/data/chrome_offer.sdp");
const FIREFOX: &str = include_str!("../../../../benches/data/firefox_offer.sdp");
const SIP: &str = include_str!("../../../../benches/data/sip_audio.sdp");

fn webrtc() -> Config {
    Config::webrtc()
}

fn answer_text(offer: &str, config: &Config) -> (Session<'static>, Answer) {
    let offer = Session::parse(offer).unwrap().into_owned();
    let answer = answer(&offer, config).unwrap();
    (offer, answer)
}

/// The answer parses strictly and has no validation error under `profile`.
fn assert_clean(answer: &Answer, profile: Profile) {
    let text = answer.session.to_string();
    let parsed = Session::parse_with(&text, &ParseOptions::strict()).unwrap();
    let errors: Vec<String> = validate(&parsed.session, profile)
        .into_iter()
        .filter(|d| d.severity() == Severity::Error)
        .map(|d| d.to_string())
        .collect();
    assert!(errors.is_empty(), "{text}\n{errors:#?}");
}

/// Answers `offer` with `options` and checks the answer (A1 count, strict parse, no validation
/// error under the profile of the answer's mode).
fn answer_clean(offer: &str, config: &Config, options: &AnswerOptions<'_>) -> Answer {
    let parsed = Session::parse(offer).unwrap();
    let answer = answer_with(&parsed, config, options).unwrap();
    assert_eq!(answer.session.media().len(), parsed.media().len());
    let profile = answer.negotiated.mode.validation_profile();
    assert_clean(&answer, profile);
    answer
}

/// [`answer_clean`] with default options.
fn clean(offer: &str, config: &Config) -> Answer {
    answer_clean(offer, config, &AnswerOptions::default())
}

/// The value of the first `a=<name>` in `media`.
fn value(media: &sdp_core::Media<'_>, name: &str) -> Option<String> {
    media
        .attribute(name)
        .and_then(|a| a.value().map(str::to_owned))
}

/// The lines of `media` as written.
fn lines_of(media: &sdp_core::Media<'_>) -> Vec<String> {
    media.to_string().lines().map(str::to_owned).collect()
}

/// The section outcome at `index`.
fn outcome(answer: &Answer, index: usize) -> &SectionOutcome {
    &answer.negotiated.sections[index]
}

/// The reject reason at `index`, `None` when accepted.
fn rejected(answer: &Answer, index: usize) -> Option<RejectReason> {
    match outcome(answer, index) {
        SectionOutcome::Rejected(r) => Some(r.reason.clone()),
        _ => None,
    }
}

const FINGERPRINT: &str = "sha-256 18:93:7B:75:5D:B4:43:17:12:31:CE:90:E9:7C:21:37:80:80:2E:87:75:2A:3B:03:0B:BA:6F:D3:16:81:23:0A";

/// ICE credentials, fingerprint and `setup:actpass` for a hand-written JSEP section.
fn transport(ufrag: &str) -> String {
    format!(
        "a=ice-ufrag:{ufrag}\r\na=ice-pwd:Wnc8FZXWEzpLqDY1sS0kqIBf\r\na=fingerprint:{FINGERPRINT}\r\na=setup:actpass\r\n"
    )
}

/// A JSEP audio section (opus 111, PCMU 0) with `mid`, its own transport and `extra` lines.
fn audio(mid: &str, extra: &str) -> String {
    format!(
        "m=audio 9 UDP/TLS/RTP/SAVPF 111 0\r\nc=IN IP4 0.0.0.0\r\n{}a=mid:{mid}\r\na=sendrecv\r\na=rtcp-mux\r\n{extra}a=rtpmap:111 opus/48000/2\r\na=rtpmap:0 PCMU/8000\r\n",
        transport("vsCn")
    )
}

/// A JSEP video section (VP8 96 with RTX 97) with `mid`, its own transport and `extra` lines.
fn video(mid: &str, extra: &str) -> String {
    format!(
        "m=video 9 UDP/TLS/RTP/SAVPF 96 97\r\nc=IN IP4 0.0.0.0\r\n{}a=mid:{mid}\r\na=sendrecv\r\na=rtcp-mux\r\n{extra}a=rtpmap:96 VP8/90000\r\na=rtcp-fb:96 nack\r\na=rtpmap:97 rtx/90000\r\na=fmtp:97 apt=96\r\n",
        transport("vsCn")
    )
}

/// A JSEP offer: session lines, `session_extra` (groups, ...), then `sections`.
fn jsep_offer(session_extra: &str, sections: &[String]) -> String {
    format!(
        "v=0\r\no=- 4649351869055041161 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n{session_extra}{}",
        sections.concat()
    )
}

fn chrome_with(from: &str, to: &str) -> String {
    assert!(CHROME.contains(from), "no {from:?}");
    CHROME.replace(from, to)
}

#[test]
fn answers_to_real_chrome_and_firefox_offers_validate_cleanly() {
    for offer in [CHROME, FIREFOX] {
        let (_, answer) = answer_text(offer, &webrtc());
        assert_clean(&answer, Profile::Webrtc);
        assert!(
            answer.negotiated.accepted().count() >= 3,
            "{}",
            answer.session
        );
    }
}

#[test]
fn a1_same_sections_same_media_and_proto() {
    let (offer, answer) = answer_text(CHROME, &webrtc());
    assert_eq!(offer.media().len(), answer.session.media().len());
    for (o, a) in offer.media().iter().zip(answer.session.media()) {
        assert_eq!(o.kind(), a.kind());
        assert_eq!(o.media_line().unwrap().proto, a.media_line().unwrap().proto);
    }
}

#[test]
fn a2_mids_are_echoed_and_duplicates_refuse_the_offer() {
    let (offer, answer) = answer_text(CHROME, &webrtc());
    let mids = |s: &Session<'_>| {
        s.media()
            .iter()
            .map(|m| m.mid().map(str::to_owned))
            .collect::<Vec<_>>()
    };
    assert_eq!(mids(&offer), mids(&answer.session));
    let bad = Session::parse(&chrome_with("a=mid:1", "a=mid:0"))
        .unwrap()
        .into_owned();
    assert!(matches!(
        super::answer(&bad, &webrtc()),
        Err(NegotiationError::RemoteInvalid { .. })
    ));
    // A mid that cannot be echoed (empty, or outside the token grammar) refuses the offer in
    // both modes: an answer without it would break A2.
    for mid in ["a=mid:", "a=mid:a b"] {
        let bad = Session::parse(&chrome_with("a=mid:1", mid))
            .unwrap()
            .into_owned();
        for config in [webrtc(), Config::sip_phone()] {
            assert!(matches!(
                super::answer(&bad, &config),
                Err(NegotiationError::RemoteInvalid { .. })
            ));
        }
    }
}

#[test]
fn a3a_a4_a_disabled_section_stays_disabled_with_mid_and_inactive() {
    let text = chrome_with("m=video 54321", "m=video 0");
    let (_, answer) = answer_text(&text, &webrtc());
    let video = &answer.session.media()[1];
    assert_eq!(video.port(), Some(0));
    assert_eq!(video.mid(), Some("1"));
    assert_eq!(video.direction(), Some(Direction::Inactive));
    assert!(
        matches!(answer.negotiated.sections[1], SectionOutcome::Rejected(ref r) if r.reason == RejectReason::DisabledByOfferer)
    );
    // A4: not in the BUNDLE group, transport attributes kept (rejected_transport_attrs).
    let group = answer.session.first::<Group>().unwrap();
    assert!(!group.mids().any(|m| m == "1"));
    assert!(video.has_attribute("ice-ufrag") && video.has_attribute("setup"));
    assert_clean(&answer, Profile::Webrtc);
}

#[test]
fn a3c_b15_no_common_codec_rejects_only_that_section() {
    let mut config = webrtc();
    config.video.clear();
    let (_, answer) = answer_text(CHROME, &config);
    assert!(
        matches!(answer.negotiated.sections[1], SectionOutcome::Rejected(ref r) if r.reason == RejectReason::NoCommonCodec)
    );
    assert!(matches!(
        answer.negotiated.sections[0],
        SectionOutcome::Accepted(_)
    ));
    assert_eq!(answer.session.media()[1].port(), Some(0));
}

#[test]
fn a3d_unsupported_media_is_rejected() {
    let text = format!("{CHROME}m=text 9 UDP/TLS/RTP/SAVPF 98\r\na=mid:9\r\n");
    let (_, answer) = answer_text(&text, &webrtc());
    assert!(
        matches!(answer.negotiated.sections[3], SectionOutcome::Rejected(ref r) if matches!(r.reason, RejectReason::Unsupported(_)))
    );
    assert_eq!(
        answer.session.media()[3].to_string().lines().next(),
        Some("m=text 0 UDP/TLS/RTP/SAVPF 98")
    );
}

#[test]
fn a6_direction_table() {
    use Direction::*;
    let table = [
        (SendRecv, [SendRecv, SendOnly, RecvOnly, Inactive]),
        (SendOnly, [RecvOnly, Inactive, RecvOnly, Inactive]),
        (RecvOnly, [SendOnly, SendOnly, Inactive, Inactive]),
        (Inactive, [Inactive, Inactive, Inactive, Inactive]),
    ];
    for (offered, expected) in table {
        for (local, want) in [SendRecv, SendOnly, RecvOnly, Inactive]
            .into_iter()
            .zip(expected)
        {
            let text = if offered == SendRecv {
                CHROME.to_owned()
            } else {
                CHROME.replacen("a=sendrecv", &format!("a={}", offered.name()), 1)
            };
            let offer = Session::parse(&text).unwrap().into_owned();
            let options = AnswerOptions {
                directions: vec![("0".to_owned(), local)],
                ..AnswerOptions::default()
            };
            let answer = answer_with(&offer, &webrtc(), &options).unwrap();
            assert_eq!(
                answer.session.media()[0].direction(),
                Some(want),
                "offer {offered}, local {local}"
            );
        }
    }
}

#[test]
fn a7_rtcp_mux_required_rejects_an_offer_without_it() {
    let text = CHROME.replacen("a=rtcp-mux\r\n", "", 1);
    let (_, answer) = answer_text(&text, &webrtc());
    assert!(
        matches!(answer.negotiated.sections[0], SectionOutcome::Rejected(ref r) if matches!(r.reason, RejectReason::RtcpMux(_)))
    );
    let mut negotiate = webrtc();
    negotiate.rtcp_mux = crate::config::RtcpMuxPolicy::Negotiate;
    let (_, answer) = answer_text(&text, &negotiate);
    assert!(matches!(
        answer.negotiated.sections[0],
        SectionOutcome::Accepted(_)
    ));
}

#[test]
fn a16_actpass_is_answered_active_and_active_passive() {
    let (_, answer) = answer_text(CHROME, &webrtc());
    assert!(answer
        .session
        .media()
        .iter()
        .all(|m| m.first::<Setup>() == Some(Setup::Active)));
    let (_, answer) = answer_text(
        &CHROME.replace("a=setup:actpass", "a=setup:active"),
        &webrtc(),
    );
    assert!(answer
        .session
        .media()
        .iter()
        .all(|m| m.first::<Setup>() == Some(Setup::Passive)));
    let (_, answer) = answer_text(
        &CHROME.replace("a=setup:actpass", "a=setup:holdconn"),
        &webrtc(),
    );
    assert!(answer.negotiated.all_rejected());
}

#[test]
fn a19_a20_bundle_group_echoes_accepted_mids_tag_first() {
    let (_, answer) = answer_text(CHROME, &webrtc());
    let group = answer.session.first::<Group>().unwrap();
    assert_eq!(group.mids().collect::<Vec<_>>(), ["0", "1", "2"]);
    // The tag (mid 0) rejected in an initial offer: the next usable mid becomes the tag.
    let text = chrome_with("m=audio 54321", "m=audio 0");
    let (_, answer) = answer_text(&text, &webrtc());
    assert_eq!(
        answer
            .session
            .first::<Group>()
            .unwrap()
            .mids()
            .collect::<Vec<_>>(),
        ["1", "2"]
    );
    assert_clean(&answer, Profile::Webrtc);
}

#[test]
fn a21_transport_attributes_repeat_in_bundled_sections_unless_strict_9143() {
    let (_, answer) = answer_text(CHROME, &webrtc());
    let ufrags: Vec<_> = answer
        .session
        .media()
        .iter()
        .map(|m| {
            m.attribute("ice-ufrag")
                .and_then(|a| a.value())
                .map(str::to_owned)
        })
        .collect();
    assert!(ufrags.iter().all(|u| u.is_some() && *u == ufrags[0]));
    let mut strict = webrtc();
    strict.compat.strict_9143 = true;
    let (_, answer) = answer_text(CHROME, &strict);
    assert!(answer.session.media()[0].has_attribute("ice-ufrag"));
    assert!(!answer.session.media()[1].has_attribute("ice-ufrag"));
}

#[test]
fn a25_a27_data_channel_answers_our_port_and_capped_message_size() {
    let (_, answer) = answer_text(CHROME, &webrtc());
    let data = &answer.session.media()[2];
    assert_eq!(
        data.attribute("sctp-port").and_then(|a| a.value()),
        Some("5000")
    );
    assert_eq!(
        data.attribute("max-message-size").and_then(|a| a.value()),
        Some("262144")
    );
    assert!(data.direction().is_none());
}

#[test]
fn a26_legacy_data_channel_keeps_its_form() {
    let text = CHROME
        .replace(
            "m=application 54321 UDP/DTLS/SCTP webrtc-datachannel",
            "m=application 54321 DTLS/SCTP 5000",
        )
        .replace("a=sctp-port:5000", "a=sctpmap:5000 webrtc-datachannel 1024");
    let (_, answer) = answer_text(&text, &webrtc());
    let data = &answer.session.media()[2];
    assert_eq!(
        data.to_string().lines().next(),
        Some("m=application 9 DTLS/SCTP 5000")
    );
    assert!(data.has_attribute("sctpmap") && !data.has_attribute("sctp-port"));
}

#[test]
fn a32_e8_subsequent_answer_keeps_origin_credentials_role_and_msid() {
    // One config: a second `webrtc()` would bring another certificate, a changed answer.
    let config = webrtc();
    let (offer, first) = answer_text(CHROME, &config);
    let options = AnswerOptions {
        previous_answer: Some(&first.session),
        previous_offer: Some(&offer),
        ..AnswerOptions::default()
    };
    let second = answer_with(&offer, &config, &options).unwrap();
    let o1 = first.session.origin().unwrap();
    let o2 = second.session.origin().unwrap();
    assert_eq!(o1.session_id, o2.session_id);
    // E8: nothing changed, so the version stays; a changed answer increments it.
    assert_eq!(o2.session_version_u64(), o1.session_version_u64());
    let changed = AnswerOptions {
        directions: vec![("0".to_owned(), Direction::RecvOnly)],
        ..options.clone()
    };
    let third = answer_with(&offer, &config, &changed).unwrap();
    let o3 = third.session.origin().unwrap();
    assert_eq!(o1.session_id, o3.session_id);
    assert_eq!(
        o3.session_version_u64(),
        o1.session_version_u64().map(|v| v + 1)
    );
    let attr = |s: &Session<'_>, name: &str| {
        s.media()[0]
            .attribute(name)
            .and_then(|a| a.value())
            .map(str::to_owned)
    };
    for name in ["ice-ufrag", "ice-pwd", "setup", "msid"] {
        assert_eq!(
            attr(&first.session, name),
            attr(&second.session, name),
            "{name}"
        );
    }
}

#[test]
fn e6_ice_restart_gets_new_credentials_for_that_transport() {
    let (offer, first) = answer_text(CHROME, &webrtc());
    let restarted = Session::parse(&CHROME.replace("a=ice-ufrag:vsCn", "a=ice-ufrag:Zq9W"))
        .unwrap()
        .into_owned();
    let options = AnswerOptions {
        previous_answer: Some(&first.session),
        previous_offer: Some(&offer),
        ..AnswerOptions::default()
    };
    let second = answer_with(&restarted, &webrtc(), &options).unwrap();
    let ufrag = |s: &Session<'_>| {
        s.media()[0]
            .attribute("ice-ufrag")
            .and_then(|a| a.value())
            .map(str::to_owned)
    };
    assert_ne!(ufrag(&first.session), ufrag(&second.session));
    assert!(
        matches!(&second.negotiated.sections[0], SectionOutcome::Accepted(a) if a.transport.ice_restart)
    );
}

#[test]
fn b_codecs_keep_offer_payload_types_and_rtx_follows() {
    let (_, answer) = answer_text(CHROME, &webrtc());
    let video = &answer.session.media()[1];
    let codecs = video.codecs();
    assert!(codecs.iter().any(|c| c.is("VP8") && c.payload_type == 96));
    assert!(codecs.iter().filter(|c| c.is("rtx")).all(|rtx| rtx
        .rtx_apt()
        .is_some_and(|apt| codecs.iter().any(|c| c.payload_type == apt))));
}

#[test]
fn c_extensions_keep_offer_ids() {
    let (offer, answer) = answer_text(CHROME, &webrtc());
    use sdp_core::attr::extmap::Extmap;
    for ext in answer.session.media()[0].typed::<Extmap>() {
        let offered = offer.media()[0]
            .typed::<Extmap>()
            .find(|e| e.uri == ext.uri)
            .unwrap();
        assert_eq!(offered.id, ext.id);
    }
}

#[test]
fn d_simulcast_offer_is_answered_recv_with_rids() {
    let text = chrome_with(
        "a=mid:1\r\n",
        "a=mid:1\r\na=extmap:10 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id\r\na=rid:h send\r\na=rid:m send\r\na=rid:l send\r\na=simulcast:send h;m;~l\r\n",
    );
    let (_, answer) = answer_text(&text, &webrtc());
    let video = &answer.session.media()[1];
    assert_eq!(
        video.attribute("simulcast").and_then(|a| a.value()),
        Some("recv h;m;~l")
    );
    assert_eq!(video.attributes_named("rid").count(), 3);
    assert_clean(&answer, Profile::Webrtc);
}

#[test]
fn g_classic_sip_offer_gets_a_classic_answer() {
    let offer = Session::parse(SIP).unwrap().into_owned();
    let options = AnswerOptions {
        address: Some("192.0.2.20".to_owned()),
        port_base: Some(30000),
        ..AnswerOptions::default()
    };
    let answer = answer_with(&offer, &Config::sip_phone(), &options).unwrap();
    let text = answer.session.to_string();
    assert!(text.contains("m=audio 30000 RTP/AVP"), "{text}");
    assert!(text.contains("c=IN IP4 192.0.2.20"));
    assert!(
        !text.contains("a=ice-ufrag") && !text.contains("a=fingerprint") && !text.contains("a=mid")
    );
    assert_eq!(answer.negotiated.mode, Mode::Classic);
    assert_clean(&answer, Profile::Sip);
}

#[test]
fn g4_classic_hold_with_zero_address_is_answered_without_sending() {
    let held = SIP.replace("c=IN IP4 198.51.100.10", "c=IN IP4 0.0.0.0");
    let offer = Session::parse(&held).unwrap().into_owned();
    let answer = answer(&offer, &Config::sip_phone()).unwrap();
    assert_eq!(
        answer.session.media()[0].direction(),
        Some(Direction::RecvOnly)
    );
}

#[test]
fn jsep_answers_need_an_identity() {
    let mut config = webrtc();
    config.identity = None;
    let offer = Session::parse(CHROME).unwrap();
    assert!(matches!(
        answer(&offer, &config),
        Err(NegotiationError::ApiMisuse { .. })
    ));
}

#[test]
fn answered_mids_parse_as_mids() {
    let (_, answer) = answer_text(FIREFOX, &webrtc());
    assert!(answer
        .session
        .media()
        .iter()
        .all(|m| m.first::<Mid>().is_some()));
}

#[test]
fn f_answers_to_real_offers_pass_the_checker() {
    for offer in [CHROME, FIREFOX] {
        let (offer, answer) = answer_text(offer, &webrtc());
        let errors: Vec<String> = crate::check_answer(&offer, &answer.session)
            .into_iter()
            .filter(|v| v.severity == crate::Severity::Error)
            .map(|v| v.to_string())
            .collect();
        assert!(errors.is_empty(), "{}\n{errors:#?}", answer.session);
    }
    let offer = Session::parse(SIP).unwrap();
    let answer = answer(&offer, &Config::sip_phone()).unwrap();
    let errors: Vec<_> = crate::check_answer(&offer, &answer.session)
        .into_iter()
        .filter(|v| v.severity == crate::Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}
