//! Media properties: `a=ptime`, `a=maxptime`, `a=framerate`, `a=quality` and `a=orient`
//! (RFC 8866 §6.4, §6.5, §6.13, §6.14, §6.8).
//!
//! The numeric forms keep their value as a number: `Display` writes it in its shortest form
//! (`a=framerate:30.0` is written back as `30`, `a=ptime:0.125` as `0.125`). The lossless writer
//! keeps the source text of unchanged lines, so this only matters for values built or changed
//! through the API.

use std::fmt;
use std::time::Duration;

use nom::Parser;

use crate::attr::TypedAttribute;
use crate::error::ValueError;
use crate::lex::{self, PResult};

/// A finite, non-negative decimal number (`20`, `0.125`, `29.97`).
fn parse_non_negative_decimal<'a>(expected: &'static str) -> impl Fn(&'a str) -> PResult<'a, f64> {
    move |input: &'a str| {
        let (rest, n) = lex::decimal(expected)(input)?;
        if n.is_finite() {
            Ok((rest, n))
        } else {
            lex::fail(input, expected)
        }
    }
}

/// Whether `n` can be written by `Display` and read back: finite and not negative.
fn is_writable(n: f64) -> bool {
    n.is_finite() && n >= 0.0
}

/// `a=ptime`: the length of time in milliseconds carried by one packet (RFC 8866 §6.4).
///
/// Decimals are allowed (`a=ptime:0.125` in ST 2110-30).
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Ptime {
    ms: f64,
}

/// `a=maxptime`: the largest amount of media in milliseconds that may be carried in one packet
/// (RFC 8866 §6.5).
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct MaxPtime {
    ms: f64,
}

macro_rules! packet_time {
    ($ty:ident, $name:literal, $expected:literal) => {
        impl $ty {
            /// A packet time of `ms` milliseconds; `None` unless `ms` is finite and not negative.
            pub fn new(ms: f64) -> Option<Self> {
                is_writable(ms).then_some($ty { ms })
            }

            /// A whole number of milliseconds.
            pub const fn from_millis(ms: u32) -> Self {
                $ty { ms: ms as f64 }
            }

            /// The packet time in milliseconds.
            pub const fn ms(&self) -> f64 {
                self.ms
            }

            /// The packet time as a [`Duration`] (`None` if it is too large for one).
            pub fn as_duration(&self) -> Option<Duration> {
                Duration::try_from_secs_f64(self.ms / 1000.0).ok()
            }
        }

        impl<'a> TypedAttribute<'a> for $ty {
            const NAME: &'static str = $name;

            // RFC 8866 §9: ptime-value / maxptime-value = non-zero-int-or-real
            // (zero is accepted here; validation may flag it)
            fn parse(value: &'a str) -> Result<Self, ValueError> {
                lex::run(value, parse_non_negative_decimal($expected)).map(|ms| $ty { ms })
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.ms)
            }
        }
    };
}

packet_time!(Ptime, "ptime", "a packet time in milliseconds");
packet_time!(
    MaxPtime,
    "maxptime",
    "a maximum packet time in milliseconds"
);

/// `a=framerate`: the maximum video frame rate in frames per second (RFC 8866 §6.13).
///
/// Decimals are allowed (`29.97`). Some DVRs append a letter to the number
/// (`a=framerate:0S`); the letter is kept in [`Framerate::suffix`] so the value is written back as
/// read.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Framerate {
    fps: f64,
    suffix: Option<char>,
}

impl Framerate {
    /// A frame rate of `fps` frames per second; `None` unless `fps` is finite and not negative.
    pub fn new(fps: f64) -> Option<Self> {
        is_writable(fps).then_some(Framerate { fps, suffix: None })
    }

    /// The frame rate in frames per second.
    pub const fn fps(&self) -> f64 {
        self.fps
    }

    /// The letter a non-standard writer put after the number (`S` in `0S`); `None` for RFC 8866
    /// values.
    pub const fn suffix(&self) -> Option<char> {
        self.suffix
    }
}

/// framerate-value = non-zero-int-or-real (RFC 8866 §9), then the optional letter some DVRs
/// append.
fn parse_framerate_value(input: &str) -> PResult<'_, Framerate> {
    let (rest, fps) = parse_non_negative_decimal("a frame rate in frames per second")(input)?;
    let (rest, suffix) = nom::combinator::opt(nom::character::complete::satisfy(|c: char| {
        c.is_ascii_alphabetic()
    }))
    .parse(rest)?;
    Ok((rest, Framerate { fps, suffix }))
}

impl<'a> TypedAttribute<'a> for Framerate {
    const NAME: &'static str = "framerate";

    fn parse(value: &'a str) -> Result<Self, ValueError> {
        lex::run(value, parse_framerate_value)
    }
}

impl fmt::Display for Framerate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.fps)?;
        match self.suffix {
            Some(c) => write!(f, "{c}"),
            None => Ok(()),
        }
    }
}

/// `a=quality`: the suggested encoding quality, 0 (worst) to 10 (best) (RFC 8866 §6.14).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Quality(u8);

impl Quality {
    /// The highest quality, 10.
    pub const MAX: Quality = Quality(10);

    /// A quality of `q`; `None` above 10.
    pub const fn new(q: u8) -> Option<Self> {
        if q <= 10 {
            Some(Quality(q))
        } else {
            None
        }
    }

    /// The quality, 0-10.
    pub const fn value(self) -> u8 {
        self.0
    }
}

// RFC 8866 §9: quality-value = zero-based-integer; §6.14 gives the range 0-10
fn parse_quality_value(input: &str) -> PResult<'_, Quality> {
    let expected = "a quality (0-10)";
    let (rest, q) = lex::u8_dec(expected)(input)?;
    match Quality::new(q) {
        Some(q) => Ok((rest, q)),
        None => lex::fail(input, expected),
    }
}

impl<'a> TypedAttribute<'a> for Quality {
    const NAME: &'static str = "quality";

    fn parse(value: &'a str) -> Result<Self, ValueError> {
        lex::run(value, parse_quality_value)
    }
}

impl fmt::Display for Quality {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// `a=orient`: the orientation of a whiteboard or presentation tool (RFC 8866 §6.8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Orient<'a> {
    /// `portrait`.
    Portrait,
    /// `landscape`.
    Landscape,
    /// `seascape` (upside-down landscape).
    Seascape,
    /// Any other token, as written.
    Other(&'a str),
}

impl<'a> Orient<'a> {
    /// The value as written.
    pub const fn as_str(&self) -> &'a str {
        match self {
            Orient::Portrait => "portrait",
            Orient::Landscape => "landscape",
            Orient::Seascape => "seascape",
            Orient::Other(s) => s,
        }
    }
}

// RFC 8866 §9: orient-value = portrait / landscape / seascape / token
fn parse_orient_value(input: &str) -> PResult<'_, Orient<'_>> {
    let (rest, word) = lex::expect("an orientation", lex::token).parse(input)?;
    let orient = match word {
        "portrait" => Orient::Portrait,
        "landscape" => Orient::Landscape,
        "seascape" => Orient::Seascape,
        other => Orient::Other(other),
    };
    Ok((rest, orient))
}

impl<'a> TypedAttribute<'a> for Orient<'a> {
    const NAME: &'static str = "orient";

    fn parse(value: &'a str) -> Result<Self, ValueError> {
        lex::run(value, parse_orient_value)
    }
}

impl fmt::Display for Orient<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<'a, T: TypedAttribute<'a> + PartialEq + fmt::Debug>(value: &'a str) -> T {
        let parsed = T::parse(value).unwrap();
        let written = parsed.to_string();
        // the written text borrows nothing from `value`, so parse it through a leaked copy
        let again = T::parse(Box::leak(written.into_boxed_str())).unwrap();
        assert_eq!(again, parsed, "{value}");
        parsed
    }

    #[test]
    fn ptime_reads_whole_and_decimal_milliseconds() {
        assert_eq!(round_trip::<Ptime>("20").ms(), 20.0);
        assert_eq!(round_trip::<Ptime>("1").ms(), 1.0);
        assert_eq!(round_trip::<Ptime>("0.125").ms(), 0.125);
        assert_eq!(
            Ptime::parse("0.125").unwrap().as_duration(),
            Some(Duration::from_micros(125))
        );
    }

    #[test]
    fn ptime_writes_integers_without_a_fraction() {
        assert_eq!(Ptime::parse("20").unwrap().to_string(), "20");
        assert_eq!(Ptime::parse("20.0").unwrap().to_string(), "20");
        assert_eq!(Ptime::parse("0.125").unwrap().to_string(), "0.125");
        assert_eq!(Ptime::from_millis(30).to_string(), "30");
        assert_eq!(Ptime::new(2.5).unwrap().to_string(), "2.5");
    }

    #[test]
    fn ptime_rejects_text_and_trailing_junk() {
        assert_eq!(
            Ptime::parse("foo"),
            Err(ValueError::new(0, "a packet time in milliseconds"))
        );
        assert_eq!(
            Ptime::parse(""),
            Err(ValueError::new(0, "a packet time in milliseconds"))
        );
        assert_eq!(
            Ptime::parse("20ms"),
            Err(ValueError::new(2, "end of value"))
        );
        assert_eq!(
            Ptime::parse("-1"),
            Err(ValueError::new(0, "a packet time in milliseconds"))
        );
        assert_eq!(Ptime::parse("20 "), Ok(Ptime::from_millis(20)));
    }

    #[test]
    fn ptime_constructor_refuses_unwritable_numbers() {
        assert_eq!(Ptime::new(f64::NAN), None);
        assert_eq!(Ptime::new(f64::INFINITY), None);
        assert_eq!(Ptime::new(-1.0), None);
    }

    #[test]
    fn ptime_rejects_numbers_too_long_for_a_float() {
        let huge = "9".repeat(400);
        assert_eq!(
            Ptime::parse(&huge),
            Err(ValueError::new(0, "a packet time in milliseconds"))
        );
    }

    #[test]
    fn maxptime_reads_corpus_values() {
        for v in ["60", "120", "5", "20"] {
            assert_eq!(round_trip::<MaxPtime>(v).to_string(), v);
        }
        assert_eq!(
            MaxPtime::parse("x"),
            Err(ValueError::new(0, "a maximum packet time in milliseconds"))
        );
    }

    #[test]
    fn framerate_reads_corpus_values() {
        for (v, fps, written) in [
            ("25", 25.0, "25"),
            ("30.0", 30.0, "30"),
            ("29.97", 29.97, "29.97"),
            ("59.94", 59.94, "59.94"),
            ("23.98", 23.98, "23.98"),
            ("15.000000", 15.0, "15"),
            ("1234.0", 1234.0, "1234"),
        ] {
            let f = round_trip::<Framerate>(v);
            assert_eq!(f.fps(), fps);
            assert_eq!(f.suffix(), None);
            assert_eq!(f.to_string(), written);
        }
    }

    #[test]
    fn framerate_keeps_the_letter_dvrs_append() {
        let f = round_trip::<Framerate>("0S");
        assert_eq!(f.fps(), 0.0);
        assert_eq!(f.suffix(), Some('S'));
        assert_eq!(f.to_string(), "0S");
    }

    #[test]
    fn framerate_rejects_malformed_values() {
        assert_eq!(
            Framerate::parse("fast"),
            Err(ValueError::new(0, "a frame rate in frames per second"))
        );
        assert_eq!(
            Framerate::parse("30fps"),
            Err(ValueError::new(3, "end of value"))
        );
        assert_eq!(
            Framerate::parse("30000/1001"),
            Err(ValueError::new(5, "end of value"))
        );
        assert_eq!(Framerate::new(f64::NAN), None);
        assert_eq!(Framerate::new(24.0).unwrap().to_string(), "24");
    }

    #[test]
    fn quality_accepts_zero_to_ten() {
        assert_eq!(round_trip::<Quality>("0").value(), 0);
        assert_eq!(round_trip::<Quality>("10"), Quality::MAX);
        assert_eq!(Quality::new(7).unwrap().to_string(), "7");
        assert_eq!(Quality::new(11), None);
    }

    #[test]
    fn quality_rejects_out_of_range_and_text() {
        assert_eq!(
            Quality::parse("11"),
            Err(ValueError::new(0, "a quality (0-10)"))
        );
        assert_eq!(
            Quality::parse("300"),
            Err(ValueError::new(0, "a quality (0-10)"))
        );
        assert_eq!(
            Quality::parse("good"),
            Err(ValueError::new(0, "a quality (0-10)"))
        );
        assert_eq!(
            Quality::parse("5.5"),
            Err(ValueError::new(1, "end of value"))
        );
    }

    #[test]
    fn orient_names_the_rfc_values_and_keeps_others() {
        assert_eq!(round_trip::<Orient>("portrait"), Orient::Portrait);
        assert_eq!(round_trip::<Orient>("landscape"), Orient::Landscape);
        assert_eq!(round_trip::<Orient>("seascape"), Orient::Seascape);
        let other = round_trip::<Orient>("Portrait");
        assert_eq!(other, Orient::Other("Portrait"));
        assert_eq!(other.to_string(), "Portrait");
    }

    #[test]
    fn orient_rejects_empty_and_several_words() {
        assert_eq!(Orient::parse(""), Err(ValueError::new(0, "an orientation")));
        assert_eq!(
            Orient::parse("portrait landscape"),
            Err(ValueError::new(9, "end of value"))
        );
    }
}
