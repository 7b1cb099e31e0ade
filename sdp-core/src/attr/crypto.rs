//! SRTP keying and identity: `a=crypto` (RFC 4568), `a=cryptex` (RFC 9335), `a=identity` (RFC 8827).
//!
//! PLACEHOLDER: replaced by the real typed forms.

use std::fmt;

use crate::attr::flag_attribute;
use crate::attr::TypedAttribute;
use crate::error::ValueError;

/// `a=crypto` (RFC 4568 §9.1).
#[derive(Debug, Clone, PartialEq)]
pub struct Crypto<'a> {
    raw: &'a str,
}

impl<'a> TypedAttribute<'a> for Crypto<'a> {
    const NAME: &'static str = "crypto";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(Crypto { raw: value })
    }
}

impl fmt::Display for Crypto<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}

flag_attribute!(
    /// `a=cryptex` (RFC 9335 §5).
    Cryptex = "cryptex"
);

/// `a=identity` (RFC 8827 §5).
#[derive(Debug, Clone, PartialEq)]
pub struct Identity<'a> {
    raw: &'a str,
}

impl<'a> TypedAttribute<'a> for Identity<'a> {
    const NAME: &'static str = "identity";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(Identity { raw: value })
    }
}

impl fmt::Display for Identity<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}
