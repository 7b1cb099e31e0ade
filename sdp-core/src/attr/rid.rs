//! RTP stream identifiers: `a=rid` (RFC 8851).
//!
//! PLACEHOLDER: replaced by the real typed forms.

use std::fmt;

use crate::attr::TypedAttribute;
use crate::error::ValueError;

/// `a=rid` (RFC 8851 §4).
#[derive(Debug, Clone, PartialEq)]
pub struct Rid<'a> {
    raw: &'a str,
}

impl<'a> TypedAttribute<'a> for Rid<'a> {
    const NAME: &'static str = "rid";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(Rid { raw: value })
    }
}

impl fmt::Display for Rid<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}
