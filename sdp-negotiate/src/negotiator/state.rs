//! The signalling states and transitions of rulebook E1 (JSEP §3.2), and the events the
//! negotiator reports.

use std::fmt;

/// The signalling state (JSEP §3.2, rulebook E1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SignalingState {
    /// No exchange under way.
    Stable,
    /// We set a local offer and wait for the answer.
    HaveLocalOffer,
    /// We set a remote offer and owe an answer.
    HaveRemoteOffer,
    /// We sent a provisional answer to the remote offer.
    HaveLocalPranswer,
    /// The remote sent a provisional answer to our offer.
    HaveRemotePranswer,
}

impl fmt::Display for SignalingState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SignalingState::Stable => "stable",
            SignalingState::HaveLocalOffer => "have-local-offer",
            SignalingState::HaveRemoteOffer => "have-remote-offer",
            SignalingState::HaveLocalPranswer => "have-local-pranswer",
            SignalingState::HaveRemotePranswer => "have-remote-pranswer",
        })
    }
}

/// The type of a description (JSEP §4.1.8 `RTCSdpType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SdpType {
    /// An offer.
    Offer,
    /// A provisional answer.
    Pranswer,
    /// A final answer.
    Answer,
    /// A rollback (E2): the description is ignored.
    Rollback,
}

impl fmt::Display for SdpType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SdpType::Offer => "offer",
            SdpType::Pranswer => "pranswer",
            SdpType::Answer => "answer",
            SdpType::Rollback => "rollback",
        })
    }
}

/// Which side a description comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    Local,
    Remote,
}

/// E1: the state after applying a `kind` description from `side` in `state`, or `None` when
/// the table does not allow it.
pub(crate) fn next_state(
    state: SignalingState,
    side: Side,
    kind: SdpType,
) -> Option<SignalingState> {
    use SdpType as T;
    use SignalingState as S;
    match (state, side, kind) {
        (S::Stable | S::HaveLocalOffer, Side::Local, T::Offer) => Some(S::HaveLocalOffer),
        (S::Stable | S::HaveRemoteOffer, Side::Remote, T::Offer) => Some(S::HaveRemoteOffer),
        (S::HaveLocalOffer | S::HaveRemotePranswer, Side::Remote, T::Pranswer) => {
            Some(S::HaveRemotePranswer)
        }
        (S::HaveLocalOffer | S::HaveRemotePranswer, Side::Remote, T::Answer) => Some(S::Stable),
        (S::HaveRemoteOffer | S::HaveLocalPranswer, Side::Local, T::Pranswer) => {
            Some(S::HaveLocalPranswer)
        }
        (S::HaveRemoteOffer | S::HaveLocalPranswer, Side::Local, T::Answer) => Some(S::Stable),
        _ => None,
    }
}

/// Something the application should act on after a description was applied.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Event {
    /// The exchange completed: [`super::Negotiator::negotiated`] holds the new agreement.
    Negotiated,
    /// A provisional answer was applied: the agreement is provisional.
    ProvisionalNegotiated,
    /// E6: the remote offer restarts ICE for the transports of these mids.
    IceRestart {
        /// The mids whose remote ICE credentials changed.
        mids: Vec<String>,
    },
    /// E7, A17: our DTLS role changed (the DTLS association is set up anew).
    DtlsRoleChanged,
    /// E2, E3: the pending descriptions were discarded.
    Rollback,
}
