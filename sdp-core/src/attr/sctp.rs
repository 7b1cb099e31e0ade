//! Data channels: `a=sctp-port`, `a=max-message-size` (RFC 8841), legacy `a=sctpmap`.

use std::fmt;

use nom::bytes::complete::take_while1;

use crate::attr::TypedAttribute;
use crate::error::ValueError;
use crate::lex::{self, expect, fail, is_token_char, sp, PResult};

/// `a=sctp-port` (RFC 8841 §5.2): the SCTP port of the data channel association.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SctpPort(pub u16);

impl<'a> TypedAttribute<'a> for SctpPort {
    const NAME: &'static str = "sctp-port";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        // sctp-port-value = portnumber; portnumber = 1*5DIGIT (RFC 8841 §5.2)
        lex::run(value, lex::u16_dec("a port (0-65535)")).map(SctpPort)
    }
}

impl fmt::Display for SctpPort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// `a=max-message-size` (RFC 8841 §6): the largest message the endpoint can receive, in
/// bytes; `0` means no limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MaxMessageSize(pub u64);

impl MaxMessageSize {
    /// Whether the size is unlimited (`0`, RFC 8841 §6).
    pub fn is_unlimited(&self) -> bool {
        self.0 == 0
    }

    /// The limit in bytes, or `None` when unlimited.
    pub fn limit(&self) -> Option<u64> {
        (self.0 != 0).then_some(self.0)
    }
}

impl<'a> TypedAttribute<'a> for MaxMessageSize {
    const NAME: &'static str = "max-message-size";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        // max-message-size-value = 1*DIGIT (RFC 8841 §6)
        lex::run(value, lex::u64_dec("a size in bytes")).map(MaxMessageSize)
    }
}

impl fmt::Display for MaxMessageSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// `a=sctpmap` (draft-ietf-mmusic-sctp-sdp-05 §4): the legacy form of the data channel
/// description, e.g. `5000 webrtc-datachannel 1024`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sctpmap<'a> {
    /// The SCTP port (the `m=` format number).
    pub number: u16,
    /// The application protocol, e.g. `webrtc-datachannel`.
    pub app: &'a str,
    /// The number of streams, if given.
    pub streams: Option<u16>,
}

impl<'a> Sctpmap<'a> {
    /// An `a=sctpmap` from its parts.
    pub const fn new(number: u16, app: &'a str, streams: Option<u16>) -> Self {
        Sctpmap {
            number,
            app,
            streams,
        }
    }
}

// sctpmap-attr = "a=sctpmap:" sctpmap-number SP app [SP streams];
// sctpmap-number = 1*DIGIT; app = token; streams = 1*DIGIT (draft-ietf-mmusic-sctp-sdp-05 §4)
fn parse_sctpmap_attr(input: &str) -> PResult<'_, Sctpmap<'_>> {
    let (i, number) = lex::u16_dec("an SCTP port (0-65535)")(input)?;
    let (i, _) = sp(i)?;
    let expected = "an application name (e.g. `webrtc-datachannel`)";
    let (i, app) = expect(expected, take_while1(is_token_char))(i)?;
    if i.starts_with(|c: char| c != ' ' && c != '\t') {
        return fail(i, expected);
    }
    let streams = match sp(i) {
        Ok((next, _)) if !next.is_empty() => Some(next),
        _ => None,
    };
    let Some(streams_input) = streams else {
        return Ok((i, Sctpmap::new(number, app, None)));
    };
    let (i, streams) = lex::u16_dec("a number of streams (0-65535)")(streams_input)?;
    Ok((i, Sctpmap::new(number, app, Some(streams))))
}

impl<'a> TypedAttribute<'a> for Sctpmap<'a> {
    const NAME: &'static str = "sctpmap";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        lex::run(value, parse_sctpmap_attr)
    }
}

impl fmt::Display for Sctpmap<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.number, self.app)?;
        if let Some(streams) = self.streams {
            write!(f, " {streams}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sctp_port_is_a_port_number() {
        assert_eq!(SctpPort::parse("5000"), Ok(SctpPort(5000)));
        assert_eq!(SctpPort(5000).to_string(), "5000");
        assert_eq!(
            SctpPort::parse("70000"),
            Err(ValueError::new(0, "a port (0-65535)"))
        );
        assert_eq!(
            SctpPort::parse("5000 x"),
            Err(ValueError::new(5, "end of value"))
        );
    }

    #[test]
    fn max_message_size_zero_means_unlimited() {
        let m = MaxMessageSize::parse("262144").unwrap();
        assert_eq!(m.limit(), Some(262144));
        assert!(!m.is_unlimited());
        let m = MaxMessageSize::parse("0").unwrap();
        assert!(m.is_unlimited());
        assert_eq!(m.limit(), None);
        assert_eq!(MaxMessageSize(1073741823).to_string(), "1073741823");
        assert_eq!(
            MaxMessageSize::parse("-1"),
            Err(ValueError::new(0, "a size in bytes"))
        );
    }

    #[test]
    fn sctpmap_reads_number_app_and_streams() {
        let m = Sctpmap::parse("5000 webrtc-datachannel 1024").unwrap();
        assert_eq!(m, Sctpmap::new(5000, "webrtc-datachannel", Some(1024)));
        assert_eq!(m.to_string(), "5000 webrtc-datachannel 1024");
        let m = Sctpmap::parse("5000  webrtc-datachannel ").unwrap();
        assert_eq!(m.streams, None);
        assert_eq!(m.to_string(), "5000 webrtc-datachannel");
        assert_eq!(Sctpmap::parse(&m.to_string()), Ok(m));
    }

    #[test]
    fn sctpmap_needs_at_least_a_number_and_an_app() {
        // invalid/webrtc-sdp/30.sdp
        assert_eq!(Sctpmap::parse("5000"), Err(ValueError::new(4, "a space")));
        let cases = [
            ("", 0, "an SCTP port (0-65535)"),
            ("x webrtc-datachannel", 0, "an SCTP port (0-65535)"),
            (
                "5000 web@rtc",
                8,
                "an application name (e.g. `webrtc-datachannel`)",
            ),
            (
                "5000 webrtc-datachannel x",
                24,
                "a number of streams (0-65535)",
            ),
            ("5000 webrtc-datachannel 1 2", 26, "end of value"),
        ];
        for (value, offset, expected) in cases {
            assert_eq!(
                Sctpmap::parse(value),
                Err(ValueError::new(offset, expected)),
                "{value:?}"
            );
        }
    }
}
