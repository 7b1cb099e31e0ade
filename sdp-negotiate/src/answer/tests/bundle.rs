//! BUNDLE rules A19-A24.

use sdp_core::attr::bundle::Group;

use super::*;

fn groups(answer: &Answer) -> Vec<Vec<String>> {
    answer
        .session
        .typed::<Group>()
        .map(|g| g.mids().map(str::to_owned).collect())
        .collect()
}

fn subsequent<'p>(offer: &'p Session<'p>, previous: &'p Answer) -> AnswerOptions<'p> {
    AnswerOptions {
        previous_answer: Some(&previous.session),
        previous_offer: Some(offer),
        ..AnswerOptions::default()
    }
}

/// Chrome's offer with the video section (mid 1) bundle-only at port 0.
fn chrome_video_bundle_only() -> String {
    chrome_with("m=video 54321", "m=video 0").replacen(
        "a=mid:1\r\n",
        "a=mid:1\r\na=bundle-only\r\n",
        1,
    )
}

#[test]
fn a19_no_group_offered_no_group_answered() {
    let text = CHROME.replace("a=group:BUNDLE 0 1 2\r\n", "");
    let answer = clean(&text, &webrtc());
    assert!(groups(&answer).is_empty());
    assert!(answer.negotiated.bundle_groups.is_empty());
    let answer = clean(
        &jsep_offer("", &[audio("0", ""), video("1", "")]),
        &webrtc(),
    );
    assert!(!answer.session.to_string().contains("a=group"));
}

#[test]
fn a19_each_offered_group_is_echoed_with_its_accepted_mids() {
    let text = jsep_offer(
        "a=group:BUNDLE a1 v1\r\na=group:BUNDLE a2\r\n",
        &[audio("a1", ""), video("v1", ""), audio("a2", "")],
    );
    let answer = clean(&text, &webrtc());
    assert_eq!(groups(&answer), [vec!["a1", "v1"], vec!["a2"]]);
    assert_eq!(answer.negotiated.bundle_groups, groups(&answer));
    // Two transports: the groups do not share credentials.
    let m = answer.session.media();
    assert_eq!(value(&m[0], "ice-ufrag"), value(&m[1], "ice-ufrag"));
    assert_ne!(value(&m[0], "ice-ufrag"), value(&m[2], "ice-ufrag"));
}

#[test]
fn a19_a_rejected_member_is_left_out_of_the_group() {
    let options = AnswerOptions {
        stopped: vec!["1".to_owned()],
        ..AnswerOptions::default()
    };
    let answer = answer_clean(CHROME, &webrtc(), &options);
    assert_eq!(groups(&answer), [vec!["0", "2"]]);
    assert_eq!(rejected(&answer, 1), Some(RejectReason::Stopped));
    assert!(!answer.session.media()[1].has_attribute("bundle-only"));
}

#[test]
fn a19_every_member_rejected_leaves_an_empty_group_by_default() {
    let options = AnswerOptions {
        stopped: vec!["0".to_owned(), "1".to_owned(), "2".to_owned()],
        ..AnswerOptions::default()
    };
    let answer = answer_clean(CHROME, &webrtc(), &options);
    assert!(answer.negotiated.all_rejected());
    assert!(answer.session.to_string().contains("a=group:BUNDLE\r\n"));
    let mut firefox_like = webrtc();
    firefox_like.compat.empty_bundle_group = false;
    let answer = answer_clean(CHROME, &firefox_like, &options);
    assert!(!answer.session.to_string().contains("a=group"));
}

#[test]
fn a19_never_adds_a_mid_the_group_did_not_have() {
    // mid 2 is outside the offered group: it stays outside, with its own transport.
    let text = CHROME.replace("a=group:BUNDLE 0 1 2", "a=group:BUNDLE 0 1");
    let answer = clean(&text, &webrtc());
    assert_eq!(groups(&answer), [vec!["0", "1"]]);
    let m = answer.session.media();
    assert_ne!(value(&m[0], "ice-ufrag"), value(&m[2], "ice-ufrag"));
    assert!(
        matches!(outcome(&answer, 2), SectionOutcome::Accepted(a) if a.transport.bundle_group.is_none() && a.transport.owns_transport)
    );
}

#[test]
fn a20_the_tag_is_the_first_accepted_mid_that_is_not_bundle_only() {
    let text = chrome_with("m=audio 54321", "m=audio 0").replacen(
        "a=mid:0\r\n",
        "a=mid:0\r\na=bundle-only\r\n",
        1,
    );
    let answer = clean(&text, &webrtc());
    // The bundle-only audio joins the group, but mid 1 is tagged (first).
    assert_eq!(groups(&answer), [vec!["1", "0", "2"]]);
    assert!(
        matches!(outcome(&answer, 1), SectionOutcome::Accepted(a) if a.transport.owns_transport)
    );
    assert!(
        matches!(outcome(&answer, 0), SectionOutcome::Accepted(a) if !a.transport.owns_transport)
    );
}

#[test]
fn a20_the_tag_needs_its_own_transport_attributes() {
    // mid 0 lacks ICE credentials: it can be bundled but not tagged.
    let bare = audio("0", "")
        .replace("a=ice-ufrag:vsCn\r\n", "")
        .replace("a=ice-pwd:Wnc8FZXWEzpLqDY1sS0kqIBf\r\n", "");
    let text = jsep_offer("a=group:BUNDLE 0 1\r\n", &[bare, video("1", "")]);
    let answer = clean(&text, &webrtc());
    assert_eq!(groups(&answer), [vec!["1", "0"]]);
}

#[test]
fn a22_initial_offer_rejecting_the_tag_picks_the_next_mid() {
    let options = AnswerOptions {
        stopped: vec!["0".to_owned()],
        ..AnswerOptions::default()
    };
    let answer = answer_clean(CHROME, &webrtc(), &options);
    assert_eq!(groups(&answer), [vec!["1", "2"]]);
    assert_eq!(answer.negotiated.accepted().count(), 2);
}

#[test]
fn a22_jsep_strict_rejects_the_whole_group_with_its_tag() {
    let mut strict = webrtc();
    strict.compat.jsep_strict = true;
    let options = AnswerOptions {
        stopped: vec!["0".to_owned()],
        ..AnswerOptions::default()
    };
    let answer = answer_clean(CHROME, &strict, &options);
    assert!(answer.negotiated.all_rejected());
    assert_eq!(rejected(&answer, 0), Some(RejectReason::Stopped));
    assert_eq!(rejected(&answer, 1), Some(RejectReason::BundleTagRejected));
    assert_eq!(rejected(&answer, 2), Some(RejectReason::BundleTagRejected));
    assert!(answer.session.media().iter().all(|m| m.port() == Some(0)));
}

#[test]
fn a22_subsequent_offer_rejecting_the_tagged_section_rejects_the_whole_group() {
    let offer = Session::parse(CHROME).unwrap();
    let first = clean(CHROME, &webrtc());
    assert_eq!(groups(&first), [vec!["0", "1", "2"]]);
    let options = AnswerOptions {
        stopped: vec!["0".to_owned()],
        ..subsequent(&offer, &first)
    };
    let second = answer_clean(CHROME, &webrtc(), &options);
    assert!(second.negotiated.all_rejected(), "{}", second.session);
    assert_eq!(rejected(&second, 1), Some(RejectReason::BundleTagRejected));
    assert_eq!(rejected(&second, 2), Some(RejectReason::BundleTagRejected));
    // No group lists a rejected mid.
    assert!(groups(&second).iter().all(Vec::is_empty));
}

#[test]
fn a22_subsequent_offer_with_the_tag_disabled_by_the_offerer_rejects_the_group() {
    let offer = Session::parse(CHROME).unwrap();
    let first = clean(CHROME, &webrtc());
    let text = chrome_with("m=audio 54321", "m=audio 0");
    let second = answer_clean(&text, &webrtc(), &subsequent(&offer, &first));
    assert_eq!(rejected(&second, 0), Some(RejectReason::DisabledByOfferer));
    assert_eq!(rejected(&second, 1), Some(RejectReason::BundleTagRejected));
    assert_eq!(rejected(&second, 2), Some(RejectReason::BundleTagRejected));
}

#[test]
fn a22_subsequent_offer_rejecting_a_non_tagged_section_keeps_the_group() {
    let offer = Session::parse(CHROME).unwrap();
    let first = clean(CHROME, &webrtc());
    let options = AnswerOptions {
        stopped: vec!["1".to_owned()],
        ..subsequent(&offer, &first)
    };
    let second = answer_clean(CHROME, &webrtc(), &options);
    assert_eq!(groups(&second), [vec!["0", "2"]]);
    // Same transport as before: the credentials did not change.
    assert_eq!(
        value(&first.session.media()[0], "ice-ufrag"),
        value(&second.session.media()[0], "ice-ufrag")
    );
}

#[test]
fn a22_subsequent_answer_keeps_the_established_tag() {
    // First answer tagged mid 1 (mid 0 stopped); the re-offer brings mid 0 back, mid 1 stays tag.
    let offer = Session::parse(CHROME).unwrap();
    let options = AnswerOptions {
        stopped: vec!["0".to_owned()],
        ..AnswerOptions::default()
    };
    let first = answer_clean(CHROME, &webrtc(), &options);
    assert_eq!(groups(&first), [vec!["1", "2"]]);
    let second = answer_clean(CHROME, &webrtc(), &subsequent(&offer, &first));
    assert_eq!(groups(&second), [vec!["1", "0", "2"]]);
}

#[test]
fn a23_bundle_only_section_is_accepted_with_port_9_and_no_bundle_only_line() {
    let answer = clean(&chrome_video_bundle_only(), &webrtc());
    let video = &answer.session.media()[1];
    assert_eq!(video.port(), Some(9));
    assert!(!video.has_attribute("bundle-only"));
    assert!(!answer.session.to_string().contains("bundle-only"));
    assert_eq!(groups(&answer), [vec!["0", "1", "2"]]);
    assert!(
        matches!(outcome(&answer, 1), SectionOutcome::Accepted(a) if a.transport.bundle_group == Some(0) && !a.transport.owns_transport)
    );
}

#[test]
fn a23_bundle_only_section_outside_any_group_is_rejected() {
    let text = chrome_video_bundle_only().replace("a=group:BUNDLE 0 1 2\r\n", "");
    let answer = clean(&text, &webrtc());
    assert_eq!(
        rejected(&answer, 1),
        Some(RejectReason::BundleOnlyNotBundled)
    );
    let video = &answer.session.media()[1];
    assert_eq!(video.port(), Some(0));
    assert!(!video.has_attribute("bundle-only"));
    assert_eq!(rejected(&answer, 0), None);
}

#[test]
fn a23_bundle_only_section_whose_group_cannot_form_is_rejected() {
    // The only other member is stopped: no tag, so no group, and the bundle-only one goes.
    let text = jsep_offer(
        "a=group:BUNDLE 0 1\r\n",
        &[
            audio("0", ""),
            video("1", "a=bundle-only\r\n").replace("m=video 9", "m=video 0"),
        ],
    );
    let options = AnswerOptions {
        stopped: vec!["0".to_owned()],
        ..AnswerOptions::default()
    };
    let answer = answer_clean(&text, &webrtc(), &options);
    assert_eq!(
        rejected(&answer, 1),
        Some(RejectReason::BundleOnlyNotBundled)
    );
    assert!(answer.negotiated.all_rejected());
}

#[test]
fn a24_sections_are_never_moved_out_of_an_offered_group() {
    // A member without its own transport attributes stays bundled rather than unbundled.
    let bare = video("1", "")
        .replace("a=ice-ufrag:vsCn\r\n", "")
        .replace("a=ice-pwd:Wnc8FZXWEzpLqDY1sS0kqIBf\r\n", "");
    let text = jsep_offer("a=group:BUNDLE 0 1\r\n", &[audio("0", ""), bare]);
    let answer = clean(&text, &webrtc());
    assert_eq!(groups(&answer), [vec!["0", "1"]]);
    for section in answer.negotiated.accepted() {
        assert_eq!(section.transport.bundle_group, Some(0));
    }
    let m = answer.session.media();
    assert_eq!(value(&m[0], "ice-ufrag"), value(&m[1], "ice-ufrag"));
}
