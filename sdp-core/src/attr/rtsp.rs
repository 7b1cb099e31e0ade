//! RTSP: `a=control`, `a=range` (RFC 7826 appendix C).
//!
//! PLACEHOLDER: replaced by the real typed forms.

use std::fmt;

use crate::attr::TypedAttribute;
use crate::error::ValueError;

/// `a=control` (RFC 7826 §C.1.1).
#[derive(Debug, Clone, PartialEq)]
pub struct Control<'a> {
    raw: &'a str,
}

impl<'a> TypedAttribute<'a> for Control<'a> {
    const NAME: &'static str = "control";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(Control { raw: value })
    }
}

impl fmt::Display for Control<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}

/// `a=range` (RFC 7826 §C.1.5).
#[derive(Debug, Clone, PartialEq)]
pub struct Range<'a> {
    raw: &'a str,
}

impl<'a> TypedAttribute<'a> for Range<'a> {
    const NAME: &'static str = "range";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(Range { raw: value })
    }
}

impl fmt::Display for Range<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}
