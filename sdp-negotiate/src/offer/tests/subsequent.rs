//! Subsequent offers (JSEP §5.2.2; rulebook E4, E5, E6).

use super::*;

/// One exchange after `previous` (our last offer and the answer to it).
fn round(
    config: &Config,
    transceivers: &[Transceiver],
    previous: &(Session<'static>, Answer),
    options: OfferOptions<'_>,
) -> (Session<'static>, Answer) {
    let (offer_before, answer_before) = previous;
    let options = OfferOptions {
        previous_local: Some(offer_before),
        previous_remote: Some(&answer_before.session),
        ..options
    };
    let offer = offer(config, transceivers, &options).unwrap();
    let answer_options = crate::AnswerOptions {
        previous_answer: Some(&answer_before.session),
        previous_offer: Some(offer_before),
        ..crate::AnswerOptions::default()
    };
    let answer = assert_answerable(&offer, &answer_options);
    (offer, answer)
}

fn first(config: &Config, transceivers: &[Transceiver]) -> (Session<'static>, Answer) {
    let offer = offer(config, transceivers, &OfferOptions::default()).unwrap();
    let answer = assert_answerable(&offer, &crate::AnswerOptions::default());
    (offer, answer)
}

fn with_mid(t: Transceiver, mid: &str) -> Transceiver {
    Transceiver {
        mid: Some(mid.to_owned()),
        ..t
    }
}

/// The formats of section `index`.
fn formats(session: &Session<'_>, index: usize) -> Vec<String> {
    session.media()[index]
        .line()
        .value()
        .split(' ')
        .skip(3)
        .map(str::to_owned)
        .collect()
}

fn ufrags(session: &Session<'_>) -> Vec<String> {
    session
        .media()
        .iter()
        .flat_map(|m| values(m, "ice-ufrag"))
        .collect()
}

/// The three rounds of the brief: add a transceiver, stop one, add one that recycles the slot.
#[test]
fn e4_e5_three_rounds_keep_mids_pts_extmaps_and_credentials() {
    let config = Config::webrtc();
    let r0 = first(&config, &[audio(), video()]);
    let msid0 = values(&r0.0.media()[0], "msid");
    let ssrc0 = values(&r0.0.media()[0], "ssrc");

    // Round 1: add a video transceiver.
    let ts1 = [with_mid(audio(), "0"), with_mid(video(), "1"), video()];
    let r1 = round(&config, &ts1, &r0, OfferOptions::default());
    assert_eq!(mids(&r1.0), ["0", "1", "2"]);
    assert!(r1.0.to_string().contains("a=group:BUNDLE 0 1 2\r\n"));
    // E5: the answer's formats keep their PTs and order, first.
    for index in 0..2 {
        let answered = formats(&r0.1.session, index);
        assert_eq!(formats(&r1.0, index)[..answered.len()], answered[..]);
    }
    assert_eq!(extmap_ids(&r1.0)[..], extmap_ids(&r0.0)[..]);
    assert_eq!(ufrags(&r1.0)[0], ufrags(&r0.0)[0]);
    assert!(ufrags(&r1.0).iter().all(|u| *u == ufrags(&r0.0)[0]));
    assert_eq!(values(&r1.0.media()[0], "msid"), msid0);
    assert_eq!(values(&r1.0.media()[0], "ssrc"), ssrc0);
    // A32: same session id, version + 1; E5: actpass, no bundle-only.
    let (o0, o1) = (r0.0.origin().unwrap(), r1.0.origin().unwrap());
    assert_eq!(o1.session_id, o0.session_id);
    assert_eq!(o1.session_version, "2");
    let text = r1.0.to_string();
    assert!(!text.contains("bundle-only") && !text.contains("rtcp-mux-only"));
    assert!(r1
        .0
        .media()
        .iter()
        .all(|m| values(m, "setup") == ["actpass"]));

    // Round 2: stop the first video.
    let ts2 = [
        with_mid(audio(), "0"),
        Transceiver {
            stopped: true,
            ..with_mid(video(), "1")
        },
        with_mid(video(), "2"),
    ];
    let r2 = round(&config, &ts2, &r1, OfferOptions::default());
    assert_eq!(mids(&r2.0), ["0", "1", "2"]);
    let stopped = &r2.0.media()[1];
    assert_eq!(stopped.port(), Some(0));
    assert!(stopped.has_attribute("inactive") && values(stopped, "msid").is_empty());
    assert!(r2.0.to_string().contains("a=group:BUNDLE 0 2\r\n"));
    assert_eq!(ufrags(&r2.0)[0], ufrags(&r0.0)[0]);

    // Round 3: a new audio transceiver recycles the stopped video slot with a new mid.
    let ts3 = [
        with_mid(audio(), "0"),
        Transceiver {
            stopped: true,
            ..with_mid(video(), "1")
        },
        with_mid(video(), "2"),
        audio(),
    ];
    let r3 = round(&config, &ts3, &r2, OfferOptions::default());
    assert_eq!(mids(&r3.0), ["0", "3", "2"]);
    assert_eq!(r3.0.media()[1].kind(), "audio");
    assert_eq!(r3.0.media()[1].port(), Some(9));
    assert!(r3.0.to_string().contains("a=group:BUNDLE 0 2 3\r\n"));
    assert_eq!(formats(&r3.0, 0), formats(&r2.0, 0));
    assert_eq!(formats(&r3.0, 2), formats(&r2.0, 2));
    // The recycled audio section uses the audio PTs of section 0 (one space, B16).
    let sorted = |index: usize| {
        let mut maps = values(&r3.0.media()[index], "rtpmap");
        maps.sort();
        maps
    };
    assert_eq!(sorted(1), sorted(0));
    assert_eq!(extmap_ids(&r3.0)[..], extmap_ids(&r0.0)[..]);
    assert_eq!(ufrags(&r3.0)[0], ufrags(&r0.0)[0]);
    assert_eq!(r3.0.origin().unwrap().session_version, "4");
}

#[test]
fn e4_never_shrink_an_unlisted_transceiver_keeps_its_slot_at_port_0() {
    let config = Config::webrtc();
    let r0 = first(&config, &[audio(), video()]);
    let r1 = round(
        &config,
        &[with_mid(audio(), "0")],
        &r0,
        OfferOptions::default(),
    );
    assert_eq!(mids(&r1.0), ["0", "1"]);
    assert_eq!(r1.0.media()[1].port(), Some(0));
    assert_eq!(r1.0.media()[1].kind(), "video");
}

#[test]
fn e4_data_section_is_not_recycled_into_rtp() {
    let config = Config::webrtc();
    let data = OfferOptions {
        data_channel: true,
        ..OfferOptions::default()
    };
    let offer0 = offer(&config, &[audio()], &data).unwrap();
    let r0 = (
        offer0.clone(),
        assert_answerable(&offer0, &crate::AnswerOptions::default()),
    );
    // Data channel closed: its slot stays at port 0.
    let r1 = round(
        &config,
        &[with_mid(audio(), "0")],
        &r0,
        OfferOptions::default(),
    );
    assert_eq!(r1.0.media()[1].port(), Some(0));
    assert_eq!(r1.0.media()[1].kind(), "application");
    // A new audio transceiver is appended, not put in the data slot.
    let r2 = round(
        &config,
        &[with_mid(audio(), "0"), audio()],
        &r1,
        OfferOptions::default(),
    );
    assert_eq!(mids(&r2.0), ["0", "1", "2"]);
    assert_eq!(r2.0.media()[1].kind(), "application");
    assert_eq!(r2.0.media()[2].kind(), "audio");
    // A new data channel recycles the data slot with a new mid.
    let r3 = round(
        &config,
        &[with_mid(audio(), "0"), with_mid(audio(), "2")],
        &r2,
        data,
    );
    assert_eq!(mids(&r3.0), ["0", "3", "2"]);
    assert_eq!(r3.0.media()[1].port(), Some(9));
}

#[test]
fn e6_ice_restart_changes_credentials_of_all_transports_only() {
    let config = Config::webrtc();
    let r0 = first(&config, &[audio(), video()]);
    let ts = [with_mid(audio(), "0"), with_mid(video(), "1")];
    let restart = OfferOptions {
        ice_restart: true,
        ..OfferOptions::default()
    };
    let r1 = round(&config, &ts, &r0, restart);
    let (before, after) = (ufrags(&r0.0), ufrags(&r1.0));
    assert_eq!(before.len(), after.len());
    assert!(before.iter().zip(&after).all(|(b, a)| b != a));
    assert!(after.iter().all(|u| *u == after[0]));
    let pwd = |s: &Session<'_>| values(&s.media()[0], "ice-pwd");
    assert_ne!(pwd(&r0.0), pwd(&r1.0));
    // Only the credentials: mids, formats, extmap ids and SSRCs stay.
    assert_eq!(mids(&r1.0), mids(&r0.0));
    assert_eq!(extmap_ids(&r1.0), extmap_ids(&r0.0));
    for index in 0..2 {
        let answered = formats(&r0.1.session, index);
        assert_eq!(formats(&r1.0, index)[..answered.len()], answered[..]);
        assert_eq!(
            values(&r1.0.media()[index], "ssrc"),
            values(&r0.0.media()[index], "ssrc")
        );
    }
    // The answerer saw the restart (E6).
    let SectionOutcome::Accepted(s) = &r1.1.negotiated.sections[0] else {
        panic!()
    };
    assert!(s.transport.ice_restart);
    // Without restart, the next offer keeps the new credentials.
    let r2 = round(&config, &ts, &r1, OfferOptions::default());
    assert_eq!(ufrags(&r2.0), after);
}

#[test]
fn e5_remote_offer_then_our_offer_keeps_the_remote_pts() {
    // We answered a Chrome offer; our next offer keeps Chrome's PTs and extmap ids.
    let chrome = include_str!("../../../../benches/data/chrome_offer.sdp");
    let remote = Session::parse(chrome).unwrap().into_owned();
    let config = Config::webrtc();
    let ours = crate::answer(&remote, &config).unwrap();
    let mids_before = mids(&remote);
    let ts: Vec<Transceiver> = remote
        .media()
        .iter()
        .filter(|m| m.kind() != "application")
        .map(|m| {
            let kind = if m.kind() == "audio" {
                MediaKind::Audio
            } else {
                MediaKind::Video
            };
            with_mid(
                Transceiver::new(kind, Direction::SendRecv),
                m.mid().unwrap(),
            )
        })
        .collect();
    let options = OfferOptions {
        previous_local: Some(&ours.session),
        previous_remote: Some(&remote),
        data_channel: remote.media().iter().any(|m| m.kind() == "application"),
        ..OfferOptions::default()
    };
    let next = offer(&config, &ts, &options).unwrap();
    assert_eq!(mids(&next), mids_before);
    for (index, m) in ours.session.media().iter().enumerate() {
        if m.kind() == "application" {
            continue;
        }
        let answered = formats(&ours.session, index);
        assert_eq!(formats(&next, index)[..answered.len()], answered[..]);
    }
    let chrome_ids = extmap_ids(&remote);
    for (uri, id) in extmap_ids(&next) {
        if let Some((_, theirs)) = chrome_ids.iter().find(|(u, _)| *u == uri) {
            assert_eq!(*theirs, id, "{uri}");
        }
    }
    // o= continues our answer's session.
    assert_eq!(
        next.origin().unwrap().session_id,
        ours.session.origin().unwrap().session_id
    );
    assert_answerable(&next, &crate::AnswerOptions::default());
}
