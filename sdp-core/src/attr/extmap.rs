//! RTP header extensions: `a=extmap`, `a=extmap-allow-mixed` (RFC 8285).
//!
//! PLACEHOLDER: replaced by the real typed forms.

use std::fmt;

use crate::attr::flag_attribute;
use crate::attr::TypedAttribute;
use crate::error::ValueError;

/// `a=extmap` (RFC 8285 §8).
#[derive(Debug, Clone, PartialEq)]
pub struct Extmap<'a> {
    raw: &'a str,
}

impl<'a> TypedAttribute<'a> for Extmap<'a> {
    const NAME: &'static str = "extmap";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(Extmap { raw: value })
    }
}

impl fmt::Display for Extmap<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}

flag_attribute!(
    /// `a=extmap-allow-mixed` (RFC 8285 §6).
    ExtmapAllowMixed = "extmap-allow-mixed"
);
