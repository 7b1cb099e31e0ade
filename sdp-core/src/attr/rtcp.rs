//! RTCP: `a=rtcp` (RFC 3605), `a=rtcp-mux`, `a=rtcp-mux-only`, `a=rtcp-rsize`.
//!
//! PLACEHOLDER: replaced by the real typed forms.

use std::fmt;

use crate::attr::flag_attribute;
use crate::attr::TypedAttribute;
use crate::error::ValueError;

/// `a=rtcp` (RFC 3605 §2.1).
#[derive(Debug, Clone, PartialEq)]
pub struct Rtcp<'a> {
    raw: &'a str,
}

impl<'a> TypedAttribute<'a> for Rtcp<'a> {
    const NAME: &'static str = "rtcp";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(Rtcp { raw: value })
    }
}

impl fmt::Display for Rtcp<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}

flag_attribute!(
    /// `a=rtcp-mux` (RFC 5761 §5.1.1).
    RtcpMux = "rtcp-mux"
);

flag_attribute!(
    /// `a=rtcp-mux-only` (RFC 8858 §3).
    RtcpMuxOnly = "rtcp-mux-only"
);

flag_attribute!(
    /// `a=rtcp-rsize` (RFC 5506 §5).
    RtcpRsize = "rtcp-rsize"
);
