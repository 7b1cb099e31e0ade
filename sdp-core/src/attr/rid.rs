//! RTP stream identifiers: `a=rid` (RFC 8851).
//!
//! `a=rid:<rid-id> <send|recv> [pt=<fmt>,...][;<restriction>...]` names an RTP stream and
//! restricts it (`max-width`, `max-height`, `max-fps`, `max-br`, ...). Simulcast
//! (`a=simulcast`) refers to these ids.

use std::fmt;

use nom::bytes::complete::take_while1;
use nom::Parser;

use crate::attr::TypedAttribute;
use crate::error::ValueError;
use crate::lex::{self, expect, PResult};

const RID_ID_EXPECTED: &str = "a rid id (letters, digits, `-`, `_`)";
const DIR_EXPECTED: &str = "`send` or `recv`";
const PARAM_EXPECTED: &str = "a restriction name (letters, digits, `-`)";

/// Whether `c` may appear in a `rid-id` (RFC 8851 §10: alpha-numeric / "-" / "_").
pub(crate) fn is_rid_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

// RFC 8851 §10: rid-id = 1*(alpha-numeric / "-" / "_")
pub(crate) fn parse_rid_id(input: &str) -> PResult<'_, &str> {
    expect(RID_ID_EXPECTED, take_while1(is_rid_char)).parse(input)
}

// RFC 8851 §10: rid-dir = %s"send" / %s"recv"
fn parse_rid_dir(input: &str) -> PResult<'_, RidDirection> {
    let len = input.bytes().take_while(u8::is_ascii_alphanumeric).count();
    match input.get(..len) {
        Some("send") => Ok((input.get(len..).unwrap_or_default(), RidDirection::Send)),
        Some("recv") => Ok((input.get(len..).unwrap_or_default(), RidDirection::Recv)),
        _ => lex::fail(input, DIR_EXPECTED),
    }
}

// RFC 8851 §10: rid-fmt-list = %s"pt=" fmt *( "," fmt )   (fmt: an RTP payload type here)
fn parse_rid_fmt_list(input: &str) -> PResult<'_, &str> {
    let (mut rest, _) = lex::payload_type(input)?;
    while let Some(next) = rest.strip_prefix(',') {
        rest = lex::payload_type(next)?.0;
    }
    Ok((
        rest,
        input.get(..lex::offset_in(input, rest)).unwrap_or_default(),
    ))
}

// RFC 8851 §10: rid-list = rid-id *( "," rid-id )
fn parse_rid_list(input: &str) -> PResult<'_, &str> {
    let (mut rest, _) = parse_rid_id(input)?;
    while let Some(next) = rest.strip_prefix(',') {
        rest = parse_rid_id(next)?.0;
    }
    Ok((
        rest,
        input.get(..lex::offset_in(input, rest)).unwrap_or_default(),
    ))
}

// RFC 8851 §10: int-param-val = 1*DIGIT (read into u64 here; overflow is an error)
fn parse_int_param_val(input: &str) -> PResult<'_, u64> {
    lex::u64_dec("an integer")(input)
}

// RFC 8851 §10: float-param-val = 1*DIGIT "." 1*DIGIT (an integer is accepted too)
fn parse_float_param_val(input: &str) -> PResult<'_, f64> {
    lex::decimal("a decimal number")(input)
}

// RFC 8851 §10: param-val = *( %x20-3A / %x3C-7E )  ; printable except ";"
fn parse_param_val(input: &str) -> PResult<'_, &str> {
    let len = input
        .bytes()
        .take_while(|&b| (0x20..=0x7E).contains(&b) && b != b';')
        .count();
    Ok((
        input.get(len..).unwrap_or_default(),
        input.get(..len).unwrap_or_default(),
    ))
}

// RFC 8851 §10: rid-param = rid-width-param / rid-height-param / rid-fps-param / rid-fs-param
//   / rid-br-param / rid-pps-param / rid-bpp-param / rid-depend-param / rid-param-other
// rid-param-other = 1*(alpha-numeric / "-") [ "=" param-val ]
fn parse_rid_param(input: &str) -> PResult<'_, ()> {
    let (rest, key) = expect(
        PARAM_EXPECTED,
        take_while1(|c: char| c.is_ascii_alphanumeric() || c == '-'),
    )
    .parse(input)?;
    let value = rest.strip_prefix('=');
    let rest = match (key, value) {
        ("depend", Some(v)) => parse_rid_list(v)?.0,
        ("depend", None) => return lex::fail(rest, "`=` and a list of rid ids"),
        ("max-width" | "max-height" | "max-fs", Some(v)) => {
            lex::u32_dec("an integer (at most 4294967295)")(v)?.0
        }
        ("max-br" | "max-pps", Some(v)) => parse_int_param_val(v)?.0,
        ("max-fps" | "max-bpp", Some(v)) => parse_float_param_val(v)?.0,
        (_, Some(v)) => parse_param_val(v)?.0,
        (_, None) => rest,
    };
    Ok((rest, ()))
}

// RFC 8851 §10: rid-pt-param-list = SP rid-fmt-list *( ";" rid-param )
//               rid-param-list = SP rid-param *( ";" rid-param )
// Returns (payload type list text, restriction list text).
fn parse_rid_params(input: &str) -> PResult<'_, (Option<&str>, Option<&str>)> {
    let (rest, formats) = match input.strip_prefix("pt=") {
        Some(list) => {
            let (rest, fmts) = parse_rid_fmt_list(list)?;
            (rest, Some(fmts))
        }
        None => (input, None),
    };
    let (start, mut rest) = match (formats, rest.strip_prefix(';')) {
        (Some(_), Some(next)) => (next, parse_rid_param(next)?.0),
        (Some(_), None) => (rest, rest),
        (None, _) => (input, parse_rid_param(input)?.0),
    };
    while let Some(next) = rest.strip_prefix(';') {
        rest = parse_rid_param(next)?.0;
    }
    let restrictions = start
        .get(..lex::offset_in(start, rest))
        .map(|s| s.trim_end_matches([' ', '\t']))
        .filter(|s| !s.is_empty());
    Ok((rest, (formats, restrictions)))
}

// RFC 8851 §10: rid-syntax = %s"a=rid:" rid-id SP rid-dir [ rid-pt-param-list / rid-param-list ]
fn parse_rid(input: &str) -> PResult<'_, Rid<'_>> {
    let (rest, id) = parse_rid_id(input)?;
    let (rest, _) = lex::sp(rest)?;
    let (rest, direction) = parse_rid_dir(rest)?;
    let (after_sp, sp) = lex::opt_sp(rest)?;
    let (rest, (formats, restrictions)) = if sp.is_empty() || after_sp.is_empty() {
        (rest, (None, None))
    } else {
        parse_rid_params(after_sp)?
    };
    Ok((
        rest,
        Rid {
            id,
            direction,
            formats,
            restrictions,
        },
    ))
}

/// The direction of an RTP stream named by `a=rid`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RidDirection {
    /// `send`: the writer of the SDP sends the stream.
    Send,
    /// `recv`: the writer of the SDP receives the stream.
    Recv,
}

impl RidDirection {
    /// `"send"` or `"recv"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            RidDirection::Send => "send",
            RidDirection::Recv => "recv",
        }
    }

    /// The other direction (what the answerer writes back).
    pub const fn reversed(self) -> RidDirection {
        match self {
            RidDirection::Send => RidDirection::Recv,
            RidDirection::Recv => RidDirection::Send,
        }
    }
}

impl fmt::Display for RidDirection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `a=rid` (RFC 8851 §10): an RTP stream id, its direction, payload types and restrictions.
///
/// The payload type list and the restrictions are kept as the borrowed text, checked at parse
/// time, and walked on demand.
///
/// ```
/// use sdp_core::attr::rid::{Rid, RidDirection};
/// use sdp_core::attr::TypedAttribute;
/// let rid = Rid::parse("1 send pt=97;max-width=1280;max-height=720;max-fps=30").unwrap();
/// assert_eq!((rid.id(), rid.direction()), ("1", RidDirection::Send));
/// assert_eq!(rid.payload_types().collect::<Vec<_>>(), [97]);
/// assert_eq!((rid.max_width(), rid.max_height(), rid.max_fps()), (Some(1280), Some(720), Some(30.0)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rid<'a> {
    id: &'a str,
    direction: RidDirection,
    formats: Option<&'a str>,
    restrictions: Option<&'a str>,
}

impl<'a> Rid<'a> {
    /// A rid without payload types or restrictions. `id` must follow the `rid-id` grammar
    /// (letters, digits, `-`, `_`) for the attribute to read back.
    pub const fn new(id: &'a str, direction: RidDirection) -> Self {
        Rid {
            id,
            direction,
            formats: None,
            restrictions: None,
        }
    }

    /// A rid with a parameter list as it follows the direction, e.g. `"pt=96;max-width=320"`,
    /// checked against the grammar (offsets in the error refer to `params`).
    pub fn with_params(
        id: &'a str,
        direction: RidDirection,
        params: &'a str,
    ) -> Result<Self, ValueError> {
        lex::run(id, parse_rid_id)?;
        let (formats, restrictions) = lex::run(params, parse_rid_params)?;
        Ok(Rid {
            id,
            direction,
            formats,
            restrictions,
        })
    }

    /// The rid id.
    pub fn id(&self) -> &'a str {
        self.id
    }

    /// `send` or `recv`.
    pub fn direction(&self) -> RidDirection {
        self.direction
    }

    /// The payload types of `pt=`, in order (none when there is no `pt=`).
    pub fn payload_types(&self) -> impl Iterator<Item = u8> + 'a {
        self.formats
            .unwrap_or_default()
            .split(',')
            .filter_map(|pt| pt.parse().ok())
    }

    /// The `pt=` list as written, without `pt=`.
    pub fn payload_types_str(&self) -> Option<&'a str> {
        self.formats
    }

    /// The restrictions (`key[=value]`, without `pt=`), in order.
    pub fn restrictions(&self) -> impl Iterator<Item = (&'a str, Option<&'a str>)> + 'a {
        self.restrictions
            .into_iter()
            .flat_map(|text| text.split(';'))
            .map(|param| match param.split_once('=') {
                Some((key, value)) => (key, Some(value)),
                None => (param, None),
            })
    }

    /// The restriction list as written (without `pt=`).
    pub fn restrictions_str(&self) -> Option<&'a str> {
        self.restrictions
    }

    /// The value of the first restriction named `key`; `Some(None)` for a name without value.
    pub fn restriction(&self, key: &str) -> Option<Option<&'a str>> {
        self.restrictions()
            .find(|&(k, _)| k == key)
            .map(|(_, value)| value)
    }

    fn number<T: std::str::FromStr>(&self, key: &str) -> Option<T> {
        self.restriction(key).flatten().and_then(|v| v.parse().ok())
    }

    /// `max-width`, in pixels.
    pub fn max_width(&self) -> Option<u32> {
        self.number("max-width")
    }

    /// `max-height`, in pixels.
    pub fn max_height(&self) -> Option<u32> {
        self.number("max-height")
    }

    /// `max-fps`, in frames per second.
    pub fn max_fps(&self) -> Option<f64> {
        self.number("max-fps")
    }

    /// `max-fs`, the frame size in pixels.
    pub fn max_fs(&self) -> Option<u32> {
        self.number("max-fs")
    }

    /// `max-br`, in bits per second.
    pub fn max_br(&self) -> Option<u64> {
        self.number("max-br")
    }

    /// `max-pps`, in pixels per second.
    pub fn max_pps(&self) -> Option<u64> {
        self.number("max-pps")
    }

    /// `max-bpp`, in bits per pixel.
    pub fn max_bpp(&self) -> Option<f64> {
        self.number("max-bpp")
    }

    /// The rid ids of `depend=`, in order.
    pub fn depend(&self) -> impl Iterator<Item = &'a str> + 'a {
        self.restriction("depend")
            .flatten()
            .unwrap_or_default()
            .split(',')
            .filter(|s| !s.is_empty())
    }
}

impl<'a> TypedAttribute<'a> for Rid<'a> {
    const NAME: &'static str = "rid";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        lex::run(value, parse_rid)
    }
}

impl fmt::Display for Rid<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.id, self.direction)?;
        let mut sep = " ";
        if let Some(formats) = self.formats {
            write!(f, " pt={formats}")?;
            sep = ";";
        }
        if let Some(restrictions) = self.restrictions {
            write!(f, "{sep}{restrictions}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rid_reads_bare_send_and_recv() {
        let hi = Rid::parse("hi send").unwrap();
        assert_eq!(hi, Rid::new("hi", RidDirection::Send));
        assert_eq!(hi.payload_types().count(), 0);
        assert_eq!(hi.restrictions().count(), 0);
        assert_eq!(
            Rid::parse("foo recv").unwrap().direction(),
            RidDirection::Recv
        );
        assert_eq!(Rid::parse("a-b_c send ").unwrap().id(), "a-b_c");
    }

    #[test]
    fn rid_reads_payload_types_and_restrictions_in_order() {
        let r = Rid::parse("1 send pt=96,97;max-width=320;max-height=180;max-br=100000").unwrap();
        assert_eq!(r.payload_types().collect::<Vec<_>>(), [96, 97]);
        assert_eq!(
            r.restrictions().collect::<Vec<_>>(),
            [
                ("max-width", Some("320")),
                ("max-height", Some("180")),
                ("max-br", Some("100000"))
            ]
        );
        assert_eq!(r.max_width(), Some(320));
        assert_eq!(r.max_br(), Some(100000));
        assert_eq!(r.max_pps(), None);
        let c = Rid::parse("c recv pt=97").unwrap();
        assert_eq!(c.payload_types_str(), Some("97"));
        assert_eq!(c.restrictions_str(), None);
    }

    #[test]
    fn rid_reads_restrictions_without_pt() {
        let r = Rid::parse("lo send max-fps=29.97;max-fs=3600;max-pps=100;max-bpp=1.5;depend=a,b;x-custom=a b;flag")
            .unwrap();
        assert_eq!(r.payload_types_str(), None);
        assert_eq!(r.max_fps(), Some(29.97));
        assert_eq!(r.max_fs(), Some(3600));
        assert_eq!(r.max_pps(), Some(100));
        assert_eq!(r.max_bpp(), Some(1.5));
        assert_eq!(r.depend().collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(r.restriction("x-custom"), Some(Some("a b")));
        assert_eq!(r.restriction("flag"), Some(None));
        assert_eq!(r.restriction("nope"), None);
    }

    #[test]
    fn rid_known_restrictions_may_omit_values() {
        let r = Rid::parse("1 send max-width;max-height").unwrap();
        assert_eq!(r.restriction("max-width"), Some(None));
        assert_eq!(r.max_width(), None);
    }

    #[test]
    fn rid_rejects_malformed_values() {
        assert_eq!(Rid::parse(""), Err(ValueError::new(0, RID_ID_EXPECTED)));
        assert_eq!(Rid::parse("a.b send"), Err(ValueError::new(1, "a space")));
        assert_eq!(Rid::parse("hi"), Err(ValueError::new(2, "a space")));
        assert_eq!(
            Rid::parse("hi sendrecv"),
            Err(ValueError::new(3, DIR_EXPECTED))
        );
        assert_eq!(Rid::parse("hi SEND"), Err(ValueError::new(3, DIR_EXPECTED)));
        assert_eq!(
            Rid::parse("1 send pt=x"),
            Err(ValueError::new(10, "a payload type (0-127)"))
        );
        assert_eq!(
            Rid::parse("1 send pt=96,200"),
            Err(ValueError::new(13, "a payload type (0-127)"))
        );
        assert_eq!(
            Rid::parse("1 send max-width=abc"),
            Err(ValueError::new(17, "an integer (at most 4294967295)"))
        );
        assert_eq!(
            Rid::parse("1 send max-fps=fast"),
            Err(ValueError::new(15, "a decimal number"))
        );
        assert_eq!(
            Rid::parse("1 send depend"),
            Err(ValueError::new(13, "`=` and a list of rid ids"))
        );
        assert_eq!(
            Rid::parse("1 send pt=96;"),
            Err(ValueError::new(13, PARAM_EXPECTED))
        );
        assert_eq!(
            Rid::parse("1 send max-width=320;"),
            Err(ValueError::new(21, PARAM_EXPECTED))
        );
        assert_eq!(
            Rid::parse("1 send =3"),
            Err(ValueError::new(7, PARAM_EXPECTED))
        );
        assert_eq!(
            Rid::parse("1 send pt=96 x"),
            Err(ValueError::new(13, "end of value"))
        );
    }

    #[test]
    fn rid_writes_canonically_and_round_trips() {
        for text in [
            "hi send",
            "1 send pt=96;max-width=320",
            "1 send pt=97;max-width=1280;max-height=720;max-fps=30",
            "2 send pt=98",
            "lo recv max-br=64000",
            "x send depend=a,b",
        ] {
            let r = Rid::parse(text).unwrap();
            assert_eq!(r.to_string(), text);
            assert_eq!(Rid::parse(&r.to_string()).unwrap(), r);
        }
        assert_eq!(
            Rid::parse("hi   send   pt=96").unwrap().to_string(),
            "hi send pt=96"
        );
    }

    #[test]
    fn rid_with_params_checks_the_list() {
        let r = Rid::with_params("1", RidDirection::Send, "pt=96;max-width=320").unwrap();
        assert_eq!(r, Rid::parse("1 send pt=96;max-width=320").unwrap());
        let m = Rid::with_params("lo", RidDirection::Recv, "max-fps=15").unwrap();
        assert_eq!(m.to_string(), "lo recv max-fps=15");
        assert_eq!(
            Rid::with_params("1", RidDirection::Send, "pt=x"),
            Err(ValueError::new(3, "a payload type (0-127)"))
        );
        assert!(Rid::with_params("a b", RidDirection::Send, "pt=1").is_err());
        assert_eq!(RidDirection::Send.reversed(), RidDirection::Recv);
    }
}
