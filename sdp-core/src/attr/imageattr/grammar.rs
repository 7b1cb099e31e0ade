//! The RFC 6236 §3.1.1 grammar of `a=imageattr`, walked with nom-style parsers.

use super::{ImageAttr, XyRange};
use crate::lex::{self, PResult};

pub(super) const PT_EXPECTED: &str = "a payload type (0-127) or `*`";
pub(super) const DIR_EXPECTED: &str = "`send` or `recv`";
pub(super) const XY_EXPECTED: &str = "a pixel count (1-999999)";
pub(super) const SAR_EXPECTED: &str = "an aspect ratio (e.g. `1.1`)";
pub(super) const Q_EXPECTED: &str = "a preference between 0 and 1 (e.g. `0.5`)";

fn tag<'a>(literal: &'static str, expected: &'static str) -> impl Fn(&'a str) -> PResult<'a, ()> {
    move |input: &'a str| match input.strip_prefix(literal) {
        Some(rest) => Ok((rest, ())),
        None => lex::fail(input, expected),
    }
}

// RFC 6236 §3.1.1: PT = 1*DIGIT / "*"
fn parse_pt(input: &str) -> PResult<'_, Option<u8>> {
    if let Some(rest) = input.strip_prefix('*') {
        return Ok((rest, None));
    }
    match lex::payload_type(input) {
        Ok((rest, pt)) => Ok((rest, Some(pt))),
        Err(_) => lex::fail(input, PT_EXPECTED),
    }
}

// RFC 6236 §3.1.1: xyvalue = onetonine *5DIGIT
fn parse_xyvalue(input: &str) -> PResult<'_, u32> {
    let digits = input.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 6 || input.starts_with('0') {
        return lex::fail(input, XY_EXPECTED);
    }
    lex::u32_dec(XY_EXPECTED)(input)
}

// RFC 6236 §3.1.1: xyrange = ( "[" xyvalue ":" [ xyvalue ":" ] xyvalue "]" )
//                          / ( "[" xyvalue 1*( "," xyvalue ) "]" ) / xyvalue
pub(super) fn parse_xyrange(input: &str) -> PResult<'_, XyRange<'_>> {
    let Some(inner) = input.strip_prefix('[') else {
        let (rest, v) = parse_xyvalue(input)?;
        return Ok((rest, XyRange::Value(v)));
    };
    let (rest, first) = parse_xyvalue(inner)?;
    if let Some(after) = rest.strip_prefix(':') {
        let (rest, second) = parse_xyvalue(after)?;
        let (rest, range) = match rest.strip_prefix(':') {
            Some(after) => {
                let (rest, max) = parse_xyvalue(after)?;
                (
                    rest,
                    XyRange::Range {
                        min: first,
                        step: Some(second),
                        max,
                    },
                )
            }
            None => (
                rest,
                XyRange::Range {
                    min: first,
                    step: None,
                    max: second,
                },
            ),
        };
        let (rest, ()) = tag("]", "`]` or `:`")(rest)?;
        return Ok((rest, range));
    }
    let (mut rest, ()) = tag(",", "`:` or `,`")(rest)?;
    rest = parse_xyvalue(rest)?.0;
    while let Some(after) = rest.strip_prefix(',') {
        rest = parse_xyvalue(after)?.0;
    }
    let list = inner.get(..lex::offset_in(inner, rest)).unwrap_or_default();
    let (rest, ()) = tag("]", "`]` or `,`")(rest)?;
    Ok((rest, XyRange::Discrete(list)))
}

// RFC 6236 §3.1.1: sarvalue = ( "0" "." onetonine *3DIGIT ) / ( onetonine [ "." *4DIGIT ] )
// (read as a positive decimal number)
fn parse_sarvalue(input: &str) -> PResult<'_, f64> {
    let (rest, v) = lex::decimal(SAR_EXPECTED)(input)?;
    if v <= 0.0 {
        return lex::fail(input, SAR_EXPECTED);
    }
    Ok((rest, v))
}

// RFC 6236 §3.1.1: srange = ( "[" sarvalue 1*( "," sarvalue ) "]" )
//                         / ( "[" sarvalue "-" sarvalue "]" ) / sarvalue
fn parse_srange(input: &str) -> PResult<'_, ()> {
    let Some(inner) = input.strip_prefix('[') else {
        return Ok((parse_sarvalue(input)?.0, ()));
    };
    let (rest, _) = parse_sarvalue(inner)?;
    if let Some(after) = rest.strip_prefix('-') {
        let (rest, _) = parse_sarvalue(after)?;
        return tag("]", "`]`")(rest);
    }
    let (mut rest, ()) = tag(",", "`-` or `,`")(rest)?;
    rest = parse_sarvalue(rest)?.0;
    while let Some(after) = rest.strip_prefix(',') {
        rest = parse_sarvalue(after)?.0;
    }
    tag("]", "`]` or `,`")(rest)
}

// RFC 6236 §3.1.1: prange = ( "[" parvalue "-" parvalue "]" )
fn parse_prange(input: &str) -> PResult<'_, ()> {
    let (rest, ()) = tag("[", "`[` and a range of aspect ratios")(input)?;
    let (rest, _) = parse_sarvalue(rest)?;
    let (rest, ()) = tag("-", "`-`")(rest)?;
    let (rest, _) = parse_sarvalue(rest)?;
    tag("]", "`]`")(rest)
}

// RFC 6236 §3.1.1: qvalue = ( "0" "." 1*2DIGIT ) / ( "1" "." 1*2("0") ) (read as 0 to 1)
fn parse_qvalue(input: &str) -> PResult<'_, f64> {
    let (rest, q) = lex::decimal(Q_EXPECTED)(input)?;
    if !(0.0..=1.0).contains(&q) {
        return lex::fail(input, Q_EXPECTED);
    }
    Ok((rest, q))
}

// RFC 6236 §3.1.1: "Key-value MAY be extended with other keyword parameters":
// read as 1*(ALPHA / DIGIT / "-" / "_") "=" (a bracketed group or a run up to `,` / `]`).
fn parse_other_key_value(input: &str) -> PResult<'_, ()> {
    let key_len = input
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_')
        .count();
    let Some(value) = input.get(key_len..).and_then(|r| r.strip_prefix('=')) else {
        return lex::fail(input, "`sar=`, `par=`, `q=` or another `key=value`");
    };
    if key_len == 0 {
        return lex::fail(input, "`sar=`, `par=`, `q=` or another `key=value`");
    }
    let len = if value.starts_with('[') {
        match value.find(']') {
            Some(end) => end + 1,
            None => return lex::fail(value, "a value closed by `]`"),
        }
    } else {
        value
            .bytes()
            .take_while(|b| b.is_ascii_graphic() && !matches!(b, b',' | b']' | b'['))
            .count()
    };
    if len == 0 || value.get(..len).is_some_and(|v| v.contains([' ', '\t'])) {
        return lex::fail(value, "a parameter value");
    }
    Ok((value.get(len..).unwrap_or_default(), ()))
}

// RFC 6236 §3.1.1: key-value = ( "sar=" srange ) / ( "par=" prange ) / ( "q=" qvalue )
fn parse_key_value(input: &str) -> PResult<'_, ()> {
    if let Some(v) = input.strip_prefix("sar=") {
        parse_srange(v)
    } else if let Some(v) = input.strip_prefix("par=") {
        parse_prange(v)
    } else if let Some(v) = input.strip_prefix("q=") {
        Ok((parse_qvalue(v)?.0, ()))
    } else {
        parse_other_key_value(input)
    }
}

// RFC 6236 §3.1.1: set = "[" "x=" xyrange "," "y=" xyrange *( "," key-value ) "]"
fn parse_set(input: &str) -> PResult<'_, &str> {
    let (rest, ()) = tag("[", "`[` (an image set) or `*`")(input)?;
    let (rest, ()) = tag("x=", "`x=`")(rest)?;
    let (rest, _) = parse_xyrange(rest)?;
    let (rest, ()) = tag(",", "`,`")(rest)?;
    let (rest, ()) = tag("y=", "`y=`")(rest)?;
    let (mut rest, _) = parse_xyrange(rest)?;
    while let Some(after) = rest.strip_prefix(',') {
        rest = parse_key_value(after)?.0;
    }
    let (rest, ()) = tag("]", "`]` or `,`")(rest)?;
    Ok((
        rest,
        input.get(..lex::offset_in(input, rest)).unwrap_or_default(),
    ))
}

// RFC 6236 §3.1.1: attr-list = ( set *(1*WSP set) ) / "*"
pub(super) fn parse_attr_list(input: &str) -> PResult<'_, &str> {
    if let Some(rest) = input.strip_prefix('*') {
        return Ok((rest, "*"));
    }
    let (mut rest, _) = parse_set(input)?;
    loop {
        let (after_sp, sp) = lex::opt_sp(rest)?;
        if sp.is_empty() || !after_sp.starts_with('[') {
            break;
        }
        rest = parse_set(after_sp)?.0;
    }
    Ok((
        rest,
        input.get(..lex::offset_in(input, rest)).unwrap_or_default(),
    ))
}

fn parse_dir(input: &str) -> PResult<'_, bool> {
    let len = input.bytes().take_while(u8::is_ascii_alphanumeric).count();
    match input.get(..len) {
        Some("send") => Ok((input.get(len..).unwrap_or_default(), true)),
        Some("recv") => Ok((input.get(len..).unwrap_or_default(), false)),
        _ => lex::fail(input, DIR_EXPECTED),
    }
}

// RFC 6236 §3.1.1: image-attr = "imageattr:" PT 1*2( 1*WSP ( "send" / "recv" ) 1*WSP attr-list )
pub(super) fn parse_image_attr(input: &str) -> PResult<'_, ImageAttr<'_>> {
    let (rest, pt) = parse_pt(input)?;
    let mut attr = ImageAttr {
        pt,
        send: None,
        recv: None,
        recv_first: false,
    };
    let (rest, _) = lex::sp(rest)?;
    let (rest, first_send) = parse_dir(rest)?;
    let (rest, _) = lex::sp(rest)?;
    let (rest, first) = parse_attr_list(rest)?;
    attr.recv_first = !first_send;
    let (after_sp, sp) = lex::opt_sp(rest)?;
    let rest = if sp.is_empty() || after_sp.is_empty() {
        rest
    } else {
        let (rest, second_send) = parse_dir(after_sp)?;
        if second_send == first_send {
            return lex::fail(after_sp, "the other direction");
        }
        let (rest, _) = lex::sp(rest)?;
        let (rest, second) = parse_attr_list(rest)?;
        if second_send {
            attr.send = Some(second);
        } else {
            attr.recv = Some(second);
        }
        rest
    };
    if first_send {
        attr.send = Some(first);
    } else {
        attr.recv = Some(first);
    }
    Ok((rest, attr))
}
