//! F17-F20, F25, F27, F28, F32: DTLS setup, ICE, fingerprints, rtcp-mux, ICE restart, SDES.

use super::*;

const FINGERPRINT: &str = "0D:B5:2F:40:76:C0:82:51:84:12:AF:D3:DD:35:76:E2:CB:0C:63:70:3F:D7:FE:D5:E2:3A:DE:60:EF:EF:31:D9";
const OTHER_FINGERPRINT: &str = "D9:29:8A:10:D1:B0:73:58:37:DC:4B:D8:5D:AC:64:1B:0F:3C:EF:27:A4:7E:5D:53:A5:4F:2F:3F:5B:2F:CF:FA";

/// The text without its BUNDLE group: every section owns its transport.
fn unbundled(text: &str) -> String {
    edit_session(text, "a=group:BUNDLE 0 1 2\r\n", "")
}

/// Replaces `from` by `to` in every m-section.
fn edit_all(text: &str, from: &str, to: &str) -> String {
    (0..3).fold(text.to_owned(), |t, i| edit_media(&t, i, from, to))
}

#[test]
fn f17_actpass_answer_is_an_error() {
    let answer = edit_media(CHROME_ANSWER, 0, "a=setup:active", "a=setup:actpass");
    let found = run(CHROME_OFFER, &answer);
    assert_eq!(
        expect(&found, "F17", Severity::Error, Some(0)),
        "`a=setup:actpass`: an answer is active or passive"
    );
}

#[test]
fn f17_actpass_in_a_non_tagged_bundled_section_is_an_error() {
    let answer = edit_media(CHROME_ANSWER, 2, "a=setup:active", "a=setup:actpass");
    expect(&run(CHROME_OFFER, &answer), "F17", Severity::Error, Some(2));
}

#[test]
fn f17_holdconn_answer_is_an_error() {
    let answer = edit_media(CHROME_ANSWER, 0, "a=setup:active", "a=setup:holdconn");
    expect(&run(CHROME_OFFER, &answer), "F17", Severity::Error, Some(0));
}

#[test]
fn f17_missing_setup_is_a_warning_when_lenient() {
    let answer = drop_lines(CHROME_ANSWER, 0, "a=setup:");
    let found = run(CHROME_OFFER, &answer);
    expect(&found, "F17", Severity::Warning, Some(0));
    assert!(
        found.iter().all(|v| v.severity != Severity::Error),
        "{found:#?}"
    );
}

#[test]
fn f17_missing_setup_is_an_error_when_strict() {
    let offer = Session::parse(CHROME_OFFER).unwrap();
    let text = drop_lines(CHROME_ANSWER, 0, "a=setup:");
    let answer = Session::parse(&text).unwrap();
    let options = CheckOptions {
        strict: true,
        ..CheckOptions::default()
    };
    let found = check_answer_with_options(&offer, &answer, None, &options);
    expect(&found, "F17", Severity::Error, Some(0));
}

#[test]
fn f17_missing_setup_in_a_non_tagged_bundled_section_is_fine() {
    let answer = drop_lines(CHROME_ANSWER, 1, "a=setup:");
    assert_clean(CHROME_OFFER, &answer);
}

#[test]
fn f17_session_level_setup_counts() {
    let answer = edit_all(CHROME_ANSWER, "a=setup:active\r\n", "");
    let answer = edit_session(&answer, "t=0 0\r\n", "t=0 0\r\na=setup:active\r\n");
    assert_clean(CHROME_OFFER, &answer);
}

#[test]
fn f17_setup_is_not_required_in_classic_mode() {
    assert_clean(SIP_OFFER, SIP_ANSWER);
}

#[test]
fn f18_same_role_as_the_offer_is_an_error() {
    let offer = edit_media(CHROME_OFFER, 0, "a=setup:actpass", "a=setup:active");
    let found = run(&offer, CHROME_ANSWER);
    assert_eq!(
        expect(&found, "F18", Severity::Error, Some(0)),
        "`a=setup:active` answers `a=setup:active`: both sides take the same DTLS role"
    );
}

#[test]
fn f18_opposite_role_is_fine() {
    let offer = edit_all(CHROME_OFFER, "a=setup:actpass", "a=setup:active");
    let answer = edit_all(CHROME_ANSWER, "a=setup:active", "a=setup:passive");
    assert_clean(&offer, &answer);
}

#[test]
fn f19_missing_ice_pwd_in_the_tagged_section_is_an_error() {
    let answer = drop_lines(CHROME_ANSWER, 0, "a=ice-pwd:");
    let found = run(CHROME_OFFER, &answer);
    assert_eq!(
        expect(&found, "F19", Severity::Error, Some(0)),
        "`a=ice-pwd` missing in a section that owns its transport"
    );
}

#[test]
fn f19_missing_fingerprint_in_an_unbundled_section_is_an_error() {
    let offer = unbundled(CHROME_OFFER);
    let answer = drop_lines(&unbundled(CHROME_ANSWER), 2, "a=fingerprint:");
    let found = run(&offer, &answer);
    expect(&found, "F19", Severity::Error, Some(2));
}

#[test]
fn f19_short_ufrag_is_an_error() {
    let answer = edit_all(CHROME_ANSWER, "a=ice-ufrag:Xy7q", "a=ice-ufrag:Xy7");
    let found = run(CHROME_OFFER, &answer);
    assert_eq!(
        expect(&found, "F19", Severity::Error, Some(0)),
        "ice-ufrag has 3 characters; RFC 8839 asks for 4-256"
    );
}

#[test]
fn f19_short_pwd_is_an_error() {
    let answer = edit_all(
        CHROME_ANSWER,
        "a=ice-pwd:k0wjhXHqZcTbOz9LsUaMcm5R",
        "a=ice-pwd:short",
    );
    expect(&run(CHROME_OFFER, &answer), "F19", Severity::Error, Some(1));
}

#[test]
fn f19_fingerprint_at_both_levels_is_a_warning() {
    let line = format!("a=fingerprint:sha-256 {FINGERPRINT}\r\n");
    let answer = edit_session(CHROME_ANSWER, "t=0 0\r\n", &format!("t=0 0\r\n{line}"));
    let found = run(CHROME_OFFER, &answer);
    expect(&found, "F19", Severity::Warning, None);
}

#[test]
fn f19_session_level_fingerprint_only_is_fine() {
    let line = format!("a=fingerprint:sha-256 {FINGERPRINT}\r\n");
    let answer = edit_all(CHROME_ANSWER, &line, "");
    let answer = edit_session(&answer, "t=0 0\r\n", &format!("t=0 0\r\n{line}"));
    assert_clean(CHROME_OFFER, &answer);
}

#[test]
fn f19_different_fingerprints_between_transports_are_an_error() {
    let offer = unbundled(CHROME_OFFER);
    let answer = edit_media(&unbundled(CHROME_ANSWER), 2, FINGERPRINT, OTHER_FINGERPRINT);
    let found = run(&offer, &answer);
    assert_eq!(
        expect(&found, "F19", Severity::Error, Some(2)),
        "the fingerprint differs from m-section 0's"
    );
}

#[test]
fn f19_fingerprint_comparison_ignores_hex_case() {
    let answer = edit_media(CHROME_ANSWER, 1, FINGERPRINT, &FINGERPRINT.to_lowercase());
    assert_clean(CHROME_OFFER, &answer);
}

#[test]
fn f20_different_ufrag_within_a_bundle_group_is_an_error() {
    let answer = edit_media(CHROME_ANSWER, 1, "a=ice-ufrag:Xy7q", "a=ice-ufrag:Zz9q");
    let found = run(CHROME_OFFER, &answer);
    assert_eq!(
        expect(&found, "F20", Severity::Error, Some(1)),
        "ice-ufrag differ from the BUNDLE-tagged m-section 0 of the same group"
    );
}

#[test]
fn f20_different_fingerprint_within_a_bundle_group_is_an_f20_error_only() {
    let answer = edit_media(CHROME_ANSWER, 2, FINGERPRINT, OTHER_FINGERPRINT);
    let found = run(CHROME_OFFER, &answer);
    expect(&found, "F20", Severity::Error, Some(2));
    expect_none(&found, "F19");
}

#[test]
fn f20_repeated_transport_attributes_warn_only_with_strict_9143() {
    let offer = Session::parse(CHROME_OFFER).unwrap();
    let answer = Session::parse(CHROME_ANSWER).unwrap();
    let options = CheckOptions {
        strict_9143: true,
        ..CheckOptions::default()
    };
    let found = check_answer_with_options(&offer, &answer, None, &options);
    let message = expect(&found, "F20", Severity::Warning, Some(1));
    assert_eq!(message, "ice-ufrag, ice-pwd, fingerprint, setup repeated in a non-tagged bundled section (RFC 9143 §7.1.3)");
    expect_none(&check_answer(&offer, &answer), "F20");
}

#[test]
fn f25_bundled_rtp_section_without_rtcp_mux_is_an_error() {
    let answer = drop_lines(CHROME_ANSWER, 1, "a=rtcp-mux");
    let found = run(CHROME_OFFER, &answer);
    let message = expect(&found, "F25", Severity::Error, Some(1));
    assert!(message.contains("bundled RTP section"), "{message}");
}

#[test]
fn f25_rtcp_mux_answered_without_offer_is_an_error() {
    let answer = edit_media(SIP_ANSWER, 0, "a=ptime:20", "a=ptime:20\r\na=rtcp-mux");
    let found = run(SIP_OFFER, &answer);
    assert_eq!(
        expect(&found, "F25", Severity::Error, Some(0)),
        "`a=rtcp-mux` is answered but was not offered"
    );
}

#[test]
fn f25_rtcp_mux_only_offer_needs_rtcp_mux() {
    let offer = edit_media(
        SIP_OFFER,
        0,
        "a=ptime:20",
        "a=ptime:20\r\na=rtcp-mux\r\na=rtcp-mux-only",
    );
    let found = run(&offer, SIP_ANSWER);
    let message = expect(&found, "F25", Severity::Error, Some(0));
    assert!(message.contains("rtcp-mux-only"), "{message}");
}

#[test]
fn f25_unbundled_classic_section_need_not_mux() {
    let offer = edit_media(SIP_OFFER, 0, "a=ptime:20", "a=ptime:20\r\na=rtcp-mux");
    assert_clean(&offer, SIP_ANSWER);
}

#[test]
fn f27_rtcp_attribute_in_a_bundled_section_is_a_warning() {
    let answer = edit_media(
        CHROME_ANSWER,
        1,
        "a=rtcp-mux\r\n",
        "a=rtcp-mux\r\na=rtcp:9 IN IP4 0.0.0.0\r\n",
    );
    let found = run(CHROME_OFFER, &answer);
    assert_eq!(
        expect(&found, "F27", Severity::Warning, Some(1)),
        "`a=rtcp` in a bundled section"
    );
}

#[test]
fn f27_rtcp_attribute_in_an_unbundled_section_is_fine() {
    let answer = edit_media(SIP_ANSWER, 0, "a=ptime:20", "a=ptime:20\r\na=rtcp:49175");
    assert_clean(SIP_OFFER, &answer);
}

/// The offer with new ICE credentials in every section (or only in `only`).
fn restarted(text: &str, only: Option<usize>) -> String {
    let sections: Vec<usize> = only.map_or(vec![0, 1, 2], |i| vec![i]);
    sections.into_iter().fold(text.to_owned(), |t, i| {
        let t = edit_media(&t, i, "a=ice-ufrag:Hb3o", "a=ice-ufrag:Nw4r");
        edit_media(
            &t,
            i,
            "a=ice-pwd:2z0sP0tTrPzeVgJHbO7nyJzk",
            "a=ice-pwd:Qm8vLx2pRt6yHs1kJd9fZc3b",
        )
    })
}

/// The answer with new ICE credentials in every section (or only in `only`).
fn answer_restarted(text: &str, only: Option<usize>) -> String {
    let sections: Vec<usize> = only.map_or(vec![0, 1, 2], |i| vec![i]);
    sections.into_iter().fold(text.to_owned(), |t, i| {
        let t = edit_media(&t, i, "a=ice-ufrag:Xy7q", "a=ice-ufrag:Pq3s");
        edit_media(
            &t,
            i,
            "a=ice-pwd:k0wjhXHqZcTbOz9LsUaMcm5R",
            "a=ice-pwd:Vb7nMc4xZl1kJh8gFd5sAa2q",
        )
    })
}

#[test]
fn f28_answer_changing_credentials_without_an_offered_restart_is_an_error() {
    let answer = answer_restarted(CHROME_ANSWER, None);
    let found = run_with(CHROME_OFFER, &answer, CHROME_OFFER, CHROME_ANSWER);
    assert_eq!(
        expect(&found, "F28", Severity::Error, Some(0)),
        "the answer changes its ICE credentials but the offer did not restart ICE"
    );
}

#[test]
fn f28_answer_keeping_credentials_on_an_offered_restart_is_an_error() {
    let offer = restarted(CHROME_OFFER, None);
    let found = run_with(&offer, CHROME_ANSWER, CHROME_OFFER, CHROME_ANSWER);
    expect(&found, "F28", Severity::Error, Some(0));
}

#[test]
fn f28_restart_answered_with_new_credentials_is_fine() {
    let offer = restarted(CHROME_OFFER, None);
    let answer = answer_restarted(CHROME_ANSWER, None);
    let found = run_with(&offer, &answer, CHROME_OFFER, CHROME_ANSWER);
    assert!(serious(&found).is_empty(), "{found:#?}");
}

#[test]
fn f28_partial_restart_is_a_warning() {
    let (prev_offer, prev_answer) = (unbundled(CHROME_OFFER), unbundled(CHROME_ANSWER));
    let offer = restarted(&prev_offer, Some(0));
    let answer = answer_restarted(&prev_answer, Some(0));
    let found = run_with(&offer, &answer, &prev_offer, &prev_answer);
    assert_eq!(
        expect(&found, "F28", Severity::Warning, None),
        "partial ICE restart (m-section 0 only); Firefox refuses it"
    );
    assert!(
        found.iter().all(|v| v.severity != Severity::Error),
        "{found:#?}"
    );
}

#[test]
fn f28_needs_the_previous_exchange() {
    let answer = answer_restarted(CHROME_ANSWER, None);
    expect_none(&run(CHROME_OFFER, &answer), "F28");
}

#[test]
fn f32_crypto_in_a_jsep_answer_is_an_error() {
    let answer = edit_media(
        CHROME_ANSWER,
        0,
        "a=rtcp-mux\r\n",
        "a=rtcp-mux\r\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR\r\n",
    );
    let found = run(CHROME_OFFER, &answer);
    assert_eq!(
        expect(&found, "F32", Severity::Error, Some(0)),
        "`a=crypto` in a JSEP answer (DTLS-SRTP only)"
    );
}

#[test]
fn f32_k_line_in_a_jsep_answer_is_an_error() {
    let answer = edit_session(CHROME_ANSWER, "t=0 0\r\n", "t=0 0\r\nk=prompt\r\n");
    expect(&run(CHROME_OFFER, &answer), "F32", Severity::Error, None);
}

#[test]
fn f32_crypto_in_a_classic_answer_is_fine() {
    let offer = edit_media(SIP_OFFER, 0, "a=ptime:20", "a=ptime:20\r\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR");
    let answer = edit_media(SIP_ANSWER, 0, "a=ptime:20", "a=ptime:20\r\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz");
    expect_none(&run(&offer, &answer), "F32");
}

#[test]
fn f32_ice_lite_on_both_sides_is_an_error() {
    let offer = edit_session(CHROME_OFFER, "t=0 0\r\n", "t=0 0\r\na=ice-lite\r\n");
    let answer = edit_session(CHROME_ANSWER, "t=0 0\r\n", "t=0 0\r\na=ice-lite\r\n");
    expect(&run(&offer, &answer), "F32", Severity::Error, None);
    expect_none(&run(CHROME_OFFER, &answer), "F32");
}
