//! `t=` timing, `r=` repeat times and `z=` time zone adjustments (RFC 8866 §5.9-5.11).

use std::fmt;

use crate::error::ValueError;
use crate::lex::{fail, opt_sp, run, sp, u64_dec, PResult};

/// `t=<start-time> <stop-time>`: NTP seconds; `0 0` is an unbounded session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Timing {
    /// Start time (NTP seconds), 0 when unbounded.
    pub start: u64,
    /// Stop time (NTP seconds), 0 when unbounded.
    pub stop: u64,
}

// time-fields = 1*(%x74 "=" start-time SP stop-time ...); start-time = time / "0"
fn parse_timing(input: &str) -> PResult<'_, Timing> {
    let (input, start) = u64_dec("a start time (NTP seconds)")(input)?;
    let (input, _) = sp(input)?;
    let (input, stop) = u64_dec("a stop time (NTP seconds)")(input)?;
    Ok((input, Timing { start, stop }))
}

impl Timing {
    /// Parses the value of a `t=` line.
    pub fn parse(value: &str) -> Result<Self, ValueError> {
        run(value, parse_timing)
    }
}

impl fmt::Display for Timing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.start, self.stop)
    }
}

/// A time with an optional unit: `7d`, `-1h`, `3600` (RFC 8866 §5.10 `typed-time`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypedTime {
    /// The number as written, with its sign.
    pub value: i64,
    /// The unit letter (`d`, `h`, `m`, `s`), if any.
    pub unit: Option<char>,
}

impl TypedTime {
    /// The time in seconds, or `None` on overflow.
    pub fn seconds(&self) -> Option<i64> {
        let factor = match self.unit {
            Some('d') => 86_400,
            Some('h') => 3_600,
            Some('m') => 60,
            _ => 1,
        };
        self.value.checked_mul(factor)
    }
}

impl fmt::Display for TypedTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.value)?;
        if let Some(unit) = self.unit {
            write!(f, "{unit}")?;
        }
        Ok(())
    }
}

// typed-time = 1*DIGIT [fixed-len-time-unit]; fixed-len-time-unit = %s"d" / %s"h" / %s"m" / %s"s"
// Offsets in z= may be negative; the caller says whether a sign is allowed.
fn parse_typed_time(signed: bool) -> impl Fn(&str) -> PResult<'_, TypedTime> {
    move |start: &str| {
        let expected = if signed {
            "a time offset (e.g. `-1h`)"
        } else {
            "a time (e.g. `7d`, `3600`)"
        };
        let (input, negative) = match start.strip_prefix('-') {
            Some(rest) if signed => (rest, true),
            _ => (start, false),
        };
        let (input, n) =
            u64_dec(expected)(input).or_else(|_: nom::Err<_>| fail(start, expected))?;
        let (input, unit) = match input.chars().next() {
            Some(c @ ('d' | 'h' | 'm' | 's')) => (input.get(1..).unwrap_or_default(), Some(c)),
            _ => (input, None),
        };
        let Ok(value) = i64::try_from(n) else {
            return fail(start, "a time that fits 64 bits");
        };
        let time = TypedTime {
            value: if negative { -value } else { value },
            unit,
        };
        if time.seconds().is_none() {
            return fail(start, "a time that fits 64 bits");
        }
        Ok((input, time))
    }
}

/// Iterates over white-space separated items of a validated list.
fn items(list: &str) -> impl Iterator<Item = &str> + '_ {
    list.split([' ', '\t']).filter(|s| !s.is_empty())
}

fn typed(item: &str, signed: bool) -> Option<TypedTime> {
    run(item, parse_typed_time(signed)).ok()
}

/// `r=<repeat interval> <active duration> <offsets from start-time>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Repeat<'a> {
    /// Repeat interval.
    pub interval: TypedTime,
    /// Active duration.
    pub duration: TypedTime,
    offsets: &'a str,
}

// repeat-fields = %x72 "=" repeat-interval SP typed-time 1*(SP typed-time)
fn parse_repeat(input: &str) -> PResult<'_, Repeat<'_>> {
    let (input, interval) = parse_typed_time(false)(input)?;
    let (input, _) = sp(input)?;
    let (input, duration) = parse_typed_time(false)(input)?;
    let (mut input, _) = sp(input)?;
    let offsets = input;
    loop {
        let (rest, _) = parse_typed_time(false)(input)?;
        let (rest, gap) = opt_sp(rest)?;
        input = rest;
        if gap.is_empty() || input.is_empty() {
            break;
        }
    }
    let offsets = offsets
        .get(..offsets.len() - input.len())
        .unwrap_or_default()
        .trim_end();
    Ok((
        input,
        Repeat {
            interval,
            duration,
            offsets,
        },
    ))
}

impl<'a> Repeat<'a> {
    /// Parses the value of an `r=` line.
    ///
    /// ```
    /// let r = sdp_core::field::Repeat::parse("7d 1h 0 25h").unwrap();
    /// assert_eq!(r.interval.seconds(), Some(604800));
    /// assert_eq!(r.offsets().map(|o| o.seconds().unwrap()).collect::<Vec<_>>(), [0, 90000]);
    /// ```
    pub fn parse(value: &'a str) -> Result<Self, ValueError> {
        run(value, parse_repeat)
    }

    /// A repeat with offsets given as text, e.g. `"0 25h"`; `None` if the text is not a list of
    /// typed times.
    pub fn new(interval: TypedTime, duration: TypedTime, offsets: &'a str) -> Option<Self> {
        let ok =
            items(offsets).next().is_some() && items(offsets).all(|o| typed(o, false).is_some());
        ok.then_some(Repeat {
            interval,
            duration,
            offsets,
        })
    }

    /// The offsets from the start time.
    pub fn offsets(&self) -> impl Iterator<Item = TypedTime> + 'a {
        items(self.offsets).filter_map(|o| typed(o, false))
    }
}

impl fmt::Display for Repeat<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.interval, self.duration)?;
        for offset in self.offsets() {
            write!(f, " {offset}")?;
        }
        Ok(())
    }
}

/// `z=<adjustment time> <offset> <adjustment time> <offset> ...`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeZones<'a> {
    list: &'a str,
}

// zone-adjustments = %x7a "=" time SP ["-"] typed-time *(SP time SP ["-"] typed-time)
fn parse_zones(input: &str) -> PResult<'_, TimeZones<'_>> {
    let list = input;
    let mut input = input;
    loop {
        let (rest, _) = u64_dec("an adjustment time (NTP seconds)")(input)?;
        let (rest, _) = sp(rest)?;
        let (rest, _) = parse_typed_time(true)(rest)?;
        let (rest, gap) = opt_sp(rest)?;
        input = rest;
        if gap.is_empty() || input.is_empty() {
            break;
        }
    }
    let list = list
        .get(..list.len() - input.len())
        .unwrap_or_default()
        .trim_end();
    Ok((input, TimeZones { list }))
}

impl<'a> TimeZones<'a> {
    /// Parses the value of a `z=` line.
    pub fn parse(value: &'a str) -> Result<Self, ValueError> {
        run(value, parse_zones)
    }

    /// The adjustments: (NTP time of the change, offset).
    pub fn adjustments(&self) -> impl Iterator<Item = (u64, TypedTime)> + 'a {
        let mut it = items(self.list);
        std::iter::from_fn(move || {
            let time = it.next()?.parse().ok()?;
            let offset = typed(it.next()?, true)?;
            Some((time, offset))
        })
    }
}

impl fmt::Display for TimeZones<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (time, offset)) in self.adjustments().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{time} {offset}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timing_reads_start_and_stop() {
        assert_eq!(Timing::parse("0 0"), Ok(Timing { start: 0, stop: 0 }));
        assert_eq!(
            Timing::parse("0 foobar"),
            Err(ValueError::new(2, "a stop time (NTP seconds)"))
        );
        assert_eq!(
            Timing::parse("foo 0"),
            Err(ValueError::new(0, "a start time (NTP seconds)"))
        );
    }

    #[test]
    fn repeat_reads_typed_times_with_units() {
        let r = Repeat::parse("604800 3600 0 90000").unwrap();
        assert_eq!(r.duration.seconds(), Some(3600));
        assert_eq!(r.offsets().count(), 2);
        let r = Repeat::parse("3d 2h 0 21h").unwrap();
        assert_eq!(r.to_string(), "3d 2h 0 21h");
        assert_eq!(r.interval.seconds(), Some(259_200));
    }

    #[test]
    fn repeat_rejects_empty_and_overflowing_values() {
        assert!(Repeat::parse("").is_err());
        assert_eq!(
            Repeat::parse("99999999999999999d 1h 0"),
            Err(ValueError::new(0, "a time that fits 64 bits"))
        );
        assert_eq!(Repeat::parse("7d 1h"), Err(ValueError::new(5, "a space")));
    }

    #[test]
    fn zones_read_signed_offsets() {
        let z = TimeZones::parse("2882844526 -1h 2898848070 0").unwrap();
        let adj: Vec<_> = z
            .adjustments()
            .map(|(t, o)| (t, o.seconds().unwrap()))
            .collect();
        assert_eq!(adj, [(2882844526, -3600), (2898848070, 0)]);
        assert_eq!(z.to_string(), "2882844526 -1h 2898848070 0");
        assert_eq!(
            TimeZones::parse("1 666666000079866660m"),
            Err(ValueError::new(2, "a time that fits 64 bits"))
        );
    }
}
