//! Simulcast: `a=simulcast` (RFC 8853 and the legacy draft form).
//!
//! PLACEHOLDER: replaced by the real typed forms.

use std::fmt;

use crate::attr::TypedAttribute;
use crate::error::ValueError;

/// `a=simulcast` (RFC 8853 §5.1).
#[derive(Debug, Clone, PartialEq)]
pub struct Simulcast<'a> {
    raw: &'a str,
}

impl<'a> TypedAttribute<'a> for Simulcast<'a> {
    const NAME: &'static str = "simulcast";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(Simulcast { raw: value })
    }
}

impl fmt::Display for Simulcast<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}
