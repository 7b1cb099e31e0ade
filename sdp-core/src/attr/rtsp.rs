//! RTSP attributes: `a=control` and `a=range` (RFC 7826 appendix C, RFC 2326 appendix C).
//!
//! Both come from RTSP DESCRIBE responses, mostly written by IP cameras. `control` is a URL kept
//! as borrowed text; `range` is split into its unit and its start and end texts, with NPT times
//! checked and decodable through [`NptTime`].

use std::fmt;

use nom::Parser;

use crate::attr::TypedAttribute;
use crate::error::ValueError;
use crate::lex::{self, PResult};

/// `a=control`: the URL that RTSP requests for this session or stream go to (RFC 7826 §C.1.1).
///
/// The value is `*` (the aggregate control URL: the request URL or Content-Base), an absolute
/// URL (`rtsp://192.0.2.1/stream/trackID=1`) or a URL relative to the session's
/// (`trackID=1`, `?ctype=video`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Control<'a>(&'a str);

impl<'a> Control<'a> {
    /// The aggregate control `*`.
    pub const AGGREGATE: Control<'static> = Control("*");

    /// A control URL; it must be non-empty and hold no white space.
    pub fn new(url: &'a str) -> Result<Self, ValueError> {
        Self::parse(url)
    }

    /// The URL as written.
    pub const fn as_str(&self) -> &'a str {
        self.0
    }

    /// Whether this is `*`.
    pub fn is_aggregate(&self) -> bool {
        self.0 == "*"
    }

    /// Whether the URL is absolute: it starts with a scheme and `:` (RFC 3986 §3.1), as in
    /// `rtsp://...`.
    pub fn is_absolute(&self) -> bool {
        let mut chars = self.0.chars();
        chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && chars
                .take_while(|&c| c != ':')
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
            && self.0.contains(':')
    }

    /// The URL to send requests to, given the base URL (Content-Base, Content-Location or the
    /// request URL).
    ///
    /// Follows common RTSP practice rather than full RFC 3986 resolution: an absolute URL is
    /// used as is, `*` means the base itself, and a relative URL is appended to the base (after
    /// a `/` unless it starts with `?` or the base ends with `/`).
    ///
    /// ```
    /// use sdp_core::attr::rtsp::Control;
    /// let base = "rtsp://192.0.2.1/stream";
    /// assert_eq!(Control::new("trackID=1").unwrap().resolve(base), "rtsp://192.0.2.1/stream/trackID=1");
    /// assert_eq!(Control::new("*").unwrap().resolve(base), base);
    /// ```
    pub fn resolve(&self, base: &str) -> String {
        if self.is_aggregate() {
            base.to_owned()
        } else if self.is_absolute() {
            self.0.to_owned()
        } else if base.ends_with('/') || self.0.starts_with(['?', '/']) {
            let base = if self.0.starts_with('/') {
                base.trim_end_matches('/')
            } else {
                base
            };
            format!("{base}{}", self.0)
        } else {
            format!("{base}/{}", self.0)
        }
    }
}

// control-attribute = "a=control:" *SP rtsp-url-or-star  (RFC 7826 §C.1.1; any URI-reference)
fn parse_control_value(input: &str) -> PResult<'_, Control<'_>> {
    let (rest, url) = lex::expect("a control URL or `*`", lex::token).parse(input)?;
    Ok((rest, Control(url)))
}

impl<'a> TypedAttribute<'a> for Control<'a> {
    const NAME: &'static str = "control";

    fn parse(value: &'a str) -> Result<Self, ValueError> {
        lex::run(value, parse_control_value)
    }
}

impl fmt::Display for Control<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// The time format of a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RangeUnit<'a> {
    /// `npt`: normal play time, seconds from the start of the presentation (or `now`).
    Npt,
    /// `clock`: absolute UTC time, `YYYYMMDDThhmmss[.f]Z`.
    Clock,
    /// `smpte`: SMPTE time code, 30 frames per second.
    Smpte,
    /// `smpte-30-drop`: SMPTE drop-frame time code, 29.97 frames per second.
    Smpte30Drop,
    /// `smpte-25`: SMPTE time code, 25 frames per second.
    Smpte25,
    /// Another format, as written.
    Other(&'a str),
}

impl<'a> RangeUnit<'a> {
    /// The unit as written.
    pub const fn as_str(&self) -> &'a str {
        match self {
            RangeUnit::Npt => "npt",
            RangeUnit::Clock => "clock",
            RangeUnit::Smpte => "smpte",
            RangeUnit::Smpte30Drop => "smpte-30-drop",
            RangeUnit::Smpte25 => "smpte-25",
            RangeUnit::Other(s) => s,
        }
    }
}

/// A normal play time (RFC 7826 §4.4.2).
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub enum NptTime {
    /// `now`: the current instant of a live feed.
    Now,
    /// A time in seconds (`10.5`, or `1:02:03.5` as `hh:mm:ss`).
    Seconds(f64),
}

impl NptTime {
    /// Reads `now`, `<seconds>[.<fraction>]` or `<h>:<mm>:<ss>[.<fraction>]`.
    pub fn parse(text: &str) -> Result<NptTime, ValueError> {
        lex::run(text, parse_npt_time)
    }
}

/// Digits then an optional `.` and digits: `1*DIGIT ["." *DIGIT]`; the number read as f64.
fn parse_seconds(input: &str) -> PResult<'_, f64> {
    let int = input.bytes().take_while(u8::is_ascii_digit).count();
    let mut len = int;
    if int > 0 && input.as_bytes().get(int) == Some(&b'.') {
        len += 1 + input
            .get(int + 1..)
            .unwrap_or_default()
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
    }
    let text = input.get(..len).unwrap_or_default();
    match text.trim_end_matches('.').parse::<f64>() {
        Ok(n) if int > 0 && n.is_finite() => Ok((input.get(len..).unwrap_or_default(), n)),
        _ => lex::fail(input, "an NPT time (`now`, seconds or `h:mm:ss`)"),
    }
}

/// One or two digits, at most 59 (npt-mm and npt-ss).
fn parse_sexagesimal(input: &str) -> PResult<'_, u8> {
    let digits = input.bytes().take(2).take_while(u8::is_ascii_digit).count();
    match input.get(..digits).map(str::parse::<u8>) {
        Some(Ok(n)) if n < 60 => Ok((input.get(digits..).unwrap_or_default(), n)),
        _ => lex::fail(input, "minutes or seconds (00-59)"),
    }
}

// npt-time = "now" / npt-sec / npt-hhmmss  (RFC 2326 §3.6, RFC 7826 §4.4.2)
// npt-sec = 1*DIGIT [ "." *DIGIT ]
// npt-hhmmss = npt-hh ":" npt-mm ":" npt-ss [ "." *DIGIT ]
fn parse_npt_time(input: &str) -> PResult<'_, NptTime> {
    if let Some(rest) = input.strip_prefix("now") {
        return Ok((rest, NptTime::Now));
    }
    let hours = input.bytes().take_while(u8::is_ascii_digit).count();
    if hours > 0 && input.as_bytes().get(hours) == Some(&b':') {
        let (rest, h) = lex::u64_dec("hours")(input)?;
        // past "<hours>:" this can only be npt-hhmmss: no backtracking
        let (rest, _) = lex::word(":", "`:`")(rest)?;
        let (rest, m) = nom::combinator::cut(parse_sexagesimal).parse(rest)?;
        let (rest, _) = nom::combinator::cut(lex::word(":", "`:`")).parse(rest)?;
        let (rest, s) = nom::combinator::cut(parse_sexagesimal).parse(rest)?;
        let (rest, frac) = match rest.strip_prefix('.') {
            Some(f) => {
                let digits = f.bytes().take_while(u8::is_ascii_digit).count();
                // ".5" reads as 0.5; a lone "." as nothing
                let frac = rest
                    .get(..=digits)
                    .and_then(|text| text.parse::<f64>().ok())
                    .unwrap_or(0.0);
                (f.get(digits..).unwrap_or_default(), frac)
            }
            None => (rest, 0.0),
        };
        let secs = h as f64 * 3600.0 + f64::from(m) * 60.0 + f64::from(s) + frac;
        return Ok((rest, NptTime::Seconds(secs)));
    }
    let (rest, secs) = parse_seconds(input)?;
    Ok((rest, NptTime::Seconds(secs)))
}

/// `a=range`: the time range of the session or stream (RFC 7826 §C.1.5).
///
/// `start` and `end` keep the times as written: `npt=0-` has start `0` and no end, `npt=-10`
/// no start and end `10`. A unit written without `=` (`npt`) has neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Range<'a> {
    /// The time format.
    pub unit: RangeUnit<'a>,
    /// The start time, as written.
    pub start: Option<&'a str>,
    /// The end time, as written.
    pub end: Option<&'a str>,
}

impl<'a> Range<'a> {
    /// The NPT start time (`None` if the unit is not `npt` or there is no start).
    pub fn npt_start(&self) -> Option<NptTime> {
        self.npt(self.start)
    }

    /// The NPT end time (`None` if the unit is not `npt` or there is no end).
    pub fn npt_end(&self) -> Option<NptTime> {
        self.npt(self.end)
    }

    fn npt(&self, time: Option<&str>) -> Option<NptTime> {
        match self.unit {
            RangeUnit::Npt => NptTime::parse(time?).ok(),
            _ => None,
        }
    }
}

/// A time of a non-NPT range: anything up to `-` or white space.
fn parse_other_time(input: &str) -> PResult<'_, &str> {
    lex::token_until('-')(input)
}

/// Optional start, `-`, optional end; the spaces some servers put around `-` (`npt=0- 596.48`)
/// are tolerated.
fn parse_range_spec(
    input: &str,
    time: fn(&str) -> PResult<'_, &str>,
) -> PResult<'_, (Option<&str>, Option<&str>)> {
    use nom::combinator::opt;
    use nom::sequence::{preceded, terminated};
    let (rest, start) = opt(terminated(time, lex::opt_sp)).parse(input)?;
    let dash = if start.is_some() {
        "`-`"
    } else {
        "a time or `-`"
    };
    let (rest, _) = lex::word("-", dash)(rest)?;
    let (rest, end) = opt(preceded(lex::opt_sp, time)).parse(rest)?;
    if start.is_none() && end.is_none() {
        return lex::fail(rest, "an end time");
    }
    Ok((rest, (start, end)))
}

/// An NPT time, returned as written.
fn parse_npt_text(input: &str) -> PResult<'_, &str> {
    nom::combinator::recognize(parse_npt_time).parse(input)
}

// ranges-spec = npt-range / utc-range / smpte-range / range-ext  (RFC 7826 §C.1.5, §18.40)
// npt-range = "npt" [EQUAL npt-range-spec]; npt-range-spec = (npt-time "-" [npt-time]) /
//             ("-" npt-time); utc-range and smpte-range have the same shape
fn parse_range_value(input: &str) -> PResult<'_, Range<'_>> {
    let (rest, unit) = lex::expect("a range unit", lex::token_until('=')).parse(input)?;
    let unit = match unit {
        "npt" => RangeUnit::Npt,
        "clock" => RangeUnit::Clock,
        "smpte" => RangeUnit::Smpte,
        "smpte-30-drop" => RangeUnit::Smpte30Drop,
        "smpte-25" => RangeUnit::Smpte25,
        other => RangeUnit::Other(other),
    };
    let Some(spec) = rest.strip_prefix('=') else {
        return Ok((
            rest,
            Range {
                unit,
                start: None,
                end: None,
            },
        ));
    };
    let time = match unit {
        RangeUnit::Npt => parse_npt_text,
        _ => parse_other_time,
    };
    let (rest, (start, end)) = parse_range_spec(spec, time)?;
    Ok((rest, Range { unit, start, end }))
}

impl<'a> TypedAttribute<'a> for Range<'a> {
    const NAME: &'static str = "range";

    fn parse(value: &'a str) -> Result<Self, ValueError> {
        lex::run(value, parse_range_value)
    }
}

impl fmt::Display for Range<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.unit.as_str())?;
        if self.start.is_some() || self.end.is_some() {
            write!(
                f,
                "={}-{}",
                self.start.unwrap_or_default(),
                self.end.unwrap_or_default()
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
