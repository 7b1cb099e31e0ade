//! `a=rtpmap` (RFC 8866 §6.6): payload type, encoding name, clock rate, channels.

use std::fmt;

use nom::bytes::complete::take_while1;
use nom::character::complete::char;
use nom::combinator::{cut, opt};
use nom::sequence::preceded;
use nom::Parser;

use super::is_token_char;
use crate::attr::TypedAttribute;
use crate::error::ValueError;
use crate::lex::{self, expect, PResult};

/// `a=rtpmap` (RFC 8866 §6.6): `<payload type> <encoding name>/<clock rate>[/<encoding params>]`.
///
/// The encoding name is kept as written; names are case-insensitive (RFC 4855 §3), so compare
/// them with [`Rtpmap::is`]. The clock rate is optional here although RFC 8866 requires it: some
/// RTSP devices write `a=rtpmap:98 MetaData`. The encoding parameters are the channel count for
/// audio; any `u16` is accepted here, limits belong to validation.
///
/// ```
/// use sdp_core::attr::rtp::Rtpmap;
/// use sdp_core::TypedAttribute;
/// let map = Rtpmap::parse("111 opus/48000/2").unwrap();
/// assert!(map.is("OPUS"));
/// assert_eq!((map.payload_type, map.clock_rate, map.channels), (111, Some(48000), Some(2)));
/// assert_eq!(map.to_string(), "111 opus/48000/2");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rtpmap<'a> {
    /// The RTP payload type, 0-127.
    pub payload_type: u8,
    /// The encoding name as written, e.g. `opus`, `H264`.
    pub encoding_name: &'a str,
    /// The RTP clock rate in Hz; `None` only for devices that leave it out.
    pub clock_rate: Option<u32>,
    /// The encoding parameters: the number of audio channels, when written.
    pub channels: Option<u16>,
}

impl<'a> Rtpmap<'a> {
    /// An rtpmap from its parts.
    pub const fn new(
        payload_type: u8,
        encoding_name: &'a str,
        clock_rate: u32,
        channels: Option<u16>,
    ) -> Self {
        Rtpmap {
            payload_type,
            encoding_name,
            clock_rate: Some(clock_rate),
            channels,
        }
    }

    /// Whether the encoding name is `name`, ignoring ASCII case (`h264` is `H264`).
    pub fn is(&self, name: &str) -> bool {
        self.encoding_name.eq_ignore_ascii_case(name)
    }
}

// RFC 8866 §6.6: rtpmap-value = payload-type SP encoding-name "/" clock-rate
//                               ["/" encoding-params]
fn parse_rtpmap_value(input: &str) -> PResult<'_, Rtpmap<'_>> {
    let (rest, (payload_type, _, encoding_name)) = (
        lex::payload_type,
        lex::sp,
        expect("an encoding name", take_while1(is_token_char)),
    )
        .parse(input)?;
    let (rest, clock_rate) =
        opt(preceded(char('/'), cut(lex::u32_dec("a clock rate")))).parse(rest)?;
    let (rest, channels) = match clock_rate {
        Some(_) => opt(preceded(char('/'), cut(lex::u16_dec("a channel count")))).parse(rest)?,
        None => (rest, None),
    };
    Ok((
        rest,
        Rtpmap {
            payload_type,
            encoding_name,
            clock_rate,
            channels,
        },
    ))
}

impl<'a> TypedAttribute<'a> for Rtpmap<'a> {
    const NAME: &'static str = "rtpmap";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        lex::run(value, parse_rtpmap_value)
    }
}

impl fmt::Display for Rtpmap<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.payload_type, self.encoding_name)?;
        if let Some(rate) = self.clock_rate {
            write!(f, "/{rate}")?;
            if let Some(channels) = self.channels {
                write!(f, "/{channels}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attr::rtp::tests::round_trips;

    #[test]
    fn rtpmap_reads_every_part_and_keeps_the_name_as_written() {
        let m: Rtpmap = round_trips("111 opus/48000/2");
        assert_eq!(m, Rtpmap::new(111, "opus", 48000, Some(2)));
        assert!(m.is("OPUS") && !m.is("opu"));
        let m: Rtpmap = round_trips("96 VP8/90000");
        assert_eq!(
            (m.encoding_name, m.clock_rate, m.channels),
            ("VP8", Some(90000), None)
        );
        let m: Rtpmap = round_trips("112 SMPTE2022-6/27000000");
        assert_eq!(m.encoding_name, "SMPTE2022-6");
        assert_eq!(
            Rtpmap::parse("96  H264/90000 ").unwrap().to_string(),
            "96 H264/90000"
        );
    }

    #[test]
    fn rtpmap_accepts_a_missing_clock_rate_from_cameras() {
        let m: Rtpmap = round_trips("98 MetaData");
        assert_eq!((m.encoding_name, m.clock_rate), ("MetaData", None));
        assert_eq!(m.to_string(), "98 MetaData");
    }

    #[test]
    fn rtpmap_keeps_large_channel_counts_for_validation() {
        assert_eq!(
            Rtpmap::parse("108 ISAC/16000/512").unwrap().channels,
            Some(512)
        );
    }

    #[test]
    fn rtpmap_rejects_malformed_values_at_the_right_offset() {
        let cases = [
            ("200 opus/48000/2", 0, "a payload type (0-127)"),
            ("abc opus/48000", 0, "a payload type (0-127)"),
            ("96opus/48000", 2, "a space"),
            ("96 /48000", 3, "an encoding name"),
            ("96 opus/", 8, "a clock rate"),
            ("96 opus/k", 8, "a clock rate"),
            ("96 opus/48k", 10, "end of value"),
            ("96 opus/48000/x", 14, "a channel count"),
            ("96 opus/48000/70000", 14, "a channel count"),
            ("123 META /0", 9, "end of value"),
            ("96 opus/48000/2/1", 15, "end of value"),
        ];
        for (value, offset, expected) in cases {
            assert_eq!(
                Rtpmap::parse(value),
                Err(ValueError::new(offset, expected)),
                "{value}"
            );
        }
    }
}
