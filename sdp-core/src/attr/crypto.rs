//! SRTP keying and identity: `a=crypto` (RFC 4568), `a=cryptex` (RFC 9335), `a=identity`
//! (RFC 8827).

use std::fmt;

use nom::bytes::complete::take_while1;

use crate::attr::flag_attribute;
use crate::attr::TypedAttribute;
use crate::error::ValueError;
use crate::lex::{self, expect, fail, is_token_char, sp, PResult};

/// The words of `text`, split at runs of spaces and tabs.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split([' ', '\t']).filter(|w| !w.is_empty())
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// A run of characters satisfying `ok`, followed by white space or the end of the value, or by
/// `stop` when it is given.
fn run_of<'a>(
    ok: fn(char) -> bool,
    stop: Option<char>,
    expected: &'static str,
) -> impl Fn(&'a str) -> PResult<'a, &'a str> {
    move |input: &'a str| {
        let (rest, text) = expect(expected, take_while1(ok))(input)?;
        if rest.starts_with(|c: char| c != ' ' && c != '\t' && Some(c) != stop) {
            return fail(rest, expected);
        }
        Ok((rest, text))
    }
}

/// One key parameter of `a=crypto`: `method:info`, e.g. `inline:<key||salt>|2^20|1:32`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyParam<'a> {
    /// The key method, e.g. `inline`.
    pub method: &'a str,
    /// The key information after `:`.
    pub info: &'a str,
}

impl<'a> KeyParam<'a> {
    /// Whether the method is `inline` (RFC 4568 §6.1), the one SRTP defines.
    pub fn is_inline(&self) -> bool {
        self.method == "inline"
    }

    /// For SRTP inline keys, the base64 key and salt (RFC 4568 §6.1 `key-salt`).
    pub fn key_salt(&self) -> &'a str {
        self.info.split('|').next().unwrap_or_default()
    }

    /// For SRTP inline keys, the key lifetime (`2^20`, `1048576`), if given.
    pub fn lifetime(&self) -> Option<&'a str> {
        self.info
            .split('|')
            .skip(1)
            .find(|part| !part.contains(':'))
    }

    /// For SRTP inline keys, the master key identifier and its length in bytes (`1:32` gives
    /// `("1", "32")`), if given.
    pub fn mki(&self) -> Option<(&'a str, &'a str)> {
        self.info
            .split('|')
            .skip(1)
            .find_map(|part| part.split_once(':'))
    }
}

impl fmt::Display for KeyParam<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.method, self.info)
    }
}

/// `a=crypto` (RFC 4568 §9.1): SDES keying for SRTP.
///
/// ```
/// use sdp_core::attr::crypto::Crypto;
/// use sdp_core::TypedAttribute;
/// let c = Crypto::parse(
///     "1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz|2^20|1:4 FEC_ORDER=SRTP_FEC",
/// )
/// .unwrap();
/// assert_eq!(c.tag(), 1);
/// assert_eq!(c.suite(), "AES_CM_128_HMAC_SHA1_80");
/// let key = c.key_params().next().unwrap();
/// assert_eq!(key.lifetime(), Some("2^20"));
/// assert_eq!(c.session_params().collect::<Vec<_>>(), ["FEC_ORDER=SRTP_FEC"]);
/// ```
#[derive(Debug, Clone, Copy, Eq)]
pub struct Crypto<'a> {
    tag: u32,
    suite: &'a str,
    key_params: &'a str,
    session_params: &'a str,
}

impl<'a> Crypto<'a> {
    /// A crypto attribute from its tag, suite and key parameters text
    /// (`inline:...;inline:...`), without session parameters (not checked).
    pub const fn new(tag: u32, suite: &'a str, key_params: &'a str) -> Self {
        Crypto {
            tag,
            suite,
            key_params,
            session_params: "",
        }
    }

    /// Sets the session parameters: words separated by spaces, e.g. `"KDR=1 UNENCRYPTED_SRTCP"`
    /// (not checked).
    pub const fn with_session_params(mut self, session_params: &'a str) -> Self {
        self.session_params = session_params;
        self
    }

    /// The tag that identifies this attribute among the offered ones.
    pub fn tag(&self) -> u32 {
        self.tag
    }

    /// The crypto suite, e.g. `AES_CM_128_HMAC_SHA1_80`.
    pub fn suite(&self) -> &'a str {
        self.suite
    }

    /// The key parameters text, e.g. `inline:...|2^20|1:4;inline:...`.
    pub fn key_params_str(&self) -> &'a str {
        self.key_params
    }

    /// The key parameters, in order.
    pub fn key_params(&self) -> impl Iterator<Item = KeyParam<'a>> + 'a {
        self.key_params.split(';').filter_map(|param| {
            let (method, info) = param.split_once(':')?;
            Some(KeyParam { method, info })
        })
    }

    /// The session parameters, in order, e.g. `KDR=1`, `UNENCRYPTED_SRTCP`.
    pub fn session_params(&self) -> impl Iterator<Item = &'a str> + 'a {
        words(self.session_params)
    }
}

impl PartialEq for Crypto<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.tag == other.tag
            && self.suite == other.suite
            && self.key_params == other.key_params
            && self.session_params().eq(other.session_params())
    }
}

// tag = 1*9DIGIT (RFC 4568 §9.1)
fn parse_tag(input: &str) -> PResult<'_, u32> {
    let expected = "a tag (1 to 9 digits)";
    let (rest, tag) = lex::u32_dec(expected)(input)?;
    if lex::offset_in(input, rest) > 9 {
        return fail(input, expected);
    }
    Ok((rest, tag))
}

// crypto-suite = 1*(ALPHA / DIGIT / "_") (RFC 4568 §9.1)
fn parse_crypto_suite(input: &str) -> PResult<'_, &str> {
    run_of(is_word_char, None, "a crypto suite (letters, digits, `_`)")(input)
}

fn is_key_info_char(c: char) -> bool {
    c.is_ascii_graphic() && c != ';'
}

// key-param = key-method ":" key-info; key-method = "inline" / key-method-ext;
// key-method-ext = 1*(ALPHA / DIGIT / "_"); key-info = 1*(%x21-3A / %x3C-7E) (RFC 4568 §9.1)
fn parse_key_param(input: &str) -> PResult<'_, ()> {
    let (i, _) = expect("a key method (e.g. `inline`)", take_while1(is_word_char))(input)?;
    let (i, _) = lex::word(":", "`:` after the key method")(i)?;
    let (i, _) = run_of(is_key_info_char, Some(';'), "key information")(i)?;
    Ok((i, ()))
}

// key-params = key-param *(";" key-param) (RFC 4568 §9.1)
fn parse_key_params(input: &str) -> PResult<'_, &str> {
    let (mut rest, _) = parse_key_param(input)?;
    while let Some(next) = rest.strip_prefix(';') {
        (rest, _) = parse_key_param(next)?;
    }
    let len = lex::offset_in(input, rest);
    Ok((rest, input.get(..len).unwrap_or_default()))
}

// session-param = 1*(VCHAR) (RFC 4568 §9.1)
fn parse_session_params(input: &str) -> PResult<'_, &str> {
    let mut rest = input;
    let mut end = input;
    while let Ok((next, _)) = sp(rest) {
        if next.is_empty() {
            break;
        }
        (rest, _) = run_of(|c| c.is_ascii_graphic(), None, "a session parameter")(next)?;
        end = rest;
    }
    let start = input.trim_start_matches([' ', '\t']);
    let len = lex::offset_in(start, end);
    Ok((rest, start.get(..len).unwrap_or_default()))
}

// a=crypto:<tag> <crypto-suite> <key-params> [<session-params>] (RFC 4568 §9.1)
fn parse_crypto_attribute(input: &str) -> PResult<'_, Crypto<'_>> {
    let (i, tag) = parse_tag(input)?;
    let (i, _) = sp(i)?;
    let (i, suite) = parse_crypto_suite(i)?;
    let (i, _) = sp(i)?;
    let (i, key_params) = parse_key_params(i)?;
    let (i, session_params) = parse_session_params(i)?;
    Ok((
        i,
        Crypto {
            tag,
            suite,
            key_params,
            session_params,
        },
    ))
}

impl<'a> TypedAttribute<'a> for Crypto<'a> {
    const NAME: &'static str = "crypto";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        lex::run(value, parse_crypto_attribute)
    }
}

impl fmt::Display for Crypto<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.tag, self.suite, self.key_params)?;
        for param in self.session_params() {
            write!(f, " {param}")?;
        }
        Ok(())
    }
}

flag_attribute!(
    /// `a=cryptex` (RFC 9335 §5).
    Cryptex = "cryptex"
);

/// `a=identity` (RFC 8827 §5): a WebRTC identity assertion and its extensions.
///
/// ```
/// use sdp_core::attr::crypto::Identity;
/// use sdp_core::TypedAttribute;
/// let id = Identity::parse("eyJpZHAiOnt9fQ== a=b; flag").unwrap();
/// assert_eq!(id.assertion(), "eyJpZHAiOnt9fQ==");
/// assert_eq!(id.extensions().collect::<Vec<_>>(), [("a", Some("b")), ("flag", None)]);
/// ```
#[derive(Debug, Clone, Copy, Eq)]
pub struct Identity<'a> {
    assertion: &'a str,
    extensions: &'a str,
}

impl<'a> Identity<'a> {
    /// An identity from its base64 assertion, without extensions (not checked).
    pub const fn new(assertion: &'a str) -> Self {
        Identity {
            assertion,
            extensions: "",
        }
    }

    /// Sets the extensions text: `name[=value]` items separated by `;` (not checked).
    pub const fn with_extensions(mut self, extensions: &'a str) -> Self {
        self.extensions = extensions;
        self
    }

    /// The base64 identity assertion.
    pub fn assertion(&self) -> &'a str {
        self.assertion
    }

    /// The extensions, in order, as `(name, value)`.
    pub fn extensions(&self) -> impl Iterator<Item = (&'a str, Option<&'a str>)> + 'a {
        let text = self.extensions;
        text.split(';')
            .map(|item| item.trim_start_matches([' ', '\t']))
            .filter(|item| !item.is_empty())
            .map(|item| match item.split_once('=') {
                Some((name, value)) => (name, Some(value)),
                None => (item, None),
            })
    }
}

impl PartialEq for Identity<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.assertion == other.assertion && self.extensions().eq(other.extensions())
    }
}

fn is_base64_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '=')
}

// identity-extension = extension-att-name ["=" extension-att-value];
// extension-att-name = token; extension-att-value = 1*(%x01-09 / %x0b-0c / %x0e-3a / %x3c-ff)
// (RFC 8827 §5)
fn parse_identity_extension(input: &str) -> PResult<'_, ()> {
    let (i, _) = expect("an extension name", take_while1(is_token_char))(input)?;
    let Some(value) = i.strip_prefix('=') else {
        return Ok((i, ()));
    };
    let (i, _) = expect(
        "an extension value",
        take_while1(|c: char| !matches!(c, '\0' | '\r' | '\n' | ';')),
    )(value)?;
    Ok((i, ()))
}

// identity-attribute = "identity:" identity-assertion
//     [SP identity-extension *(";" [SP] identity-extension)];
// identity-assertion = base64; base64 = 1*(ALPHA / DIGIT / "+" / "/" / "=") (RFC 8827 §5)
fn parse_identity_attribute(input: &str) -> PResult<'_, Identity<'_>> {
    let (i, assertion) = run_of(is_base64_char, None, "a base64 identity assertion")(input)?;
    let mut identity = Identity::new(assertion);
    let Ok((start, _)) = sp(i) else {
        return Ok((i, identity));
    };
    if start.is_empty() {
        return Ok((start, identity));
    }
    let (mut rest, _) = parse_identity_extension(start)?;
    while let Some(next) = rest.strip_prefix(';') {
        let (next, _) = lex::opt_sp(next)?;
        (rest, _) = parse_identity_extension(next)?;
    }
    identity.extensions = start.get(..lex::offset_in(start, rest)).unwrap_or_default();
    Ok((rest, identity))
}

impl<'a> TypedAttribute<'a> for Identity<'a> {
    const NAME: &'static str = "identity";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        lex::run(value, parse_identity_attribute)
    }
}

impl fmt::Display for Identity<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.assertion)?;
        for (i, (name, value)) in self.extensions().enumerate() {
            f.write_str(if i == 0 { " " } else { "; " })?;
            f.write_str(name)?;
            if let Some(value) = value {
                write!(f, "={value}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attr::parse_typed;

    #[test]
    fn crypto_reads_tag_suite_and_inline_key() {
        let c = Crypto::parse(
            "1 AES_CM_128_HMAC_SHA1_80 inline:ayId2M5kCitGTEEI9OjgEqatTA0IXGpQhFjmKOGk",
        )
        .unwrap();
        assert_eq!(c.tag(), 1);
        assert_eq!(c.suite(), "AES_CM_128_HMAC_SHA1_80");
        let keys: Vec<_> = c.key_params().collect();
        assert_eq!(keys.len(), 1);
        assert!(keys[0].is_inline());
        assert_eq!(
            keys[0].key_salt(),
            "ayId2M5kCitGTEEI9OjgEqatTA0IXGpQhFjmKOGk"
        );
        assert_eq!(keys[0].lifetime(), None);
        assert_eq!(keys[0].mki(), None);
        assert_eq!(c.session_params().count(), 0);
    }

    #[test]
    fn crypto_reads_several_keys_and_session_params() {
        let v = "2 F8_128_HMAC_SHA1_80 inline:MTIzNDU2Nzg5QUJDREUwMTIzNDU2Nzg5QUJjZGVm|2^20|1:4;\
                 inline:QUJjZGVmMTIzNDU2Nzg5QUJDREUwMTIzNDU2Nzg5|2^20|2:4 FEC_ORDER=FEC_SRTP KDR=1";
        let c = Crypto::parse(v).unwrap();
        let keys: Vec<_> = c.key_params().collect();
        assert_eq!(keys.len(), 2);
        assert_eq!(keys[1].mki(), Some(("2", "4")));
        assert_eq!(keys[1].lifetime(), Some("2^20"));
        assert_eq!(
            c.session_params().collect::<Vec<_>>(),
            ["FEC_ORDER=FEC_SRTP", "KDR=1"]
        );
        assert_eq!(c.to_string(), v);
        assert_eq!(Crypto::parse(&c.to_string()).unwrap(), c);
    }

    #[test]
    fn crypto_reads_mki_without_lifetime() {
        let c = Crypto::parse(
            "1 AES_CM_128_HMAC_SHA1_80 inline:YUJDZGVmZ2hpSktMbW9QUXJzVHVWd3l6MTIzNDU2|1066:4",
        )
        .unwrap();
        let key = c.key_params().next().unwrap();
        assert_eq!(key.lifetime(), None);
        assert_eq!(key.mki(), Some(("1066", "4")));
    }

    #[test]
    fn crypto_writes_single_spaces_and_builds_from_parts() {
        let c =
            Crypto::parse("1  AES_CM_128_HMAC_SHA1_32\tinline:abc  dummy_session_params").unwrap();
        assert_eq!(
            c.to_string(),
            "1 AES_CM_128_HMAC_SHA1_32 inline:abc dummy_session_params"
        );
        let built = Crypto::new(1, "AES_CM_128_HMAC_SHA1_32", "inline:abc")
            .with_session_params("dummy_session_params");
        assert_eq!(built, c);
    }

    #[test]
    fn crypto_errors_point_at_the_bad_part() {
        let cases = [
            ("", 0, "a tag (1 to 9 digits)"),
            ("1234567890 AES inline:x", 0, "a tag (1 to 9 digits)"),
            (
                "1 AES-CM inline:x",
                5,
                "a crypto suite (letters, digits, `_`)",
            ),
            ("1 AES", 5, "a space"),
            ("1 AES inline", 12, "`:` after the key method"),
            ("1 AES inline:", 13, "key information"),
            ("1 AES inline:x;", 15, "a key method (e.g. `inline`)"),
            ("1 AES :x", 6, "a key method (e.g. `inline`)"),
        ];
        for (value, offset, expected) in cases {
            assert_eq!(
                Crypto::parse(value),
                Err(ValueError::new(offset, expected)),
                "{value:?}"
            );
        }
    }

    #[test]
    fn cryptex_is_a_flag() {
        assert_eq!(parse_typed::<Cryptex>(None), Ok(Cryptex));
    }

    #[test]
    fn identity_reads_assertion_and_extensions() {
        let id = Identity::parse("eyJpZHAiOnt9fQ==").unwrap();
        assert_eq!(id.assertion(), "eyJpZHAiOnt9fQ==");
        assert_eq!(id.extensions().count(), 0);
        let id = Identity::parse("abc+/= x=1;y;  z=two words").unwrap();
        assert_eq!(
            id.extensions().collect::<Vec<_>>(),
            [("x", Some("1")), ("y", None), ("z", Some("two words"))]
        );
        assert_eq!(id.to_string(), "abc+/= x=1; y; z=two words");
        assert_eq!(Identity::parse(&id.to_string()).unwrap(), id);
        let built = Identity::new("abc+/=").with_extensions("x=1; y; z=two words");
        assert_eq!(built, id);
    }

    #[test]
    fn identity_errors_point_at_the_bad_part() {
        assert_eq!(
            Identity::parse(""),
            Err(ValueError::new(0, "a base64 identity assertion"))
        );
        assert_eq!(
            Identity::parse("abc!"),
            Err(ValueError::new(3, "a base64 identity assertion"))
        );
        assert_eq!(
            Identity::parse("abc x=1;"),
            Err(ValueError::new(8, "an extension name"))
        );
        assert_eq!(
            Identity::parse("abc x="),
            Err(ValueError::new(6, "an extension value"))
        );
    }
}
