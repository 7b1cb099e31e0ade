//! Clocks and sources: `a=ts-refclk`, `a=mediaclk` (RFC 7273), `a=source-filter` (RFC 4570).
//!
//! PLACEHOLDER: replaced by the real typed forms.

use std::fmt;

use crate::attr::TypedAttribute;
use crate::error::ValueError;

/// `a=ts-refclk` (RFC 7273 §4.8).
#[derive(Debug, Clone, PartialEq)]
pub struct TsRefclk<'a> {
    raw: &'a str,
}

impl<'a> TypedAttribute<'a> for TsRefclk<'a> {
    const NAME: &'static str = "ts-refclk";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(TsRefclk { raw: value })
    }
}

impl fmt::Display for TsRefclk<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}

/// `a=mediaclk` (RFC 7273 §5.8).
#[derive(Debug, Clone, PartialEq)]
pub struct Mediaclk<'a> {
    raw: &'a str,
}

impl<'a> TypedAttribute<'a> for Mediaclk<'a> {
    const NAME: &'static str = "mediaclk";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(Mediaclk { raw: value })
    }
}

impl fmt::Display for Mediaclk<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}

/// `a=source-filter` (RFC 4570 §3).
#[derive(Debug, Clone, PartialEq)]
pub struct SourceFilter<'a> {
    raw: &'a str,
}

impl<'a> TypedAttribute<'a> for SourceFilter<'a> {
    const NAME: &'static str = "source-filter";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(SourceFilter { raw: value })
    }
}

impl fmt::Display for SourceFilter<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}
