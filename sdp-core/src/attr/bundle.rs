//! Grouping: `a=mid`, `a=group` (RFC 5888), `a=bundle-only` (RFC 9143).
//!
//! PLACEHOLDER: replaced by the real typed forms.

use std::fmt;

use crate::attr::flag_attribute;
use crate::attr::TypedAttribute;
use crate::error::ValueError;

/// `a=mid` (RFC 5888 §4).
#[derive(Debug, Clone, PartialEq)]
pub struct Mid<'a> {
    raw: &'a str,
}

impl<'a> TypedAttribute<'a> for Mid<'a> {
    const NAME: &'static str = "mid";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(Mid { raw: value })
    }
}

impl fmt::Display for Mid<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}

/// `a=group` (RFC 5888 §5).
#[derive(Debug, Clone, PartialEq)]
pub struct Group<'a> {
    raw: &'a str,
}

impl<'a> TypedAttribute<'a> for Group<'a> {
    const NAME: &'static str = "group";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(Group { raw: value })
    }
}

impl fmt::Display for Group<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}

flag_attribute!(
    /// `a=bundle-only` (RFC 9143 §6).
    BundleOnly = "bundle-only"
);
