//! RTCP: `a=rtcp` (RFC 3605), `a=rtcp-mux`, `a=rtcp-mux-only`, `a=rtcp-rsize`.

use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};

use crate::attr::flag_attribute;
use crate::attr::ice::AddressKind;
use crate::attr::TypedAttribute;
use crate::error::ValueError;
use crate::lex::{self, fail, sp, PResult};

/// The address type of an `a=rtcp` address (RFC 8866 §5.7 `addrtype`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AddrType {
    /// `IP4`.
    Ip4,
    /// `IP6`.
    Ip6,
}

impl AddrType {
    /// The SDP spelling, `IP4` or `IP6`.
    pub fn as_str(self) -> &'static str {
        match self {
            AddrType::Ip4 => "IP4",
            AddrType::Ip6 => "IP6",
        }
    }
}

impl fmt::Display for AddrType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The address part of `a=rtcp`: `IN <addrtype> <connection-address>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RtcpAddress<'a> {
    /// The address type (the network type is always `IN`).
    pub addrtype: AddrType,
    /// The connection address as written: an IP address or host name, with `/ttl[/count]`
    /// (IPv4) or `/count` (IPv6) after a multicast address.
    pub address: &'a str,
}

/// `a=rtcp` (RFC 3605 §2.1): the RTCP port, and address, when they are not the RTP port + 1 and
/// the `c=` address.
///
/// ```
/// use sdp_core::attr::rtcp::{AddrType, Rtcp};
/// use sdp_core::TypedAttribute;
/// let r = Rtcp::parse("9 IN IP4 0.0.0.0").unwrap();
/// assert_eq!(r.port, 9);
/// assert_eq!(r.address.map(|a| a.addrtype), Some(AddrType::Ip4));
/// assert_eq!(Rtcp::parse("53020").unwrap().address, None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rtcp<'a> {
    /// The RTCP port.
    pub port: u16,
    /// The RTCP address, if given.
    pub address: Option<RtcpAddress<'a>>,
}

impl<'a> Rtcp<'a> {
    /// An `a=rtcp` with a port only.
    pub const fn new(port: u16) -> Self {
        Rtcp {
            port,
            address: None,
        }
    }

    /// An `a=rtcp` with a port and an address (the address is not checked).
    pub const fn with_address(port: u16, addrtype: AddrType, address: &'a str) -> Self {
        Rtcp {
            port,
            address: Some(RtcpAddress { addrtype, address }),
        }
    }
}

// addrtype = token (RFC 8866 §9); only `IP4` and `IP6` are accepted
fn parse_addrtype(input: &str) -> PResult<'_, AddrType> {
    let expected = "an address type (`IP4` or `IP6`)";
    let (rest, token) = lex::expect(expected, lex::token)(input)?;
    match token {
        "IP4" => Ok((rest, AddrType::Ip4)),
        "IP6" => Ok((rest, AddrType::Ip6)),
        _ => fail(input, expected),
    }
}

fn is_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `text` is a valid connection address for `addrtype` (RFC 8866 §9): a unicast address
/// or host name, or a multicast address followed by `/ttl[/count]` (IPv4) or `/count` (IPv6).
fn is_address_of(addrtype: AddrType, text: &str) -> bool {
    let (base, suffix) = match text.split_once('/') {
        Some((base, suffix)) => (base, Some(suffix)),
        None => (text, None),
    };
    match (addrtype, suffix) {
        (AddrType::Ip4, None) => matches!(
            AddressKind::of(base),
            Some(AddressKind::Ipv4 | AddressKind::Fqdn)
        ),
        (AddrType::Ip6, None) => matches!(
            AddressKind::of(base),
            Some(AddressKind::Ipv6 | AddressKind::Fqdn)
        ),
        // IP4-multicast = m1 3("." decimal-uchar) "/" ttl ["/" numaddr]; ttl = 0-255
        (AddrType::Ip4, Some(suffix)) => {
            let multicast = base.parse::<Ipv4Addr>().is_ok_and(|a| a.is_multicast());
            let (ttl, count) = match suffix.split_once('/') {
                Some((ttl, count)) => (ttl, Some(count)),
                None => (suffix, None),
            };
            multicast
                && is_digits(ttl)
                && ttl.parse::<u8>().is_ok()
                && count.map_or(true, is_digits)
        }
        // IP6-multicast = IP6-address ["/" numaddr]
        (AddrType::Ip6, Some(count)) => {
            base.parse::<Ipv6Addr>().is_ok_and(|a| a.is_multicast()) && is_digits(count)
        }
    }
}

// rtcp-attribute = "a=rtcp:" port [nettype space addrtype space connection-address]
// (RFC 3605 §2.1; nettype, addrtype and connection-address from RFC 8866 §9)
fn parse_rtcp_attribute(input: &str) -> PResult<'_, Rtcp<'_>> {
    let (i, port) = lex::u16_dec("a port (0-65535)")(input)?;
    let Ok((i, _)) = sp(i) else {
        return Ok((i, Rtcp::new(port)));
    };
    if i.is_empty() {
        return Ok((i, Rtcp::new(port)));
    }
    let (i, _) = lex::word("IN", "the network type `IN`")(i)?;
    let (i, _) = sp(i)?;
    let (i, addrtype) = parse_addrtype(i)?;
    let (i, _) = sp(i)?;
    let expected = match addrtype {
        AddrType::Ip4 => "an IPv4 address or host name",
        AddrType::Ip6 => "an IPv6 address or host name",
    };
    let (rest, address) = lex::expect(expected, lex::token)(i)?;
    if !is_address_of(addrtype, address) {
        return fail(i, expected);
    }
    Ok((rest, Rtcp::with_address(port, addrtype, address)))
}

impl<'a> TypedAttribute<'a> for Rtcp<'a> {
    const NAME: &'static str = "rtcp";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        lex::run(value, parse_rtcp_attribute)
    }
}

impl fmt::Display for Rtcp<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.port)?;
        if let Some(a) = &self.address {
            write!(f, " IN {} {}", a.addrtype, a.address)?;
        }
        Ok(())
    }
}

flag_attribute!(
    /// `a=rtcp-mux` (RFC 5761 §5.1.1).
    RtcpMux = "rtcp-mux"
);

flag_attribute!(
    /// `a=rtcp-mux-only` (RFC 8858 §3).
    RtcpMuxOnly = "rtcp-mux-only"
);

flag_attribute!(
    /// `a=rtcp-rsize` (RFC 5506 §5).
    RtcpRsize = "rtcp-rsize"
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attr::parse_typed;

    #[test]
    fn rtcp_reads_a_port_alone() {
        assert_eq!(Rtcp::parse("9"), Ok(Rtcp::new(9)));
        assert_eq!(Rtcp::parse("12312 "), Ok(Rtcp::new(12312)));
        assert_eq!(Rtcp::new(9).to_string(), "9");
    }

    #[test]
    fn rtcp_reads_port_and_address() {
        let r = Rtcp::parse("9 IN IP4 0.0.0.0").unwrap();
        assert_eq!(r, Rtcp::with_address(9, AddrType::Ip4, "0.0.0.0"));
        assert_eq!(r.to_string(), "9 IN IP4 0.0.0.0");
        let r = Rtcp::parse("9  IN\tIP6 2001:db8::8888").unwrap();
        assert_eq!(r.to_string(), "9 IN IP6 2001:db8::8888");
        assert_eq!(Rtcp::parse(&r.to_string()), Ok(r));
        assert!(Rtcp::parse("5000 IN IP4 host.example.com").is_ok());
        assert!(Rtcp::parse("5000 IN IP4 224.2.1.1/127/3").is_ok());
        assert!(Rtcp::parse("5000 IN IP6 ff15::101/3").is_ok());
    }

    #[test]
    fn rtcp_refuses_non_numeric_ports() {
        // invalid/webrtc-sdp-tests/test_parse_sdp_integer_error.sdp
        assert_eq!(
            Rtcp::parse("34er21"),
            Err(ValueError::new(2, "end of value"))
        );
        assert_eq!(
            Rtcp::parse("65536"),
            Err(ValueError::new(0, "a port (0-65535)"))
        );
        assert_eq!(Rtcp::parse(""), Err(ValueError::new(0, "a port (0-65535)")));
    }

    #[test]
    fn rtcp_refuses_unknown_address_types_and_bad_addresses() {
        let cases = [
            // invalid/sdp-transform/invalid.sdp
            ("1 IN IP7 X", 5, "an address type (`IP4` or `IP6`)"),
            (
                "5000 IN NONIP non-IP",
                8,
                "an address type (`IP4` or `IP6`)",
            ),
            ("1 ATM IP4 1.2.3.4", 2, "the network type `IN`"),
            ("1 IN IP4", 8, "a space"),
            ("1 IN IP4 1.2.3.4.5", 9, "an IPv4 address or host name"),
            ("1 IN IP4 ::1", 9, "an IPv4 address or host name"),
            ("1 IN IP6 1.2.3.4", 9, "an IPv6 address or host name"),
            ("1 IN IP4 127.0.0.0/24", 9, "an IPv4 address or host name"),
            ("1 IN IP4 224.0.0.1/256", 9, "an IPv4 address or host name"),
            ("1 IN IP4 1.2.3.4 x", 17, "end of value"),
        ];
        for (value, offset, expected) in cases {
            assert_eq!(
                Rtcp::parse(value),
                Err(ValueError::new(offset, expected)),
                "{value:?}"
            );
        }
    }

    #[test]
    fn rtcp_flags_take_no_value() {
        assert_eq!(parse_typed::<RtcpMux>(None), Ok(RtcpMux));
        assert_eq!(parse_typed::<RtcpMuxOnly>(None), Ok(RtcpMuxOnly));
        assert_eq!(parse_typed::<RtcpRsize>(None), Ok(RtcpRsize));
        assert!(parse_typed::<RtcpRsize>(Some("")).is_err());
    }
}
