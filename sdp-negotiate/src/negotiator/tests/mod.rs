//! Tests of the signalling state machine, named after the rules (E1, E2, E3, E6, E7).

use sdp_core::attr::direction::Direction;
use sdp_core::Session;

use super::*;
use crate::config::MediaKind;
use crate::negotiated::SectionOutcome;

mod rounds;

fn audio(mid: &str) -> Transceiver {
    Transceiver {
        mid: Some(mid.to_owned()),
        ..Transceiver::new(MediaKind::Audio, Direction::SendRecv)
    }
}

fn pair() -> (Negotiator, Negotiator) {
    (
        Negotiator::new(Config::webrtc()),
        Negotiator::new(Config::webrtc()),
    )
}

/// An offer from a scratch negotiator.
fn some_offer() -> Session<'static> {
    Negotiator::new(Config::webrtc())
        .create_offer(&[audio("a")], false, false)
        .unwrap()
}

/// Puts `n` in `state` (with a peer to make answers).
fn into_state(state: SignalingState) -> Negotiator {
    let (mut a, mut b) = pair();
    let offer = a.create_offer(&[audio("a")], false, false).unwrap();
    match state {
        SignalingState::Stable => {}
        SignalingState::HaveLocalOffer => {
            a.set_local(SdpType::Offer, offer).unwrap();
        }
        SignalingState::HaveRemoteOffer | SignalingState::HaveLocalPranswer => {
            b.set_remote(SdpType::Offer, offer).unwrap();
            if state == SignalingState::HaveLocalPranswer {
                let ans = b.create_answer().unwrap();
                b.set_local(SdpType::Pranswer, ans.session).unwrap();
            }
            return b;
        }
        SignalingState::HaveRemotePranswer => {
            a.set_local(SdpType::Offer, offer.clone()).unwrap();
            b.set_remote(SdpType::Offer, offer).unwrap();
            let ans = b.create_answer().unwrap();
            a.set_remote(SdpType::Pranswer, ans.session).unwrap();
        }
    }
    assert_eq!(a.state(), state);
    a
}

/// An answer to `n`'s pending local offer.
fn answer_for(n: &Negotiator) -> Session<'static> {
    let mut b = Negotiator::new(Config::webrtc());
    b.set_remote(SdpType::Offer, n.pending_local().unwrap().clone())
        .unwrap();
    b.create_answer().unwrap().session
}

/// An answer to `n`'s pending remote offer.
fn own_answer(n: &mut Negotiator) -> Session<'static> {
    n.create_answer().unwrap().session
}

const ALL: [SignalingState; 5] = [
    SignalingState::Stable,
    SignalingState::HaveLocalOffer,
    SignalingState::HaveRemoteOffer,
    SignalingState::HaveLocalPranswer,
    SignalingState::HaveRemotePranswer,
];

#[test]
fn e1_every_allowed_transition_reaches_its_next_state() {
    use SdpType::*;
    use SignalingState::*;
    let rows: [(SignalingState, Side, SdpType, SignalingState); 12] = [
        (Stable, Side::Local, Offer, HaveLocalOffer),
        (Stable, Side::Remote, Offer, HaveRemoteOffer),
        (HaveLocalOffer, Side::Local, Offer, HaveLocalOffer),
        (HaveLocalOffer, Side::Remote, Pranswer, HaveRemotePranswer),
        (HaveLocalOffer, Side::Remote, Answer, Stable),
        (HaveRemoteOffer, Side::Remote, Offer, HaveRemoteOffer),
        (HaveRemoteOffer, Side::Local, Pranswer, HaveLocalPranswer),
        (HaveRemoteOffer, Side::Local, Answer, Stable),
        (HaveLocalPranswer, Side::Local, Pranswer, HaveLocalPranswer),
        (HaveLocalPranswer, Side::Local, Answer, Stable),
        (
            HaveRemotePranswer,
            Side::Remote,
            Pranswer,
            HaveRemotePranswer,
        ),
        (HaveRemotePranswer, Side::Remote, Answer, Stable),
    ];
    for (from, side, kind, to) in rows {
        let mut n = into_state(from);
        let sdp = match (side, kind) {
            (_, Offer) => some_offer(),
            (Side::Remote, _) => answer_for(&n),
            (Side::Local, _) => own_answer(&mut n),
        };
        let result = match side {
            Side::Local => n.set_local(kind, sdp),
            Side::Remote => n.set_remote(kind, sdp),
        };
        assert!(result.is_ok(), "{from} {side:?} {kind}: {result:?}");
        assert_eq!(n.state(), to, "{from} {side:?} {kind}");
    }
}

#[test]
fn e1_every_other_transition_is_refused_with_invalid_state() {
    for from in ALL {
        for side in [Side::Local, Side::Remote] {
            for kind in [SdpType::Offer, SdpType::Pranswer, SdpType::Answer] {
                if state::next_state(from, side, kind).is_some() {
                    continue;
                }
                let mut n = into_state(from);
                n.implicit_rollback = false;
                let result = match side {
                    Side::Local => n.set_local(kind, some_offer()),
                    Side::Remote => n.set_remote(kind, some_offer()),
                };
                assert!(
                    matches!(result, Err(NegotiationError::InvalidState { state, .. }) if state == from),
                    "{from} {side:?} {kind}: {result:?}"
                );
                assert_eq!(n.state(), from);
            }
        }
    }
}

#[test]
fn e1_create_offer_and_create_answer_only_in_their_states() {
    for from in ALL {
        let mut n = into_state(from);
        let offer_ok = n.create_offer(&[audio("a")], false, false).is_ok();
        assert_eq!(
            offer_ok,
            matches!(
                from,
                SignalingState::Stable | SignalingState::HaveLocalOffer
            ),
            "{from}"
        );
        let mut n = into_state(from);
        let answer_ok = n.create_answer().is_ok();
        assert_eq!(
            answer_ok,
            matches!(
                from,
                SignalingState::HaveRemoteOffer | SignalingState::HaveLocalPranswer
            ),
            "{from}"
        );
    }
}

#[test]
fn e2_rollback_from_each_non_stable_state_returns_to_stable() {
    for from in ALL.into_iter().skip(1) {
        let mut n = into_state(from);
        assert_eq!(n.rollback().unwrap(), vec![Event::Rollback], "{from}");
        assert_eq!(n.state(), SignalingState::Stable);
        assert!(n.pending_local().is_none() && n.pending_remote().is_none());
    }
}

#[test]
fn e2_rollback_in_stable_is_refused() {
    let mut n = into_state(SignalingState::Stable);
    assert!(matches!(
        n.rollback(),
        Err(NegotiationError::InvalidState {
            state: SignalingState::Stable,
            ..
        })
    ));
    assert!(matches!(
        n.set_local(SdpType::Rollback, some_offer()),
        Err(NegotiationError::InvalidState { .. })
    ));
}

#[test]
fn e3_glare_with_implicit_rollback_rolls_our_offer_back() {
    let mut n = into_state(SignalingState::HaveLocalOffer);
    let events = n.set_remote(SdpType::Offer, some_offer()).unwrap();
    assert_eq!(events, vec![Event::Rollback]);
    assert_eq!(n.state(), SignalingState::HaveRemoteOffer);
    assert!(n.pending_local().is_none());
    assert!(n.create_answer().is_ok());
}

#[test]
fn e3_glare_without_implicit_rollback_is_refused() {
    let mut n = into_state(SignalingState::HaveLocalOffer);
    n.implicit_rollback = false;
    assert!(matches!(
        n.set_remote(SdpType::Offer, some_offer()),
        Err(NegotiationError::InvalidState {
            state: SignalingState::HaveLocalOffer,
            ..
        })
    ));
    assert_eq!(n.state(), SignalingState::HaveLocalOffer);
}

/// One exchange: `a` offers `transceivers`, `b` answers.
fn exchange(
    a: &mut Negotiator,
    b: &mut Negotiator,
    transceivers: &[Transceiver],
    ice_restart: bool,
) -> (Vec<Event>, Vec<Event>) {
    let offer = a.create_offer(transceivers, ice_restart, false).unwrap();
    a.set_local(SdpType::Offer, offer.clone()).unwrap();
    let mut b_events = b.set_remote(SdpType::Offer, offer).unwrap();
    let ans = b.create_answer().unwrap();
    b_events.extend(b.set_local(SdpType::Answer, ans.session.clone()).unwrap());
    let a_events = a.set_remote(SdpType::Answer, ans.session).unwrap();
    (a_events, b_events)
}

#[test]
fn e6_remote_offer_with_new_credentials_restarts_ice_on_all_transports() {
    let (mut a, mut b) = pair();
    let ts = [audio("a"), audio("b")];
    exchange(&mut a, &mut b, &ts, false);
    let (_, b_events) = exchange(&mut a, &mut b, &ts, false);
    assert!(!b_events
        .iter()
        .any(|e| matches!(e, Event::IceRestart { .. })));
    let (a_events, b_events) = exchange(&mut a, &mut b, &ts, true);
    assert!(
        b_events.contains(&Event::IceRestart {
            mids: vec!["a".into(), "b".into()]
        }),
        "{b_events:?}"
    );
    assert!(a_events.contains(&Event::Negotiated));
    assert_eq!(a.state(), SignalingState::Stable);
}

#[test]
fn e6_a_remote_answer_that_restarts_ice_unasked_is_refused() {
    let (mut a, mut b) = pair();
    let ts = [audio("a")];
    exchange(&mut a, &mut b, &ts, false);
    let offer = a.create_offer(&ts, false, false).unwrap();
    a.set_local(SdpType::Offer, offer.clone()).unwrap();
    // A fresh answerer answers with new credentials although the offer did not restart.
    let mut c = Negotiator::new(Config::webrtc());
    c.set_remote(SdpType::Offer, offer).unwrap();
    let ans = c.create_answer().unwrap().session;
    let result = a.set_remote(SdpType::Answer, ans);
    assert!(
        matches!(&result, Err(NegotiationError::RemoteInvalid { reason, .. }) if reason.contains("F")),
        "{result:?}"
    );
    assert_eq!(a.state(), SignalingState::HaveLocalOffer);
}

#[test]
fn e7_a_new_fingerprint_without_ice_restart_is_refused() {
    let (mut a, mut b) = pair();
    let ts = [audio("a")];
    exchange(&mut a, &mut b, &ts, false);
    // A new endpoint (new certificate) reusing a's ICE credentials.
    let offer = a.create_offer(&ts, false, false).unwrap().to_string();
    let mut other = Negotiator::new(Config::webrtc());
    let other_offer = other.create_offer(&ts, false, false).unwrap().to_string();
    let fp = |s: &str| {
        s.lines()
            .find(|l| l.starts_with("a=fingerprint:"))
            .unwrap()
            .to_owned()
    };
    let forged = offer.replace(&fp(&offer), &fp(&other_offer));
    let forged = Session::parse(&forged).unwrap().into_owned();
    let result = b.set_remote(SdpType::Offer, forged);
    assert!(
        matches!(&result, Err(NegotiationError::RemoteInvalid { reason, .. }) if reason.contains("E7")),
        "{result:?}"
    );
    assert_eq!(b.state(), SignalingState::Stable);
}

#[test]
fn e1_applied_answer_yields_the_answer_engines_view() {
    let (mut a, mut b) = pair();
    let mut video = Transceiver::new(MediaKind::Video, Direction::SendOnly);
    video.mid = Some("v".into());
    exchange(&mut a, &mut b, &[audio("a"), video], false);
    let na = a.negotiated().unwrap();
    let nb = b.negotiated().unwrap();
    assert_eq!(na.sections.len(), 2);
    for (x, y) in na.accepted().zip(nb.accepted()) {
        assert_eq!(x.mid, y.mid);
        assert_eq!(x.direction, y.direction.reversed());
        let pts = |s: &crate::negotiated::AcceptedSection| {
            s.codecs.iter().map(|c| c.payload_type).collect::<Vec<_>>()
        };
        assert_eq!(pts(x), pts(y));
        assert_ne!(x.transport.dtls_role, y.transport.dtls_role);
    }
    assert!(matches!(na.sections[1], SectionOutcome::Accepted(_)));
}

#[test]
fn e1_a_pranswer_is_checked_and_applied_like_an_answer() {
    let mut a = into_state(SignalingState::HaveLocalOffer);
    let ans = answer_for(&a);
    let events = a.set_remote(SdpType::Pranswer, ans.clone()).unwrap();
    assert_eq!(events, vec![Event::ProvisionalNegotiated]);
    assert!(a.negotiated().is_some());
    assert!(a.current_remote().is_none(), "a pranswer is pending");
    let events = a.set_remote(SdpType::Answer, ans).unwrap();
    assert_eq!(events, vec![Event::Negotiated]);
    assert!(a.current_remote().is_some() && a.pending_local().is_none());
}

#[test]
fn e1_an_answer_with_an_error_violation_is_refused_and_the_state_kept() {
    let mut a = into_state(SignalingState::HaveLocalOffer);
    // An answer with a mid the offer never had (a structure error of the checker).
    let ans = answer_for(&a).to_string().replace("a=mid:a", "a=mid:zz");
    let ans = Session::parse(&ans).unwrap().into_owned();
    let result = a.set_remote(SdpType::Answer, ans);
    assert!(
        matches!(&result, Err(NegotiationError::RemoteInvalid { reason, .. }) if reason.contains("rules F")),
        "{result:?}"
    );
    assert_eq!(a.state(), SignalingState::HaveLocalOffer);
    assert!(a.negotiated().is_none());
}
