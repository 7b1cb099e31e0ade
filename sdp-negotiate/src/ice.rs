//! ICE credentials and the other random identifiers of a session (RFC 8839 §5.4, RFC 7022,
//! rulebook A11 and A32).
//!
//! Randomness comes from the operating system (`getrandom`), never from a hand-rolled generator:
//! RFC 8839 §5.4 asks for at least 24 bits of randomness in the ufrag and 128 bits in the
//! password, and RFC 7022 §4.2 for at least 96 bits in a per-session CNAME.
//!
//! ```
//! use sdp_negotiate::ice::{self, IceCredentials};
//! let creds = IceCredentials::random().unwrap();
//! assert_eq!((creds.ufrag.len(), creds.pwd.len()), (8, 24));
//! assert!(ice::check_ufrag(&creds.ufrag).is_ok() && ice::check_pwd(&creds.pwd).is_ok());
//! assert!(ice::random_session_id().unwrap() < 1 << 63);
//! ```

use crate::config::{ConfigError, IceConfig};

/// The 64 `ice-char`s (RFC 8839 §5.4: `ice-char = ALPHA / DIGIT / "+" / "/"`), in base64 order.
///
/// There are exactly 64 of them, so `ICE_CHARS[byte & 63]` maps a uniformly random byte to a
/// uniformly random ice-char: every character carries 6 bits of randomness, without bias.
pub const ICE_CHARS: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Length of a generated ufrag: 8 ice-chars, 48 bits (RFC 8839 §5.4 asks for 24 or more).
pub const UFRAG_LEN: usize = 8;
/// Length of a generated password: 24 ice-chars, 144 bits (RFC 8839 §5.4 asks for 128 or more).
pub const PWD_LEN: usize = 24;
/// Length of a generated CNAME: 16 ice-chars, 96 bits (RFC 7022 §4.2; Chrome's length too).
pub const CNAME_LEN: usize = 16;

/// The bounds RFC 8839 §5.4 puts on `ice-ufrag` (`4*256ice-char`).
pub const UFRAG_LEN_RANGE: std::ops::RangeInclusive<usize> = 4..=256;
/// The bounds RFC 8839 §5.4 puts on `ice-pwd` (`22*256ice-char`).
pub const PWD_LEN_RANGE: std::ops::RangeInclusive<usize> = 22..=256;

/// A username fragment and password for one ICE transport (rulebook A11).
#[derive(Clone, PartialEq, Eq)]
pub struct IceCredentials {
    /// `a=ice-ufrag`.
    pub ufrag: String,
    /// `a=ice-pwd`.
    pub pwd: String,
}

impl std::fmt::Debug for IceCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The password authenticates connectivity checks: keep it out of logs.
        f.debug_struct("IceCredentials")
            .field("ufrag", &self.ufrag)
            .finish_non_exhaustive()
    }
}

impl IceCredentials {
    /// Fresh random credentials: an 8-character ufrag and a 24-character password (A11).
    pub fn random() -> Result<IceCredentials, ConfigError> {
        Ok(IceCredentials {
            ufrag: random_ice_string(UFRAG_LEN)?,
            pwd: random_ice_string(PWD_LEN)?,
        })
    }

    /// The configured credentials, each part random when not configured.
    ///
    /// A configured ufrag or password is checked against RFC 8839 §5.4 (A11); the error names
    /// `ice.ufrag` or `ice.pwd`.
    pub fn from_config(config: &IceConfig) -> Result<IceCredentials, ConfigError> {
        let ufrag = match &config.ufrag {
            Some(ufrag) => {
                check_ufrag(ufrag).map_err(|m| ConfigError::at("ice.ufrag", m))?;
                ufrag.clone()
            }
            None => random_ice_string(UFRAG_LEN)?,
        };
        let pwd = match &config.pwd {
            Some(pwd) => {
                check_pwd(pwd).map_err(|m| ConfigError::at("ice.pwd", m))?;
                pwd.clone()
            }
            None => random_ice_string(PWD_LEN)?,
        };
        Ok(IceCredentials { ufrag, pwd })
    }
}

/// Whether `c` is an `ice-char` (RFC 8839 §5.4).
pub fn is_ice_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '+' || c == '/'
}

/// Checks an ufrag we announce: 4 to 256 ice-chars (RFC 8839 §5.4, rulebook A11).
///
/// This is the strict check for our own values; parsing a peer's is more lenient (A11).
pub fn check_ufrag(ufrag: &str) -> Result<(), String> {
    check_ice_string("ice-ufrag", ufrag, UFRAG_LEN_RANGE)
}

/// Checks a password we announce: 22 to 256 ice-chars (RFC 8839 §5.4, rulebook A11).
pub fn check_pwd(pwd: &str) -> Result<(), String> {
    check_ice_string("ice-pwd", pwd, PWD_LEN_RANGE)
}

fn check_ice_string(
    what: &str,
    text: &str,
    range: std::ops::RangeInclusive<usize>,
) -> Result<(), String> {
    if let Some((at, c)) = text.char_indices().find(|&(_, c)| !is_ice_char(c)) {
        return Err(format!(
            "{what} must consist of ice-chars (`A-Z`, `a-z`, `0-9`, `+`, `/`; RFC 8839 §5.4), \
             found `{c}` at byte {at}"
        ));
    }
    // All ice-chars are ASCII, so the byte length is the character count.
    if !range.contains(&text.len()) {
        return Err(format!(
            "{what} must be {} to {} characters long (RFC 8839 §5.4), got {}",
            range.start(),
            range.end(),
            text.len()
        ));
    }
    Ok(())
}

/// A random `o=` session id below 2^63 (rulebook A32; JSEP §5.2.1 asks for a 64-bit value with
/// the top bit clear, so that it fits a signed 64-bit integer).
pub fn random_session_id() -> Result<u64, ConfigError> {
    Ok(getrandom::u64().map_err(random_failed)? & (u64::MAX >> 1))
}

/// A random per-session CNAME of 16 ice-chars, 96 bits (RFC 7022 §4.2, as Chrome does).
pub fn random_cname() -> Result<String, ConfigError> {
    random_ice_string(CNAME_LEN)
}

/// `len` random ice-chars.
pub fn random_ice_string(len: usize) -> Result<String, ConfigError> {
    let mut bytes = vec![0u8; len];
    getrandom::fill(&mut bytes).map_err(random_failed)?;
    // 64 ice-chars: the low 6 bits of a uniform byte pick one without bias.
    Ok(bytes
        .iter()
        .map(|&b| char::from(ICE_CHARS.get(usize::from(b & 63)).copied().unwrap_or(b'A')))
        .collect())
}

/// `len` random lowercase hex digits: identifiers that must be RFC 8866 tokens (msid track
/// ids), where `+` and `/` of the ice-chars are not allowed.
pub fn random_hex(len: usize) -> Result<String, ConfigError> {
    let mut bytes = vec![0u8; len.div_ceil(2)];
    getrandom::fill(&mut bytes).map_err(random_failed)?;
    let mut out: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    out.truncate(len);
    Ok(out)
}

/// A random SSRC (RFC 3550 §8: chosen at random).
pub fn random_ssrc() -> Result<u32, ConfigError> {
    getrandom::u32().map_err(random_failed)
}

fn random_failed(e: getrandom::Error) -> ConfigError {
    ConfigError::new(format!(
        "the operating system's random number generator failed: {e}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn a11_ice_chars_are_the_64_characters_of_rfc_8839() {
        let set: HashSet<u8> = ICE_CHARS.iter().copied().collect();
        assert_eq!(set.len(), 64);
        assert!(ICE_CHARS.iter().all(|&b| is_ice_char(char::from(b))));
        assert!(!is_ice_char('$') && !is_ice_char('=') && !is_ice_char('-'));
    }

    #[test]
    fn a11_random_credentials_have_the_entropy_rfc_8839_asks_for() {
        let creds = IceCredentials::random().unwrap();
        // 6 bits per ice-char: 48 >= 24 and 144 >= 128.
        assert!(creds.ufrag.len() * 6 >= 24 && creds.pwd.len() * 6 >= 128);
        check_ufrag(&creds.ufrag).unwrap();
        check_pwd(&creds.pwd).unwrap();
        let other = IceCredentials::random().unwrap();
        assert_ne!(creds, other);
    }

    #[test]
    fn a11_random_strings_use_every_ice_char() {
        let text = random_ice_string(4096).unwrap();
        let seen: HashSet<char> = text.chars().collect();
        assert_eq!(seen.len(), 64);
    }

    #[test]
    fn a11_configured_credentials_are_kept_and_missing_ones_are_random() {
        let config = IceConfig {
            ufrag: Some("abcd".into()),
            ..IceConfig::default()
        };
        let creds = IceCredentials::from_config(&config).unwrap();
        assert_eq!(creds.ufrag, "abcd");
        assert_eq!(creds.pwd.len(), PWD_LEN);
        let config = IceConfig {
            ufrag: Some("u+/9".into()),
            pwd: Some("p".repeat(22)),
            ..IceConfig::default()
        };
        let creds = IceCredentials::from_config(&config).unwrap();
        assert_eq!((creds.ufrag.as_str(), creds.pwd.len()), ("u+/9", 22));
    }

    #[test]
    fn a11_bad_configured_credentials_are_refused_with_their_path() {
        let short = IceConfig {
            ufrag: Some("abc".into()),
            ..IceConfig::default()
        };
        assert_eq!(
            IceCredentials::from_config(&short).unwrap_err().to_string(),
            "ice.ufrag: ice-ufrag must be 4 to 256 characters long (RFC 8839 §5.4), got 3"
        );
        let bad = IceConfig {
            pwd: Some(format!("{}$", "p".repeat(22))),
            ..IceConfig::default()
        };
        assert_eq!(
            IceCredentials::from_config(&bad).unwrap_err().to_string(),
            "ice.pwd: ice-pwd must consist of ice-chars (`A-Z`, `a-z`, `0-9`, `+`, `/`; \
             RFC 8839 §5.4), found `$` at byte 22"
        );
        assert_eq!(
            check_pwd(&"p".repeat(21)).unwrap_err(),
            "ice-pwd must be 22 to 256 characters long (RFC 8839 §5.4), got 21"
        );
        assert!(check_ufrag(&"u".repeat(256)).is_ok());
        assert!(check_ufrag(&"u".repeat(257)).is_err());
        assert!(check_pwd(&"p".repeat(256)).is_ok());
    }

    #[test]
    fn a11_debug_output_hides_the_password() {
        let creds = IceCredentials {
            ufrag: "abcd".into(),
            pwd: "secretsecretsecretsecret".into(),
        };
        let shown = format!("{creds:?}");
        assert!(shown.contains("abcd") && !shown.contains("secret"));
    }

    #[test]
    fn a32_session_ids_stay_below_2_pow_63() {
        let ids: Vec<u64> = (0..64).map(|_| random_session_id().unwrap()).collect();
        assert!(ids.iter().all(|&id| id < 1 << 63));
        let distinct: HashSet<_> = ids.iter().collect();
        assert!(distinct.len() > 60);
    }

    #[test]
    fn random_cnames_are_16_ice_chars_and_differ() {
        let a = random_cname().unwrap();
        let b = random_cname().unwrap();
        assert_eq!(a.len(), CNAME_LEN);
        assert!(a.chars().all(is_ice_char));
        assert_ne!(a, b);
    }
}
