//! Sources: `a=ssrc`, `a=ssrc-group` (RFC 5576).
//!
//! PLACEHOLDER: replaced by the real typed forms.

use std::fmt;

use crate::attr::TypedAttribute;
use crate::error::ValueError;

/// `a=ssrc` (RFC 5576 §4.1).
#[derive(Debug, Clone, PartialEq)]
pub struct Ssrc<'a> {
    raw: &'a str,
}

impl<'a> TypedAttribute<'a> for Ssrc<'a> {
    const NAME: &'static str = "ssrc";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(Ssrc { raw: value })
    }
}

impl fmt::Display for Ssrc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}

/// `a=ssrc-group` (RFC 5576 §4.2).
#[derive(Debug, Clone, PartialEq)]
pub struct SsrcGroup<'a> {
    raw: &'a str,
}

impl<'a> TypedAttribute<'a> for SsrcGroup<'a> {
    const NAME: &'static str = "ssrc-group";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(SsrcGroup { raw: value })
    }
}

impl fmt::Display for SsrcGroup<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}
