//! ICE attributes (RFC 8839, RFC 8840): credentials, options, pacing, candidates and the
//! connection-address checks the transport attributes share.
//!
//! The candidate is [`Candidate`]; the address checks `a=candidate`, `a=remote-candidates` and
//! `a=rtcp` share are [`parse_connection_address`] and [`AddressKind`].

use std::fmt;

use nom::bytes::complete::take_while1;

use crate::attr::flag_attribute;
use crate::attr::TypedAttribute;
use crate::error::ValueError;
use crate::lex::{self, expect, fail, sp, PResult};

mod address;
mod candidate;
mod kinds;

pub use address::{is_connection_address, is_fqdn, parse_connection_address, AddressKind};
pub use candidate::Candidate;
pub use kinds::{CandidateTransport, CandidateType, TcpType};

/// Whether `c` is an `ice-char` (RFC 8839 §5.1: `ALPHA / DIGIT / "+" / "/"`).
pub fn is_ice_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '+' || c == '/'
}

/// Whether `c` is an RFC 8866 §9 `token-char`.
pub(crate) use crate::lex::is_token_char;

/// The words of `text`, split at runs of spaces and tabs.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split([' ', '\t']).filter(|w| !w.is_empty())
}

/// A run of characters satisfying `ok` that ends at white space or the end of the value;
/// reports `expected` where a character fails.
fn chars_until_space<'a>(
    ok: fn(char) -> bool,
    expected: &'static str,
) -> impl Fn(&'a str) -> PResult<'a, &'a str> {
    move |input: &'a str| {
        let (rest, text) = expect(expected, take_while1(ok))(input)?;
        if rest.starts_with(|c: char| c != ' ' && c != '\t') {
            return fail(rest, expected);
        }
        Ok((rest, text))
    }
}

/// One or more `item`s separated by white space; returns the text they cover.
fn space_list<'a, O>(
    item: impl Fn(&'a str) -> PResult<'a, O>,
) -> impl Fn(&'a str) -> PResult<'a, &'a str> {
    move |input: &'a str| {
        let (mut rest, _) = item(input)?;
        let mut end = rest;
        while let Ok((next, _)) = sp(rest) {
            if next.is_empty() {
                break;
            }
            (rest, _) = item(next)?;
            end = rest;
        }
        let covered = input.get(..lex::offset_in(input, end)).unwrap_or_default();
        Ok((rest, covered))
    }
}

const CREDENTIAL: &str = "a credential (visible characters)";

fn is_vchar(c: char) -> bool {
    c.is_ascii_graphic()
}

// ufrag = 4*256ice-char; password = 22*256ice-char (RFC 8839 §5.4).
// Parsing accepts any visible characters: real offers carry `_` (libwebrtc's test SDPs) and `:`
// (libp2p WebRTC-direct); the character set and the length are validation matters
// (`has_only_ice_chars`, `is_valid_length`).
fn parse_credential(input: &str) -> PResult<'_, &str> {
    chars_until_space(is_vchar, CREDENTIAL)(input)
}

/// `a=ice-ufrag` (RFC 8839 §5.4): the ICE username fragment.
///
/// Any non-empty run of visible characters parses; whether it has the 4-256 ice-chars RFC 8839
/// asks for is [`IceUfrag::is_valid_length`] and [`IceUfrag::has_only_ice_chars`], validation
/// matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct IceUfrag<'a>(&'a str);

impl<'a> IceUfrag<'a> {
    /// A username fragment from its text (not checked).
    pub const fn new(ufrag: &'a str) -> Self {
        IceUfrag(ufrag)
    }

    /// The text.
    pub fn as_str(&self) -> &'a str {
        self.0
    }

    /// Whether it has 4 to 256 characters (RFC 8839 §5.4).
    pub fn is_valid_length(&self) -> bool {
        (4..=256).contains(&self.0.len())
    }

    /// Whether every character is an ice-char (RFC 8839 §5.4).
    pub fn has_only_ice_chars(&self) -> bool {
        self.0.chars().all(is_ice_char)
    }
}

impl<'a> TypedAttribute<'a> for IceUfrag<'a> {
    const NAME: &'static str = "ice-ufrag";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        lex::run(value, parse_credential).map(IceUfrag)
    }
}

impl fmt::Display for IceUfrag<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// `a=ice-pwd` (RFC 8839 §5.4): the ICE password.
///
/// Any non-empty run of visible characters parses; whether it has the 22-256 ice-chars RFC 8839
/// asks for is [`IcePwd::is_valid_length`] and [`IcePwd::has_only_ice_chars`], validation
/// matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct IcePwd<'a>(&'a str);

impl<'a> IcePwd<'a> {
    /// A password from its text (not checked).
    pub const fn new(password: &'a str) -> Self {
        IcePwd(password)
    }

    /// The text.
    pub fn as_str(&self) -> &'a str {
        self.0
    }

    /// Whether it has 22 to 256 characters (RFC 8839 §5.4).
    pub fn is_valid_length(&self) -> bool {
        (22..=256).contains(&self.0.len())
    }

    /// Whether every character is an ice-char (RFC 8839 §5.4).
    pub fn has_only_ice_chars(&self) -> bool {
        self.0.chars().all(is_ice_char)
    }
}

impl<'a> TypedAttribute<'a> for IcePwd<'a> {
    const NAME: &'static str = "ice-pwd";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        lex::run(value, parse_credential).map(IcePwd)
    }
}

impl fmt::Display for IcePwd<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

// ice-option-tag = 1*ice-char (RFC 8839 §5.6); token characters are accepted, since real
// offers carry tags such as `google-ice`
fn parse_ice_option_tag(input: &str) -> PResult<'_, &str> {
    chars_until_space(is_token_char, "an ICE option tag")(input)
}

/// `a=ice-options` (RFC 8839 §5.6): the ICE options in use, e.g. `trickle`.
///
/// ```
/// use sdp_core::attr::ice::IceOptions;
/// use sdp_core::TypedAttribute;
/// let o = IceOptions::parse("trickle renomination").unwrap();
/// assert!(o.has("trickle"));
/// assert_eq!(o.iter().collect::<Vec<_>>(), ["trickle", "renomination"]);
/// ```
#[derive(Debug, Clone, Copy, Eq)]
pub struct IceOptions<'a>(&'a str);

impl<'a> IceOptions<'a> {
    /// Options from their text: tags separated by spaces, e.g. `"trickle ice2"` (not checked).
    pub const fn new(options: &'a str) -> Self {
        IceOptions(options)
    }

    /// The option tags, in order.
    pub fn iter(&self) -> impl Iterator<Item = &'a str> + 'a {
        words(self.0)
    }

    /// Whether the option `tag` is present (exact match).
    pub fn has(&self, tag: &str) -> bool {
        self.iter().any(|t| t == tag)
    }
}

impl PartialEq for IceOptions<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl<'a> TypedAttribute<'a> for IceOptions<'a> {
    const NAME: &'static str = "ice-options";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        // ice-options = "ice-options:" ice-option-tag *(SP ice-option-tag) (RFC 8839 §5.6)
        lex::run(value, space_list(parse_ice_option_tag)).map(IceOptions)
    }
}

impl fmt::Display for IceOptions<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_words(f, self.iter())
    }
}

/// Writes `words` separated by single spaces.
fn write_words<'a>(
    f: &mut fmt::Formatter<'_>,
    words: impl Iterator<Item = &'a str>,
) -> fmt::Result {
    for (i, word) in words.enumerate() {
        if i > 0 {
            f.write_str(" ")?;
        }
        f.write_str(word)?;
    }
    Ok(())
}

flag_attribute!(
    /// `a=ice-lite` (RFC 8839 §5.3).
    IceLite = "ice-lite"
);

flag_attribute!(
    /// `a=ice-mismatch` (RFC 8839 §5.5).
    IceMismatch = "ice-mismatch"
);

/// `a=ice-pacing` (RFC 8839 §5.7): the connectivity-check pacing interval in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct IcePacing(pub u32);

impl IcePacing {
    /// The interval in milliseconds.
    pub fn millis(&self) -> u32 {
        self.0
    }
}

impl<'a> TypedAttribute<'a> for IcePacing {
    const NAME: &'static str = "ice-pacing";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        // ice-pacing-att = "ice-pacing:" pacing-value; pacing-value = 1*10DIGIT (RFC 8839 §5.7)
        lex::run(value, lex::u32_dec("a pacing interval in milliseconds")).map(IcePacing)
    }
}

impl fmt::Display for IcePacing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

flag_attribute!(
    /// `a=end-of-candidates` (RFC 8840 §8.2).
    EndOfCandidates = "end-of-candidates"
);

/// One entry of `a=remote-candidates`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RemoteCandidate<'a> {
    /// The component id.
    pub component: u16,
    /// The connection address.
    pub address: &'a str,
    /// The port.
    pub port: u16,
}

impl fmt::Display for RemoteCandidate<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.component, self.address, self.port)
    }
}

// remote-candidate = component-ID SP connection-address SP port (RFC 8839 §5.2)
fn parse_remote_candidate(input: &str) -> PResult<'_, RemoteCandidate<'_>> {
    let (i, component) = lex::u16_dec("a component id")(input)?;
    let (i, _) = sp(i)?;
    let (i, address) = parse_connection_address(i)?;
    let (i, _) = sp(i)?;
    let (i, port) = lex::u16_dec("a port (0-65535)")(i)?;
    if i.starts_with(|c: char| c != ' ' && c != '\t') {
        return fail(i, "a space");
    }
    Ok((
        i,
        RemoteCandidate {
            component,
            address,
            port,
        },
    ))
}

/// `a=remote-candidates` (RFC 8839 §5.2): the candidates the controlling agent selected.
///
/// ```
/// use sdp_core::attr::ice::RemoteCandidates;
/// use sdp_core::TypedAttribute;
/// let r = RemoteCandidates::parse("1 192.0.2.3 45664 2 192.0.2.3 45665").unwrap();
/// let ports: Vec<u16> = r.iter().map(|c| c.port).collect();
/// assert_eq!(ports, [45664, 45665]);
/// ```
#[derive(Debug, Clone, Copy, Eq)]
pub struct RemoteCandidates<'a>(&'a str);

impl<'a> RemoteCandidates<'a> {
    /// Remote candidates from their text: `component address port` triples separated by
    /// spaces (not checked).
    pub const fn new(candidates: &'a str) -> Self {
        RemoteCandidates(candidates)
    }

    /// The candidates, in order.
    pub fn iter(&self) -> impl Iterator<Item = RemoteCandidate<'a>> + 'a {
        let mut words = words(self.0);
        std::iter::from_fn(move || {
            Some(RemoteCandidate {
                component: words.next()?.parse().ok()?,
                address: words.next()?,
                port: words.next()?.parse().ok()?,
            })
        })
    }
}

impl PartialEq for RemoteCandidates<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl<'a> TypedAttribute<'a> for RemoteCandidates<'a> {
    const NAME: &'static str = "remote-candidates";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        // remote-candidate-att = "remote-candidates:" remote-candidate
        //     *(SP remote-candidate) (RFC 8839 §5.2)
        lex::run(value, space_list(parse_remote_candidate)).map(RemoteCandidates)
    }
}

impl fmt::Display for RemoteCandidates<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, c) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{c}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attr::parse_typed;

    #[test]
    fn ufrag_and_pwd_accept_ice_chars_of_any_length() {
        let u = IceUfrag::parse("5+Ix").unwrap();
        assert_eq!(u.as_str(), "5+Ix");
        assert!(u.is_valid_length());
        let short = IceUfrag::parse("abc").unwrap();
        assert!(!short.is_valid_length());
        let p = IcePwd::parse("1F1qS++jzWLSQi0qQDZkX/QV").unwrap();
        assert!(p.is_valid_length());
        assert!(!IcePwd::parse("short").unwrap().is_valid_length());
        assert_eq!(IcePwd::new("x").to_string(), "x");
    }

    #[test]
    fn ufrag_and_pwd_accept_real_non_ice_chars_for_validation_to_flag() {
        // libwebrtc's test SDPs and libp2p WebRTC-direct (str0m/parse_no_media_c_line.sdp)
        let u = IceUfrag::parse("ufrag_voice").unwrap();
        assert!(!u.has_only_ice_chars());
        let p = IcePwd::parse("libp2p+webrtc+v1/a75469cf:libp2p+webrtc+v1/a75469cf").unwrap();
        assert!(!p.has_only_ice_chars());
        assert!(IcePwd::parse("d0iwx/Qam8JnuvL+wkcXee")
            .unwrap()
            .has_only_ice_chars());
    }

    #[test]
    fn ufrag_and_pwd_refuse_empty_and_spaced_values() {
        assert_eq!(IceUfrag::parse(""), Err(ValueError::new(0, CREDENTIAL)));
        assert_eq!(
            IcePwd::parse("abcd efgh"),
            Err(ValueError::new(5, "end of value"))
        );
        assert_eq!(
            IcePwd::parse("abc\u{e9}"),
            Err(ValueError::new(3, CREDENTIAL))
        );
    }

    #[test]
    fn ice_options_lists_tags_and_finds_trickle() {
        let o = IceOptions::parse("trickle  renomination").unwrap();
        assert!(o.has("trickle"));
        assert!(!o.has("ice2"));
        assert_eq!(o.to_string(), "trickle renomination");
        assert_eq!(IceOptions::parse(&o.to_string()).unwrap(), o);
        assert!(IceOptions::parse("google-ice").unwrap().has("google-ice"));
        assert_eq!(
            IceOptions::parse(""),
            Err(ValueError::new(0, "an ICE option tag"))
        );
        assert_eq!(
            IceOptions::parse("trickle ice@2"),
            Err(ValueError::new(11, "an ICE option tag"))
        );
    }

    #[test]
    fn ice_pacing_is_a_number_of_milliseconds() {
        assert_eq!(IcePacing::parse("500"), Ok(IcePacing(500)));
        assert_eq!(IcePacing(50).to_string(), "50");
        assert_eq!(
            IcePacing::parse("50ms"),
            Err(ValueError::new(2, "end of value"))
        );
        assert_eq!(
            IcePacing::parse("99999999999"),
            Err(ValueError::new(0, "a pacing interval in milliseconds"))
        );
    }

    #[test]
    fn ice_flags_take_no_value() {
        assert_eq!(parse_typed::<IceLite>(None), Ok(IceLite));
        assert!(parse_typed::<IceMismatch>(Some("x")).is_err());
        assert_eq!(parse_typed::<EndOfCandidates>(None), Ok(EndOfCandidates));
    }

    #[test]
    fn remote_candidates_lists_component_address_port_triples() {
        let r = RemoteCandidates::parse("1 192.0.2.3 45664  2 2001:db8::1 45665").unwrap();
        let list: Vec<_> = r.iter().collect();
        assert_eq!(
            list,
            [
                RemoteCandidate {
                    component: 1,
                    address: "192.0.2.3",
                    port: 45664
                },
                RemoteCandidate {
                    component: 2,
                    address: "2001:db8::1",
                    port: 45665
                },
            ]
        );
        assert_eq!(r.to_string(), "1 192.0.2.3 45664 2 2001:db8::1 45665");
        assert_eq!(RemoteCandidates::parse(&r.to_string()).unwrap(), r);
    }

    #[test]
    fn remote_candidates_refuses_incomplete_triples() {
        assert_eq!(
            RemoteCandidates::parse("1 192.0.2.3"),
            Err(ValueError::new(11, "a space"))
        );
        assert_eq!(
            RemoteCandidates::parse("1 192.0.2.3 5 2"),
            Err(ValueError::new(15, "a space"))
        );
        assert_eq!(
            RemoteCandidates::parse("1 192.0.2.3 70000"),
            Err(ValueError::new(12, "a port (0-65535)"))
        );
        assert_eq!(
            RemoteCandidates::parse("1 192.0.2.3 5x"),
            Err(ValueError::new(13, "a space"))
        );
    }

    proptest::proptest! {
        #[test]
        fn transport_parsers_never_panic_and_round_trip(
            value in "[0-9a-fA-Z:./+ ;=_\\-]{0,60}",
        ) {
            for name in [
                "candidate", "ice-ufrag", "ice-pwd", "ice-options", "ice-pacing",
                "remote-candidates", "fingerprint", "setup", "tls-id", "crypto", "identity",
                "rtcp", "sctp-port", "max-message-size", "sctpmap",
            ] {
                if let Some(Ok(parsed)) = crate::attr::registry::parse(name, Some(&value)) {
                    let text = parsed.to_string();
                    let again = crate::attr::registry::parse(name, Some(&text));
                    proptest::prop_assert_eq!(again, Some(Ok(parsed)), "{} {:?}", name, value);
                }
            }
        }

        #[test]
        fn candidate_shaped_values_round_trip(
            value in "[0-9a-z+/]{1,3}  ?[0-9]{1,3} (udp|TCP|x) [0-9]{1,10} \
                      (1\\.2\\.3\\.4|::1|a-b\\.local|[0-9.]{1,12}) [0-9]{1,6} typ (host|srflx|q)\
                      ( (raddr|rport|tcptype|generation|x)( [0-9a-z.:]{0,5})?){0,4} ?",
        ) {
            if let Ok(c) = Candidate::parse(&value) {
                let text = c.to_string();
                proptest::prop_assert_eq!(Candidate::parse(&text), Ok(c));
            }
        }
    }
}
