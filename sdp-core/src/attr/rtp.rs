//! RTP payload formats: `a=rtpmap`, `a=fmtp`, `a=rtcp-fb`.
//!
//! PLACEHOLDER: replaced by the real typed forms.

use std::fmt;

use crate::attr::TypedAttribute;
use crate::error::ValueError;

/// `a=rtpmap` (RFC 8866 §6.6).
#[derive(Debug, Clone, PartialEq)]
pub struct Rtpmap<'a> {
    raw: &'a str,
}

impl<'a> TypedAttribute<'a> for Rtpmap<'a> {
    const NAME: &'static str = "rtpmap";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(Rtpmap { raw: value })
    }
}

impl fmt::Display for Rtpmap<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}

/// `a=fmtp` (RFC 8866 §6.15).
#[derive(Debug, Clone, PartialEq)]
pub struct Fmtp<'a> {
    raw: &'a str,
}

impl<'a> TypedAttribute<'a> for Fmtp<'a> {
    const NAME: &'static str = "fmtp";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(Fmtp { raw: value })
    }
}

impl fmt::Display for Fmtp<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}

/// `a=rtcp-fb` (RFC 4585 §4.2).
#[derive(Debug, Clone, PartialEq)]
pub struct RtcpFb<'a> {
    raw: &'a str,
}

impl<'a> TypedAttribute<'a> for RtcpFb<'a> {
    const NAME: &'static str = "rtcp-fb";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(RtcpFb { raw: value })
    }
}

impl fmt::Display for RtcpFb<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}
