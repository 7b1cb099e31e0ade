//! Inputs the fuzz targets (`fuzz/`, issue 7) found breaking a property, kept as tests so the
//! bug stays fixed. Each file under `tests/data/regressions/` is named after the target that
//! found it; the test checks the property that target checks.

use std::sync::OnceLock;

use sdp_core::validate::{validate, Severity as LintSeverity};
use sdp_core::{ParseOptions, Session};
use sdp_negotiate::{answer, check_answer, Config, NegotiationError, Severity};

/// The presets, built once (`Config::webrtc()` generates a certificate).
fn presets() -> &'static [Config; 2] {
    static PRESETS: OnceLock<[Config; 2]> = OnceLock::new();
    PRESETS.get_or_init(|| [Config::webrtc(), Config::sip_phone()])
}

/// The `answer` target's property: each preset refuses the offer or writes an answer that
/// parses strictly, writes back byte for byte, has no validation error under its mode's
/// profile and passes `check_answer` without error.
/// Returns the results, for tests that say which way it went.
fn assert_answer_property(offer: &[u8]) -> Vec<Result<(), NegotiationError>> {
    let offer = Session::parse_bytes(offer).unwrap();
    let mut results = Vec::new();
    for config in presets() {
        match answer(&offer, config) {
            Err(e) => results.push(Err(e)),
            Ok(answer) => {
                let text = answer.session.to_string();
                let parsed = Session::parse_with(&text, &ParseOptions::strict())
                    .unwrap()
                    .session;
                assert_eq!(parsed.to_string(), text);
                let profile = answer.negotiated.mode.validation_profile();
                let lints: Vec<_> = validate(&parsed, profile)
                    .into_iter()
                    .filter(|d| d.severity() == LintSeverity::Error)
                    .collect();
                assert!(lints.is_empty(), "{lints:#?}\n{text}");
                let errors: Vec<_> = check_answer(&offer, &parsed)
                    .into_iter()
                    .filter(|v| v.severity == Severity::Error)
                    .collect();
                assert!(errors.is_empty(), "{errors:#?}\n{text}");
                results.push(Ok(()));
            }
        }
    }
    results
}

#[test]
fn issue_7_an_offer_with_an_empty_mid_is_refused_not_answered_without_it() {
    // `a=mid:` (empty): the engine read no mid and answered without one, which the checker
    // refused (F3: the offer's mid is missing). A2 cannot echo a mid that does not parse.
    let results =
        assert_answer_property(include_bytes!("../data/regressions/answer-empty-mid.sdp"));
    for result in results {
        assert!(
            matches!(result, Err(NegotiationError::RemoteInvalid { .. })),
            "{result:?}"
        );
    }
}

#[test]
fn issue_7_duplicate_mids_refuse_the_offer_in_classic_mode_too() {
    // Two sections with `a=mid:0`: the SIP preset (classic mode) echoed both, and its answer
    // broke RFC 5888 §4 (validation error SDP0201). Only JSEP offers were refused.
    let results = assert_answer_property(include_bytes!(
        "../data/regressions/answer-duplicate-mid-classic.sdp"
    ));
    for result in results {
        assert!(
            matches!(result, Err(NegotiationError::RemoteInvalid { .. })),
            "{result:?}"
        );
    }
}

#[test]
fn issue_7_a_proto_with_tls_but_no_dtls_srtp_does_not_make_the_offer_jsep() {
    // `m=audio 2 RTP 0` beside `m=o 9 U/TLS i`: the checker took the offer for JSEP because a
    // protocol contained `TLS`, and refused the SIP phone's classic answer for missing ICE
    // (F19). TLS over TCP (BFCP, MSRP) is SIP; only DTLS-SRTP and DTLS/SCTP mean WebRTC.
    let results = assert_answer_property(include_bytes!(
        "../data/regressions/answer-tls-proto-classic-section.sdp"
    ));
    assert!(results.iter().any(Result::is_ok), "{results:?}");
}

#[test]
fn issue_7_a_classic_endpoint_rejects_the_sections_of_a_jsep_offer() {
    // `m=audio 4 TLS/RTP 9` makes a JSEP offer (rulebook section 0), where ICE and DTLS are
    // mandatory. The SIP phone accepted the section as plain RTP without them, and the
    // checker, judging by the offer's mode, refused the answer (F19).
    let input = include_bytes!("../data/regressions/answer-jsep-offer-classic-endpoint.sdp");
    assert_answer_property(input);
    let offer = Session::parse_bytes(input).unwrap();
    let answer = answer(&offer, &Config::sip_phone()).unwrap();
    assert_eq!(answer.negotiated.accepted().count(), 0);
}

#[test]
fn issue_7_an_extmap_id_with_two_meanings_in_one_bundle_group_refuses_the_offer() {
    // Extmap id 4 is the MID extension in one bundled section and transport-cc in the other.
    // The answer echoed both (C2) and broke RFC 9143 §9.1 (validation error SDP0504).
    let results = assert_answer_property(include_bytes!(
        "../data/regressions/answer-bundled-extmap-id-conflict.sdp"
    ));
    assert!(
        matches!(results[0], Err(NegotiationError::RemoteInvalid { .. })),
        "{results:?}"
    );
}

#[test]
fn issue_7_a_look_alike_srtp_or_sctp_protocol_is_not_accepted() {
    // `UDP/TLS/RTP/SAVPF$` passed the engine's `contains("SAVP")` and was answered as SRTP;
    // `U685DP/DTLS/SCTP` passed `ends_with("DTLS/SCTP")`. The validator knows neither
    // (SDP0904, SDP0905), so the answers failed validation. Both sections are now rejected.
    for input in [
        &include_bytes!("../data/regressions/answer-savpf-look-alike-proto.sdp")[..],
        &include_bytes!("../data/regressions/answer-sctp-look-alike-proto.sdp")[..],
    ] {
        assert_answer_property(input);
        let offer = Session::parse_bytes(input).unwrap();
        let answer = answer(&offer, &presets()[0]).unwrap();
        let odd = offer
            .media()
            .iter()
            .position(|m| m.line().text().contains("$ ") || m.line().text().contains("U685DP"))
            .unwrap();
        assert_eq!(answer.session.media()[odd].port(), Some(0));
    }
}

#[test]
fn issue_7_a_rejected_section_does_not_keep_a_format_in_the_rtcp_range_under_mux() {
    // `m=d 3 RTP 69` with `a=rtcp-mux`: the rejected section echoed format 69 with
    // `a=rtcp-mux`, a collision with RTCP packet types (RFC 5761 §4, validation SDP0117).
    assert_answer_property(include_bytes!(
        "../data/regressions/answer-rejected-format-in-rtcp-range.sdp"
    ));
}

#[test]
fn issue_7_an_sctpmap_beside_the_modern_data_format_does_not_make_the_offer_legacy() {
    // `UDP/DTLS/SCTP webrtc-datachannel` plus a stray `a=sctpmap`: the engine answered the
    // modern form (A25: same fmt), and the checker, taking any sctpmap for the legacy form,
    // wanted a port as the fmt (F31).
    assert_answer_property(include_bytes!(
        "../data/regressions/answer-modern-data-offer-with-sctpmap.sdp"
    ));
}

#[test]
fn issue_7_an_extension_offered_under_two_ids_may_be_answered_with_either() {
    // abs-send-time is offered as id 3 and id 4 at session level, and the section overrides
    // id 3. The engine answered id 4; the checker only knew the first id and refused (F15).
    assert_answer_property(include_bytes!(
        "../data/regressions/answer-extmap-uri-with-two-ids.sdp"
    ));
}

#[test]
fn issue_7_an_offer_with_rtcp_mux_only_but_no_rtcp_mux_may_be_answered_with_rtcp_mux() {
    // `a=rtcp-mux-only` without `a=rtcp-mux` (RFC 8858 §4 asks for both): the SIP phone
    // answered `a=rtcp-mux` as A8 says, and the checker called it unoffered (F25), while its
    // other F25 clause requires it.
    assert_answer_property(include_bytes!(
        "../data/regressions/answer-rtcp-mux-only-without-rtcp-mux.sdp"
    ));
}

#[test]
fn issue_7_rtcp_mux_only_in_a_data_section_asks_nothing_of_the_answer() {
    // `a=rtcp-mux-only` in an `m=application ... UDP/DTLS/SCTP` section: the engine answered the
    // data channel without `a=rtcp-mux` (A25), and the checker required it (F25), although RTCP
    // multiplexing concerns RTP sections only.
    assert_answer_property(include_bytes!(
        "../data/regressions/answer-rtcp-mux-only-in-data-section.sdp"
    ));
}

#[test]
fn issue_7_a_proto_with_both_rtp_and_sctp_tokens_is_checked_as_rtp() {
    // `m=audio ... RTP/AVPLS/SCTP`: the engine reads the section as RTP (it has the `RTP`
    // token and is none of the three SCTP protocols JSEP knows) and the SIP phone answered its
    // codecs; the checker took any `SCTP` token for a data channel and asked for
    // `a=sctp-port` and the offer's formats (F31).
    assert_answer_property(include_bytes!(
        "../data/regressions/answer-rtp-proto-with-sctp-token.sdp"
    ));
}
