//! `a=candidate` (RFC 8839 §5.1), with the TCP candidate extension of RFC 6544 and the
//! extensions browsers add (`generation`, `ufrag`, `network-id`, `network-cost`).

use std::fmt;

use nom::bytes::complete::take_while1;

use super::address::parse_connection_address;
use super::kinds::{CandidateTransport, CandidateType, TcpType};
use super::{is_ice_char, is_token_char, words};
use crate::attr::TypedAttribute;
use crate::error::ValueError;
use crate::lex::{self, expect, fail, sp, PResult};

/// `a=candidate` (RFC 8839 §5.1): one ICE candidate.
///
/// The related address and port are typed when they follow `typ` as RFC 8839 places them; every
/// further extension (`tcptype`, `generation`, `network-id`, unknown ones ...) is kept in order
/// as borrowed text and walked with [`Candidate::extensions`].
///
/// ```
/// use sdp_core::attr::ice::{Candidate, CandidateType};
/// use sdp_core::TypedAttribute;
/// let c = Candidate::parse(
///     "842163049 1 udp 1677729535 82.64.133.208 51044 typ srflx \
///      raddr 192.168.0.87 rport 51044 generation 0 network-cost 999",
/// )
/// .unwrap();
/// assert_eq!(c.kind(), CandidateType::Srflx);
/// assert_eq!(c.related_address(), Some("192.168.0.87"));
/// assert_eq!(c.network_cost(), Some(999));
/// ```
#[derive(Debug, Clone, Eq)]
pub struct Candidate<'a> {
    foundation: &'a str,
    component: u16,
    transport: &'a str,
    priority: u32,
    address: &'a str,
    port: u16,
    kind: &'a str,
    related_address: Option<&'a str>,
    related_port: Option<u16>,
    extensions: &'a str,
}

impl<'a> Candidate<'a> {
    /// A candidate from its mandatory fields, without related address or extensions.
    ///
    /// The values are not checked; parse the written text to check them. `transport` is written
    /// as given (`"UDP"` in the RFC, `"udp"` in browsers).
    pub fn new(
        foundation: &'a str,
        component: u16,
        transport: &'a str,
        priority: u32,
        address: &'a str,
        port: u16,
        kind: CandidateType<'a>,
    ) -> Self {
        Candidate {
            foundation,
            component,
            transport,
            priority,
            address,
            port,
            kind: kind.as_str(),
            related_address: None,
            related_port: None,
            extensions: "",
        }
    }

    /// A host candidate.
    ///
    /// ```
    /// use sdp_core::attr::ice::Candidate;
    /// let c = Candidate::host("1", 1, "udp", 2130706431, "10.0.0.1", 10000)
    ///     .with_extensions("generation 0");
    /// assert_eq!(c.to_string(), "1 1 udp 2130706431 10.0.0.1 10000 typ host generation 0");
    /// ```
    pub fn host(
        foundation: &'a str,
        component: u16,
        transport: &'a str,
        priority: u32,
        address: &'a str,
        port: u16,
    ) -> Self {
        Self::new(
            foundation,
            component,
            transport,
            priority,
            address,
            port,
            CandidateType::Host,
        )
    }

    /// Sets the related address and port (`raddr`/`rport`).
    pub fn with_related(mut self, address: &'a str, port: u16) -> Self {
        self.related_address = Some(address);
        self.related_port = Some(port);
        self
    }

    /// Sets the extensions: `name value` pairs separated by spaces, e.g.
    /// `"tcptype active generation 0"` (not checked).
    pub fn with_extensions(mut self, extensions: &'a str) -> Self {
        self.extensions = extensions;
        self
    }

    /// The foundation.
    pub fn foundation(&self) -> &'a str {
        self.foundation
    }

    /// The component id (1 for RTP, 2 for RTCP).
    pub fn component(&self) -> u16 {
        self.component
    }

    /// The transport, classified.
    pub fn transport(&self) -> CandidateTransport<'a> {
        CandidateTransport::from_token(self.transport)
    }

    /// The transport as written.
    pub fn transport_str(&self) -> &'a str {
        self.transport
    }

    /// The priority.
    pub fn priority(&self) -> u32 {
        self.priority
    }

    /// The connection address (IPv4, IPv6 or host name, e.g. an mDNS `.local` name).
    pub fn address(&self) -> &'a str {
        self.address
    }

    /// The port.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The candidate type, classified.
    pub fn kind(&self) -> CandidateType<'a> {
        CandidateType::from_token(self.kind)
    }

    /// The candidate type as written.
    pub fn kind_str(&self) -> &'a str {
        self.kind
    }

    /// The related address (`raddr`), also when it appears later among the extensions.
    pub fn related_address(&self) -> Option<&'a str> {
        self.related_address.or_else(|| self.extension("raddr"))
    }

    /// The related port (`rport`), also when it appears later among the extensions.
    pub fn related_port(&self) -> Option<u16> {
        self.related_port
            .or_else(|| self.extension("rport")?.parse().ok())
    }

    /// The extensions after the type and related address, in order, as `(name, value)`.
    pub fn extensions(&self) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        let mut words = words(self.extensions);
        std::iter::from_fn(move || Some((words.next()?, words.next()?)))
    }

    /// The value of the first extension called `name`.
    pub fn extension(&self, name: &str) -> Option<&'a str> {
        self.extensions()
            .find(|&(n, _)| n == name)
            .map(|(_, value)| value)
    }

    /// The TCP candidate type (`tcptype`, RFC 6544).
    pub fn tcp_type(&self) -> Option<TcpType> {
        TcpType::from_token(self.extension("tcptype")?)
    }

    /// The `generation` extension (libwebrtc), when it is a number.
    pub fn generation(&self) -> Option<u32> {
        self.extension("generation")?.parse().ok()
    }

    /// The `ufrag` extension (libwebrtc, RFC 8840 §5.2 uses it for trickled candidates).
    pub fn ufrag(&self) -> Option<&'a str> {
        self.extension("ufrag")
    }

    /// The `network-id` extension (libwebrtc), when it is a number.
    pub fn network_id(&self) -> Option<u32> {
        self.extension("network-id")?.parse().ok()
    }

    /// The `network-cost` extension (libwebrtc), when it is a number.
    pub fn network_cost(&self) -> Option<u32> {
        self.extension("network-cost")?.parse().ok()
    }
}

impl PartialEq for Candidate<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.foundation == other.foundation
            && self.component == other.component
            && self.transport == other.transport
            && self.priority == other.priority
            && self.address == other.address
            && self.port == other.port
            && self.kind == other.kind
            && self.related_address == other.related_address
            && self.related_port == other.related_port
            && self.extensions().eq(other.extensions())
    }
}

impl<'a> TypedAttribute<'a> for Candidate<'a> {
    const NAME: &'static str = "candidate";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        lex::run(value, parse_candidate_attribute)
    }
}

impl fmt::Display for Candidate<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} {} {} {} {} typ {}",
            self.foundation,
            self.component,
            self.transport,
            self.priority,
            self.address,
            self.port,
            self.kind
        )?;
        if let Some(address) = self.related_address {
            write!(f, " raddr {address}")?;
        }
        if let Some(port) = self.related_port {
            write!(f, " rport {port}")?;
        }
        for (name, value) in self.extensions() {
            write!(f, " {name} {value}")?;
        }
        Ok(())
    }
}

const PORT: &str = "a port (0-65535)";

fn is_port(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii_digit()) && text.parse::<u16>().is_ok()
}

// foundation = 1*32ice-char (RFC 8839 §5.1)
fn parse_foundation(input: &str) -> PResult<'_, &str> {
    let expected = "a foundation (1-32 ice-chars)";
    let (rest, foundation) = expect(expected, take_while1(is_ice_char))(input)?;
    if foundation.len() > 32 || rest.starts_with(|c: char| c != ' ' && c != '\t') {
        return fail(input, expected);
    }
    Ok((rest, foundation))
}

// component-id = 1*3DIGIT (RFC 8839 §5.1); RFC 8445 §5.1.1.1: between 1 and 256
fn parse_component_id(input: &str) -> PResult<'_, u16> {
    let expected = "a component id (1-256)";
    let (rest, id) = lex::u16_dec(expected)(input)?;
    if !(1..=256).contains(&id) {
        return fail(input, expected);
    }
    Ok((rest, id))
}

// transport = "UDP" / transport-extension; transport-extension = token (RFC 8839 §5.1)
fn parse_transport(input: &str) -> PResult<'_, &str> {
    token_chars("a transport (`UDP`, `TCP` or a token)")(input)
}

// cand-type = "typ" SP candidate-types;
// candidate-types = "host" / "srflx" / "prflx" / "relay" / token (RFC 8839 §5.1)
fn parse_cand_type(input: &str) -> PResult<'_, &str> {
    let (rest, typ) = expect("`typ`", lex::token)(input)?;
    if typ != "typ" {
        return fail(input, "`typ`");
    }
    let (rest, _) = sp(rest)?;
    token_chars("a candidate type (`host`, `srflx`, `prflx`, `relay` or a token)")(rest)
}

/// A run of RFC 8866 token characters that ends at white space or the end of the value.
fn token_chars<'a>(expected: &'static str) -> impl Fn(&'a str) -> PResult<'a, &'a str> {
    move |input: &'a str| {
        let (rest, text) = expect(expected, take_while1(is_token_char))(input)?;
        if rest.starts_with(|c: char| c != ' ' && c != '\t') {
            return fail(input, expected);
        }
        Ok((rest, text))
    }
}

// cand-extension = extension-att-name SP extension-att-value;
// extension-att-name = token; extension-att-value = *VCHAR (RFC 8839 §5.1)
// The values of the extensions with a grammar of their own are checked:
// rel-addr = "raddr" SP connection-address; rel-port = "rport" SP port (RFC 8839 §5.1);
// tcp-type-ext = "tcptype" SP tcp-type; tcp-type = "active" / "passive" / "so" (RFC 6544 §4.5)
fn parse_cand_extension(input: &str) -> PResult<'_, (&str, &str)> {
    let (rest, name) = token_chars("an extension name")(input)?;
    let (rest, _) = expect("a space and an extension value", sp)(rest)?;
    let value_input = rest;
    let (rest, value) = lex::token(rest)?;
    if !value.bytes().all(|b| b.is_ascii_graphic()) {
        return fail(value_input, "an extension value (visible characters)");
    }
    match name {
        "raddr" => {
            parse_connection_address(value_input)?;
        }
        "rport" if !is_port(value) => return fail(value_input, PORT),
        "tcptype" if TcpType::from_token(value).is_none() => {
            return fail(value_input, "a TCP type (`active`, `passive` or `so`)");
        }
        _ => {}
    }
    Ok((rest, (name, value)))
}

// candidate-attribute = "candidate" ":" foundation SP component-id SP transport SP priority SP
//     connection-address SP port SP cand-type [SP rel-addr] [SP rel-port] *(SP cand-extension)
// (RFC 8839 §5.1)
fn parse_candidate_attribute(input: &str) -> PResult<'_, Candidate<'_>> {
    let (i, foundation) = parse_foundation(input)?;
    let (i, _) = sp(i)?;
    let (i, component) = parse_component_id(i)?;
    let (i, _) = sp(i)?;
    let (i, transport) = parse_transport(i)?;
    let (i, _) = sp(i)?;
    let (i, priority) = lex::u32_dec("a priority (0-4294967295)")(i)?;
    let (i, _) = sp(i)?;
    let (i, address) = parse_connection_address(i)?;
    let (i, _) = sp(i)?;
    let (i, port) = lex::u16_dec(PORT)(i)?;
    let (i, _) = sp(i)?;
    let (mut rest, kind) = parse_cand_type(i)?;

    let mut candidate = Candidate {
        foundation,
        component,
        transport,
        priority,
        address,
        port,
        kind,
        related_address: None,
        related_port: None,
        extensions: "",
    };
    // `raddr` and `rport` directly after the type are the typed related address and port; any
    // later ones stay among the extensions, which start at `ext_start`.
    let mut ext_start: Option<&str> = None;
    while let Ok((next, _)) = sp(rest) {
        if next.is_empty() {
            break;
        }
        let (after, (name, value)) = parse_cand_extension(next)?;
        match (ext_start, name) {
            (None, "raddr")
                if candidate.related_address.is_none() && candidate.related_port.is_none() =>
            {
                candidate.related_address = Some(value);
            }
            (None, "rport") if candidate.related_port.is_none() => {
                candidate.related_port = value.parse().ok();
            }
            (None, _) => ext_start = Some(next),
            (Some(_), _) => {}
        }
        if let Some(start) = ext_start {
            let len = lex::offset_in(start, after);
            candidate.extensions = start.get(..len).unwrap_or_default();
        }
        rest = after;
    }
    Ok((rest, candidate))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(value: &str) -> Result<Candidate<'_>, ValueError> {
        Candidate::parse(value)
    }

    #[test]
    fn candidate_reads_every_mandatory_field() {
        let c = parse("1 1 UDP 2130706431 10.0.0.1 10000 typ host").unwrap();
        assert_eq!(c.foundation(), "1");
        assert_eq!(c.component(), 1);
        assert_eq!(c.transport(), CandidateTransport::Udp);
        assert_eq!(c.transport_str(), "UDP");
        assert_eq!(c.priority(), 2130706431);
        assert_eq!(c.address(), "10.0.0.1");
        assert_eq!(c.port(), 10000);
        assert_eq!(c.kind(), CandidateType::Host);
        assert_eq!(c.related_address(), None);
        assert_eq!(c.extensions().count(), 0);
    }

    #[test]
    fn candidate_keeps_unknown_extensions_in_order() {
        let c = parse(
            "a0+B/1 1 udp 2130706432 192.168.1.5 1234 typ host generation 2 ufrag foo pwd bar x-y z",
        )
        .unwrap();
        let ext: Vec<_> = c.extensions().collect();
        assert_eq!(
            ext,
            [
                ("generation", "2"),
                ("ufrag", "foo"),
                ("pwd", "bar"),
                ("x-y", "z")
            ]
        );
        assert_eq!(c.generation(), Some(2));
        assert_eq!(c.ufrag(), Some("foo"));
        assert_eq!(c.extension("pwd"), Some("bar"));
    }

    #[test]
    fn candidate_types_related_address_and_browser_extensions() {
        let c = parse(
            "3498006680 1 udp 1686052607 186.101.218.61 54379 typ srflx raddr 192.168.3.117 \
             rport 54379 generation 0 network-id 1 network-cost 10",
        )
        .unwrap();
        assert_eq!(c.kind(), CandidateType::Srflx);
        assert_eq!(c.related_address(), Some("192.168.3.117"));
        assert_eq!(c.related_port(), Some(54379));
        assert_eq!(c.generation(), Some(0));
        assert_eq!(c.network_id(), Some(1));
        assert_eq!(c.network_cost(), Some(10));
        assert_eq!(c.extensions().next(), Some(("generation", "0")));
    }

    #[test]
    fn candidate_reads_tcp_candidates_and_ipv6_and_mdns_addresses() {
        let c =
            parse("4 1 TCP 1688207359 192.0.2.3 9 typ srflx raddr 10.0.1.1 rport 9 tcptype active")
                .unwrap();
        assert_eq!(c.transport(), CandidateTransport::Tcp);
        assert_eq!(c.tcp_type(), Some(TcpType::Active));
        let c = parse(
            "3 1 TCP 2105524479 2a02:a03f:3eb0:e000:b0aa:d60a:cff2:933c 9 typ host tcptype so",
        )
        .unwrap();
        assert_eq!(c.tcp_type(), Some(TcpType::So));
        let c =
            parse("1 1 udp 2122260223 0c2f7d1e-3b6a-4f0e-9d2e-5a7b8c9d0e1f.local 54321 typ host")
                .unwrap();
        assert_eq!(c.address(), "0c2f7d1e-3b6a-4f0e-9d2e-5a7b8c9d0e1f.local");
    }

    #[test]
    fn candidate_keeps_unknown_transport_and_type_as_written() {
        let c = parse("1 1 ssltcp 1 127.0.0.1 443 typ host generation 0").unwrap();
        assert_eq!(c.transport(), CandidateTransport::Other("ssltcp"));
        let c = parse("7 1 UDP 10 192.168.1.1 49157 typ unknown_type").unwrap();
        assert_eq!(c.kind(), CandidateType::Other("unknown_type"));
        let c = parse("7 1 Udp 10 192.168.1.1 49157 typ RELAY").unwrap();
        assert_eq!(c.transport(), CandidateTransport::Udp);
        assert_eq!(c.kind(), CandidateType::Relay);
        assert_eq!(c.to_string(), "7 1 Udp 10 192.168.1.1 49157 typ RELAY");
    }

    #[test]
    fn candidate_finds_a_related_address_written_after_other_extensions() {
        let c =
            parse("1 1 udp 1 10.0.0.2 5 typ relay generation 2 raddr 10.0.0.1 rport 7").unwrap();
        assert_eq!(c.related_address(), Some("10.0.0.1"));
        assert_eq!(c.related_port(), Some(7));
        assert_eq!(c.extensions().count(), 3);
        assert_eq!(
            c.to_string(),
            "1 1 udp 1 10.0.0.2 5 typ relay generation 2 raddr 10.0.0.1 rport 7"
        );
    }

    #[test]
    fn candidate_tolerates_extra_white_space_and_writes_single_spaces() {
        let c = parse("1  1\tudp 1 10.0.0.2 5 typ  host  generation   0 ").unwrap();
        assert_eq!(c.to_string(), "1 1 udp 1 10.0.0.2 5 typ host generation 0");
        assert_eq!(parse(&c.to_string()).unwrap(), c);
    }

    #[test]
    fn candidate_refuses_ports_out_of_range() {
        // invalid/libwebrtc/DeserializeInvalidPortInCandidateAttribute.sdp
        let v = "a0+B/1 1 udp 2130706432 192.168.1.5 12345678 typ host generation 2 \
                 raddr 192.168.1.1 rport 87654321";
        assert_eq!(parse(v), Err(ValueError::new(36, PORT)));
        let v = "1 1 udp 1 10.0.0.1 5 typ srflx raddr 10.0.0.2 rport 65536";
        assert_eq!(parse(v), Err(ValueError::new(52, PORT)));
    }

    #[test]
    fn candidate_errors_point_at_the_bad_field() {
        let cases = [
            ("", 0, "a foundation (1-32 ice-chars)"),
            (
                "a-b 1 udp 1 10.0.0.1 5 typ host",
                0,
                "a foundation (1-32 ice-chars)",
            ),
            (
                "123456789012345678901234567890123 1 udp 1 10.0.0.1 5 typ host",
                0,
                "a foundation (1-32 ice-chars)",
            ),
            ("1 0 udp 1 10.0.0.1 5 typ host", 2, "a component id (1-256)"),
            (
                "1 257 udp 1 10.0.0.1 5 typ host",
                2,
                "a component id (1-256)",
            ),
            (
                "1 1 udp x 10.0.0.1 5 typ host",
                8,
                "a priority (0-4294967295)",
            ),
            (
                "1 1 udp 1 10.0.0.256 5 typ host",
                10,
                "an IP address or host name",
            ),
            ("1 1 udp 1 10.0.0.1 5 type host", 21, "`typ`"),
            ("1 1 udp 1 10.0.0.1 5 typ", 24, "a space"),
            (
                "1 1 udp 1 10.0.0.1 5 typ host generation",
                40,
                "a space and an extension value",
            ),
            (
                "1 1 udp 1 10.0.0.1 5 typ host raddr 1.2.3",
                36,
                "an IP address or host name",
            ),
            (
                "1 1 udp 1 10.0.0.1 5 typ host tcptype both",
                38,
                "a TCP type (`active`, `passive` or `so`)",
            ),
            ("1 1 udp", 7, "a space"),
        ];
        for (value, offset, expected) in cases {
            assert_eq!(
                parse(value),
                Err(ValueError::new(offset, expected)),
                "{value:?}"
            );
        }
    }

    #[test]
    fn candidate_builder_writes_the_canonical_form() {
        let c = Candidate::new(
            "2",
            1,
            "UDP",
            1694498815,
            "1.2.3.4",
            10000,
            CandidateType::Srflx,
        )
        .with_related("10.0.0.1", 10000)
        .with_extensions("generation 0");
        let text = c.to_string();
        assert_eq!(
            text,
            "2 1 UDP 1694498815 1.2.3.4 10000 typ srflx raddr 10.0.0.1 rport 10000 generation 0"
        );
        assert_eq!(parse(&text).unwrap(), c);
    }

    #[test]
    fn candidate_round_trips_real_corpus_values() {
        for v in [
            "0560693492 1 udp 659136 1.2.3.4 16628 typ host generation 0",
            "1002017894 1 tcp 1518280447 192.168.20.129 0 typ host tcptype active generation 0",
            "5 1 TCP 1684013055 192.0.2.3 45664 typ srflx raddr 10.0.1.1 rport 8998 tcptype passive generation 5",
            "4240059272 1 UDP 2122260223 x.x.x.x 54192 typ host",
            "6 1 UDP 25 192.168.1.1 49155 typ relay raddr 10.0.0.1 rport 49156",
            "5 1 UDP 50 192.168.1.1 49154 typ prflx",
            "X 2 UDP 659134 192.168.100.100 10019 typ host",
            "a0+B/2 1 udp 2130706432 ::1 1238 typ host generation 2",
        ] {
            let c = parse(v).unwrap();
            assert_eq!(c.to_string(), v);
            assert_eq!(parse(&c.to_string()).unwrap(), c);
        }
    }
}
