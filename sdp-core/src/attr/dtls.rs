//! DTLS: `a=fingerprint` (RFC 8122), `a=setup` (RFC 4145), `a=tls-id` (RFC 8842).

use std::fmt;

use nom::bytes::complete::take_while1;

use crate::attr::TypedAttribute;
use crate::error::ValueError;
use crate::lex::{self, expect, fail, is_token_char, sp, PResult};

/// The hash function of a certificate fingerprint (RFC 8122 §5), compared case-insensitively.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HashFunction<'a> {
    /// `sha-1`.
    Sha1,
    /// `sha-224`.
    Sha224,
    /// `sha-256`.
    Sha256,
    /// `sha-384`.
    Sha384,
    /// `sha-512`.
    Sha512,
    /// `md5`.
    Md5,
    /// `md2`.
    Md2,
    /// Another hash function token, as written.
    Other(&'a str),
}

impl<'a> HashFunction<'a> {
    /// Classifies a hash function token, ignoring case.
    pub fn from_token(token: &'a str) -> Self {
        const KNOWN: [(&str, HashFunction<'static>); 7] = [
            ("sha-1", HashFunction::Sha1),
            ("sha-224", HashFunction::Sha224),
            ("sha-256", HashFunction::Sha256),
            ("sha-384", HashFunction::Sha384),
            ("sha-512", HashFunction::Sha512),
            ("md5", HashFunction::Md5),
            ("md2", HashFunction::Md2),
        ];
        KNOWN
            .iter()
            .find(|(name, _)| token.eq_ignore_ascii_case(name))
            .map_or(HashFunction::Other(token), |&(_, h)| h)
    }

    /// The RFC 8122 spelling (`sha-256`, ...), or the token as written for `Other`.
    pub fn as_str(&self) -> &'a str {
        match self {
            HashFunction::Sha1 => "sha-1",
            HashFunction::Sha224 => "sha-224",
            HashFunction::Sha256 => "sha-256",
            HashFunction::Sha384 => "sha-384",
            HashFunction::Sha512 => "sha-512",
            HashFunction::Md5 => "md5",
            HashFunction::Md2 => "md2",
            HashFunction::Other(t) => t,
        }
    }

    /// The digest length in bytes, or `None` for an unknown function.
    pub fn digest_len(&self) -> Option<usize> {
        match self {
            HashFunction::Sha1 => Some(20),
            HashFunction::Sha224 => Some(28),
            HashFunction::Sha256 => Some(32),
            HashFunction::Sha384 => Some(48),
            HashFunction::Sha512 => Some(64),
            HashFunction::Md5 | HashFunction::Md2 => Some(16),
            HashFunction::Other(_) => None,
        }
    }
}

/// `a=fingerprint` (RFC 8122 §5): the hash of the certificate DTLS will present.
///
/// The grammar is checked at parse time; whether the number of bytes fits the hash function
/// ([`Fingerprint::length_matches_hash`]) is left to validation.
///
/// ```
/// use sdp_core::attr::dtls::{Fingerprint, HashFunction};
/// use sdp_core::TypedAttribute;
/// let fp = Fingerprint::parse("sha-1 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB")
///     .unwrap();
/// assert_eq!(fp.hash_function(), HashFunction::Sha1);
/// assert_eq!(fp.bytes().next(), Some(0x4a));
/// assert!(fp.length_matches_hash());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Fingerprint<'a> {
    hash: &'a str,
    fingerprint: &'a str,
}

impl<'a> Fingerprint<'a> {
    /// A fingerprint from its hash function token and its colon-separated hex text (not
    /// checked); [`Fingerprint::format_hex`] makes that text from bytes.
    pub const fn new(hash: &'a str, fingerprint: &'a str) -> Self {
        Fingerprint { hash, fingerprint }
    }

    /// Writes `bytes` as RFC 8122 wants them: upper-case hex pairs separated by `:`.
    ///
    /// ```
    /// use sdp_core::attr::dtls::Fingerprint;
    /// assert_eq!(Fingerprint::format_hex(&[0x0a, 0xff]), "0A:FF");
    /// ```
    pub fn format_hex(bytes: &[u8]) -> String {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        let mut out = String::with_capacity(bytes.len() * 3);
        for (i, &b) in bytes.iter().enumerate() {
            if i > 0 {
                out.push(':');
            }
            for nibble in [b >> 4, b & 0x0f] {
                out.push(char::from(
                    HEX.get(usize::from(nibble)).copied().unwrap_or(b'0'),
                ));
            }
        }
        out
    }

    /// The hash function, classified.
    pub fn hash_function(&self) -> HashFunction<'a> {
        HashFunction::from_token(self.hash)
    }

    /// The hash function token as written.
    pub fn hash_str(&self) -> &'a str {
        self.hash
    }

    /// The fingerprint text, e.g. `4A:AD:...`.
    pub fn fingerprint_str(&self) -> &'a str {
        self.fingerprint
    }

    /// The fingerprint bytes.
    pub fn bytes(&self) -> impl Iterator<Item = u8> + 'a {
        self.fingerprint
            .split(':')
            .filter_map(|pair| u8::from_str_radix(pair, 16).ok())
    }

    /// The fingerprint bytes, collected.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.bytes().collect()
    }

    /// The number of bytes the hash function produces, or `None` for an unknown function.
    pub fn expected_len(&self) -> Option<usize> {
        self.hash_function().digest_len()
    }

    /// Whether the number of bytes fits the hash function (`true` for unknown functions).
    pub fn length_matches_hash(&self) -> bool {
        match self.expected_len() {
            Some(len) => self.fingerprint.split(':').count() == len,
            None => true,
        }
    }
}

// hash-func = "sha-1" / "sha-224" / "sha-256" / "sha-384" / "sha-512" / "md5" / "md2" / token
// (RFC 8122 §5)
fn parse_hash_func(input: &str) -> PResult<'_, &str> {
    let expected = "a hash function (e.g. `sha-256`)";
    let (rest, hash) = expect(expected, take_while1(is_token_char))(input)?;
    if rest.starts_with(|c: char| c != ' ' && c != '\t') {
        return fail(input, expected);
    }
    Ok((rest, hash))
}

// fingerprint = 2UHEX *(":" 2UHEX) (RFC 8122 §5); lower-case hex is accepted as well
fn parse_fingerprint(input: &str) -> PResult<'_, &str> {
    let mut rest = input;
    loop {
        let pair = rest
            .get(..2)
            .filter(|p| p.bytes().all(|b| b.is_ascii_hexdigit()));
        if pair.is_none() {
            return fail(rest, "two hex digits");
        }
        rest = rest.get(2..).unwrap_or_default();
        match rest.strip_prefix(':') {
            Some(next) => rest = next,
            None => break,
        }
    }
    let len = lex::offset_in(input, rest);
    Ok((rest, input.get(..len).unwrap_or_default()))
}

// fingerprint-attribute = "fingerprint" ":" hash-func SP fingerprint (RFC 8122 §5)
fn parse_fingerprint_attribute(input: &str) -> PResult<'_, Fingerprint<'_>> {
    let (i, hash) = parse_hash_func(input)?;
    let (i, _) = sp(i)?;
    let (i, fingerprint) = parse_fingerprint(i)?;
    Ok((i, Fingerprint { hash, fingerprint }))
}

impl<'a> TypedAttribute<'a> for Fingerprint<'a> {
    const NAME: &'static str = "fingerprint";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        lex::run(value, parse_fingerprint_attribute)
    }
}

impl fmt::Display for Fingerprint<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.hash, self.fingerprint)
    }
}

/// `a=setup` (RFC 4145 §4): which side opens the DTLS (or TCP) connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Setup {
    /// `active`: this endpoint opens the connection.
    Active,
    /// `passive`: this endpoint accepts the connection.
    Passive,
    /// `actpass`: either; the answerer chooses.
    Actpass,
    /// `holdconn`: no connection for now.
    Holdconn,
}

impl Setup {
    /// The RFC 4145 spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Setup::Active => "active",
            Setup::Passive => "passive",
            Setup::Actpass => "actpass",
            Setup::Holdconn => "holdconn",
        }
    }
}

// setup-attr = "a=setup:" role; role = "active" / "passive" / "actpass" / "holdconn"
// (RFC 4145 §4; ABNF literals are case-insensitive)
fn parse_role(input: &str) -> PResult<'_, Setup> {
    let expected = "a role (`active`, `passive`, `actpass` or `holdconn`)";
    let (rest, role) = expect(expected, lex::token)(input)?;
    [
        Setup::Active,
        Setup::Passive,
        Setup::Actpass,
        Setup::Holdconn,
    ]
    .into_iter()
    .find(|s| role.eq_ignore_ascii_case(s.as_str()))
    .map_or_else(|| fail(input, expected), |s| Ok((rest, s)))
}

impl<'a> TypedAttribute<'a> for Setup {
    const NAME: &'static str = "setup";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        lex::run(value, parse_role)
    }
}

impl fmt::Display for Setup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `a=tls-id` (RFC 8842 §4): identifies the DTLS association.
///
/// Any non-empty run of tls-id-chars parses; whether it has the 20-255 characters RFC 8842 asks
/// for is [`TlsId::is_valid_length`], a validation matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TlsId<'a>(&'a str);

impl<'a> TlsId<'a> {
    /// A tls-id from its text (not checked).
    pub const fn new(id: &'a str) -> Self {
        TlsId(id)
    }

    /// The text.
    pub fn as_str(&self) -> &'a str {
        self.0
    }

    /// Whether it has 20 to 255 characters (RFC 8842 §4).
    pub fn is_valid_length(&self) -> bool {
        (20..=255).contains(&self.0.len())
    }
}

fn is_tls_id_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '-' | '_')
}

// tls-id-value = 20*255(tls-id-char); tls-id-char = ALPHA / DIGIT / "+" / "/" / "-" / "_"
// (RFC 8842 §4); the length is left to validation
fn parse_tls_id_value(input: &str) -> PResult<'_, &str> {
    let expected = "tls-id characters (letters, digits, `+`, `/`, `-` or `_`)";
    let (rest, id) = expect(expected, take_while1(is_tls_id_char))(input)?;
    if rest.starts_with(|c: char| c != ' ' && c != '\t') {
        return fail(rest, expected);
    }
    Ok((rest, id))
}

impl<'a> TypedAttribute<'a> for TlsId<'a> {
    const NAME: &'static str = "tls-id";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        lex::run(value, parse_tls_id_value).map(TlsId)
    }
}

impl fmt::Display for TlsId<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHA256: &str = "sha-256 DF:2E:AC:8A:FD:0A:8E:99:BF:5D:E8:3C:E7:FA:FB:08:3B:3C:54:1D:D7:D4:05:77:A0:72:9B:14:08:6D:0F:4C";

    #[test]
    fn fingerprint_reads_hash_and_bytes() {
        let fp = Fingerprint::parse(SHA256).unwrap();
        assert_eq!(fp.hash_function(), HashFunction::Sha256);
        assert_eq!(fp.hash_str(), "sha-256");
        assert_eq!(fp.expected_len(), Some(32));
        assert_eq!(fp.to_bytes().len(), 32);
        assert_eq!(fp.to_bytes().first(), Some(&0xdf));
        assert!(fp.length_matches_hash());
        assert_eq!(fp.to_string(), SHA256);
        assert_eq!(Fingerprint::parse(&fp.to_string()).unwrap(), fp);
    }

    #[test]
    fn fingerprint_keeps_hash_spelling_and_unknown_hashes() {
        let fp = Fingerprint::parse("SHA-256  ab:cd").unwrap();
        assert_eq!(fp.hash_function(), HashFunction::Sha256);
        assert_eq!(fp.to_string(), "SHA-256 ab:cd");
        assert!(!fp.length_matches_hash());
        let fp = Fingerprint::parse("blake3 01:02").unwrap();
        assert_eq!(fp.hash_function(), HashFunction::Other("blake3"));
        assert_eq!(fp.expected_len(), None);
        assert!(fp.length_matches_hash());
    }

    #[test]
    fn fingerprint_with_wrong_length_parses_for_validation_to_flag() {
        // invalid/webrtc-sdp/08.sdp: sha-1 with 32 bytes
        let fp = Fingerprint::parse(
            "sha-1 DF:FA:FB:08:3B:3C:54:1D:D7:D4:05:77:A0:72:9B:14:08:6D:0F:4C:2E:AC:8A:FD:0A:8E:99:BF:5D:E8:3C:E7",
        )
        .unwrap();
        assert_eq!(fp.expected_len(), Some(20));
        assert!(!fp.length_matches_hash());
    }

    #[test]
    fn fingerprint_errors_point_at_the_bad_part() {
        let cases = [
            ("", 0, "a hash function (e.g. `sha-256`)"),
            ("sha-256", 7, "a space"),
            ("sha-256 ", 8, "two hex digits"),
            ("sha-256 AB:C", 11, "two hex digits"),
            ("sha-256 AB:", 11, "two hex digits"),
            ("sha-256 AB:CG", 11, "two hex digits"),
            ("sha-256 ABC", 10, "end of value"),
            ("sha@256 AB", 0, "a hash function (e.g. `sha-256`)"),
        ];
        for (value, offset, expected) in cases {
            assert_eq!(
                Fingerprint::parse(value),
                Err(ValueError::new(offset, expected)),
                "{value:?}"
            );
        }
    }

    #[test]
    fn fingerprint_builds_from_bytes() {
        let hex = Fingerprint::format_hex(&[0xde, 0xad, 0x01]);
        let fp = Fingerprint::new("sha-256", &hex);
        assert_eq!(fp.to_string(), "sha-256 DE:AD:01");
        assert_eq!(fp.to_bytes(), [0xde, 0xad, 0x01]);
    }

    #[test]
    fn setup_reads_the_four_roles() {
        for (text, role) in [
            ("active", Setup::Active),
            ("passive", Setup::Passive),
            ("actpass", Setup::Actpass),
            ("holdconn", Setup::Holdconn),
        ] {
            assert_eq!(Setup::parse(text), Ok(role));
            assert_eq!(role.to_string(), text);
        }
        assert_eq!(Setup::parse("ACTPASS"), Ok(Setup::Actpass));
    }

    #[test]
    fn setup_refuses_other_roles() {
        let expected = "a role (`active`, `passive`, `actpass` or `holdconn`)";
        // pion's test template `a=setup:%s` and webrtc-rs' empty `a=setup:`
        assert_eq!(Setup::parse("%s"), Err(ValueError::new(0, expected)));
        assert_eq!(Setup::parse(""), Err(ValueError::new(0, expected)));
        assert_eq!(
            Setup::parse("active passive"),
            Err(ValueError::new(7, "end of value"))
        );
    }

    #[test]
    fn tls_id_accepts_tls_id_chars_and_checks_length_separately() {
        let id = TlsId::parse("abc123+/-_DEF456ghi789").unwrap();
        assert!(id.is_valid_length());
        assert_eq!(id.to_string(), "abc123+/-_DEF456ghi789");
        let short = TlsId::parse("abc").unwrap();
        assert!(!short.is_valid_length());
        assert_eq!(
            TlsId::parse("abc=def"),
            Err(ValueError::new(
                3,
                "tls-id characters (letters, digits, `+`, `/`, `-` or `_`)"
            ))
        );
    }
}
