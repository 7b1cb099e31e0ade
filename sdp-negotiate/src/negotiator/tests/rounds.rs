//! Renegotiation between two negotiators: fixed rounds (E4, E5) and random ones (proptest).

use proptest::prelude::*;
use sdp_core::attr::direction::Direction;

use super::*;

/// Both sides agree: same mids, A's direction is the reverse of B's, same codecs, same header
/// extensions with reversed directions.
fn assert_agree(a: &Negotiator, b: &Negotiator) {
    assert_eq!(a.state(), SignalingState::Stable);
    assert_eq!(b.state(), SignalingState::Stable);
    let view = |n: &Negotiator| {
        n.negotiated()
            .unwrap()
            .accepted()
            .map(|s| {
                (
                    s.mid.clone(),
                    s.direction,
                    s.transport.dtls_role,
                    s.codecs
                        .iter()
                        .map(|c| (c.payload_type, c.name.to_ascii_lowercase()))
                        .collect::<Vec<_>>(),
                    s.extensions
                        .iter()
                        .map(|e| (e.id, e.uri.clone(), e.direction))
                        .collect::<Vec<_>>(),
                )
            })
            .collect::<Vec<_>>()
    };
    let (va, vb) = (view(a), view(b));
    assert_eq!(va.len(), vb.len(), "{va:?} {vb:?}");
    for (x, y) in va.iter().zip(&vb) {
        assert_eq!(x.0, y.0);
        assert_eq!(x.1, y.1.reversed(), "mid {:?}", x.0);
        assert_ne!(x.2, y.2, "DTLS roles are opposite, mid {:?}", x.0);
        assert_eq!(x.3, y.3, "mid {:?}", x.0);
        let reversed: Vec<_> =
            y.4.iter()
                .map(|(id, uri, d)| (*id, uri.clone(), d.reversed()))
                .collect();
        assert_eq!(x.4, reversed, "extensions, mid {:?}", x.0);
    }
}

#[test]
fn e6_an_ice_restart_is_marked_in_both_views() {
    let (mut a, mut b) = pair();
    let ts = vec![audio("a")];
    exchange(&mut a, &mut b, &ts, false);
    assert!(a
        .negotiated()
        .unwrap()
        .accepted()
        .all(|s| !s.transport.ice_restart));
    assert!(a
        .negotiated()
        .unwrap()
        .accepted()
        .all(|s| !s.extensions.is_empty()));
    exchange(&mut a, &mut b, &ts, true);
    assert_agree(&a, &b);
    assert!(a
        .negotiated()
        .unwrap()
        .accepted()
        .all(|s| s.transport.ice_restart));
    assert!(b
        .negotiated()
        .unwrap()
        .accepted()
        .all(|s| s.transport.ice_restart));
}

#[test]
fn e4_e5_three_rounds_add_stop_and_recycle_end_stable_and_agreeing() {
    let (mut a, mut b) = pair();
    let mut ts = vec![audio("a")];
    exchange(&mut a, &mut b, &ts, false);
    assert_agree(&a, &b);
    // Round 2: add a video transceiver.
    let mut video = Transceiver::new(MediaKind::Video, Direction::SendOnly);
    video.mid = Some("v".into());
    ts.push(video);
    exchange(&mut a, &mut b, &ts, false);
    assert_agree(&a, &b);
    assert_eq!(a.negotiated().unwrap().accepted().count(), 2);
    // Round 3: stop the audio one.
    if let Some(t) = ts.get_mut(0) {
        t.stopped = true;
    }
    exchange(&mut a, &mut b, &ts, false);
    assert_agree(&a, &b);
    assert_eq!(a.negotiated().unwrap().accepted().count(), 1);
    // Round 4: a new transceiver recycles the stopped slot (E4) with a new mid.
    ts.remove(0);
    let mut again = Transceiver::new(MediaKind::Video, Direction::RecvOnly);
    again.mid = Some("w".into());
    ts.push(again);
    exchange(&mut a, &mut b, &ts, false);
    assert_agree(&a, &b);
    let local = a.current_local().unwrap();
    assert_eq!(local.media().len(), 2, "the stopped slot is recycled");
    assert_eq!(local.media()[0].mid(), Some("w"));
}

#[derive(Debug, Clone)]
enum Op {
    Add(bool),
    Stop(usize),
    Direction(usize, u8),
    RestartIce,
    DataChannel,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        any::<bool>().prop_map(Op::Add),
        (0usize..8).prop_map(Op::Stop),
        (0usize..8, 0u8..4).prop_map(|(i, d)| Op::Direction(i, d)),
        Just(Op::RestartIce),
        Just(Op::DataChannel),
    ]
}

/// A transceiver known to both sides, with each side's wanted direction.
struct Shared {
    kind: MediaKind,
    mid: String,
    dir: [Direction; 2],
    stopped: bool,
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn e1_random_renegotiations_end_stable_and_agreeing(ops in proptest::collection::vec(op(), 1..6)) {
        let mut sides = [Negotiator::new(Config::webrtc()), Negotiator::new(Config::webrtc())];
        let mut shared: Vec<Shared> = Vec::new();
        let mut data = false;
        let mut next = 0;
        for (round, op) in ops.iter().enumerate() {
            let offerer = round % 2;
            let answerer = 1 - offerer;
            let mut restart = false;
            match op {
                Op::Add(video) => {
                    next += 1;
                    shared.push(Shared {
                        kind: if *video { MediaKind::Video } else { MediaKind::Audio },
                        mid: format!("m{next}"),
                        dir: [Direction::SendRecv; 2],
                        stopped: false,
                    });
                }
                Op::Stop(i) => {
                    let len = shared.len();
                    if let Some(t) = shared.get_mut(i % len.max(1)) {
                        t.stopped = true;
                    }
                }
                Op::Direction(i, d) => {
                    let len = shared.len();
                    if let Some(t) = shared.get_mut(i % len.max(1)) {
                        t.dir[offerer] = Direction::ALL[usize::from(*d) % 4];
                    }
                }
                Op::RestartIce => restart = true,
                Op::DataChannel => data = true,
            }
            let ts: Vec<Transceiver> = shared
                .iter()
                .map(|t| Transceiver {
                    mid: Some(t.mid.clone()),
                    stopped: t.stopped,
                    ..Transceiver::new(t.kind, t.dir[offerer])
                })
                .collect();
            let [x, y] = &mut sides;
            let (o, an) = if offerer == 0 { (x, y) } else { (y, x) };
            let offer = o.create_offer(&ts, restart, data).unwrap();
            o.set_local(SdpType::Offer, offer.clone()).unwrap();
            an.set_remote(SdpType::Offer, offer).unwrap();
            let stopped: Vec<String> = shared.iter().filter(|t| t.stopped).map(|t| t.mid.clone()).collect();
            let dirs = shared.iter().map(|t| (t.mid.clone(), t.dir[answerer])).collect();
            let ans = an.create_answer_with(&stopped, dirs).unwrap();
            an.set_local(SdpType::Answer, ans.session.clone()).unwrap();
            o.set_remote(SdpType::Answer, ans.session).unwrap();
            assert_agree(&sides[0], &sides[1]);
            // A stopped transceiver is gone once negotiated (its slot may be recycled, E4).
            shared.retain(|t| !t.stopped);
        }
    }
}
