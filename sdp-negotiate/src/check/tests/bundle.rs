//! F21-F24, F26: BUNDLE groups, bundle-only, the tagged section, rejected sections.

use super::*;

const GROUP: &str = "a=group:BUNDLE 0 1 2";

/// Rejects m-section `index` of the Chrome-like answer (port 0, `a=inactive`).
fn reject(text: &str, index: usize) -> String {
    let kind = ["m=audio 9", "m=video 9", "m=application 9"][index];
    let rejected = kind.replace(" 9", " 0");
    let text = edit_media(text, index, kind, &rejected);
    if index == 2 {
        text
    } else {
        edit_media(&text, index, "a=sendrecv", "a=inactive")
    }
}

#[test]
fn f21_group_without_an_offered_group_is_an_error() {
    let offer = edit_session(CHROME_OFFER, &format!("{GROUP}\r\n"), "");
    let found = run(&offer, CHROME_ANSWER);
    assert_eq!(
        expect(&found, "F21", Severity::Error, None),
        "`a=group:BUNDLE 0 1 2` has no corresponding group in the offer"
    );
}

#[test]
fn f21_mid_not_in_the_offered_group_is_an_error() {
    let offer = edit_session(CHROME_OFFER, GROUP, "a=group:BUNDLE 0 1");
    let found = run(&offer, CHROME_ANSWER);
    assert_eq!(
        expect(&found, "F21", Severity::Error, None),
        "mid `2` in `a=group:BUNDLE 0 1 2` is not in the offered `a=group:BUNDLE 0 1`"
    );
}

#[test]
fn f21_mid_moved_to_another_group_is_an_error() {
    let offer = edit_session(
        CHROME_OFFER,
        GROUP,
        "a=group:BUNDLE 0 1\r\na=group:BUNDLE 2",
    );
    let found = run(&offer, CHROME_ANSWER);
    let message = expect(&found, "F21", Severity::Error, None);
    assert!(message.ends_with("(it moved group)"), "{message}");
}

#[test]
fn f21_mid_in_two_groups_is_an_error() {
    let answer = edit_session(
        CHROME_ANSWER,
        GROUP,
        "a=group:BUNDLE 0 1 2\r\na=group:BUNDLE 2",
    );
    let found = run(CHROME_OFFER, &answer);
    assert!(
        found
            .iter()
            .any(|v| v.rule == "F21" && v.message == "mid `2` is listed in two BUNDLE groups"),
        "{found:#?}"
    );
}

#[test]
fn f21_mid_without_an_m_section_is_an_error() {
    let offer = edit_session(CHROME_OFFER, GROUP, "a=group:BUNDLE 0 1 2 3");
    let answer = edit_session(CHROME_ANSWER, GROUP, "a=group:BUNDLE 0 1 2 3");
    let found = run(&offer, &answer);
    assert_eq!(
        expect(&found, "F21", Severity::Error, None),
        "mid `3` in `a=group:BUNDLE 0 1 2 3` names no m-section of the answer"
    );
}

#[test]
fn f21_answer_group_subset_in_offer_order_is_fine() {
    let answer = edit_session(&reject(CHROME_ANSWER, 2), GROUP, "a=group:BUNDLE 0 1");
    assert_clean(CHROME_OFFER, &answer);
}

#[test]
fn f22_bundle_only_in_an_answer_is_an_error() {
    let answer = edit_media(CHROME_ANSWER, 1, "a=mid:1", "a=mid:1\r\na=bundle-only");
    let found = run(CHROME_OFFER, &answer);
    assert_eq!(
        expect(&found, "F22", Severity::Error, Some(1)),
        "`a=bundle-only` in an answer"
    );
}

#[test]
fn f22_rfc8843_port_zero_for_a_bundled_section_is_a_warning() {
    let answer = edit_media(CHROME_ANSWER, 1, "m=video 9", "m=video 0");
    let found = run(CHROME_OFFER, &answer);
    expect(&found, "F22", Severity::Warning, Some(1));
    // Still bundled, not rejected.
    expect_none(&found, "F26");
    expect_none(&found, "F21");
}

#[test]
fn f23_rejected_first_mid_with_accepted_members_is_an_error() {
    let answer = reject(CHROME_ANSWER, 0);
    let found = run(CHROME_OFFER, &answer);
    let message = expect(&found, "F23", Severity::Error, Some(0));
    assert!(message.contains("first mid"), "{message}");
}

#[test]
fn f23_initial_answer_may_tag_the_next_mid() {
    let answer = edit_session(&reject(CHROME_ANSWER, 0), GROUP, "a=group:BUNDLE 1 2");
    let found = run(CHROME_OFFER, &answer);
    assert!(serious(&found).is_empty(), "{found:#?}");
}

#[test]
fn f23_subsequent_answer_rejecting_the_offerer_tagged_section_is_an_error() {
    let answer = edit_session(&reject(CHROME_ANSWER, 0), GROUP, "a=group:BUNDLE 1 2");
    let found = run_with(CHROME_OFFER, &answer, CHROME_OFFER, CHROME_ANSWER);
    let message = expect(&found, "F23", Severity::Error, Some(0));
    assert!(message.contains("offerer-tagged `0`"), "{message}");
}

#[test]
fn f24_established_member_leaving_the_group_is_an_error() {
    let answer = edit_session(CHROME_ANSWER, GROUP, "a=group:BUNDLE 0 1");
    let found = run_with(CHROME_OFFER, &answer, CHROME_OFFER, CHROME_ANSWER);
    assert_eq!(
        expect(&found, "F24", Severity::Error, Some(2)),
        "mid `2` leaves its established BUNDLE group without being rejected"
    );
}

#[test]
fn f24_initial_answer_may_move_a_section_out() {
    let answer = edit_session(CHROME_ANSWER, GROUP, "a=group:BUNDLE 0 1");
    expect_none(&run(CHROME_OFFER, &answer), "F24");
}

#[test]
fn f24_bundle_only_section_accepted_outside_the_group_is_an_error() {
    let offer = edit_media(CHROME_OFFER, 2, "m=application 9", "m=application 0");
    let offer = edit_media(&offer, 2, "a=mid:2", "a=mid:2\r\na=bundle-only");
    let answer = edit_session(CHROME_ANSWER, GROUP, "a=group:BUNDLE 0 1");
    let found = run(&offer, &answer);
    assert_eq!(
        expect(&found, "F24", Severity::Error, Some(2)),
        "bundle-only mid `2` is accepted outside the BUNDLE group"
    );
}

#[test]
fn f26_rejected_section_listed_in_a_group_is_an_error() {
    let offer = edit_media(CHROME_OFFER, 2, "m=application 9", "m=application 0");
    let answer = reject(CHROME_ANSWER, 2);
    let found = run(&offer, &answer);
    assert_eq!(
        expect(&found, "F26", Severity::Error, Some(2)),
        "rejected mid `2` is listed in a BUNDLE group"
    );
}

#[test]
fn f26_rejected_section_with_bundle_only_is_an_error() {
    let answer = edit_session(&reject(CHROME_ANSWER, 2), GROUP, "a=group:BUNDLE 0 1");
    let answer = edit_media(&answer, 2, "a=mid:2", "a=mid:2\r\na=bundle-only");
    let found = run(CHROME_OFFER, &answer);
    assert_eq!(
        expect(&found, "F26", Severity::Error, Some(2)),
        "a rejected section carries `a=bundle-only`"
    );
    expect_none(&found, "F22");
}

#[test]
fn f26_rejected_section_without_transport_attributes_is_a_warning() {
    let mut answer = edit_session(&reject(CHROME_ANSWER, 2), GROUP, "a=group:BUNDLE 0 1");
    for prefix in ["a=ice-ufrag", "a=ice-pwd", "a=fingerprint", "a=setup", "c="] {
        answer = drop_lines(&answer, 2, prefix);
    }
    let found = run(CHROME_OFFER, &answer);
    assert_eq!(
        expect(&found, "F26", Severity::Warning, Some(2)),
        "rejected section without `c=`, `a=ice-ufrag`, `a=ice-pwd`, `a=fingerprint`, `a=setup` \
         (aiortc and GStreamer check rejected sections too)"
    );
}

#[test]
fn f26_rejected_classic_section_needs_only_c() {
    let answer = edit_media(SIP_ANSWER, 1, "m=video 49170", "m=video 0");
    assert_clean(SIP_OFFER, &answer);
}
