//! RTP header extensions: `a=extmap`, `a=extmap-allow-mixed` (RFC 8285, RFC 6904).
//!
//! `a=extmap:<id>[/<direction>] <URI> [<extension attributes>]` maps a header extension id to the
//! extension's URI. RFC 6904 wraps an encrypted extension as
//! `a=extmap:<id> urn:ietf:params:rtp-hdrext:encrypt <URI> [<attributes>]`.

use std::fmt;

use crate::attr::direction::Direction;
use crate::attr::flag_attribute;
use crate::attr::TypedAttribute;
use crate::error::ValueError;
use crate::lex::{self, PResult};

/// The URI RFC 6904 §4 puts before the URI of an encrypted header extension.
pub const ENCRYPT_URI: &str = "urn:ietf:params:rtp-hdrext:encrypt";

const ID_EXPECTED: &str = "an extension id (1-5 digits, at most 65535)";
const DIRECTION_EXPECTED: &str = "a direction (`sendonly`, `recvonly`, `sendrecv` or `inactive`)";

// RFC 8285 §8: mapentry = "extmap:" 1*5DIGIT ["/" direction]
fn parse_mapentry(input: &str) -> PResult<'_, (u16, Option<Direction>)> {
    let digits = input.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 5 {
        return lex::fail(input, ID_EXPECTED);
    }
    let (rest, id) = lex::u16_dec(ID_EXPECTED)(input)?;
    let Some(after_slash) = rest.strip_prefix('/') else {
        return Ok((rest, (id, None)));
    };
    let (rest, direction) = parse_direction(after_slash)?;
    Ok((rest, (id, Some(direction))))
}

// RFC 8285 §8: direction = "sendonly" / "recvonly" / "sendrecv" / "inactive"
fn parse_direction(input: &str) -> PResult<'_, Direction> {
    let len = input.bytes().take_while(u8::is_ascii_alphabetic).count();
    let name = input.get(..len).unwrap_or_default();
    match Direction::from_name(name) {
        Some(d) => Ok((input.get(len..).unwrap_or_default(), d)),
        None => lex::fail(input, DIRECTION_EXPECTED),
    }
}

// RFC 8285 §8: extmap = mapentry SP extensionname [SP extensionattributes]
//              extensionname = URI ; extensionattributes = byte-string
// RFC 6904 §4: an encrypted entry names ENCRYPT_URI, then the extension's URI.
fn parse_extmap(input: &str) -> PResult<'_, Extmap<'_>> {
    let (rest, (id, direction)) = parse_mapentry(input)?;
    let (rest, _) = lex::sp(rest)?;
    let (rest, first) = lex::expect("an extension URI", lex::token)(rest)?;
    let (rest, encrypted, uri) = if first == ENCRYPT_URI {
        let (rest, _) = lex::expect("a space and the encrypted extension's URI", lex::sp)(rest)?;
        let (rest, uri) = lex::expect("the encrypted extension's URI", lex::token)(rest)?;
        (rest, true, uri)
    } else {
        (rest, false, first)
    };
    let (after_sp, sp) = lex::opt_sp(rest)?;
    let attributes =
        (!sp.is_empty() && !after_sp.is_empty()).then(|| after_sp.trim_end_matches([' ', '\t']));
    let rest = if attributes.is_some() { "" } else { rest };
    Ok((
        rest,
        Extmap {
            id,
            direction,
            encrypted,
            uri,
            attributes,
        },
    ))
}

/// `a=extmap` (RFC 8285 §8): a header extension id mapped to its URI.
///
/// The id is kept as written within `u16` (the range 1-14 / 1-255 is a validation matter).
///
/// ```
/// use sdp_core::attr::direction::Direction;
/// use sdp_core::attr::extmap::Extmap;
/// use sdp_core::attr::TypedAttribute;
/// let e = Extmap::parse("2/sendrecv http://example.com/082005/ext.htm#xmeta short").unwrap();
/// assert_eq!(e.id, 2);
/// assert_eq!(e.direction, Some(Direction::SendRecv));
/// assert_eq!(e.uri, "http://example.com/082005/ext.htm#xmeta");
/// assert_eq!(e.attributes, Some("short"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Extmap<'a> {
    /// The extension id.
    pub id: u16,
    /// The direction after `/`, if given.
    pub direction: Option<Direction>,
    /// Whether the extension is encrypted (RFC 6904: the entry names [`ENCRYPT_URI`] first).
    pub encrypted: bool,
    /// The extension's URI (after [`ENCRYPT_URI`] for an encrypted one).
    pub uri: &'a str,
    /// The extension attributes after the URI, as written (a byte string).
    pub attributes: Option<&'a str>,
}

impl<'a> Extmap<'a> {
    /// An unencrypted mapping without direction or attributes.
    pub const fn new(id: u16, uri: &'a str) -> Self {
        Extmap {
            id,
            direction: None,
            encrypted: false,
            uri,
            attributes: None,
        }
    }

    /// The same mapping with a direction.
    pub const fn with_direction(mut self, direction: Direction) -> Self {
        self.direction = Some(direction);
        self
    }

    /// The extension attributes split at white space, in order.
    pub fn attribute_tokens(&self) -> impl Iterator<Item = &'a str> + 'a {
        self.attributes
            .unwrap_or_default()
            .split([' ', '\t'])
            .filter(|s| !s.is_empty())
    }
}

impl<'a> TypedAttribute<'a> for Extmap<'a> {
    const NAME: &'static str = "extmap";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        lex::run(value, parse_extmap)
    }
}

impl fmt::Display for Extmap<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.id)?;
        if let Some(direction) = self.direction {
            write!(f, "/{direction}")?;
        }
        if self.encrypted {
            write!(f, " {ENCRYPT_URI}")?;
        }
        write!(f, " {}", self.uri)?;
        if let Some(attributes) = self.attributes {
            write!(f, " {attributes}")?;
        }
        Ok(())
    }
}

flag_attribute!(
    /// `a=extmap-allow-mixed` (RFC 8285 §6).
    ExtmapAllowMixed = "extmap-allow-mixed"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extmap_reads_id_and_uri() {
        let e = Extmap::parse("1 urn:ietf:params:rtp-hdrext:ssrc-audio-level").unwrap();
        assert_eq!(
            e,
            Extmap::new(1, "urn:ietf:params:rtp-hdrext:ssrc-audio-level")
        );
        assert!(!e.encrypted);
        assert_eq!(e.attributes, None);
        let uri = Extmap::parse("1 URI-toffset").unwrap();
        assert_eq!(uri.uri, "URI-toffset");
    }

    #[test]
    fn extmap_reads_every_direction() {
        for d in Direction::ALL {
            let text = format!("3/{d} urn:ietf:params:rtp-hdrext:toffset");
            let e = Extmap::parse(&text).unwrap();
            assert_eq!(e.direction, Some(d));
            assert_eq!(e.to_string(), text);
        }
    }

    #[test]
    fn extmap_keeps_trailing_attributes() {
        let e = Extmap::parse("2 urn:ietf:params:rtp-hdrext:smpte-tc 3600@90000/25.00").unwrap();
        assert_eq!(e.attributes, Some("3600@90000/25.00"));
        let v = Extmap::parse("1 urn:ietf:params:rtp-hdrext:ssrc-audio-level vad=on  x ").unwrap();
        assert_eq!(v.attributes, Some("vad=on  x"));
        assert_eq!(v.attribute_tokens().collect::<Vec<_>>(), ["vad=on", "x"]);
        let s = Extmap::parse("4 http://example.com/082005/ext.htm#ttime SHORT").unwrap();
        assert_eq!(s.attributes, Some("SHORT"));
    }

    #[test]
    fn extmap_reads_rfc6904_encrypted_entries() {
        let e = Extmap::parse(
            "3 urn:ietf:params:rtp-hdrext:encrypt urn:ietf:params:rtp-hdrext:smpte-tc 25@600/24",
        )
        .unwrap();
        assert!(e.encrypted);
        assert_eq!(e.uri, "urn:ietf:params:rtp-hdrext:smpte-tc");
        assert_eq!(e.attributes, Some("25@600/24"));
        let d =
            Extmap::parse("4/recvonly urn:ietf:params:rtp-hdrext:encrypt URI-gps-string").unwrap();
        assert_eq!(d.direction, Some(Direction::RecvOnly));
        assert!(d.encrypted);
        assert_eq!(d.uri, "URI-gps-string");
        assert_eq!(
            d.to_string(),
            "4/recvonly urn:ietf:params:rtp-hdrext:encrypt URI-gps-string"
        );
    }

    #[test]
    fn extmap_rejects_malformed_entries() {
        assert_eq!(Extmap::parse(""), Err(ValueError::new(0, ID_EXPECTED)));
        assert_eq!(
            Extmap::parse("x urn:a"),
            Err(ValueError::new(0, ID_EXPECTED))
        );
        assert_eq!(
            Extmap::parse("65536 urn:a"),
            Err(ValueError::new(0, ID_EXPECTED))
        );
        assert_eq!(
            Extmap::parse("000001 urn:a"),
            Err(ValueError::new(0, ID_EXPECTED))
        );
        assert_eq!(
            Extmap::parse("1/both urn:a"),
            Err(ValueError::new(2, DIRECTION_EXPECTED))
        );
        assert_eq!(Extmap::parse("1"), Err(ValueError::new(1, "a space")));
        assert_eq!(
            Extmap::parse("1 "),
            Err(ValueError::new(2, "an extension URI"))
        );
        assert_eq!(
            Extmap::parse("1x urn:a"),
            Err(ValueError::new(1, "a space"))
        );
        assert_eq!(
            Extmap::parse("1 urn:ietf:params:rtp-hdrext:encrypt"),
            Err(ValueError::new(
                36,
                "a space and the encrypted extension's URI"
            ))
        );
    }

    #[test]
    fn extmap_accepts_large_ids_within_u16() {
        assert_eq!(Extmap::parse("4095 urn:a").unwrap().id, 4095);
        assert_eq!(Extmap::parse("65535 urn:a").unwrap().id, 65535);
    }

    #[test]
    fn extmap_writes_canonically_and_round_trips() {
        let e =
            Extmap::parse("2/sendrecv   http://example.com/082005/ext.htm#xmeta\tshort").unwrap();
        assert_eq!(
            e.to_string(),
            "2/sendrecv http://example.com/082005/ext.htm#xmeta short"
        );
        assert_eq!(Extmap::parse(&e.to_string()).unwrap(), e);
        let built = Extmap::new(10, "urn:ietf:params:rtp-hdrext:sdes:mid")
            .with_direction(Direction::SendOnly);
        assert_eq!(
            built.to_string(),
            "10/sendonly urn:ietf:params:rtp-hdrext:sdes:mid"
        );
    }
}
