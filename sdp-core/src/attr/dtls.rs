//! DTLS: `a=fingerprint` (RFC 8122), `a=setup` (RFC 4145), `a=tls-id` (RFC 8842).
//!
//! PLACEHOLDER: replaced by the real typed forms.

use std::fmt;

use crate::attr::TypedAttribute;
use crate::error::ValueError;

/// `a=fingerprint` (RFC 8122 §5).
#[derive(Debug, Clone, PartialEq)]
pub struct Fingerprint<'a> {
    raw: &'a str,
}

impl<'a> TypedAttribute<'a> for Fingerprint<'a> {
    const NAME: &'static str = "fingerprint";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(Fingerprint { raw: value })
    }
}

impl fmt::Display for Fingerprint<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}

/// `a=setup` (RFC 4145 §4).
#[derive(Debug, Clone, PartialEq)]
pub struct Setup {
    raw: String,
}

impl<'a> TypedAttribute<'a> for Setup {
    const NAME: &'static str = "setup";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(Setup {
            raw: value.to_owned(),
        })
    }
}

impl fmt::Display for Setup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

/// `a=tls-id` (RFC 8842 §4).
#[derive(Debug, Clone, PartialEq)]
pub struct TlsId<'a> {
    raw: &'a str,
}

impl<'a> TypedAttribute<'a> for TlsId<'a> {
    const NAME: &'static str = "tls-id";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(TlsId { raw: value })
    }
}

impl fmt::Display for TlsId<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}
