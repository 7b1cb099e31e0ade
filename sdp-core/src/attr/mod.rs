//! Attributes (`a=` lines): the name/value view, the typed forms, and the registry that maps
//! names to parsers.
//!
//! Each attribute family lives in its own module (`rtp` holds rtpmap, fmtp and rtcp-fb; `ice`
//! the ICE attributes; ...). Every typed form implements [`TypedAttribute`]: it parses from the
//! borrowed value and writes itself back canonically with `Display`. Unknown attributes have no
//! typed form and are kept verbatim.

use std::fmt;

use crate::error::ValueError;

pub mod bundle;
pub mod clock;
pub mod crypto;
pub mod direction;
pub mod dtls;
pub mod extmap;
pub mod fmtp;
pub mod ice;
pub mod imageattr;
pub mod media_info;
pub mod msid;
pub mod registry;
pub mod rid;
pub mod rtcp;
pub mod rtp;
pub mod rtsp;
pub mod sctp;
pub mod simulcast;
pub mod ssrc;
pub mod text;

pub use registry::{AttrSpec, AttrValue, Scope};

/// The name and raw value of one `a=` line, borrowed from the line.
///
/// `value` is `None` for a property attribute (`a=rtcp-mux`) and `Some` for a value attribute
/// (`a=mid:0`; `Some("")` for `a=foo:`). Trailing white space is not part of the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attribute<'s> {
    name: &'s str,
    value: Option<&'s str>,
}

impl<'s> Attribute<'s> {
    /// An attribute view from its parts.
    pub const fn new(name: &'s str, value: Option<&'s str>) -> Self {
        Attribute { name, value }
    }

    /// The attribute name, as written (attribute names are case-sensitive).
    pub fn name(&self) -> &'s str {
        self.name
    }

    /// The value after `:`, if there is a `:`.
    pub fn value(&self) -> Option<&'s str> {
        self.value
    }

    /// What the registry knows of this attribute (scope, RFC), or `None` when it is unknown.
    pub fn spec(&self) -> Option<&'static AttrSpec> {
        registry::spec(self.name)
    }

    /// The typed form of the attribute.
    ///
    /// Returns `None` for attributes the registry does not know, `Some(Err(..))` when a known
    /// attribute's value does not follow its grammar.
    ///
    /// ```
    /// use sdp_core::{AttrValue, Line};
    /// let line = Line::from_text("a=mid:audio");
    /// let attr = line.as_attribute().unwrap();
    /// match attr.typed() {
    ///     Some(Ok(AttrValue::Mid(mid))) => assert_eq!(mid.as_str(), "audio"),
    ///     other => panic!("unexpected {other:?}"),
    /// }
    /// ```
    pub fn typed(&self) -> Option<Result<AttrValue<'s>, ValueError>> {
        registry::parse(self.name, self.value)
    }

    /// Parses the value as `T` when the name is `T::NAME`.
    pub fn parse_as<T: TypedAttribute<'s>>(&self) -> Option<Result<T, ValueError>> {
        if self.name != T::NAME {
            return None;
        }
        Some(parse_typed::<T>(self.value))
    }
}

/// A typed attribute: its name, a parser from the borrowed value and a canonical writer.
///
/// `Display` writes the value only (what follows `a=<name>:`); for property attributes
/// (`FLAG = true`) it writes nothing and the line is `a=<name>`.
pub trait TypedAttribute<'a>: Sized + fmt::Display {
    /// The attribute name, e.g. `"rtpmap"`.
    const NAME: &'static str;
    /// Whether the attribute is a property attribute without a value (`a=rtcp-mux`).
    const FLAG: bool = false;
    /// Parses the value (the text after `:`, without trailing white space).
    fn parse(value: &'a str) -> Result<Self, ValueError>;
}

/// Parses an optional value as `T`, checking that property attributes have none and value
/// attributes have one.
pub fn parse_typed<'a, T: TypedAttribute<'a>>(value: Option<&'a str>) -> Result<T, ValueError> {
    match (T::FLAG, value) {
        (true, None) => T::parse(""),
        (true, Some(_)) => Err(ValueError::new(
            0,
            "no value (this attribute is a property)",
        )),
        (false, Some(v)) => T::parse(v),
        (false, None) => Err(ValueError::new(0, "`:` and a value")),
    }
}

/// The canonical `a=` line text of a typed attribute, without line ending.
pub fn line_text<'a, T: TypedAttribute<'a>>(attr: &T) -> String {
    if T::FLAG {
        format!("a={}", T::NAME)
    } else {
        format!("a={}:{}", T::NAME, attr)
    }
}

/// Declares a property attribute (one without a value) as a unit struct.
macro_rules! flag_attribute {
    ($(#[$doc:meta])* $ty:ident = $name:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
        pub struct $ty;

        impl<'a> $crate::attr::TypedAttribute<'a> for $ty {
            const NAME: &'static str = $name;
            const FLAG: bool = true;
            fn parse(_: &'a str) -> Result<Self, $crate::error::ValueError> {
                Ok($ty)
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                Ok(())
            }
        }
    };
}
pub(crate) use flag_attribute;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attr::rtcp::RtcpMux;

    #[test]
    fn flags_refuse_values_and_values_need_them() {
        assert_eq!(parse_typed::<RtcpMux>(None), Ok(RtcpMux));
        assert!(parse_typed::<RtcpMux>(Some("1")).is_err());
        assert!(parse_typed::<bundle::Mid>(None).is_err());
        assert_eq!(line_text(&RtcpMux), "a=rtcp-mux");
    }

    #[test]
    fn unknown_attributes_have_no_typed_form() {
        let attr = Attribute::new("goo", Some("hithere"));
        assert!(attr.typed().is_none());
        assert!(attr.spec().is_none());
    }
}
