//! Media properties: `a=ptime`, `a=maxptime`, `a=framerate`, `a=quality`, `a=orient`.
//!
//! PLACEHOLDER: replaced by the real typed forms.

use std::fmt;

use crate::attr::TypedAttribute;
use crate::error::ValueError;

/// `a=ptime` (RFC 8866 §6.4).
#[derive(Debug, Clone, PartialEq)]
pub struct Ptime {
    raw: String,
}

impl<'a> TypedAttribute<'a> for Ptime {
    const NAME: &'static str = "ptime";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(Ptime {
            raw: value.to_owned(),
        })
    }
}

impl fmt::Display for Ptime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

/// `a=maxptime` (RFC 8866 §6.5).
#[derive(Debug, Clone, PartialEq)]
pub struct MaxPtime {
    raw: String,
}

impl<'a> TypedAttribute<'a> for MaxPtime {
    const NAME: &'static str = "maxptime";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(MaxPtime {
            raw: value.to_owned(),
        })
    }
}

impl fmt::Display for MaxPtime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

/// `a=framerate` (RFC 8866 §6.8).
#[derive(Debug, Clone, PartialEq)]
pub struct Framerate {
    raw: String,
}

impl<'a> TypedAttribute<'a> for Framerate {
    const NAME: &'static str = "framerate";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(Framerate {
            raw: value.to_owned(),
        })
    }
}

impl fmt::Display for Framerate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

/// `a=quality` (RFC 8866 §6.9).
#[derive(Debug, Clone, PartialEq)]
pub struct Quality {
    raw: String,
}

impl<'a> TypedAttribute<'a> for Quality {
    const NAME: &'static str = "quality";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(Quality {
            raw: value.to_owned(),
        })
    }
}

impl fmt::Display for Quality {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

/// `a=orient` (RFC 8866 §6.1).
#[derive(Debug, Clone, PartialEq)]
pub struct Orient<'a> {
    raw: &'a str,
}

impl<'a> TypedAttribute<'a> for Orient<'a> {
    const NAME: &'static str = "orient";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(Orient { raw: value })
    }
}

impl fmt::Display for Orient<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}
