//! Free-text attributes: label, content, tool, cat, keywds, type, charset, sdplang, lang.
//!
//! PLACEHOLDER: replaced by the real typed forms.

use std::fmt;

use crate::attr::TypedAttribute;
use crate::error::ValueError;

/// `a=label` (RFC 4574 §4).
#[derive(Debug, Clone, PartialEq)]
pub struct Label<'a> {
    raw: &'a str,
}

impl<'a> TypedAttribute<'a> for Label<'a> {
    const NAME: &'static str = "label";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(Label { raw: value })
    }
}

impl fmt::Display for Label<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}

/// `a=content` (RFC 4796 §5).
#[derive(Debug, Clone, PartialEq)]
pub struct Content<'a> {
    raw: &'a str,
}

impl<'a> TypedAttribute<'a> for Content<'a> {
    const NAME: &'static str = "content";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(Content { raw: value })
    }
}

impl fmt::Display for Content<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}

/// `a=tool` (RFC 8866 §6.3).
#[derive(Debug, Clone, PartialEq)]
pub struct Tool<'a> {
    raw: &'a str,
}

impl<'a> TypedAttribute<'a> for Tool<'a> {
    const NAME: &'static str = "tool";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(Tool { raw: value })
    }
}

impl fmt::Display for Tool<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}

/// `a=cat` (RFC 8866 §6.1).
#[derive(Debug, Clone, PartialEq)]
pub struct Category<'a> {
    raw: &'a str,
}

impl<'a> TypedAttribute<'a> for Category<'a> {
    const NAME: &'static str = "cat";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(Category { raw: value })
    }
}

impl fmt::Display for Category<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}

/// `a=keywds` (RFC 8866 §6.2).
#[derive(Debug, Clone, PartialEq)]
pub struct Keywords<'a> {
    raw: &'a str,
}

impl<'a> TypedAttribute<'a> for Keywords<'a> {
    const NAME: &'static str = "keywds";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(Keywords { raw: value })
    }
}

impl fmt::Display for Keywords<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}

/// `a=type` (RFC 8866 §6.10).
#[derive(Debug, Clone, PartialEq)]
pub struct ConferenceType<'a> {
    raw: &'a str,
}

impl<'a> TypedAttribute<'a> for ConferenceType<'a> {
    const NAME: &'static str = "type";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(ConferenceType { raw: value })
    }
}

impl fmt::Display for ConferenceType<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}

/// `a=charset` (RFC 8866 §6.11).
#[derive(Debug, Clone, PartialEq)]
pub struct Charset<'a> {
    raw: &'a str,
}

impl<'a> TypedAttribute<'a> for Charset<'a> {
    const NAME: &'static str = "charset";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(Charset { raw: value })
    }
}

impl fmt::Display for Charset<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}

/// `a=sdplang` (RFC 8866 §6.12).
#[derive(Debug, Clone, PartialEq)]
pub struct SdpLang<'a> {
    raw: &'a str,
}

impl<'a> TypedAttribute<'a> for SdpLang<'a> {
    const NAME: &'static str = "sdplang";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(SdpLang { raw: value })
    }
}

impl fmt::Display for SdpLang<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}

/// `a=lang` (RFC 8866 §6.13).
#[derive(Debug, Clone, PartialEq)]
pub struct Lang<'a> {
    raw: &'a str,
}

impl<'a> TypedAttribute<'a> for Lang<'a> {
    const NAME: &'static str = "lang";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        Ok(Lang { raw: value })
    }
}

impl fmt::Display for Lang<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw)
    }
}
