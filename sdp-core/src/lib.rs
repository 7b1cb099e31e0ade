//! sdp-core: a zero-copy, lossless, typed parser and serializer for the Session Description
//! Protocol (RFC 8866) as used by WebRTC (RFC 9429) and SIP (RFC 3264).
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

pub mod attr;
pub mod codec;
pub mod error;
pub mod lex;
mod line;
pub mod span;

pub use attr::{AttrValue, Attribute, TypedAttribute};
pub use error::{ErrorCode, ParseError, ParseWarning, ValueError};
pub use line::{Eol, Line, LineKind};
pub use span::Span;
