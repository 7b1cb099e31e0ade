//! Media stream ids: `a=msid` (RFC 8830), `a=msid-semantic`.
//!
//! PLACEHOLDER: replaced by the real typed forms.

use std::fmt;

use crate::attr::TypedAttribute;
use crate::error::ValueError;

/// `a=msid` (RFC 8830 §2).
#[derive(Debug, Clone, PartialEq)]
pub struct Msid<'a> {
    raw: &'a str,
}

impl<'a> TypedAttribute<'a> for Msid<'a> {
    const NAME: &'static str = "msid";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(Msid { raw: value })
    }
}

impl fmt::Display for Msid<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}

/// `a=msid-semantic` (draft-ietf-mmusic-msid-05 §3).
#[derive(Debug, Clone, PartialEq)]
pub struct MsidSemantic<'a> {
    raw: &'a str,
}

impl<'a> TypedAttribute<'a> for MsidSemantic<'a> {
    const NAME: &'static str = "msid-semantic";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(MsidSemantic { raw: value })
    }
}

impl fmt::Display for MsidSemantic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}
