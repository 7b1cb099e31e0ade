//! The JSEP signalling state machine (rulebook E1-E3, E6, E7): [`Negotiator`] keeps the
//! current and pending descriptions and the agreement, and refuses invalid transitions. No I/O:
//! it takes and returns SDP and [`Event`]s.

use sdp_core::attr::direction::Direction;
use sdp_core::Session;

use crate::answer::{answer_with, Answer, AnswerOptions};
use crate::check::{check_answer_with, Severity};
use crate::config::Config;
use crate::error::NegotiationError;
use crate::negotiated::{DtlsRole, Negotiated};
use crate::offer::{offer, OfferOptions, Transceiver};

mod apply;
mod state;
#[cfg(test)]
mod tests;

use state::{next_state, Side};
pub use state::{Event, SdpType, SignalingState};

/// One endpoint's offer/answer state (JSEP §3.2, §5.7).
///
/// ```
/// use sdp_core::attr::direction::Direction;
/// use sdp_negotiate::{Config, MediaKind, Negotiator, SdpType, SignalingState, Transceiver};
/// let (mut alice, mut bob) = (Negotiator::new(Config::webrtc()), Negotiator::new(Config::webrtc()));
/// let offer = alice.create_offer(&[Transceiver::new(MediaKind::Audio, Direction::SendRecv)], false, false)?;
/// alice.set_local(SdpType::Offer, offer.clone())?;
/// bob.set_remote(SdpType::Offer, offer)?;
/// let answer = bob.create_answer()?;
/// bob.set_local(SdpType::Answer, answer.session.clone())?;
/// alice.set_remote(SdpType::Answer, answer.session)?;
/// assert_eq!(alice.state(), SignalingState::Stable);
/// assert_eq!(alice.negotiated().map(|n| n.accepted().count()), Some(1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Negotiator {
    config: Config,
    /// E3: roll a pending local offer back when a remote offer arrives (glare).
    pub implicit_rollback: bool,
    state: SignalingState,
    current_local: Option<Session<'static>>,
    current_remote: Option<Session<'static>>,
    pending_local: Option<Session<'static>>,
    pending_remote: Option<Session<'static>>,
    negotiated: Option<Negotiated>,
    /// The last answer [`Negotiator::create_answer`] made, for its agreement.
    created_answer: Option<Answer>,
    /// Whether the current exchange was our offer (the current remote is then the answer).
    offered_last: bool,
}

impl Negotiator {
    /// A negotiator in `stable` with no descriptions; implicit rollback on (E3).
    pub fn new(config: Config) -> Negotiator {
        Negotiator {
            config,
            implicit_rollback: true,
            state: SignalingState::Stable,
            current_local: None,
            current_remote: None,
            pending_local: None,
            pending_remote: None,
            negotiated: None,
            created_answer: None,
            offered_last: false,
        }
    }

    /// The signalling state.
    pub fn state(&self) -> SignalingState {
        self.state
    }

    /// The local description of the last completed exchange.
    pub fn current_local(&self) -> Option<&Session<'static>> {
        self.current_local.as_ref()
    }

    /// The remote description of the last completed exchange.
    pub fn current_remote(&self) -> Option<&Session<'static>> {
        self.current_remote.as_ref()
    }

    /// The local offer or pranswer under way.
    pub fn pending_local(&self) -> Option<&Session<'static>> {
        self.pending_local.as_ref()
    }

    /// The remote offer or pranswer under way.
    pub fn pending_remote(&self) -> Option<&Session<'static>> {
        self.pending_remote.as_ref()
    }

    /// What the last applied answer (or pranswer) agreed on.
    pub fn negotiated(&self) -> Option<&Negotiated> {
        self.negotiated.as_ref()
    }

    /// Creates an offer (E1: in `stable` or `have-local-offer`) for `transceivers`, keeping
    /// what the current descriptions agreed (E4, E5). It is not applied: call
    /// [`Negotiator::set_local`].
    pub fn create_offer(
        &mut self,
        transceivers: &[Transceiver],
        ice_restart: bool,
        data_channel: bool,
    ) -> Result<Session<'static>, NegotiationError> {
        if !matches!(
            self.state,
            SignalingState::Stable | SignalingState::HaveLocalOffer
        ) {
            return Err(self.invalid("create_offer"));
        }
        let options = OfferOptions {
            data_channel,
            ice_restart,
            previous_local: self.current_local.as_ref(),
            previous_remote: self.current_remote.as_ref(),
            bundle_policy: None,
            ..OfferOptions::default()
        };
        offer(&self.config, transceivers, &options)
    }

    /// Creates an answer to the pending remote offer (E1: in `have-remote-offer` or
    /// `have-local-pranswer`) with the default directions. It is not applied.
    pub fn create_answer(&mut self) -> Result<Answer, NegotiationError> {
        self.create_answer_with(&[], Vec::new())
    }

    /// [`Negotiator::create_answer`] with stopped mids and per-mid directions (A3(b), A6).
    pub fn create_answer_with(
        &mut self,
        stopped: &[String],
        directions: Vec<(String, Direction)>,
    ) -> Result<Answer, NegotiationError> {
        if !matches!(
            self.state,
            SignalingState::HaveRemoteOffer | SignalingState::HaveLocalPranswer
        ) {
            return Err(self.invalid("create_answer"));
        }
        let Some(remote) = self.pending_remote.as_ref() else {
            return Err(self.invalid("create_answer"));
        };
        let options = AnswerOptions {
            previous_answer: self.current_local.as_ref(),
            previous_offer: self.current_remote.as_ref(),
            stopped: stopped.to_vec(),
            directions,
            address: None,
            port_base: None,
        };
        let answer = answer_with(remote, &self.config, &options)?;
        self.created_answer = Some(answer.clone());
        Ok(answer)
    }

    /// Applies a local description (E1); [`SdpType::Rollback`] rolls back (E2).
    pub fn set_local(
        &mut self,
        kind: SdpType,
        session: Session<'static>,
    ) -> Result<Vec<Event>, NegotiationError> {
        if kind == SdpType::Rollback {
            return self.rollback();
        }
        let operation = format!("set_local({kind})");
        let next =
            next_state(self.state, Side::Local, kind).ok_or_else(|| self.invalid(&operation))?;
        let mut events = Vec::new();
        match kind {
            SdpType::Offer => self.pending_local = Some(session),
            SdpType::Pranswer | SdpType::Answer => {
                let remote = self
                    .pending_remote
                    .as_ref()
                    .ok_or_else(|| self.invalid(&operation))?;
                let negotiated = match &self.created_answer {
                    Some(a) if a.session.to_string() == session.to_string() => a.negotiated.clone(),
                    _ => apply::negotiated_from(remote, &session, false),
                };
                self.agree(negotiated, &mut events);
                if kind == SdpType::Answer {
                    self.current_remote = self.pending_remote.take();
                    self.current_local = Some(session);
                    self.pending_local = None;
                    self.created_answer = None;
                    self.offered_last = false;
                    events.push(Event::Negotiated);
                } else {
                    self.pending_local = Some(session);
                    events.push(Event::ProvisionalNegotiated);
                }
            }
            SdpType::Rollback => {}
        }
        self.state = next;
        Ok(events)
    }

    /// Applies a remote description (E1): a remote offer is checked for an ICE restart (E6)
    /// and DTLS continuity (E7); a remote answer or pranswer is checked with
    /// [`check_answer_with`] and refused on any error. In `have-local-offer`, a remote offer
    /// rolls our offer back when [`Negotiator::implicit_rollback`] is on (E3).
    pub fn set_remote(
        &mut self,
        kind: SdpType,
        session: Session<'static>,
    ) -> Result<Vec<Event>, NegotiationError> {
        if kind == SdpType::Rollback {
            return self.rollback();
        }
        let operation = format!("set_remote({kind})");
        let mut events = Vec::new();
        if kind == SdpType::Offer
            && self.state == SignalingState::HaveLocalOffer
            && self.implicit_rollback
        {
            // E3: glare; the remote offer wins (perfect negotiation's polite peer).
            events.extend(self.rollback()?);
        }
        let next =
            next_state(self.state, Side::Remote, kind).ok_or_else(|| self.invalid(&operation))?;
        let restarted = self.check_remote_transport(&session)?;
        match kind {
            SdpType::Offer => {
                if !restarted.is_empty() {
                    events.push(Event::IceRestart { mids: restarted });
                }
                self.pending_remote = Some(session);
            }
            SdpType::Pranswer | SdpType::Answer => {
                let ours = self
                    .pending_local
                    .as_ref()
                    .ok_or_else(|| self.invalid(&operation))?;
                let previous = match (&self.current_local, &self.current_remote) {
                    (Some(l), Some(r)) if self.we_offered_last() => Some((l, r)),
                    (Some(l), Some(r)) => Some((r, l)),
                    _ => None,
                };
                let errors: Vec<_> = check_answer_with(
                    ours,
                    &session,
                    previous.map(|(o, a)| (o as &Session<'_>, a as &Session<'_>)),
                )
                .into_iter()
                .filter(|v| v.severity == Severity::Error)
                .collect();
                if !errors.is_empty() {
                    let mut rules: Vec<&str> = errors.iter().map(|v| v.rule).collect();
                    rules.dedup();
                    return Err(NegotiationError::RemoteInvalid {
                        mid: None,
                        reason: format!(
                            "the answer breaks rules {}: {}",
                            rules.join(", "),
                            errors
                                .iter()
                                .map(ToString::to_string)
                                .collect::<Vec<_>>()
                                .join("; ")
                        ),
                    });
                }
                let mut negotiated = apply::negotiated_from(ours, &session, true);
                // E6: the transports whose remote credentials changed restarted ICE.
                apply::mark_ice_restarts(&mut negotiated, &restarted);
                self.agree(negotiated, &mut events);
                if kind == SdpType::Answer {
                    self.current_local = self.pending_local.take();
                    self.current_remote = Some(session);
                    self.pending_remote = None;
                    self.offered_last = true;
                    events.push(Event::Negotiated);
                } else {
                    self.pending_remote = Some(session);
                    events.push(Event::ProvisionalNegotiated);
                }
            }
            SdpType::Rollback => {}
        }
        self.state = next;
        Ok(events)
    }

    /// E2: discards the pending descriptions and returns to `stable`; refused in `stable`.
    pub fn rollback(&mut self) -> Result<Vec<Event>, NegotiationError> {
        if self.state == SignalingState::Stable {
            return Err(self.invalid("rollback"));
        }
        self.pending_local = None;
        self.pending_remote = None;
        self.created_answer = None;
        self.state = SignalingState::Stable;
        // A pranswer's provisional agreement is dropped: back to the current one.
        if let (Some(l), Some(r)) = (&self.current_local, &self.current_remote) {
            let we_offered = self.we_offered_last();
            self.negotiated = Some(if we_offered {
                apply::negotiated_from(l, r, true)
            } else {
                apply::negotiated_from(r, l, false)
            });
        } else {
            self.negotiated = None;
        }
        Ok(vec![Event::Rollback])
    }

    /// Whether the current exchange was our offer (the current remote is then an answer).
    fn we_offered_last(&self) -> bool {
        self.offered_last
    }

    /// E6, E7: the mids whose remote ICE credentials changed against the current remote
    /// description; a changed fingerprint without that restart is refused.
    fn check_remote_transport(
        &self,
        session: &Session<'_>,
    ) -> Result<Vec<String>, NegotiationError> {
        let Some(current) = &self.current_remote else {
            return Ok(Vec::new());
        };
        let before = apply::active_transports(current);
        let after = apply::active_transports(session);
        let mut restarted = Vec::new();
        let mut mids: Vec<&String> = after.keys().collect();
        mids.sort();
        for mid in mids {
            let (Some(old), Some(new)) = (before.get(mid), after.get(mid)) else {
                continue;
            };
            let restart = old.ufrag != new.ufrag || old.pwd != new.pwd;
            if restart {
                restarted.push(mid.clone());
            } else if old.fingerprints != new.fingerprints
                || (old.tls_id.is_some() && new.tls_id.is_some() && old.tls_id != new.tls_id)
            {
                // E7: a new DTLS association (new certificate or tls-id) needs a new ICE
                // session (JSEP §5.11, §5.8.3).
                return Err(NegotiationError::RemoteInvalid {
                    mid: Some(mid.clone()),
                    reason: "the DTLS fingerprint or tls-id changed without an ICE restart (rulebook E7)"
                        .to_owned(),
                });
            }
        }
        Ok(restarted)
    }

    /// Records a new agreement; A17, E7: reports a changed DTLS role.
    fn agree(&mut self, negotiated: Negotiated, events: &mut Vec<Event>) {
        let role = |n: &Negotiated| -> Option<DtlsRole> {
            n.accepted().find_map(|s| s.transport.dtls_role)
        };
        if let Some(old) = self.negotiated.as_ref().and_then(role) {
            if role(&negotiated).is_some_and(|r| r != old) {
                events.push(Event::DtlsRoleChanged);
            }
        }
        self.negotiated = Some(negotiated);
    }

    /// E1: the typed error for `operation` in the current state.
    fn invalid(&self, operation: &str) -> NegotiationError {
        NegotiationError::InvalidState {
            state: self.state,
            operation: operation.to_owned(),
        }
    }
}
