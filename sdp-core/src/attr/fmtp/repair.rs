//! Repair formats: RTP retransmission `rtx` (RFC 4588 §8.1) and redundant audio `red`
//! (RFC 2198 §5).

use nom::character::complete::char;
use nom::combinator::recognize;
use nom::multi::separated_list1;
use nom::Parser;

use crate::attr::rtp::Fmtp;
use crate::error::ValueError;
use crate::lex::{self, PResult};

use super::{missing, opt_param, opt_u32, Scan};

/// rtx fmtp parameters (RFC 4588 §8.1): `apt=<payload type>[;rtx-time=<ms>]`.
///
/// `apt` is required, so there is no `Default`.
///
/// ```
/// use sdp_core::attr::fmtp::RtxParams;
/// use sdp_core::attr::rtp::Fmtp;
/// use sdp_core::TypedAttribute;
/// let rtx = RtxParams::from_fmtp(&Fmtp::parse("97 apt=96;rtx-time=3000").unwrap()).unwrap();
/// assert_eq!((rtx.apt, rtx.rtx_time), (96, Some(3000)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RtxParams {
    /// `apt`: the payload type of the original stream this one repairs.
    pub apt: u8,
    /// `rtx-time`: how long the sender keeps packets for retransmission, in ms. Absent means
    /// the time is not defined (RFC 4588 §8.1).
    pub rtx_time: Option<u32>,
}

impl RtxParams {
    /// Reads the rtx parameters of `fmtp`.
    pub fn from_fmtp(fmtp: &Fmtp<'_>) -> Result<Self, ValueError> {
        let scan = Scan::new(fmtp, ["apt", "rtx-time"]);
        Ok(RtxParams {
            apt: opt_param(&scan, "apt", lex::payload_type)?
                .ok_or_else(|| missing(fmtp, "apt=<payload type>"))?,
            rtx_time: opt_u32(&scan, "rtx-time", "a time in ms")?,
        })
    }
}

/// red fmtp parameters (RFC 2198 §5): the payload types of the primary and redundant blocks,
/// e.g. `111/111` (Opus with one redundant Opus block).
///
/// Without an fmtp the list is empty (the blocks are then not announced).
///
/// ```
/// use sdp_core::attr::fmtp::RedParams;
/// use sdp_core::attr::rtp::Fmtp;
/// use sdp_core::TypedAttribute;
/// let red = RedParams::from_fmtp(&Fmtp::parse("63 111/111").unwrap()).unwrap();
/// assert_eq!(red.payload_types().collect::<Vec<_>>(), [111, 111]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct RedParams<'a> {
    list: &'a str,
}

// RFC 2198 §5: fmtp value = payload-type *("/" payload-type)
fn parse_red_list(input: &str) -> PResult<'_, &str> {
    recognize(separated_list1(char('/'), lex::payload_type)).parse(input)
}

impl<'a> RedParams<'a> {
    /// Reads the block payload types of `fmtp` (its first bare value).
    pub fn from_fmtp(fmtp: &Fmtp<'a>) -> Result<Self, ValueError> {
        let param = fmtp
            .params()
            .next()
            .ok_or_else(|| missing(fmtp, "a list of payload types"))?;
        if param.key.is_some() {
            return Err(ValueError::new(param.offset, "a list of payload types"));
        }
        Ok(RedParams {
            list: super::value_of(&param, parse_red_list)?,
        })
    }

    /// The list as written, e.g. `"111/111"`.
    pub fn as_str(&self) -> &'a str {
        self.list
    }

    /// The payload types of the blocks, primary first.
    pub fn payload_types(&self) -> impl Iterator<Item = u8> + 'a {
        self.list.split('/').filter_map(|pt| pt.parse().ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TypedAttribute;

    #[test]
    fn rtx_needs_an_apt_payload_type() {
        let rtx = |v| RtxParams::from_fmtp(&Fmtp::parse(v).unwrap());
        assert_eq!(
            rtx("97 apt=96"),
            Ok(RtxParams {
                apt: 96,
                rtx_time: None
            })
        );
        assert_eq!(
            rtx("97 rtx-time=3000"),
            Err(ValueError::new(3, "apt=<payload type>"))
        );
        assert_eq!(rtx("97"), Err(ValueError::new(2, "apt=<payload type>")));
        assert_eq!(
            rtx("97 apt=200"),
            Err(ValueError::new(7, "a payload type (0-127)"))
        );
        assert_eq!(
            rtx("97 apt=96;rtx-time=-1"),
            Err(ValueError::new(19, "a time in ms"))
        );
    }

    #[test]
    fn red_lists_block_payload_types() {
        let red = |v| RedParams::from_fmtp(&Fmtp::parse(v).unwrap());
        assert_eq!(
            red("121 96/96/97")
                .unwrap()
                .payload_types()
                .collect::<Vec<_>>(),
            [96, 96, 97]
        );
        assert_eq!(red("63 111").unwrap().as_str(), "111");
        assert_eq!(
            red("63 111/").unwrap_err(),
            ValueError::new(6, "end of value")
        );
        assert_eq!(
            red("63 a=1").unwrap_err(),
            ValueError::new(3, "a list of payload types")
        );
        assert_eq!(
            red("63").unwrap_err(),
            ValueError::new(2, "a list of payload types")
        );
        assert_eq!(RedParams::default().payload_types().count(), 0);
    }
}
