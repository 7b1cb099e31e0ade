//! `b=` bandwidth (RFC 8866 §5.8, RFC 3890 `TIAS`, RFC 3556 `RS`/`RR`).

use std::fmt;

use crate::error::ValueError;
use crate::lex::{expect, run, token_until, u64_dec, PResult};

/// `b=<bwtype>:<bandwidth>`: kilobits per second for `AS`/`CT`, bits per second for `TIAS`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bandwidth<'a> {
    /// The modifier: `AS`, `CT`, `TIAS`, `RS`, `RR` or an `X-` extension, as written.
    pub bwtype: &'a str,
    /// The value.
    pub bandwidth: u64,
}

// bandwidth-fields = *(%x62 "=" bwtype ":" bandwidth CRLF); bwtype = token; bandwidth = 1*DIGIT
fn parse_bandwidth(input: &str) -> PResult<'_, Bandwidth<'_>> {
    let (input, bwtype) = expect(
        "a bandwidth type (`AS`, `CT`, `TIAS`, ...)",
        token_until(':'),
    )(input)?;
    let (input, _) = expect("`:`", nom::bytes::complete::tag(":"))(input)?;
    let (input, bandwidth) = u64_dec("a bandwidth (a non-negative integer)")(input)?;
    Ok((input, Bandwidth { bwtype, bandwidth }))
}

impl<'a> Bandwidth<'a> {
    /// Parses the value of a `b=` line.
    pub fn parse(value: &'a str) -> Result<Self, ValueError> {
        run(value, parse_bandwidth)
    }
}

impl fmt::Display for Bandwidth<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.bwtype, self.bandwidth)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bandwidth_reads_type_and_value() {
        let b = Bandwidth::parse("AS:30").unwrap();
        assert_eq!((b.bwtype, b.bandwidth), ("AS", 30));
        assert_eq!(
            Bandwidth::parse("TIAS:64000").unwrap().to_string(),
            "TIAS:64000"
        );
    }

    #[test]
    fn bandwidth_rejects_negative_and_missing_values() {
        assert_eq!(
            Bandwidth::parse("AS:-1000"),
            Err(ValueError::new(3, "a bandwidth (a non-negative integer)"))
        );
        assert_eq!(Bandwidth::parse("AS"), Err(ValueError::new(2, "`:`")));
    }
}
