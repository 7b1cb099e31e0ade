//! ICE credentials and the other random identifiers of a description (RFC 8839 §5.4,
//! RFC 7022, RFC 3550), all from the operating system's CSPRNG.

use serde::Serialize;

use crate::config::IceConfig;

/// The 64 `ice-char`s (RFC 8839 §5.4). A random byte masked to 6 bits picks one without bias.
const ICE_CHARS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// A username fragment and password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IceCredentials {
    /// `a=ice-ufrag`.
    pub ufrag: String,
    /// `a=ice-pwd`.
    pub pwd: String,
}

impl IceCredentials {
    /// Fresh credentials: an 8-character ufrag (48 bits; RFC 8839 asks for at least 24) and a
    /// 24-character password (144 bits; at least 128).
    pub fn random() -> Self {
        IceCredentials {
            ufrag: random_ice_chars(8),
            pwd: random_ice_chars(24),
        }
    }

    /// The configured credentials, or fresh ones for the parts not configured.
    pub fn from_config(config: &IceConfig) -> Self {
        let random = IceCredentials::random();
        IceCredentials {
            ufrag: config.ufrag.clone().unwrap_or(random.ufrag),
            pwd: config.pwd.clone().unwrap_or(random.pwd),
        }
    }
}

fn random_bytes<const N: usize>() -> [u8; N] {
    let mut buf = [0u8; N];
    // The OS generator does not fail on supported platforms; if it ever did, the all-zero
    // buffer would still give well-formed (if predictable) values rather than a panic.
    let _ = getrandom::fill(&mut buf);
    buf
}

/// `n` random ice-chars.
pub fn random_ice_chars(n: usize) -> String {
    let mut out = String::with_capacity(n);
    let mut left = n;
    while left > 0 {
        let bytes: [u8; 32] = random_bytes();
        for b in bytes.iter().take(left) {
            out.push(char::from(ICE_CHARS[usize::from(b & 63)]));
        }
        left = left.saturating_sub(32);
    }
    out
}

/// A random token of `n` ice-chars (track ids, tls-id).
pub fn random_token(n: usize) -> String {
    random_ice_chars(n)
}

/// A session id for `o=`: below 2^63, as JSEP §5.2.1 asks (rulebook A32).
pub fn random_session_id() -> u64 {
    u64::from_le_bytes(random_bytes()) >> 1
}

/// A random CNAME (RFC 7022: a short-term random identifier per session).
pub fn random_cname() -> String {
    random_ice_chars(16)
}

/// A random SSRC (RFC 3550 §8: chosen at random).
pub fn random_ssrc() -> u32 {
    u32::from_le_bytes(random_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_credentials_have_the_rfc_8839_lengths_and_alphabet() {
        let c = IceCredentials::random();
        assert_eq!((c.ufrag.len(), c.pwd.len()), (8, 24));
        assert!(c
            .ufrag
            .bytes()
            .chain(c.pwd.bytes())
            .all(|b| ICE_CHARS.contains(&b)));
        assert_ne!(c, IceCredentials::random(), "two draws differ");
    }

    #[test]
    fn configured_credentials_win() {
        let config = IceConfig {
            ufrag: Some("abcd".to_owned()),
            pwd: None,
            ..IceConfig::default()
        };
        let c = IceCredentials::from_config(&config);
        assert_eq!(c.ufrag, "abcd");
        assert_eq!(c.pwd.len(), 24);
    }

    #[test]
    fn session_ids_stay_below_two_to_the_63() {
        for _ in 0..100 {
            assert!(random_session_id() < 1 << 63);
        }
        assert_eq!(random_ice_chars(70).len(), 70);
    }
}
