//! `o=` origin (RFC 8866 §5.2).

use std::fmt;

use super::address::{is_valid_address, parse_addr_type, parse_net_type, AddrType};
use crate::error::ValueError;
use crate::lex::{expect, fail, run, sp, token, PResult};

/// `o=<username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address>`.
///
/// Session id and version are kept as their digit strings (they may exceed 64 bits); the
/// `*_u64` getters read them as numbers when they fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin<'a> {
    /// User name, `-` when there is none.
    pub username: &'a str,
    /// Session id (`1*DIGIT`).
    pub session_id: &'a str,
    /// Session version (`1*DIGIT`).
    pub session_version: &'a str,
    /// Network type, `IN`.
    pub net_type: &'a str,
    /// Address type token, usually `IP4` or `IP6`.
    pub addr_type: &'a str,
    /// Unicast address or FQDN of the originator.
    pub address: &'a str,
}

// sess-id / sess-version = 1*DIGIT (RFC 8866 §9)
fn parse_digits<'a>(expected: &'static str) -> impl Fn(&'a str) -> PResult<'a, &'a str> {
    move |input: &'a str| {
        let (rest, t) = token(input)?;
        if t.bytes().all(|b| b.is_ascii_digit()) {
            Ok((rest, t))
        } else {
            fail(input, expected)
        }
    }
}

// origin-field = %x6f "=" username SP sess-id SP sess-version SP nettype SP addrtype SP
//                unicast-address (RFC 8866 §9)
fn parse_origin(input: &str) -> PResult<'_, Origin<'_>> {
    let (input, username) = expect("a user name", token)(input)?;
    let (input, _) = sp(input)?;
    let (input, session_id) = parse_digits("a numeric session id")(input)?;
    let (input, _) = sp(input)?;
    let (input, session_version) = parse_digits("a numeric session version")(input)?;
    let (input, _) = sp(input)?;
    let (input, net_type) = parse_net_type(input)?;
    let (input, _) = sp(input)?;
    let (input, addr_type) = parse_addr_type(input)?;
    let (input, _) = sp(input)?;
    let start = input;
    let (input, address) = expect("a unicast address", token)(input)?;
    if !is_valid_address(AddrType::from_token(addr_type), address) {
        return fail(start, "a unicast address matching the address type");
    }
    Ok((
        input,
        Origin {
            username,
            session_id,
            session_version,
            net_type,
            addr_type,
            address,
        },
    ))
}

impl<'a> Origin<'a> {
    /// Parses the value of an `o=` line.
    ///
    /// ```
    /// let o = sdp_core::field::Origin::parse("- 4649351869055041161 2 IN IP4 127.0.0.1").unwrap();
    /// assert_eq!(o.session_version_u64(), Some(2));
    /// ```
    pub fn parse(value: &'a str) -> Result<Self, ValueError> {
        run(value, parse_origin)
    }

    /// The session id as a number, when it fits 64 bits.
    pub fn session_id_u64(&self) -> Option<u64> {
        self.session_id.parse().ok()
    }

    /// The session version as a number, when it fits 64 bits.
    pub fn session_version_u64(&self) -> Option<u64> {
        self.session_version.parse().ok()
    }

    /// The address type.
    pub fn addr_type(&self) -> AddrType {
        AddrType::from_token(self.addr_type)
    }
}

impl fmt::Display for Origin<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} {} {} {} {}",
            self.username,
            self.session_id,
            self.session_version,
            self.net_type,
            self.addr_type,
            self.address
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origin_parses_all_six_fields() {
        let o = Origin::parse("jdoe 2890844526 2890842807 IN IP4 10.47.16.5").unwrap();
        assert_eq!(o.username, "jdoe");
        assert_eq!(o.session_id_u64(), Some(2890844526));
        assert_eq!(o.addr_type(), AddrType::Ip4);
        assert_eq!(
            o.to_string(),
            "jdoe 2890844526 2890842807 IN IP4 10.47.16.5"
        );
    }

    #[test]
    fn origin_keeps_ids_beyond_64_bits() {
        let o = Origin::parse("- 123456789012345678901234 1 IN IP6 ::1").unwrap();
        assert_eq!(o.session_id, "123456789012345678901234");
        assert_eq!(o.session_id_u64(), None);
    }

    #[test]
    fn origin_rejects_malformed_fields() {
        let cases = [
            ("- foo 1 IN IP4 1.2.3.4", 2, "a numeric session id"),
            ("- 0x0 1 IN IP4 1.2.3.4", 2, "a numeric session id"),
            ("- 1 0.0 IN IP4 1.2.3.4", 4, "a numeric session version"),
            (
                "- 1 1 IN IP4 0.a.b.0",
                13,
                "a unicast address matching the address type",
            ),
            ("- 1 1 IN IP4", 12, "a space"),
            ("- 1 1 IN IP4 1.2.3.4 extra", 21, "end of value"),
        ];
        for (value, offset, expected) in cases {
            assert_eq!(
                Origin::parse(value),
                Err(ValueError::new(offset, expected)),
                "{value}"
            );
        }
    }
}
