//! The classified fields of a candidate: transport, candidate type and TCP type.

use std::fmt;

/// The transport of a candidate (RFC 8839 §5.1 `transport`), compared case-insensitively.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CandidateTransport<'a> {
    /// `UDP` (any case).
    Udp,
    /// `TCP` (any case, RFC 6544).
    Tcp,
    /// Another transport token, e.g. `ssltcp`, as written.
    Other(&'a str),
}

impl<'a> CandidateTransport<'a> {
    /// Classifies a transport token, ignoring case.
    pub fn from_token(token: &'a str) -> Self {
        if token.eq_ignore_ascii_case("udp") {
            CandidateTransport::Udp
        } else if token.eq_ignore_ascii_case("tcp") {
            CandidateTransport::Tcp
        } else {
            CandidateTransport::Other(token)
        }
    }
}

/// The candidate type (RFC 8839 §5.1 `candidate-types`), compared case-insensitively.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CandidateType<'a> {
    /// `host`.
    Host,
    /// `srflx`: server reflexive.
    Srflx,
    /// `prflx`: peer reflexive.
    Prflx,
    /// `relay`.
    Relay,
    /// Another type token, as written.
    Other(&'a str),
}

impl<'a> CandidateType<'a> {
    /// Classifies a type token, ignoring case.
    pub fn from_token(token: &'a str) -> Self {
        match token {
            t if t.eq_ignore_ascii_case("host") => CandidateType::Host,
            t if t.eq_ignore_ascii_case("srflx") => CandidateType::Srflx,
            t if t.eq_ignore_ascii_case("prflx") => CandidateType::Prflx,
            t if t.eq_ignore_ascii_case("relay") => CandidateType::Relay,
            t => CandidateType::Other(t),
        }
    }

    /// The RFC spelling (`host`, `srflx`, ...), or the token as written for `Other`.
    pub fn as_str(&self) -> &'a str {
        match self {
            CandidateType::Host => "host",
            CandidateType::Srflx => "srflx",
            CandidateType::Prflx => "prflx",
            CandidateType::Relay => "relay",
            CandidateType::Other(t) => t,
        }
    }
}

/// The `tcptype` of a TCP candidate (RFC 6544 §4.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TcpType {
    /// `active`: opens outgoing connections.
    Active,
    /// `passive`: accepts incoming connections.
    Passive,
    /// `so`: simultaneous open.
    So,
}

impl TcpType {
    /// Parses a `tcp-type` token, ignoring case; `None` for anything else.
    pub fn from_token(token: &str) -> Option<Self> {
        match token {
            t if t.eq_ignore_ascii_case("active") => Some(TcpType::Active),
            t if t.eq_ignore_ascii_case("passive") => Some(TcpType::Passive),
            t if t.eq_ignore_ascii_case("so") => Some(TcpType::So),
            _ => None,
        }
    }

    /// The RFC spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            TcpType::Active => "active",
            TcpType::Passive => "passive",
            TcpType::So => "so",
        }
    }
}

impl fmt::Display for TcpType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_classified_ignoring_case() {
        assert_eq!(
            CandidateTransport::from_token("UDP"),
            CandidateTransport::Udp
        );
        assert_eq!(
            CandidateTransport::from_token("tcp"),
            CandidateTransport::Tcp
        );
        assert_eq!(
            CandidateTransport::from_token("ssltcp"),
            CandidateTransport::Other("ssltcp")
        );
        assert_eq!(CandidateType::from_token("SRFLX"), CandidateType::Srflx);
        assert_eq!(CandidateType::Other("x").as_str(), "x");
        assert_eq!(TcpType::from_token("Passive"), Some(TcpType::Passive));
        assert_eq!(TcpType::from_token("both"), None);
        assert_eq!(TcpType::So.to_string(), "so");
    }
}
