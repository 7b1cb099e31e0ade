//! Data channels: `a=sctp-port`, `a=max-message-size` (RFC 8841), legacy `a=sctpmap`.
//!
//! PLACEHOLDER: replaced by the real typed forms.

use std::fmt;

use crate::attr::TypedAttribute;
use crate::error::ValueError;

/// `a=sctp-port` (RFC 8841 §5.2).
#[derive(Debug, Clone, PartialEq)]
pub struct SctpPort {
    raw: String,
}

impl<'a> TypedAttribute<'a> for SctpPort {
    const NAME: &'static str = "sctp-port";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(SctpPort {
            raw: value.to_owned(),
        })
    }
}

impl fmt::Display for SctpPort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

/// `a=max-message-size` (RFC 8841 §6).
#[derive(Debug, Clone, PartialEq)]
pub struct MaxMessageSize {
    raw: String,
}

impl<'a> TypedAttribute<'a> for MaxMessageSize {
    const NAME: &'static str = "max-message-size";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(MaxMessageSize {
            raw: value.to_owned(),
        })
    }
}

impl fmt::Display for MaxMessageSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

/// `a=sctpmap` (draft-ietf-mmusic-sctp-sdp-05 §4).
#[derive(Debug, Clone, PartialEq)]
pub struct Sctpmap<'a> {
    raw: &'a str,
}

impl<'a> TypedAttribute<'a> for Sctpmap<'a> {
    const NAME: &'static str = "sctpmap";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(Sctpmap { raw: value })
    }
}

impl fmt::Display for Sctpmap<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}
