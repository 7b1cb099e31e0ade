//! F31: data channel sections.

use super::*;

/// A legacy (draft-05) data channel offer and a correct answer to it.
const LEGACY_OFFER: &str = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n\
    m=application 9 DTLS/SCTP 5000\r\nc=IN IP4 0.0.0.0\r\na=ice-ufrag:Hb3o\r\n\
    a=ice-pwd:2z0sP0tTrPzeVgJHbO7nyJzk\r\n\
    a=fingerprint:sha-256 98:81:80:BF:0C:93:28:C9:E8:BD:08:27:55:C6:47:04:8A:E8:24:81:FD:06:79:9B:AD:05:F2:E1:A4:E1:33:9C\r\n\
    a=setup:actpass\r\na=mid:data\r\na=sctpmap:5000 webrtc-datachannel 1024\r\n";
const LEGACY_ANSWER: &str = "v=0\r\no=- 2 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n\
    m=application 9 DTLS/SCTP 5000\r\nc=IN IP4 0.0.0.0\r\na=ice-ufrag:Xy7q\r\n\
    a=ice-pwd:k0wjhXHqZcTbOz9LsUaMcm5R\r\n\
    a=fingerprint:sha-256 0D:B5:2F:40:76:C0:82:51:84:12:AF:D3:DD:35:76:E2:CB:0C:63:70:3F:D7:FE:D5:E2:3A:DE:60:EF:EF:31:D9\r\n\
    a=setup:active\r\na=mid:data\r\na=sctpmap:5000 webrtc-datachannel 1024\r\n";

#[test]
fn f31_data_fmt_differing_from_the_offer_is_an_error() {
    let answer = edit_media(CHROME_ANSWER, 2, "webrtc-datachannel", "5000");
    let found = run(CHROME_OFFER, &answer);
    assert_eq!(
        expect(&found, "F31", Severity::Error, Some(2)),
        "data section fmt `5000` differs from the offer's `webrtc-datachannel`"
    );
}

#[test]
fn f31_missing_sctp_port_is_an_error() {
    let answer = drop_lines(CHROME_ANSWER, 2, "a=sctp-port:");
    let found = run(CHROME_OFFER, &answer);
    assert_eq!(
        expect(&found, "F31", Severity::Error, Some(2)),
        "`a=sctp-port` is missing"
    );
}

#[test]
fn f31_legacy_answer_to_a_modern_offer_is_an_error() {
    let answer = edit_media(
        CHROME_ANSWER,
        2,
        "a=sctp-port:5000",
        "a=sctpmap:5000 webrtc-datachannel 1024",
    );
    let found = run(CHROME_OFFER, &answer);
    let messages: Vec<_> = found
        .iter()
        .filter(|v| v.rule == "F31")
        .map(|v| v.message.as_str())
        .collect();
    assert_eq!(
        messages,
        [
            "legacy `a=sctpmap` answers a modern (RFC 8841) data channel offer",
            "`a=sctp-port` is missing",
        ]
    );
}

#[test]
fn f31_legacy_offer_answered_in_legacy_form_is_clean() {
    assert_clean(LEGACY_OFFER, LEGACY_ANSWER);
}

#[test]
fn f31_legacy_offer_may_be_answered_with_another_port() {
    let answer = LEGACY_ANSWER.replace("5000", "5001");
    assert_clean(LEGACY_OFFER, &answer);
}

#[test]
fn f31_modern_answer_to_a_legacy_offer_is_an_error() {
    let answer =
        LEGACY_ANSWER.replace("a=sctpmap:5000 webrtc-datachannel 1024", "a=sctp-port:5000");
    let found = run(LEGACY_OFFER, &answer);
    assert_eq!(
        expect(&found, "F31", Severity::Error, Some(0)),
        "modern `a=sctp-port` answers a legacy (`a=sctpmap`) data channel offer"
    );
}

#[test]
fn f31_legacy_answer_without_sctpmap_is_an_error() {
    let answer = LEGACY_ANSWER.replace("a=sctpmap:5000 webrtc-datachannel 1024\r\n", "");
    expect(&run(LEGACY_OFFER, &answer), "F31", Severity::Error, Some(0));
}
