//! `negotiator`: two [`Negotiator`]s driven through an arbitrary sequence of signalling
//! operations (structure-aware: the fuzzer mutates a list of [`Op`]s, not bytes). Besides
//! panics it looks for three kinds of bug:
//!
//! - a state whose pending descriptions do not match it (rulebook E1);
//! - an offer or answer the engine created that does not parse strictly or write back;
//! - an honest exchange refused: an answer created by the peer for exactly our pending offer,
//!   with both sides agreeing on the previous exchange, must be accepted, and so must an offer
//!   made from the same shared history when we are stable.

use std::sync::OnceLock;

use arbitrary::Arbitrary;
use sdp_core::attr::direction::Direction;
use sdp_core::{ParseOptions, Session};
use sdp_negotiate::{Config, MediaKind, Negotiator, SdpType, SignalingState, Transceiver};

/// Operations per case and transceivers per offer: enough for several rounds with changes,
/// few enough that a case runs in milliseconds.
const MAX_OPS: usize = 32;
const MAX_TRANSCEIVERS: usize = 6;

/// A whole case: the peers' configurations and what happens to them.
#[derive(Debug, Arbitrary)]
pub struct Scenario {
    /// Whether A (then B) is a SIP phone rather than a browser-like endpoint.
    sip: (bool, bool),
    ops: Vec<Op>,
}

/// One peer; the other is its remote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Arbitrary)]
pub enum Peer {
    /// The first negotiator.
    A,
    /// The second negotiator.
    B,
}

/// The description types, as the API takes them.
#[derive(Debug, Clone, Copy, Arbitrary)]
pub enum Kind {
    /// `offer`.
    Offer,
    /// `pranswer`.
    Pranswer,
    /// `answer`.
    Answer,
    /// `rollback`.
    Rollback,
}

impl From<Kind> for SdpType {
    fn from(kind: Kind) -> SdpType {
        match kind {
            Kind::Offer => SdpType::Offer,
            Kind::Pranswer => SdpType::Pranswer,
            Kind::Answer => SdpType::Answer,
            Kind::Rollback => SdpType::Rollback,
        }
    }
}

/// A transceiver as the fuzzer describes it.
#[derive(Debug, Clone, Arbitrary)]
pub struct ArbTransceiver {
    kind: u8,
    direction: u8,
    rids: u8,
    msid: bool,
    stopped: bool,
    /// Reuse the mid of the n-th section of the current local description, or a fresh one.
    mid: Option<u8>,
}

/// A change to a description on its way to the peer (a buggy or hostile remote).
#[derive(Debug, Clone, Arbitrary)]
pub enum Edit {
    /// Drop line n (modulo the number of lines).
    Delete(u16),
    /// Repeat line n.
    Duplicate(u16),
    /// Replace line n with this text.
    Replace(u16, String),
    /// Insert this text before line n.
    Insert(u16, String),
    /// Swap two lines.
    Swap(u16, u16),
}

/// One signalling operation.
#[derive(Debug, Clone, Arbitrary)]
pub enum Op {
    /// `create_offer` (kept as the peer's last created description).
    CreateOffer {
        peer: Peer,
        transceivers: Vec<ArbTransceiver>,
        ice_restart: bool,
        data_channel: bool,
    },
    /// `create_answer_with`, stopping and redirecting some of the remote offer's sections.
    CreateAnswer {
        peer: Peer,
        stopped: Vec<u8>,
        directions: Vec<(u8, u8)>,
    },
    /// `set_local` with the peer's last created description.
    SetLocal { peer: Peer, kind: Kind },
    /// `set_remote` on `peer` with the other peer's last created description.
    SetRemote { peer: Peer, kind: Kind },
    /// `set_remote` with the other peer's last created description after an edit.
    SetRemoteEdited { peer: Peer, kind: Kind, edit: Edit },
    /// `rollback`.
    Rollback { peer: Peer },
    /// Turns implicit rollback (E3) on or off.
    ImplicitRollback { peer: Peer, on: bool },
}

/// A description a peer created, and the history it was created from.
#[derive(Clone)]
struct Created {
    session: Session<'static>,
    /// The offer it answers (for an answer).
    answers: Option<Session<'static>>,
    /// The creator's (current local, current remote) at the time.
    history: History,
}

type History = (Option<Session<'static>>, Option<Session<'static>>);

struct Side {
    negotiator: Negotiator,
    created: Option<Created>,
}

fn configs() -> &'static [Config; 2] {
    // `Config::webrtc()` generates a certificate: once per process, not per case.
    static CONFIGS: OnceLock<[Config; 2]> = OnceLock::new();
    CONFIGS.get_or_init(|| [Config::webrtc(), Config::sip_phone()])
}

fn history(n: &Negotiator) -> History {
    (n.current_local().cloned(), n.current_remote().cloned())
}

fn direction(n: u8) -> Direction {
    match n % 4 {
        0 => Direction::SendRecv,
        1 => Direction::SendOnly,
        2 => Direction::RecvOnly,
        _ => Direction::Inactive,
    }
}

fn transceiver(t: &ArbTransceiver, local: Option<&Session<'_>>) -> Transceiver {
    let kind = match t.kind % 5 {
        0 | 1 => MediaKind::Audio,
        2 | 3 => MediaKind::Video,
        _ => MediaKind::Application,
    };
    let mid = t.mid.map(|i| {
        local
            .and_then(|l| l.media().get(usize::from(i) % l.media().len().max(1)))
            .and_then(|m| m.mid())
            .map_or_else(|| format!("m{i}"), str::to_owned)
    });
    Transceiver {
        kind,
        direction: direction(t.direction),
        send_rids: (0..t.rids % 4).map(|i| format!("r{i}")).collect(),
        msid: t.msid.then(|| ("stream".to_owned(), "track".to_owned())),
        stopped: t.stopped,
        mid,
    }
}

/// The engine's own output must be well-formed.
fn check_created(session: &Session<'_>, what: &str) {
    let text = session.to_string();
    match Session::parse_with(&text, &ParseOptions::strict()) {
        Ok(parsed) => assert_eq!(
            parsed.session.to_string(),
            text,
            "{what} does not write back"
        ),
        Err(e) => panic!("{what} does not parse strictly: {e}\n{text}"),
    }
}

/// The pending descriptions match the state (JSEP §3.2, rulebook E1).
fn check_state(n: &Negotiator) {
    let (local, remote) = (n.pending_local().is_some(), n.pending_remote().is_some());
    let expected = match n.state() {
        SignalingState::Stable => (false, false),
        SignalingState::HaveLocalOffer => (true, false),
        SignalingState::HaveRemoteOffer => (false, true),
        SignalingState::HaveLocalPranswer | SignalingState::HaveRemotePranswer => (true, true),
    };
    assert_eq!(
        (local, remote),
        expected,
        "pending (local, remote) do not match {}",
        n.state()
    );
}

fn edited(session: &Session<'_>, edit: &Edit) -> Option<Session<'static>> {
    let text = session.to_string();
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_owned).collect();
    if lines.is_empty() {
        return None;
    }
    let at = |n: &u16| usize::from(*n) % lines.len();
    match edit {
        Edit::Delete(n) => {
            let i = at(n);
            lines.remove(i);
        }
        Edit::Duplicate(n) => {
            let i = at(n);
            let line = lines[i].clone();
            lines.insert(i, line);
        }
        Edit::Replace(n, new) => {
            let i = at(n);
            lines[i] = format!("{new}\r\n");
        }
        Edit::Insert(n, new) => {
            let i = at(n);
            lines.insert(i, format!("{new}\r\n"));
        }
        Edit::Swap(x, y) => {
            let (i, j) = (at(x), at(y));
            lines.swap(i, j);
        }
    }
    let text = lines.concat();
    Session::parse(&text).ok().map(Session::into_owned)
}

/// What a case did, for tests of the target itself.
#[derive(Debug, PartialEq, Eq)]
pub struct Outcome {
    /// The peers' states at the end.
    pub states: [SignalingState; 2],
    /// How many deliveries were honest (so their acceptance was checked).
    pub honest: usize,
}

/// Runs the target on one case.
pub fn run(scenario: Scenario) -> Outcome {
    let configs = configs();
    let config = |sip: bool| configs[usize::from(sip)].clone();
    let mut sides = [
        Side {
            negotiator: Negotiator::new(config(scenario.sip.0)),
            created: None,
        },
        Side {
            negotiator: Negotiator::new(config(scenario.sip.1)),
            created: None,
        },
    ];
    let mut honest = 0;
    for op in scenario.ops.iter().take(MAX_OPS) {
        honest += usize::from(step(&mut sides, op));
        for side in &sides {
            check_state(&side.negotiator);
        }
    }
    Outcome {
        states: [sides[0].negotiator.state(), sides[1].negotiator.state()],
        honest,
    }
}

fn index(peer: Peer) -> (usize, usize) {
    match peer {
        Peer::A => (0, 1),
        Peer::B => (1, 0),
    }
}

/// Applies one operation; `true` when it was an honest delivery, whose acceptance is checked.
fn step(sides: &mut [Side; 2], op: &Op) -> bool {
    match op {
        Op::CreateOffer {
            peer,
            transceivers,
            ice_restart,
            data_channel,
        } => {
            let side = &mut sides[index(*peer).0];
            let local = side.negotiator.current_local().cloned();
            let list: Vec<Transceiver> = transceivers
                .iter()
                .take(MAX_TRANSCEIVERS)
                .map(|t| transceiver(t, local.as_ref()))
                .collect();
            if let Ok(offer) = side
                .negotiator
                .create_offer(&list, *ice_restart, *data_channel)
            {
                check_created(&offer, "a created offer");
                side.created = Some(Created {
                    session: offer,
                    answers: None,
                    history: history(&side.negotiator),
                });
            }
        }
        Op::CreateAnswer {
            peer,
            stopped,
            directions,
        } => {
            let side = &mut sides[index(*peer).0];
            let offer = side.negotiator.pending_remote().cloned();
            let mid_of = |i: u8| -> Option<String> {
                let offer = offer.as_ref()?;
                let media = offer
                    .media()
                    .get(usize::from(i) % offer.media().len().max(1))?;
                media.mid().map(str::to_owned)
            };
            let stopped: Vec<String> = stopped.iter().take(4).filter_map(|&i| mid_of(i)).collect();
            let directions: Vec<(String, Direction)> = directions
                .iter()
                .take(4)
                .filter_map(|&(i, d)| Some((mid_of(i)?, direction(d))))
                .collect();
            if let Ok(answer) = side.negotiator.create_answer_with(&stopped, directions) {
                check_created(&answer.session, "a created answer");
                side.created = Some(Created {
                    session: answer.session,
                    answers: offer,
                    history: history(&side.negotiator),
                });
            }
        }
        Op::SetLocal { peer, kind } => {
            let side = &mut sides[index(*peer).0];
            if let Some(created) = &side.created {
                let _ = side
                    .negotiator
                    .set_local((*kind).into(), created.session.clone());
            }
        }
        Op::SetRemote { peer, kind } => {
            let (me, them) = index(*peer);
            let Some(created) = sides[them].created.clone() else {
                return false;
            };
            let honest = honest(&sides[me].negotiator, &created, *kind);
            let result = sides[me]
                .negotiator
                .set_remote((*kind).into(), created.session.clone());
            if honest {
                if let Err(e) = result {
                    panic!("an honest {kind:?} was refused: {e}\n{}", created.session);
                }
            }
            return honest;
        }
        Op::SetRemoteEdited { peer, kind, edit } => {
            let (me, them) = index(*peer);
            let Some(created) = &sides[them].created else {
                return false;
            };
            if let Some(session) = edited(&created.session, edit) {
                let _ = sides[me].negotiator.set_remote((*kind).into(), session);
            }
        }
        Op::Rollback { peer } => {
            let _ = sides[index(*peer).0].negotiator.rollback();
        }
        Op::ImplicitRollback { peer, on } => {
            sides[index(*peer).0].negotiator.implicit_rollback = *on;
        }
    }
    false
}

/// Whether delivering `created` (made by the other peer) to `me` as `kind` follows the
/// protocol, so that refusing it would be a bug.
fn honest(me: &Negotiator, created: &Created, kind: Kind) -> bool {
    // The description was made from the history `me` has (mirrored): both sides agreed on the
    // last exchange when it was made.
    let (their_local, their_remote) = &created.history;
    if me.current_local() != their_remote.as_ref() || me.current_remote() != their_local.as_ref() {
        return false;
    }
    match (kind, &created.answers) {
        (Kind::Answer | Kind::Pranswer, Some(offer)) => {
            matches!(
                me.state(),
                SignalingState::HaveLocalOffer | SignalingState::HaveRemotePranswer
            ) && me.pending_local() == Some(offer)
        }
        (Kind::Offer, None) => me.state() == SignalingState::Stable,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn audio() -> ArbTransceiver {
        ArbTransceiver {
            kind: 0,
            direction: 0,
            rids: 0,
            msid: true,
            stopped: false,
            mid: None,
        }
    }

    /// One offer/answer round from `offerer`: every step valid. A SIP phone offers audio only,
    /// a browser-like endpoint audio, video and a data channel.
    fn round(offerer: Peer, answerer: Peer, webrtc: bool) -> Vec<Op> {
        let mut transceivers = vec![audio()];
        if webrtc {
            transceivers.push(ArbTransceiver { kind: 2, ..audio() });
        }
        vec![
            Op::CreateOffer {
                peer: offerer,
                transceivers,
                ice_restart: false,
                data_channel: webrtc,
            },
            Op::SetLocal {
                peer: offerer,
                kind: Kind::Offer,
            },
            Op::SetRemote {
                peer: answerer,
                kind: Kind::Offer,
            },
            Op::CreateAnswer {
                peer: answerer,
                stopped: vec![],
                directions: vec![],
            },
            Op::SetLocal {
                peer: answerer,
                kind: Kind::Answer,
            },
            Op::SetRemote {
                peer: offerer,
                kind: Kind::Answer,
            },
        ]
    }

    #[test]
    fn honest_rounds_are_checked_and_end_stable() {
        for sip in [(false, false), (true, true), (false, true)] {
            let mut ops = round(Peer::A, Peer::B, !sip.0);
            ops.extend(round(Peer::B, Peer::A, !sip.1));
            let outcome = run(Scenario { sip, ops });
            assert_eq!(outcome.states, [SignalingState::Stable; 2], "{sip:?}");
            // Two offers and two answers delivered honestly.
            assert_eq!(outcome.honest, 4, "{sip:?}");
        }
    }
}
