//! ICE attributes (RFC 8839, RFC 8840).
//!
//! PLACEHOLDER: replaced by the real typed forms.

use std::fmt;

use crate::attr::flag_attribute;
use crate::attr::TypedAttribute;
use crate::error::ValueError;

/// `a=ice-ufrag` (RFC 8839 §5.4).
#[derive(Debug, Clone, PartialEq)]
pub struct IceUfrag<'a> {
    raw: &'a str,
}

impl<'a> TypedAttribute<'a> for IceUfrag<'a> {
    const NAME: &'static str = "ice-ufrag";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(IceUfrag { raw: value })
    }
}

impl fmt::Display for IceUfrag<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}

/// `a=ice-pwd` (RFC 8839 §5.4).
#[derive(Debug, Clone, PartialEq)]
pub struct IcePwd<'a> {
    raw: &'a str,
}

impl<'a> TypedAttribute<'a> for IcePwd<'a> {
    const NAME: &'static str = "ice-pwd";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(IcePwd { raw: value })
    }
}

impl fmt::Display for IcePwd<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}

/// `a=ice-options` (RFC 8839 §5.6).
#[derive(Debug, Clone, PartialEq)]
pub struct IceOptions<'a> {
    raw: &'a str,
}

impl<'a> TypedAttribute<'a> for IceOptions<'a> {
    const NAME: &'static str = "ice-options";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(IceOptions { raw: value })
    }
}

impl fmt::Display for IceOptions<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}

flag_attribute!(
    /// `a=ice-lite` (RFC 8839 §5.3).
    IceLite = "ice-lite"
);

flag_attribute!(
    /// `a=ice-mismatch` (RFC 8839 §5.5).
    IceMismatch = "ice-mismatch"
);

/// `a=ice-pacing` (RFC 8839 §5.7).
#[derive(Debug, Clone, PartialEq)]
pub struct IcePacing {
    raw: String,
}

impl<'a> TypedAttribute<'a> for IcePacing {
    const NAME: &'static str = "ice-pacing";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(IcePacing {
            raw: value.to_owned(),
        })
    }
}

impl fmt::Display for IcePacing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

/// `a=candidate` (RFC 8839 §5.1).
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate<'a> {
    raw: &'a str,
}

impl<'a> TypedAttribute<'a> for Candidate<'a> {
    const NAME: &'static str = "candidate";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(Candidate { raw: value })
    }
}

impl fmt::Display for Candidate<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}

flag_attribute!(
    /// `a=end-of-candidates` (RFC 8840 §8.2).
    EndOfCandidates = "end-of-candidates"
);

/// `a=remote-candidates` (RFC 8839 §5.2).
#[derive(Debug, Clone, PartialEq)]
pub struct RemoteCandidates<'a> {
    raw: &'a str,
}

impl<'a> TypedAttribute<'a> for RemoteCandidates<'a> {
    const NAME: &'static str = "remote-candidates";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(RemoteCandidates { raw: value })
    }
}

impl fmt::Display for RemoteCandidates<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}
