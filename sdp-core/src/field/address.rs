//! Network addresses as SDP writes them: `IN IP4 192.0.2.1`, `IN IP6 ::1`, FQDNs.

use std::net::{Ipv4Addr, Ipv6Addr};

use crate::lex::{fail, token, PResult};

/// The address type of `o=`, `c=` and `a=rtcp` (RFC 8866 §5.7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AddrType {
    /// `IP4`.
    Ip4,
    /// `IP6`.
    Ip6,
    /// Any other registered or private type, kept as written.
    Other,
}

impl AddrType {
    /// The type of an `addrtype` token (case-sensitive, as RFC 8866 registers them).
    pub fn from_token(token: &str) -> AddrType {
        match token {
            "IP4" => AddrType::Ip4,
            "IP6" => AddrType::Ip6,
            _ => AddrType::Other,
        }
    }
}

/// Whether `host` is a syntactically valid FQDN: RFC 8866 §9 `FQDN` (letters, digits, `-`, `.`)
/// in RFC 1123 labels of 1-63 characters, at most 253 in all, and a top
/// label that is not all digits (so that `1.2.3.256` is not taken for a name).
pub fn is_fqdn(host: &str) -> bool {
    if host.is_empty() || host.len() > 253 {
        return false;
    }
    let mut last = "";
    for label in host.split('.') {
        let ok = !label.is_empty()
            && label.len() <= 63
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !label.starts_with('-')
            && !label.ends_with('-');
        if !ok {
            return false;
        }
        last = label;
    }
    !last.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `addr` is a valid unicast address of type `addr_type`.
///
/// RFC 8866 §9 allows `IP4-address / IP6-address / FQDN / extn-addr`, where `extn-addr` is any
/// non-space string. A string that tries to be an address or a host name (it has a `.` or a
/// `:`) must be a valid one of the family; anything else is an `extn-addr` and accepted (real
/// cameras write `*****` or `localhost`). Other address types accept any non-empty token.
pub fn is_valid_address(addr_type: AddrType, addr: &str) -> bool {
    let extn_addr = !addr.is_empty() && !addr.contains(['.', ':']);
    match addr_type {
        AddrType::Ip4 => {
            addr.parse::<Ipv4Addr>().is_ok() || (!looks_numeric(addr) && is_fqdn(addr)) || extn_addr
        }
        AddrType::Ip6 => addr.parse::<Ipv6Addr>().is_ok() || is_fqdn(addr) || extn_addr,
        AddrType::Other => !addr.is_empty(),
    }
}

/// Network types registered with IANA (RFC 8866 §8.2.6 and the "nettype" registry).
pub const NET_TYPES: &[&str] = &["IN", "ATM", "PSTN", "TN"];

/// Address types registered with IANA ("addrtype" registry).
pub const ADDR_TYPES: &[&str] = &["IP4", "IP6", "NSAP", "E164", "GWID", "ALIAS", "RFC2543"];

// nettype = token (RFC 8866 §9), limited to the IANA registry
pub(crate) fn parse_net_type(input: &str) -> PResult<'_, &str> {
    let expected = "a registered network type (`IN`, `ATM`, `PSTN`, `TN`)";
    match token(input) {
        Ok((rest, t)) if NET_TYPES.contains(&t) => Ok((rest, t)),
        _ => fail(input, expected),
    }
}

// addrtype = token (RFC 8866 §9), limited to the IANA registry
pub(crate) fn parse_addr_type(input: &str) -> PResult<'_, &str> {
    let expected = "a registered address type (`IP4`, `IP6`, ...)";
    match token(input) {
        Ok((rest, t)) if ADDR_TYPES.contains(&t) => Ok((rest, t)),
        _ => fail(input, expected),
    }
}

/// Dotted digits only: such a string must be a valid IPv4 literal, not a host name.
fn looks_numeric(addr: &str) -> bool {
    addr.bytes().all(|b| b.is_ascii_digit() || b == b'.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ip4_accepts_literals_and_host_names_only() {
        assert!(is_valid_address(AddrType::Ip4, "192.0.2.1"));
        assert!(is_valid_address(AddrType::Ip4, "host.example.com"));
        assert!(is_valid_address(
            AddrType::Ip4,
            "e884ffa3-808e-4f3a-aba5-ecc630fd45ad.local"
        ));
        assert!(!is_valid_address(AddrType::Ip4, "0.a.b.0"));
        assert!(!is_valid_address(AddrType::Ip4, "256.0.0.1"));
        assert!(!is_valid_address(AddrType::Ip4, "::1"));
        assert!(is_valid_address(AddrType::Ip4, "*****"));
        assert!(is_valid_address(AddrType::Ip4, "localhost"));
    }

    #[test]
    fn ip6_accepts_ipv6_literals() {
        assert!(is_valid_address(AddrType::Ip6, "2001:db8::1"));
        assert!(is_valid_address(AddrType::Ip6, "::"));
        assert!(!is_valid_address(AddrType::Ip6, "2001:db8:::1"));
    }
}
