//! sdp-negotiate: the SDP offer/answer engine (JSEP, RFC 9429; RFC 3264) and answer checker.
//!
//! Pure functions over [`sdp_core::Session`]: no sockets, no timers (sans-IO). The rules are
//! those of the project's negotiation rulebook (`docs/negotiation-rules.md` in the shared
//! material), cited by id (A6, B3, ...) beside the code that follows them.
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

mod answer;
pub mod check;
pub mod codec;
pub mod config;
mod error;
pub mod ice;
pub mod identity;
pub mod negotiated;
mod negotiator;
mod offer;
mod sdp_write;

pub use answer::{answer, answer_with, Answer, AnswerOptions};
pub use check::{check_answer, check_answer_with, Severity, Violation};
pub use codec::{negotiate_codecs, CodecOutcome, CodecRole, NegotiatedCodec};
pub use config::{CodecConfig, Config, MediaKind};
pub use error::NegotiationError;
pub use identity::Identity;
pub use negotiated::{Negotiated, RejectReason, SectionOutcome};
pub use negotiator::{Event, Negotiator, SdpType, SignalingState};
pub use offer::{offer, OfferOptions, Transceiver};

/// The README's examples (which use both crates), compiled and run as doc tests so that they
/// cannot drift.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
