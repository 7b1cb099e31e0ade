//! RTP payload formats: `a=rtpmap` (RFC 8866 §6.6), `a=fmtp` (RFC 8866 §6.15) and `a=rtcp-fb`
//! (RFC 4585 §4.2, RFC 5104 §7.1).
//!
//! All three borrow from the attribute value. `Fmtp` keeps its parameter text as written and walks
//! it on demand with [`Fmtp::params`]; codec-specific views of those parameters live in
//! [`crate::attr::fmtp`]. `RtcpFb` keeps the feedback type as written and its parameters as text.

use nom::bytes::complete::take_while1;

use crate::lex::{expect, PResult};

mod fmtp;
mod rtcp_fb;
mod rtpmap;

pub use fmtp::{Fmtp, FmtpParam};
pub use rtcp_fb::{FeedbackType, RtcpFb, RtcpFbPt};
pub use rtpmap::Rtpmap;

/// RFC 8866 §9 `token-char`: the characters an SDP `token` is made of.
pub(crate) fn is_token_char(c: char) -> bool {
    matches!(c, '!' | '#'..='\'' | '*' | '+' | '-' | '.' | '0'..='9' | 'A'..='Z' | '^'..='~')
}

// RFC 8866 §9: token = 1*(token-char)
fn parse_token(input: &str) -> PResult<'_, &str> {
    expect("a token", take_while1(is_token_char))(input)
}

#[cfg(test)]
pub(crate) mod tests {
    use std::fmt;

    use crate::attr::TypedAttribute;

    /// Parses `value`, writes it and parses the output again: both parses must agree.
    pub(crate) fn round_trips<'a, T: TypedAttribute<'a> + PartialEq + fmt::Debug>(
        value: &'a str,
    ) -> T {
        let parsed = T::parse(value).unwrap();
        let text = parsed.to_string();
        assert_eq!(T::parse(Box::leak(text.into_boxed_str())).unwrap(), parsed);
        parsed
    }

    #[test]
    fn real_browser_lines_parse() {
        let chrome = [
            "a=rtpmap:111 opus/48000/2",
            "a=rtcp-fb:111 transport-cc",
            "a=fmtp:111 minptime=10;useinbandfec=1",
            "a=rtpmap:96 VP8/90000",
            "a=rtcp-fb:96 goog-remb",
            "a=rtcp-fb:96 ccm fir",
            "a=rtcp-fb:96 nack pli",
            "a=rtpmap:97 rtx/90000",
            "a=fmtp:97 apt=96",
            "a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f",
            "a=rtpmap:63 red/48000/2",
            "a=fmtp:63 111/111",
            "a=rtpmap:126 telephone-event/8000",
        ];
        let firefox = [
            "a=fmtp:109 maxplaybackrate=48000;stereo=1;useinbandfec=1",
            "a=fmtp:101 0-15",
            "a=fmtp:126 profile-level-id=42e01f;level-asymmetry-allowed=1;packetization-mode=1",
            "a=fmtp:120 max-fs=12288;max-fr=60",
            "a=rtcp-fb:120 nack",
            "a=rtcp-fb:120 ccm fir",
            "a=rtpmap:109 opus/48000/2",
        ];
        for line in chrome.iter().chain(&firefox) {
            let (name, value) = line.trim_start_matches("a=").split_once(':').unwrap();
            let parsed = crate::attr::registry::parse(name, Some(value))
                .unwrap()
                .unwrap();
            assert_eq!(parsed.to_string(), value, "{line}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_value_parses_or_errors_and_parsed_values_round_trip(
            value in "[0-9a-zA-Z*=;/ ,.\\t-]{0,40}",
        ) {
            use super::{Fmtp, RtcpFb, Rtpmap};
            use crate::attr::fmtp::*;
            if let Ok(map) = Rtpmap::parse(&value) {
                let text = map.to_string();
                proptest::prop_assert_eq!(Rtpmap::parse(&text), Ok(map));
            }
            if let Ok(fb) = RtcpFb::parse(&value) {
                let text = fb.to_string();
                proptest::prop_assert_eq!(RtcpFb::parse(&text), Ok(fb));
            }
            if let Ok(fmtp) = Fmtp::parse(&value) {
                let text = fmtp.to_string();
                proptest::prop_assert_eq!(Fmtp::parse(&text), Ok(fmtp));
                for p in fmtp.params() {
                    let item = p.key.map_or(p.value.to_owned(), |k| format!("{k}={}", p.value));
                    proptest::prop_assert_eq!(value.get(p.offset..p.offset + item.len()), Some(item.as_str()));
                    proptest::prop_assert!(value
                        .get(p.value_offset()..)
                        .is_some_and(|v| v.starts_with(p.value)));
                }
                let _ = H264Params::from_fmtp(&fmtp);
                let _ = H265Params::from_fmtp(&fmtp);
                let _ = OpusParams::from_fmtp(&fmtp);
                let _ = Vp9Params::from_fmtp(&fmtp);
                let _ = Av1Params::from_fmtp(&fmtp);
                let _ = RtxParams::from_fmtp(&fmtp);
                let _ = RedParams::from_fmtp(&fmtp).map(|r| r.payload_types().count());
                let _ = TelephoneEventParams::from_fmtp(&fmtp).map(|t| t.contains(5));
            }
        }
    }
}
