//! Validation profiles and their detection from the content.

use std::fmt;
use std::str::FromStr;

use crate::session::Session;

/// The set of rules to check against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Profile {
    /// Pick from the content (see [`Profile::detect`]).
    Auto,
    /// Generic grammar and structure (RFC 8866).
    Rfc8866,
    /// WebRTC / JSEP (RFC 9429 with BUNDLE, ICE, DTLS, SCTP, rid, simulcast, extmap).
    Webrtc,
    /// SIP offer/answer usage (RFC 3264, RFC 4566).
    Sip,
    /// SMPTE ST 2110 with RFC 7273 clock signalling.
    St2110,
}

impl Profile {
    /// Every concrete profile (not `Auto`).
    pub const CONCRETE: [Profile; 4] = [
        Profile::Rfc8866,
        Profile::Webrtc,
        Profile::Sip,
        Profile::St2110,
    ];

    /// The profile's name as the CLI spells it.
    pub const fn name(self) -> &'static str {
        match self {
            Profile::Auto => "auto",
            Profile::Rfc8866 => "rfc8866",
            Profile::Webrtc => "webrtc",
            Profile::Sip => "sip",
            Profile::St2110 => "st2110",
        }
    }

    /// The profile itself, or the detected one for `Auto`.
    pub fn resolve(self, session: &Session<'_>) -> Profile {
        match self {
            Profile::Auto => Profile::detect(session),
            other => other,
        }
    }

    /// Picks a profile from the content:
    /// - `a=ts-refclk` or `a=mediaclk` anywhere: ST 2110;
    /// - ICE credentials, a WebRTC protocol (`UDP/TLS/RTP/SAVPF`, `TCP/DTLS/RTP/SAVPF`,
    ///   `UDP/DTLS/SCTP`, legacy `DTLS/SCTP`), legacy `RTP/SAVPF` with candidates, ICE options or
    ///   a fingerprint, or candidates together with a fingerprint: WebRTC. A fingerprint alone is
    ///   RFC 4572 SIP, `RTP/SAVPF` alone may be SIP with SDES, and TLS over TCP for MRCP or BFCP
    ///   is not WebRTC;
    /// - RTSP attributes (`a=control`, `a=range`): generic RFC 8866;
    /// - otherwise RTP media (`RTP/AVP`, `RTP/SAVP`, ...): SIP;
    /// - anything else: generic RFC 8866.
    pub fn detect(session: &Session<'_>) -> Profile {
        let has = |name: &str| {
            session.has_attribute(name) || session.media().iter().any(|m| m.has_attribute(name))
        };
        if has("ts-refclk") || has("mediaclk") {
            return Profile::St2110;
        }
        let protos: Vec<String> = session
            .media()
            .iter()
            .filter_map(|m| m.media_line().map(|l| l.proto.to_ascii_uppercase()))
            .collect();
        let webrtc_proto = protos
            .iter()
            .any(|p| p.contains("TLS/RTP") || p.contains("DTLS/RTP") || p.ends_with("DTLS/SCTP"));
        // `RTP/SAVPF` is also SIP with SDES keying; with ICE or DTLS beside it, it is WebRTC.
        let ice_or_dtls = has("candidate") || has("ice-options") || has("fingerprint");
        let savpf = protos.iter().any(|p| p.contains("SAVPF"));
        let candidates_and_fingerprint = has("candidate") && has("fingerprint");
        if has("ice-ufrag") || webrtc_proto || (savpf && ice_or_dtls) || candidates_and_fingerprint
        {
            return Profile::Webrtc;
        }
        if has("control") || has("range") {
            return Profile::Rfc8866;
        }
        if !protos.is_empty() && protos.iter().all(|p| p.starts_with("RTP/")) {
            return Profile::Sip;
        }
        Profile::Rfc8866
    }
}

impl fmt::Display for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Parses `auto`, `rfc8866`, `webrtc`, `sip`, `st2110` (case-insensitive).
impl FromStr for Profile {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        [
            Profile::Auto,
            Profile::Rfc8866,
            Profile::Webrtc,
            Profile::Sip,
            Profile::St2110,
        ]
        .into_iter()
        .find(|p| p.name().eq_ignore_ascii_case(s))
        .ok_or_else(|| {
            format!("unknown profile `{s}` (expected auto, rfc8866, webrtc, sip or st2110)")
        })
    }
}
