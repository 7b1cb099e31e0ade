//! Small nom building blocks shared by the typed parsers.
//!
//! Every typed parser works on a borrowed value (`&'a str`) and reports failures as a
//! [`ValueError`]: a byte offset into the value and what was expected there. [`PError`] is the nom
//! error type that carries that expectation; [`expect`] names what a sub-parser reads, and
//! [`run`] applies a parser to a whole value.

use nom::error::{ErrorKind, ParseError};
use nom::{IResult, Parser};

use crate::error::ValueError;

/// nom error: the input where parsing failed and what was expected there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PError<'a> {
    /// The remaining input at the failure.
    pub input: &'a str,
    /// What was expected.
    pub expected: &'static str,
}

impl<'a> ParseError<&'a str> for PError<'a> {
    fn from_error_kind(input: &'a str, kind: ErrorKind) -> Self {
        let expected = match kind {
            ErrorKind::Digit => "a number",
            ErrorKind::Space | ErrorKind::MultiSpace => "white space",
            ErrorKind::Eof => "end of value",
            _ => "valid syntax",
        };
        PError { input, expected }
    }

    fn append(_: &'a str, _: ErrorKind, other: Self) -> Self {
        other
    }
}

/// nom result with [`PError`].
pub type PResult<'a, T> = IResult<&'a str, T, PError<'a>>;

/// Makes a failure of `parser` report `expected` at the position where `parser` started.
pub fn expect<'a, O, P>(
    expected: &'static str,
    mut parser: P,
) -> impl FnMut(&'a str) -> PResult<'a, O>
where
    P: Parser<&'a str, Output = O, Error = PError<'a>>,
{
    move |input: &'a str| {
        parser
            .parse(input)
            .map_err(|e| e.map(|_| PError { input, expected }))
    }
}

/// A failure at `input` expecting `expected`, for hand-written checks inside parsers.
pub fn fail<'a, T>(input: &'a str, expected: &'static str) -> PResult<'a, T> {
    Err(nom::Err::Error(PError { input, expected }))
}

/// Applies `parser` to all of `value`: leftover text other than trailing white space is an error
/// ("expected end of value").
pub fn run<'a, O, P>(value: &'a str, mut parser: P) -> Result<O, ValueError>
where
    P: Parser<&'a str, Output = O, Error = PError<'a>>,
{
    match parser.parse(value) {
        Ok((rest, out)) => {
            let leftover = rest.trim_start_matches([' ', '\t']);
            if leftover.is_empty() {
                Ok(out)
            } else {
                // Point at the unexpected text, not at the white space before it.
                Err(ValueError::new(offset_in(value, leftover), "end of value"))
            }
        }
        Err(nom::Err::Error(e) | nom::Err::Failure(e)) => {
            Err(ValueError::new(offset_in(value, e.input), e.expected))
        }
        Err(nom::Err::Incomplete(_)) => Err(ValueError::new(value.len(), "more input")),
    }
}

/// Byte offset of `rest` (a suffix of `whole`) within `whole`.
pub fn offset_in(whole: &str, rest: &str) -> usize {
    whole.len().saturating_sub(rest.len())
}

/// Where `part` starts in `whole` when it is a sub-slice of it (a token split out of a value);
/// `None` for any other string, so a caller's span never points outside `whole`.
pub(crate) fn subslice_offset(whole: &str, part: &str) -> Option<usize> {
    let start = (part.as_ptr() as usize).checked_sub(whole.as_ptr() as usize)?;
    (start + part.len() <= whole.len()).then_some(start)
}

/// RFC 8866 `token-char`: `%x21 / %x23-27 / %x2A-2B / %x2D-2E / %x30-39 / %x41-5A / %x5E-7E`.
pub const fn is_token_byte(b: u8) -> bool {
    matches!(b, 0x21 | 0x23..=0x27 | 0x2A..=0x2B | 0x2D..=0x2E | 0x30..=0x39 | 0x41..=0x5A | 0x5E..=0x7E)
}

/// RFC 8866 `token-char`, for `char` predicates.
pub fn is_token_char(c: char) -> bool {
    u8::try_from(c).is_ok_and(is_token_byte)
}

/// Whether `t` is an RFC 8866 `token`: one or more `token-char`s.
pub fn is_token(t: &str) -> bool {
    !t.is_empty() && t.bytes().all(is_token_byte)
}

/// Length of the leading run of bytes in `input` that satisfy `keep`.
///
/// The leaf parsers below scan bytes rather than `char`s: every delimiter they look for is
/// ASCII, so a byte index is always a character boundary, and scanning bytes skips UTF-8
/// decoding on the parser's hottest path.
fn run_len(input: &str, keep: impl Fn(u8) -> bool) -> usize {
    input.bytes().position(|b| !keep(b)).unwrap_or(input.len())
}

fn split(input: &str, at: usize) -> (&str, &str) {
    (
        input.get(at..).unwrap_or_default(),
        input.get(..at).unwrap_or_default(),
    )
}

/// One or more spaces or tabs (RFC 8866 asks for exactly one space; real input sometimes has
/// more, and the text is kept as written anyway).
pub fn sp(input: &str) -> PResult<'_, &str> {
    match run_len(input, |b| b == b' ' || b == b'\t') {
        0 => fail(input, "a space"),
        n => Ok(split(input, n)),
    }
}

/// Zero or more spaces or tabs.
pub fn opt_sp(input: &str) -> PResult<'_, &str> {
    Ok(split(input, run_len(input, |b| b == b' ' || b == b'\t')))
}

/// A non-empty run of characters other than white space.
pub fn token(input: &str) -> PResult<'_, &str> {
    match run_len(input, |b| b != b' ' && b != b'\t') {
        0 => fail(input, "a token"),
        n => Ok(split(input, n)),
    }
}

/// A non-empty run of characters that are neither white space nor `stop` (an ASCII character).
pub fn token_until(stop: char) -> impl Fn(&str) -> PResult<'_, &str> {
    let stop = u8::try_from(stop).unwrap_or(b' ');
    move |input| match run_len(input, |b| b != b' ' && b != b'\t' && b != stop) {
        0 => fail(input, "a token"),
        n => Ok(split(input, n)),
    }
}

/// Everything up to the end of the value (possibly empty).
pub fn rest(input: &str) -> PResult<'_, &str> {
    Ok(("", input))
}

macro_rules! unsigned {
    ($name:ident, $ty:ty) => {
        /// An unsigned decimal number that fits the type; reports `expected` on failure.
        pub fn $name<'a>(expected: &'static str) -> impl Fn(&'a str) -> PResult<'a, $ty> {
            move |input: &'a str| {
                let mut n: $ty = 0;
                let mut digits = 0;
                for b in input.bytes() {
                    if !b.is_ascii_digit() {
                        break;
                    }
                    match n
                        .checked_mul(10)
                        .and_then(|n| n.checked_add(<$ty>::from(b - b'0')))
                    {
                        Some(next) => n = next,
                        None => return fail(input, expected),
                    }
                    digits += 1;
                }
                if digits == 0 {
                    return fail(input, expected);
                }
                Ok(split(input, digits)).map(|(rest, _)| (rest, n))
            }
        }
    };
}

unsigned!(u8_dec, u8);
unsigned!(u16_dec, u16);
unsigned!(u32_dec, u32);
unsigned!(u64_dec, u64);

/// A decimal number with an optional fraction, e.g. `20` or `0.5` (as in `a=ptime`).
pub fn decimal<'a>(expected: &'static str) -> impl Fn(&'a str) -> PResult<'a, f64> {
    move |input: &'a str| {
        let int = input.bytes().take_while(u8::is_ascii_digit).count();
        let mut len = int;
        if input.as_bytes().get(int) == Some(&b'.') {
            let frac = input
                .get(int + 1..)
                .unwrap_or_default()
                .bytes()
                .take_while(u8::is_ascii_digit)
                .count();
            if frac > 0 {
                len = int + 1 + frac;
            }
        }
        match input.get(..len).map(str::parse::<f64>) {
            Some(Ok(n)) if int > 0 => Ok((input.get(len..).unwrap_or_default(), n)),
            _ => fail(input, expected),
        }
    }
}

/// A payload type: a number 0-127.
pub fn payload_type(input: &str) -> PResult<'_, u8> {
    let expected = "a payload type (0-127)";
    let (rest, pt) = u8_dec(expected)(input)?;
    if pt > 127 {
        return fail(input, expected);
    }
    Ok((rest, pt))
}

/// A literal word, e.g. `"IN"`.
pub fn word<'a>(
    literal: &'static str,
    expected: &'static str,
) -> impl Fn(&'a str) -> PResult<'a, &'a str> {
    move |input: &'a str| expect(expected, nom::bytes::complete::tag(literal))(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subslice_offset_finds_tokens_and_refuses_other_strings() {
        let value = "BUNDLE 0 1";
        let last = value.split(' ').next_back().unwrap_or_default();
        assert_eq!(subslice_offset(value, last), Some(9));
        assert_eq!(subslice_offset(value, &value[..0]), Some(0));
        let copy = String::from("1");
        assert_eq!(subslice_offset(value, &copy), None);
    }

    #[test]
    fn run_reports_offset_and_expectation() {
        let r = run("12 x", (u16_dec("a port"), sp, u16_dec("a count")));
        assert_eq!(r, Err(ValueError::new(3, "a count")));
        assert_eq!(run("12", u16_dec("a port")), Ok(12));
        assert_eq!(run("12 ", u16_dec("a port")), Ok(12));
        assert_eq!(
            run("12z", u16_dec("a port")),
            Err(ValueError::new(2, "end of value"))
        );
    }

    #[test]
    fn numbers_reject_overflow_and_empty_input() {
        assert_eq!(
            run("70000", u16_dec("a port")),
            Err(ValueError::new(0, "a port"))
        );
        assert_eq!(run("", u8_dec("n")), Err(ValueError::new(0, "n")));
        assert_eq!(
            run("128", payload_type),
            Err(ValueError::new(0, "a payload type (0-127)"))
        );
        assert_eq!(run("127", payload_type), Ok(127));
    }

    #[test]
    fn decimal_reads_fractions() {
        assert_eq!(run("20", decimal("ms")), Ok(20.0));
        assert_eq!(run("2.5", decimal("ms")), Ok(2.5));
        assert_eq!(
            run("2.", decimal("ms")),
            Err(ValueError::new(1, "end of value"))
        );
        assert_eq!(run(".5", decimal("ms")), Err(ValueError::new(0, "ms")));
    }
}
