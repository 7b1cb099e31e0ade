//! Codec intersection for RTP sections (rulebook section B).
//!
//! INTERFACE: the types and the function signature are fixed; the body is being written.

use sdp_core::codec::Codec;
use serde::Serialize;

use crate::config::{CodecConfig, MediaKind};

/// What role a negotiated format plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum CodecRole {
    /// A media codec (Opus, VP8, H264, ...); at least one is needed to accept a section (B15).
    Primary,
    /// Retransmission of the codec with payload type `apt` (RFC 4588, B10).
    Rtx {
        /// The primary's payload type.
        apt: u8,
    },
    /// Redundancy (RFC 2198, B11).
    Red,
    /// ULPFEC or FlexFEC (B11).
    Fec,
    /// DTMF events (RFC 4733, B12).
    TelephoneEvent,
    /// Comfort noise (RFC 3389, B13).
    ComfortNoise,
}

/// One codec both sides agreed on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NegotiatedCodec {
    /// The offer's payload type (B7).
    pub payload_type: u8,
    /// The encoding name as the offer spelled it (B7).
    pub name: String,
    /// Clock rate.
    pub clock_rate: u32,
    /// Audio channels, as the offer wrote them.
    pub channels: Option<u16>,
    /// What it is.
    pub role: CodecRole,
    /// The fmtp we write in the answer: our receive parameters (B4-B6), `None` for none.
    pub answer_fmtp: Option<String>,
    /// The offer's fmtp: the parameters the remote receives with, for our sender.
    pub offer_fmtp: Option<String>,
    /// Agreed RTCP feedback (`nack`, `nack pli`, `transport-cc`, ...), B14.
    pub rtcp_fb: Vec<String>,
}

/// An offered format that was not answered, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DroppedCodec {
    /// The offered payload type.
    pub payload_type: u8,
    /// Why it was dropped (e.g. "no matching local codec", "RTX for dropped PT 96").
    pub reason: String,
}

/// The result of intersecting one section's codecs.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct CodecOutcome {
    /// The agreed codecs, in answer order (B9).
    pub codecs: Vec<NegotiatedCodec>,
    /// The offered formats that were not answered.
    pub dropped: Vec<DroppedCodec>,
}

impl CodecOutcome {
    /// Whether at least one primary codec remains (B15).
    pub fn has_primary(&self) -> bool {
        self.codecs.iter().any(|c| c.role == CodecRole::Primary)
    }
}

/// Options that change the intersection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CodecOptions {
    /// Answer CN (B13).
    pub vad: bool,
    /// Refuse (instead of dropping with a note) RTX whose apt is missing from the m-line (B10).
    pub strict: bool,
    /// Whether the transport-wide-cc extension was negotiated (gates `transport-cc`, B14).
    pub transport_cc: bool,
}

/// Intersects the offered codecs of one RTP section with ours (rulebook B1-B16).
///
/// PLACEHOLDER: being written.
pub fn negotiate_codecs(
    _kind: MediaKind,
    _offered: &[Codec<'_>],
    _local: &[CodecConfig],
    _options: &CodecOptions,
) -> CodecOutcome {
    CodecOutcome::default()
}
