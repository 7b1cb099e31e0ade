//! `typed_attributes`: every parser of the attribute registry, the structural line parsers and
//! the codec-specific fmtp views, on arbitrary values. What parses must write a canonical form
//! that parses again and writes the same text (`normalize` relies on it).
//!
//! Input layout: one SDP line. `a=name:value` runs the registry's parser for `name` on `value`
//! (and the fmtp views for `a=fmtp`); `o= c= b= t= r= z= m= k=` run the structural parsers on
//! their value. Seeds are the lines of the corpus, so every parser starts from real values.

use sdp_core::attr::fmtp::{
    Av1Params, H264Params, H264ProfileLevelId, H265Params, OpusParams, RedParams, RtxParams,
    TelephoneEventParams, Vp8Params, Vp9Params,
};
use sdp_core::attr::registry;
use sdp_core::attr::rtp::Fmtp;
use sdp_core::attr::{Attribute, TypedAttribute};
use sdp_core::error::ValueError;
use sdp_core::field::{Bandwidth, Connection, Key, MediaLine, Origin, Repeat, TimeZones, Timing};
use sdp_core::{Line, LineKind};

/// A structural line value (`o=`, `c=`, ...): the same fixed-point property. A macro because
/// each field type borrows from its value, which one generic function cannot express.
macro_rules! field {
    ($ty:ident, $value:expr) => {{
        let value: &str = $value;
        let parsed = $ty::parse(value);
        check_value_error(parsed.as_ref().err(), value);
        if let Ok(parsed) = parsed {
            let canonical = parsed.to_string();
            match $ty::parse(&canonical) {
                Ok(again) => assert_eq!(
                    again.to_string(),
                    canonical,
                    "{}: the canonical value is not a fixed point; from {value:?}",
                    stringify!($ty)
                ),
                Err(e) => panic!(
                    "{}: the canonical value {canonical:?} does not parse ({e}); from {value:?}",
                    stringify!($ty)
                ),
            }
        }
    }};
}

/// Runs the target on one input.
pub fn run(data: &[u8]) {
    let Some(text) = crate::text(data) else {
        return;
    };
    let line = text.split('\n').next().unwrap_or_default();
    let Some((letter, value)) = line.split_once('=') else {
        return;
    };
    match letter {
        "a" => {
            let (name, value) = value.split_once(':').unwrap_or((value, ""));
            if registry::spec(name).is_some() {
                attribute(name, value);
            }
            if name == "fmtp" {
                fmtp_views(value);
            }
        }
        "o" => field!(Origin, value),
        "c" => field!(Connection, value),
        "b" => field!(Bandwidth, value),
        "t" => field!(Timing, value),
        "r" => field!(Repeat, value),
        "z" => field!(TimeZones, value),
        "m" => field!(MediaLine, value),
        "k" => field!(Key, value),
        _ => {}
    }
}

/// A registry attribute: every entry point agrees, and a typed value is a canonical fixed point.
fn attribute(name: &str, value: &str) {
    let typed = registry::parse(name, Some(value)).expect("a registry name is known");
    let with_spec = registry::parse_with_spec(name, Some(value)).expect("known");
    assert_eq!(with_spec.0.name, name);
    assert_eq!(with_spec.1, typed, "parse and parse_with_spec disagree");
    let flag = registry::parse(name, None).expect("known");
    assert_eq!(flag.is_ok(), registry::spec(name).expect("known").flag);
    check_value_error(typed.as_ref().err(), value);

    // The same value through a parsed line: the line splitter and the registry agree on it.
    let line = Line::from_text(format!("a={name}:{value}"));
    if line.kind() == LineKind::Attribute && !value.contains(['\r', '\n']) {
        if let Some(attr) = line.as_attribute() {
            if attr.name() == name && attr.value() == Some(value.trim_end_matches([' ', '\t'])) {
                let _ = attr.typed();
            }
        }
    }

    // The parser hands each value over without its trailing white space and never with a line
    // feed: the fixed-point property is about such values.
    let trimmed = value.trim_end_matches([' ', '\t']);
    if trimmed.len() != value.len() || value.contains('\n') {
        return;
    }
    let Ok(typed) = typed else {
        return;
    };
    let canonical = typed.to_string();
    let again = match registry::parse(name, Some(&canonical)).expect("known") {
        Ok(again) => again,
        Err(e) => panic!(
            "a={name}: the canonical value {canonical:?} does not parse ({e}); from {value:?}"
        ),
    };
    assert_eq!(
        again.to_string(),
        canonical,
        "a={name}: the canonical value is not a fixed point; from {value:?}"
    );
    let line = typed.to_line();
    let attr: Attribute<'_> = line.as_attribute().expect("to_line writes an attribute");
    assert_eq!(attr.name(), name);
    assert!(
        matches!(attr.typed(), Some(Ok(_))),
        "a={name}: to_line {:?} does not parse back",
        line.text()
    );
}

/// The codec views read any fmtp without panicking, and their errors point into the value.
fn fmtp_views(value: &str) {
    let _ = H264ProfileLevelId::parse(value);
    let Ok(fmtp) = Fmtp::parse(value) else {
        return;
    };
    for param in fmtp.params() {
        if let Some(key) = param.key {
            let _ = fmtp.get(key);
        }
    }
    check_value_error(H264Params::from_fmtp(&fmtp).err().as_ref(), value);
    check_value_error(H265Params::from_fmtp(&fmtp).err().as_ref(), value);
    check_value_error(Vp8Params::from_fmtp(&fmtp).err().as_ref(), value);
    check_value_error(Vp9Params::from_fmtp(&fmtp).err().as_ref(), value);
    check_value_error(Av1Params::from_fmtp(&fmtp).err().as_ref(), value);
    check_value_error(OpusParams::from_fmtp(&fmtp).err().as_ref(), value);
    check_value_error(TelephoneEventParams::from_fmtp(&fmtp).err().as_ref(), value);
    check_value_error(RedParams::from_fmtp(&fmtp).err().as_ref(), value);
    check_value_error(RtxParams::from_fmtp(&fmtp).err().as_ref(), value);
}

/// A value error's offset lies inside the value, so the parser can turn it into a span.
fn check_value_error(err: Option<&ValueError>, value: &str) {
    if let Some(err) = err {
        assert!(
            err.offset <= value.len(),
            "error offset {} beyond the {}-byte value: {err}",
            err.offset,
            value.len()
        );
        let _ = err.found_in(value);
    }
}
