//! `m=` media description line (RFC 8866 §5.14).

use std::fmt;

use crate::error::ValueError;
use crate::lex::{expect, fail, is_token, payload_type, run, sp, token, u16_dec, u32_dec, PResult};

/// `m=<media> <port>[/<number of ports>] <proto> <fmt> ...`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MediaLine<'a> {
    /// Media type: `audio`, `video`, `text`, `application`, `message`, `image`, or another token.
    pub media: &'a str,
    /// Transport port; 0 rejects or disables the stream (RFC 3264 §6).
    pub port: u16,
    /// Number of ports, when written as `port/count`.
    pub port_count: Option<u32>,
    /// Transport protocol, e.g. `UDP/TLS/RTP/SAVPF`.
    pub proto: &'a str,
    formats: &'a str,
}

/// Whether the protocol carries RTP, so that formats are payload types (RFC 8866 §5.14).
pub fn is_rtp_proto(proto: &str) -> bool {
    proto.split('/').any(|p| p.eq_ignore_ascii_case("RTP"))
}

// media-field = %x6d "=" media SP port ["/" integer] SP proto 1*(SP fmt)
// proto = token *("/" token)
fn parse_media_line(input: &str) -> PResult<'_, MediaLine<'_>> {
    let start = input;
    let (input, media) = expect("a media type (`audio`, `video`, ...)", token)(input)?;
    if !is_token(media) {
        return fail(start, "a media type (`audio`, `video`, ...)");
    }
    let (input, _) = sp(input)?;
    let (input, port) = u16_dec("a port (0-65535)")(input)?;
    let (input, port_count) = match input.strip_prefix('/') {
        Some(rest) => {
            let (rest, n) = u32_dec("a number of ports")(rest)?;
            (rest, Some(n))
        }
        None => (input, None),
    };
    let (input, _) = sp(input)?;
    let proto_start = input;
    let (input, proto) = expect("a transport protocol (e.g. `RTP/AVP`)", token)(input)?;
    if !proto.split('/').all(is_token) {
        return fail(proto_start, "a transport protocol (e.g. `RTP/AVP`)");
    }
    let (input, _) = sp(input)?;
    let formats = input;
    let rtp = is_rtp_proto(proto);
    let mut rest = input;
    loop {
        let after = if rtp {
            payload_type(rest)?.0
        } else {
            expect("a format", token)(rest)?.0
        };
        let trimmed = after.trim_start_matches([' ', '\t']);
        if after.len() == trimmed.len() || trimmed.is_empty() {
            rest = after;
            break;
        }
        rest = trimmed;
    }
    let formats = formats
        .get(..formats.len() - rest.len())
        .unwrap_or_default();
    Ok((
        rest,
        MediaLine {
            media,
            port,
            port_count,
            proto,
            formats,
        },
    ))
}

impl<'a> MediaLine<'a> {
    /// Parses the value of an `m=` line.
    ///
    /// ```
    /// let m = sdp_core::field::MediaLine::parse("audio 9 UDP/TLS/RTP/SAVPF 111 0").unwrap();
    /// assert_eq!(m.payload_types().collect::<Vec<_>>(), [111, 0]);
    /// ```
    pub fn parse(value: &'a str) -> Result<Self, ValueError> {
        run(value, parse_media_line)
    }

    /// A media line; `formats` is the space-separated format list, e.g. `"111 0 8"`.
    pub fn new(media: &'a str, port: u16, proto: &'a str, formats: &'a str) -> Self {
        MediaLine {
            media,
            port,
            port_count: None,
            proto,
            formats: formats.trim(),
        }
    }

    /// The formats in order, as written.
    pub fn formats(&self) -> impl Iterator<Item = &'a str> + 'a {
        self.formats.split([' ', '\t']).filter(|f| !f.is_empty())
    }

    /// The formats that are payload types (all of them for RTP protocols).
    pub fn payload_types(&self) -> impl Iterator<Item = u8> + 'a {
        self.formats()
            .filter_map(|f| f.parse::<u8>().ok().filter(|pt| *pt <= 127))
    }

    /// Whether the protocol carries RTP.
    pub fn is_rtp(&self) -> bool {
        is_rtp_proto(self.proto)
    }
}

impl fmt::Display for MediaLine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.media, self.port)?;
        if let Some(n) = self.port_count {
            write!(f, "/{n}")?;
        }
        write!(f, " {}", self.proto)?;
        for format in self.formats() {
            write!(f, " {format}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_line_reads_every_field() {
        let m = MediaLine::parse("video 49170/2 RTP/AVP 31 96").unwrap();
        assert_eq!(
            (m.media, m.port, m.port_count, m.proto),
            ("video", 49170, Some(2), "RTP/AVP")
        );
        assert_eq!(m.formats().collect::<Vec<_>>(), ["31", "96"]);
        assert_eq!(m.to_string(), "video 49170/2 RTP/AVP 31 96");
        let m = MediaLine::parse("application 9 UDP/DTLS/SCTP webrtc-datachannel").unwrap();
        assert_eq!(m.formats().collect::<Vec<_>>(), ["webrtc-datachannel"]);
        assert!(!m.is_rtp());
    }

    #[test]
    fn media_line_rejects_bad_ports_protocols_and_payload_types() {
        let cases = [
            ("video -1 RTP/AVP 99", 6, "a port (0-65535)"),
            ("video 65536 RTP/AVP 99", 6, "a port (0-65535)"),
            ("video --- RTP/AVP 99", 6, "a port (0-65535)"),
            ("video 9 // 99", 8, "a transport protocol (e.g. `RTP/AVP`)"),
            ("audio 9 RTP/AVP 200", 16, "a payload type (0-127)"),
            ("audio 9 RTP/AVP", 15, "a space"),
        ];
        for (value, offset, expected) in cases {
            assert_eq!(
                MediaLine::parse(value),
                Err(ValueError::new(offset, expected)),
                "{value}"
            );
        }
    }

    #[test]
    fn new_builds_a_canonical_line() {
        let m = MediaLine::new("audio", 9, "UDP/TLS/RTP/SAVPF", "111 0 ");
        assert_eq!(m.to_string(), "audio 9 UDP/TLS/RTP/SAVPF 111 0");
    }
}
