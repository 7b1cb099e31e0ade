//! `c=` connection data (RFC 8866 §5.7), with multicast TTL and address count.

use std::fmt;

use super::address::{is_valid_address, parse_addr_type, parse_net_type, AddrType};
use crate::error::ValueError;
use crate::lex::{expect, fail, run, sp, token_until, u32_dec, PResult};

/// `c=<nettype> <addrtype> <connection-address>`.
///
/// For multicast the address may carry `/<ttl>` (IPv4 only) and `/<number of addresses>`:
/// `224.2.36.42/127/3`, `FF15::101/3`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Connection<'a> {
    /// Network type, `IN`.
    pub net_type: &'a str,
    /// Address type token, usually `IP4` or `IP6`.
    pub addr_type: &'a str,
    /// The address (or FQDN), without the `/ttl/count` suffix.
    pub address: &'a str,
    /// Multicast TTL (IPv4 only).
    pub ttl: Option<u8>,
    /// Number of consecutive multicast addresses.
    pub count: Option<u32>,
}

// connection-field = [%x63 "=" nettype SP addrtype SP connection-address CRLF]
// connection-address = multicast-address / unicast-address (RFC 8866 §9)
fn parse_connection(input: &str) -> PResult<'_, Connection<'_>> {
    let (input, net_type) = parse_net_type(input)?;
    let (input, _) = sp(input)?;
    let (input, addr_type) = parse_addr_type(input)?;
    let (input, _) = sp(input)?;
    let start = input;
    let (mut input, address) = expect("a connection address", token_until('/'))(input)?;
    let kind = AddrType::from_token(addr_type);
    if !is_valid_address(kind, address) {
        return fail(start, "a connection address matching the address type");
    }
    let mut first = None;
    let mut second = None;
    if let Some(rest) = input.strip_prefix('/') {
        let (rest, n) = u32_dec("a TTL or address count")(rest)?;
        first = Some(n);
        input = rest;
        if let Some(rest) = input.strip_prefix('/') {
            let (rest, n) = u32_dec("an address count")(rest)?;
            second = Some(n);
            input = rest;
        }
    }
    // IPv4 multicast: /ttl[/count]; IPv6 multicast: /count only (RFC 8866 §5.7).
    let (ttl, count) = match (kind, first, second) {
        (AddrType::Ip6, Some(count), None) => (None, Some(count)),
        (AddrType::Ip6, Some(_), Some(_)) => {
            return fail(start, "an IPv6 address with at most an address count")
        }
        (_, Some(ttl), count) => match u8::try_from(ttl) {
            Ok(ttl) => (Some(ttl), count),
            Err(_) => return fail(start, "a TTL (0-255)"),
        },
        (_, None, _) => (None, None),
    };
    Ok((
        input,
        Connection {
            net_type,
            addr_type,
            address,
            ttl,
            count,
        },
    ))
}

impl<'a> Connection<'a> {
    /// Parses the value of a `c=` line.
    ///
    /// ```
    /// let c = sdp_core::field::Connection::parse("IN IP4 224.2.36.42/127/3").unwrap();
    /// assert_eq!((c.address, c.ttl, c.count), ("224.2.36.42", Some(127), Some(3)));
    /// ```
    pub fn parse(value: &'a str) -> Result<Self, ValueError> {
        run(value, parse_connection)
    }

    /// A unicast `IN IP4`/`IN IP6` connection for `address`, choosing the type from its form.
    pub fn new(address: &'a str) -> Self {
        let addr_type = if address.contains(':') { "IP6" } else { "IP4" };
        Connection {
            net_type: "IN",
            addr_type,
            address,
            ttl: None,
            count: None,
        }
    }

    /// The address type.
    pub fn addr_type(&self) -> AddrType {
        AddrType::from_token(self.addr_type)
    }
}

impl fmt::Display for Connection<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.net_type, self.addr_type, self.address)?;
        if let Some(ttl) = self.ttl {
            write!(f, "/{ttl}")?;
        }
        if let Some(count) = self.count {
            write!(f, "/{count}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connection_reads_unicast_and_multicast_forms() {
        let c = Connection::parse("IN IP4 192.0.2.1").unwrap();
        assert_eq!((c.ttl, c.count), (None, None));
        let c = Connection::parse("IN IP4 224.2.1.1/127").unwrap();
        assert_eq!((c.ttl, c.count), (Some(127), None));
        let c = Connection::parse("IN IP6 FF15::101/3").unwrap();
        assert_eq!((c.ttl, c.count), (None, Some(3)));
        assert_eq!(c.to_string(), "IN IP6 FF15::101/3");
        assert_eq!(
            Connection::parse("IN IP4 host.example.com")
                .unwrap()
                .address,
            "host.example.com"
        );
    }

    #[test]
    fn connection_rejects_bad_addresses_and_ttl() {
        assert_eq!(
            Connection::parse("IN IP4 224.2.1.1/300"),
            Err(ValueError::new(7, "a TTL (0-255)"))
        );
        assert_eq!(
            Connection::parse("IN IP4 ::1"),
            Err(ValueError::new(
                7,
                "a connection address matching the address type"
            ))
        );
        assert_eq!(
            Connection::parse("IN IP4"),
            Err(ValueError::new(6, "a space"))
        );
        assert_eq!(
            Connection::parse("IN IP4 1.2.3.4/x"),
            Err(ValueError::new(15, "a TTL or address count"))
        );
    }

    #[test]
    fn new_picks_the_address_type() {
        assert_eq!(Connection::new("::1").to_string(), "IN IP6 ::1");
        assert_eq!(Connection::new("0.0.0.0").to_string(), "IN IP4 0.0.0.0");
    }
}
