//! Image attributes: `a=imageattr` (RFC 6236).
//!
//! PLACEHOLDER: replaced by the real typed forms.

use std::fmt;

use crate::attr::TypedAttribute;
use crate::error::ValueError;

/// `a=imageattr` (RFC 6236 §3.1).
#[derive(Debug, Clone, PartialEq)]
pub struct ImageAttr<'a> {
    raw: &'a str,
}

impl<'a> TypedAttribute<'a> for ImageAttr<'a> {
    const NAME: &'static str = "imageattr";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(ImageAttr { raw: value })
    }
}

impl fmt::Display for ImageAttr<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}
