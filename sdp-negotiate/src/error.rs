//! Negotiation errors, split by who is at fault (remote, incompatibility, caller).

use std::fmt;

/// Why an answer (or offer) could not be produced.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum NegotiationError {
    /// The remote description is broken beyond what rejecting one m-section can repair
    /// (rulebook P2): duplicate mids, a missing mandatory line, ...
    RemoteInvalid {
        /// The m-section concerned, if any.
        mid: Option<String>,
        /// What is wrong.
        reason: String,
    },
    /// The two sides cannot talk at all (e.g. both ICE-lite, rulebook A13).
    Incompatible {
        /// Why.
        reason: String,
    },
    /// The caller asked for something the API does not allow (e.g. JSEP without a DTLS
    /// identity).
    ApiMisuse {
        /// What.
        reason: String,
    },
    /// The configuration is invalid.
    Config(crate::config::ConfigError),
    /// The signalling state does not allow the operation (rulebook E1, E2).
    InvalidState {
        /// The state the negotiator was in.
        state: crate::negotiator::SignalingState,
        /// What was attempted, e.g. `set_remote(answer)`.
        operation: String,
    },
}

impl fmt::Display for NegotiationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NegotiationError::RemoteInvalid {
                mid: Some(mid),
                reason,
            } => {
                write!(f, "invalid remote description (mid {mid}): {reason}")
            }
            NegotiationError::RemoteInvalid { mid: None, reason } => {
                write!(f, "invalid remote description: {reason}")
            }
            NegotiationError::Incompatible { reason } => {
                write!(f, "incompatible endpoints: {reason}")
            }
            NegotiationError::ApiMisuse { reason } => write!(f, "API misuse: {reason}"),
            NegotiationError::Config(e) => write!(f, "invalid configuration: {e}"),
            NegotiationError::InvalidState { state, operation } => {
                write!(f, "{operation} is not allowed in state {state}")
            }
        }
    }
}

impl std::error::Error for NegotiationError {}

impl From<crate::config::ConfigError> for NegotiationError {
    fn from(e: crate::config::ConfigError) -> Self {
        NegotiationError::Config(e)
    }
}
