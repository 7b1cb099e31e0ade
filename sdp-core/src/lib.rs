//! sdp-core: a zero-copy, lossless, typed parser and serializer for the Session Description
//! Protocol (RFC 8866) as used by WebRTC (RFC 9429) and SIP (RFC 3264).
//!
//! - **Zero-copy**: a [`Session`] borrows the text it was parsed from; [`Session::into_owned`]
//!   detaches it.
//! - **Lossless**: an unchanged session writes back byte for byte (line endings, spacing, case,
//!   unknown lines and attributes included). Lines changed through the API are written
//!   canonically with CRLF; the rest stay as they were.
//! - **Typed**: every structural line ([`field`]) and every common attribute ([`attr`]) has a
//!   typed, borrowed form, parsed on demand from the line's text, with a canonical writer.
//! - **Lenient or strict**: [`Session::parse`] accepts real-world quirks;
//!   [`Session::parse_with`] with [`ParseOptions::strict`] refuses them. Errors carry line,
//!   column, span, what was expected and what was found.
//!
//! ```
//! use sdp_core::attr::{bundle::Mid, direction::Direction, rtcp::RtcpMux};
//! use sdp_core::Session;
//!
//! let offer = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n\
//!              m=audio 9 UDP/TLS/RTP/SAVPF 111 0\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\n\
//!              a=rtpmap:111 opus/48000/2\r\na=sendrecv\r\n";
//! let mut session = Session::parse(offer)?;
//! assert_eq!(session.to_string(), offer); // byte for byte
//!
//! let audio = &session.media()[0];
//! assert_eq!(audio.first::<Mid>().map(|m| m.as_str()), Some("0"));
//! assert_eq!(audio.codecs().len(), 2); // opus, and PCMU from the static table
//!
//! let audio = &mut session.media_mut()[0];
//! audio.set_direction(Direction::RecvOnly);
//! audio.push_attribute(&RtcpMux);
//! assert!(session.to_string().ends_with("a=recvonly\r\na=rtcp-mux\r\n"));
//! # Ok::<(), sdp_core::ParseError>(())
//! ```
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
pub mod field;
mod level;
pub mod lex;
mod line;
mod media;
mod options;
mod parse;
mod session;
pub mod span;
pub mod validate;
mod write;

pub use attr::{AttrValue, Attribute, TypedAttribute};
pub use error::{ErrorCode, ParseError, ParseWarning, ValueError};
pub use line::{Eol, Line, LineKind};
pub use media::Media;
pub use options::{Limits, Mode, ParseOptions};
pub use parse::Parsed;
pub use session::Session;
pub use span::Span;
