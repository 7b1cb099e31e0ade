//! Connection addresses as the transport attributes carry them: an IPv4 dotted quad, an IPv6
//! literal or a fully qualified domain name (including mDNS `.local` names).
//!
//! `a=candidate`, `a=remote-candidates` and `a=rtcp` share these checks.

use std::net::{Ipv4Addr, Ipv6Addr};

use crate::lex::{self, PResult};

/// The kind of a connection address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AddressKind {
    /// An IPv4 dotted quad, e.g. `192.0.2.1`.
    Ipv4,
    /// An IPv6 literal, e.g. `2001:db8::1`.
    Ipv6,
    /// A domain name, e.g. `example.com` or an mDNS name such as `1f4712db.local`.
    Fqdn,
}

impl AddressKind {
    /// Classifies `text`, or `None` when it is neither an IP address nor a domain name.
    ///
    /// ```
    /// use sdp_core::attr::ice::AddressKind;
    /// assert_eq!(AddressKind::of("10.0.0.1"), Some(AddressKind::Ipv4));
    /// assert_eq!(AddressKind::of("::1"), Some(AddressKind::Ipv6));
    /// assert_eq!(AddressKind::of("4b3c1ffe-0e1a-4d3e.local"), Some(AddressKind::Fqdn));
    /// assert_eq!(AddressKind::of("1.2.3.256"), None);
    /// ```
    pub fn of(text: &str) -> Option<AddressKind> {
        if text.parse::<Ipv4Addr>().is_ok() {
            Some(AddressKind::Ipv4)
        } else if text.contains(':') {
            text.parse::<Ipv6Addr>().ok().map(|_| AddressKind::Ipv6)
        } else if is_fqdn(text) {
            Some(AddressKind::Fqdn)
        } else {
            None
        }
    }
}

/// Whether `text` is a syntactically valid domain name (shared with `c=` and `o=`).
pub use crate::field::address::is_fqdn;

/// Whether `text` is an IPv4 address, an IPv6 literal or a domain name.
pub fn is_connection_address(text: &str) -> bool {
    AddressKind::of(text).is_some()
}

// connection-address = IP4-address / IP6-address / FQDN (unicast forms of RFC 8866 §9;
// as used by RFC 8839 §5.1 and RFC 3605 §2.1)
/// Reads a unicast connection address (up to the next white space) and checks its syntax.
///
/// Fails with "an IP address or host name" at the start of the token.
pub fn parse_connection_address(input: &str) -> PResult<'_, &str> {
    let (rest, text) = lex::expect("an IP address or host name", lex::token)(input)?;
    if is_connection_address(text) {
        Ok((rest, text))
    } else {
        lex::fail(input, "an IP address or host name")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ValueError;

    #[test]
    fn ip_literals_are_classified() {
        assert_eq!(AddressKind::of("0.0.0.0"), Some(AddressKind::Ipv4));
        assert_eq!(
            AddressKind::of("2a02:a03f:3eb0:e000:b0aa:d60a:cff2:933c"),
            Some(AddressKind::Ipv6)
        );
        assert_eq!(AddressKind::of("::ffff:1.2.3.4"), Some(AddressKind::Ipv6));
    }

    #[test]
    fn domain_names_and_mdns_names_are_accepted() {
        assert!(is_fqdn("host.example.com"));
        assert!(is_fqdn("localhost"));
        assert!(is_fqdn("x.x.x.x"));
        assert!(is_fqdn("f8c1fa26-6a5c-4ab8-9d3f-3b4c59c3b6d2.local"));
    }

    #[test]
    fn malformed_addresses_are_refused() {
        for bad in [
            "",
            "1.2.3.256",
            "0.a.b.0",
            "a..b",
            "-a.com",
            "a-.com",
            "a_b.com",
            "::g",
            "1:2",
            "host.",
            "10.0.0.1/24",
        ] {
            assert_eq!(AddressKind::of(bad), None, "{bad:?}");
        }
        assert!(!is_fqdn(&"a".repeat(64)));
    }

    #[test]
    fn parser_reports_the_start_of_a_bad_address() {
        assert_eq!(
            lex::run("10.1.1.1", parse_connection_address),
            Ok("10.1.1.1")
        );
        assert_eq!(
            lex::run("300.1.1.1 ", parse_connection_address),
            Err(ValueError::new(0, "an IP address or host name"))
        );
        assert_eq!(
            lex::run("", parse_connection_address),
            Err(ValueError::new(0, "an IP address or host name"))
        );
    }
}
