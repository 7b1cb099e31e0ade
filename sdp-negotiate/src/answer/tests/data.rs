//! Data channels A25-A28 (and A3(h), a second data section).

use super::*;
use crate::config::SctpConfig;

/// A modern data section with `mid`, its own transport and `extra` lines.
fn data(mid: &str, proto: &str, extra: &str) -> String {
    format!(
        "m=application 9 {proto} webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\n{}a=mid:{mid}\r\na=sctp-port:5000\r\n{extra}",
        transport("vsCn")
    )
}

fn mms(answer: &Answer, index: usize) -> Option<String> {
    value(&answer.session.media()[index], "max-message-size")
}

fn sctp(answer: &Answer, index: usize) -> crate::negotiated::SctpParams {
    match outcome(answer, index) {
        SectionOutcome::Accepted(a) => a.sctp.unwrap(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a25_modern_data_channel_has_the_same_proto_and_format_and_no_rtp_lines() {
    let answer = clean(CHROME, &webrtc());
    let data = &answer.session.media()[2];
    assert_eq!(
        lines_of(data).first().map(String::as_str),
        Some("m=application 9 UDP/DTLS/SCTP webrtc-datachannel")
    );
    assert_eq!(data.mid(), Some("2"));
    for absent in [
        "rtpmap", "rtcp-fb", "fmtp", "sendrecv", "msid", "ssrc", "rtcp",
    ] {
        assert!(!data.has_attribute(absent), "{absent}: {data}");
    }
    // A21: the transport attributes are repeated in the bundled data section.
    for present in ["ice-ufrag", "ice-pwd", "fingerprint", "setup"] {
        assert!(data.has_attribute(present), "{present}: {data}");
    }
    // Firefox's offer writes a=sendrecv in the data section: still none in the answer.
    let answer = clean(FIREFOX, &webrtc());
    assert!(answer.session.media()[2].direction().is_none());
}

#[test]
fn a25_tcp_dtls_sctp_keeps_its_proto() {
    let text = jsep_offer("", &[data("0", "TCP/DTLS/SCTP", "")]);
    let answer = clean(&text, &webrtc());
    assert_eq!(
        lines_of(&answer.session.media()[0])
            .first()
            .map(String::as_str),
        Some("m=application 9 TCP/DTLS/SCTP webrtc-datachannel")
    );
}

#[test]
fn a25_our_sctp_port_is_announced_not_the_offers() {
    let mut config = webrtc();
    config.sctp = Some(SctpConfig {
        port: 5001,
        ..SctpConfig::default()
    });
    let text = CHROME.replace("a=sctp-port:5000", "a=sctp-port:6000");
    let answer = clean(&text, &config);
    assert_eq!(
        value(&answer.session.media()[2], "sctp-port").as_deref(),
        Some("5001")
    );
    let params = sctp(&answer, 2);
    assert_eq!((params.local_port, params.remote_port), (5001, 6000));
    assert!(!params.legacy);
    // Absent sctp-port: the default 5000 (RFC 8841 §5).
    let answer = clean(&CHROME.replace("a=sctp-port:5000\r\n", ""), &webrtc());
    assert_eq!(sctp(&answer, 2).remote_port, 5000);
}

#[test]
fn a25_data_channels_off_rejects_the_section_with_its_format() {
    let mut config = webrtc();
    config.sctp = None;
    let answer = clean(CHROME, &config);
    assert!(matches!(
        rejected(&answer, 2),
        Some(RejectReason::Unsupported(_))
    ));
    assert_eq!(
        lines_of(&answer.session.media()[2])
            .first()
            .map(String::as_str),
        Some("m=application 0 UDP/DTLS/SCTP webrtc-datachannel")
    );
}

#[test]
fn a25_non_sctp_application_is_rejected() {
    let text = format!("{CHROME}m=application 9 UDP/BFCP *\r\nc=IN IP4 0.0.0.0\r\na=mid:3\r\n");
    let answer = clean(&text, &webrtc());
    assert!(matches!(
        rejected(&answer, 3),
        Some(RejectReason::Unsupported(_))
    ));
    assert_eq!(rejected(&answer, 2), None);
}

#[test]
fn a3h_a_second_data_section_is_rejected() {
    let text = jsep_offer(
        "a=group:BUNDLE 0 1\r\n",
        &[
            data("0", "UDP/DTLS/SCTP", ""),
            data("1", "UDP/DTLS/SCTP", ""),
        ],
    );
    let answer = clean(&text, &webrtc());
    assert_eq!(rejected(&answer, 0), None);
    assert_eq!(rejected(&answer, 1), Some(RejectReason::ExtraDataChannel));
    assert_eq!(answer.session.media()[1].port(), Some(0));
}

#[test]
fn a26_legacy_data_channel_without_sctpmap_is_rejected_with_its_port_as_format() {
    let text = CHROME
        .replace(
            "m=application 54321 UDP/DTLS/SCTP webrtc-datachannel",
            "m=application 54321 DTLS/SCTP 5000",
        )
        .replace("a=sctp-port:5000\r\n", "");
    let answer = clean(&text, &webrtc());
    assert!(matches!(
        rejected(&answer, 2),
        Some(RejectReason::Unsupported(_))
    ));
    assert_eq!(
        lines_of(&answer.session.media()[2])
            .first()
            .map(String::as_str),
        Some("m=application 0 DTLS/SCTP 5000")
    );
}

#[test]
fn a26_legacy_data_channel_echoes_the_offered_port() {
    let text = CHROME
        .replace(
            "m=application 54321 UDP/DTLS/SCTP webrtc-datachannel",
            "m=application 54321 DTLS/SCTP 5001",
        )
        .replace("a=sctp-port:5000", "a=sctpmap:5001 webrtc-datachannel 1024");
    let answer = clean(&text, &webrtc());
    let data = &answer.session.media()[2];
    assert_eq!(
        lines_of(data).first().map(String::as_str),
        Some("m=application 9 DTLS/SCTP 5001")
    );
    assert_eq!(
        value(data, "sctpmap").as_deref(),
        Some("5001 webrtc-datachannel 1024")
    );
    let params = sctp(&answer, 2);
    assert!(params.legacy);
    assert_eq!((params.local_port, params.remote_port), (5001, 5001));
}

#[test]
fn a27_max_message_size_is_min_of_offer_and_cap_and_omitted_at_65536() {
    let with = |v: &str| CHROME.replace("a=max-message-size:262144", v);
    // Offered below the cap: echoed.
    let answer = clean(&with("a=max-message-size:100000"), &webrtc());
    assert_eq!(mms(&answer, 2).as_deref(), Some("100000"));
    assert_eq!(sctp(&answer, 2).remote_max_message_size, 100_000);
    // Above the cap (Firefox's 1073741823): the cap.
    let answer = clean(FIREFOX, &webrtc());
    assert_eq!(mms(&answer, 2).as_deref(), Some("262144"));
    assert_eq!(sctp(&answer, 2).remote_max_message_size, 1_073_741_823);
    // 0 is "any size": the cap.
    let answer = clean(&with("a=max-message-size:0"), &webrtc());
    assert_eq!(mms(&answer, 2).as_deref(), Some("262144"));
    assert_eq!(sctp(&answer, 2).remote_max_message_size, 0);
    // Absent is 65536: ours is 65536 too, so omitted.
    let answer = clean(
        &CHROME.replace("a=max-message-size:262144\r\n", ""),
        &webrtc(),
    );
    assert_eq!(mms(&answer, 2), None);
    assert_eq!(sctp(&answer, 2).remote_max_message_size, 65_536);
}

#[test]
fn a27_a_smaller_local_limit_wins() {
    let mut config = webrtc();
    config.sctp = Some(SctpConfig {
        max_message_size: 16_384,
        ..SctpConfig::default()
    });
    let answer = clean(CHROME, &config);
    assert_eq!(mms(&answer, 2).as_deref(), Some("16384"));
}

#[test]
fn a28_sctp_init_is_not_echoed() {
    let text = CHROME.replace(
        "a=sctp-port:5000\r\n",
        "a=sctp-port:5000\r\na=sctp-init:AQAAAQEAAA==\r\n",
    );
    let answer = clean(&text, &webrtc());
    assert!(!answer.session.to_string().contains("sctp-init"));
    assert_eq!(rejected(&answer, 2), None);
}

#[test]
fn a27_a_zero_cap_counts_as_no_cap_and_never_becomes_a_huge_size() {
    let mut config = Config::webrtc();
    config.compat.max_message_size_cap = 0;
    if let Some(sctp) = config.sctp.as_mut() {
        sctp.max_message_size = 0;
    }
    let text = CHROME.replace(
        "a=sctp-port:5000\r\n",
        "a=sctp-port:5000\r\na=max-message-size:0\r\n",
    );
    let offer = Session::parse(&text).unwrap().into_owned();
    let answer = crate::answer(&offer, &config).unwrap();
    let data = answer
        .session
        .media()
        .iter()
        .find(|m| m.kind() == "application")
        .unwrap();
    assert_eq!(
        data.attribute("max-message-size").and_then(|a| a.value()),
        Some("0")
    );
}
