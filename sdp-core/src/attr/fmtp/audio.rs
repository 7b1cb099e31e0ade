//! Opus (RFC 7587 §6.1) and telephone-event (RFC 4733 §2.4.1) fmtp parameters.

use std::ops::RangeInclusive;

use nom::character::complete::char;
use nom::combinator::{cut, opt, recognize};
use nom::multi::separated_list1;
use nom::sequence::preceded;
use nom::Parser;

use crate::attr::rtp::Fmtp;
use crate::error::ValueError;
use crate::lex::{self, PResult};

use super::{flag, missing, opt_u32, value_of, Scan};

/// Opus fmtp parameters (RFC 7587 §6.1), with the RFC's defaults for absent ones.
///
/// `minptime` is not in RFC 7587 but every browser writes it (it mirrors `a=ptime` limits).
///
/// ```
/// use sdp_core::attr::fmtp::OpusParams;
/// use sdp_core::attr::rtp::Fmtp;
/// use sdp_core::TypedAttribute;
/// let fmtp = Fmtp::parse("111 minptime=10;useinbandfec=1").unwrap();
/// let opus = OpusParams::from_fmtp(&fmtp).unwrap();
/// assert_eq!((opus.minptime, opus.useinbandfec, opus.stereo), (Some(10), true, false));
/// assert_eq!(opus.maxplaybackrate, 48000);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct OpusParams {
    /// `maxplaybackrate`: the highest sampling rate the receiver renders, in Hz (default 48000).
    pub maxplaybackrate: u32,
    /// `sprop-maxcapturerate`: the highest sampling rate the sender captures (default 48000).
    pub sprop_maxcapturerate: u32,
    /// `maxptime`: the longest packet duration the receiver takes, in ms.
    pub maxptime: Option<u32>,
    /// `ptime`: the preferred packet duration, in ms.
    pub ptime: Option<u32>,
    /// `minptime`: the shortest packet duration, in ms.
    pub minptime: Option<u32>,
    /// `maxaveragebitrate`: the highest average bit rate the receiver takes, in bit/s.
    pub maxaveragebitrate: Option<u32>,
    /// `stereo=1`: the receiver prefers stereo (default `false`).
    pub stereo: bool,
    /// `sprop-stereo=1`: the sender is likely to send stereo (default `false`).
    pub sprop_stereo: bool,
    /// `cbr=1`: the receiver prefers constant bit rate (default `false`).
    pub cbr: bool,
    /// `useinbandfec=1`: the receiver can use Opus in-band FEC (default `false`).
    pub useinbandfec: bool,
    /// `usedtx=1`: the receiver prefers discontinuous transmission (default `false`).
    pub usedtx: bool,
}

impl Default for OpusParams {
    fn default() -> Self {
        OpusParams {
            maxplaybackrate: 48000,
            sprop_maxcapturerate: 48000,
            maxptime: None,
            ptime: None,
            minptime: None,
            maxaveragebitrate: None,
            stereo: false,
            sprop_stereo: false,
            cbr: false,
            useinbandfec: false,
            usedtx: false,
        }
    }
}

impl OpusParams {
    /// Reads the Opus parameters of `fmtp`.
    pub fn from_fmtp(fmtp: &Fmtp<'_>) -> Result<Self, ValueError> {
        let scan = Scan::new(
            fmtp,
            [
                "maxplaybackrate",
                "sprop-maxcapturerate",
                "maxptime",
                "ptime",
                "minptime",
                "maxaveragebitrate",
                "stereo",
                "sprop-stereo",
                "cbr",
                "useinbandfec",
                "usedtx",
            ],
        );
        const BIT: &str = "0 or 1";
        let d = OpusParams::default();
        Ok(OpusParams {
            maxplaybackrate: opt_u32(&scan, "maxplaybackrate", "a sampling rate in Hz")?
                .unwrap_or(d.maxplaybackrate),
            sprop_maxcapturerate: opt_u32(&scan, "sprop-maxcapturerate", "a sampling rate in Hz")?
                .unwrap_or(d.sprop_maxcapturerate),
            maxptime: opt_u32(&scan, "maxptime", "a packet time in ms")?,
            ptime: opt_u32(&scan, "ptime", "a packet time in ms")?,
            minptime: opt_u32(&scan, "minptime", "a packet time in ms")?,
            maxaveragebitrate: opt_u32(&scan, "maxaveragebitrate", "a bit rate")?,
            stereo: flag(&scan, "stereo", BIT)?,
            sprop_stereo: flag(&scan, "sprop-stereo", BIT)?,
            cbr: flag(&scan, "cbr", BIT)?,
            useinbandfec: flag(&scan, "useinbandfec", BIT)?,
            usedtx: flag(&scan, "usedtx", BIT)?,
        })
    }
}

/// telephone-event fmtp parameters (RFC 4733 §2.4.1): the events the receiver understands, as
/// a list of event codes and ranges such as `0-15,66,70`.
///
/// The list is the bare fmtp value (`a=fmtp:101 0-15`); `events=0-15` is read too. Without an
/// fmtp the events are `0-15`, the DTMF digits (RFC 4733 §2.4.1).
///
/// ```
/// use sdp_core::attr::fmtp::TelephoneEventParams;
/// use sdp_core::attr::rtp::Fmtp;
/// use sdp_core::TypedAttribute;
/// let fmtp = Fmtp::parse("101 0-15,66,70").unwrap();
/// let events = TelephoneEventParams::from_fmtp(&fmtp).unwrap();
/// assert_eq!(events.events().collect::<Vec<_>>(), [0..=15, 66..=66, 70..=70]);
/// assert!(events.contains(66) && !events.contains(16));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TelephoneEventParams<'a> {
    list: &'a str,
}

impl Default for TelephoneEventParams<'_> {
    fn default() -> Self {
        TelephoneEventParams { list: "0-15" }
    }
}

// RFC 4733 §2.4.1: event-list = range *("," range); range = event ["-" event];
// event = 1*3DIGIT (0-255), the end of a range not below its start
fn parse_event_range(input: &str) -> PResult<'_, ()> {
    let (rest, start) = lex::u8_dec("an event code (0-255)")(input)?;
    let (rest, end) = opt(preceded(
        char('-'),
        cut(lex::u8_dec("an event code (0-255)")),
    ))
    .parse(rest)?;
    match end {
        Some(end) if end < start => {
            lex::fail(input, "an event range whose end is not below its start")
        }
        _ => Ok((rest, ())),
    }
}

fn parse_event_list(input: &str) -> PResult<'_, &str> {
    recognize(separated_list1(char(','), parse_event_range)).parse(input)
}

impl<'a> TelephoneEventParams<'a> {
    /// Reads the event list of `fmtp`.
    pub fn from_fmtp(fmtp: &Fmtp<'a>) -> Result<Self, ValueError> {
        let param = fmtp
            .params()
            .find(|p| p.key.is_none())
            .or_else(|| fmtp.param("events"))
            .ok_or_else(|| missing(fmtp, "a list of events"))?;
        Ok(TelephoneEventParams {
            list: value_of(&param, parse_event_list)?,
        })
    }

    /// The list as written, e.g. `"0-15,66,70"`.
    pub fn as_str(&self) -> &'a str {
        self.list
    }

    /// The listed events as inclusive ranges, in order (a single event is a range of one).
    pub fn events(&self) -> impl Iterator<Item = RangeInclusive<u8>> + 'a {
        self.list.split(',').filter_map(|item| {
            let (start, end) = item.split_once('-').unwrap_or((item, item));
            Some(start.parse().ok()?..=end.parse().ok()?)
        })
    }

    /// Whether `event` is listed.
    pub fn contains(&self, event: u8) -> bool {
        self.events().any(|range| range.contains(&event))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TypedAttribute;

    fn opus(value: &str) -> Result<OpusParams, ValueError> {
        OpusParams::from_fmtp(&Fmtp::parse(value).unwrap())
    }

    fn events(value: &str) -> Result<TelephoneEventParams<'_>, ValueError> {
        TelephoneEventParams::from_fmtp(&Fmtp::parse(value).unwrap())
    }

    #[test]
    fn opus_reads_browser_parameters_and_defaults_the_rest() {
        let p = opus("109 maxplaybackrate=48000;stereo=1;useinbandfec=1").unwrap();
        assert!(p.stereo && p.useinbandfec && !p.usedtx && !p.cbr && !p.sprop_stereo);
        let p = opus("111 minptime=10; useinbandfec=1; usedtx=1; cbr=1; sprop-stereo=1").unwrap();
        assert!(p.usedtx && p.cbr && p.sprop_stereo);
        let p = opus("111 maxaveragebitrate=510000;ptime=20;maxptime=120;maxplaybackrate=16000;sprop-maxcapturerate=16000").unwrap();
        assert_eq!(
            (p.maxaveragebitrate, p.ptime, p.maxptime),
            (Some(510000), Some(20), Some(120))
        );
        assert_eq!((p.maxplaybackrate, p.sprop_maxcapturerate), (16000, 16000));
        assert_eq!(opus("111").unwrap(), OpusParams::default());
    }

    #[test]
    fn opus_flags_must_be_zero_or_one() {
        assert_eq!(opus("111 stereo=yes"), Err(ValueError::new(11, "0 or 1")));
        assert_eq!(
            opus("111 usedtx=10"),
            Err(ValueError::new(12, "end of value"))
        );
    }

    #[test]
    fn telephone_events_read_lists_and_ranges() {
        let e = events("101 0-16,32,36").unwrap();
        assert_eq!(e.events().collect::<Vec<_>>(), [0..=16, 32..=32, 36..=36]);
        assert_eq!(e.as_str(), "0-16,32,36");
        assert!(events("101 0,1,2-4,5-15,66,67").unwrap().contains(3));
        assert_eq!(events("101 events=0-15").unwrap().as_str(), "0-15");
        let d = TelephoneEventParams::default();
        assert!(d.contains(15) && !d.contains(16));
    }

    #[test]
    fn telephone_events_reject_malformed_lists() {
        let cases = [
            ("101 12-", 7, "an event code (0-255)"),
            ("101 1,,,3", 5, "end of value"),
            ("101 0-5.", 7, "end of value"),
            (
                "101 33-2",
                4,
                "an event range whose end is not below its start",
            ),
            ("101 -12", 4, "an event code (0-255)"),
            ("101 0-300", 6, "an event code (0-255)"),
            ("101", 3, "a list of events"),
        ];
        for (value, offset, expected) in cases {
            assert_eq!(
                events(value),
                Err(ValueError::new(offset, expected)),
                "{value}"
            );
        }
    }
}
