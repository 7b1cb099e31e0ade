//! Our DTLS identity: a real certificate and its fingerprint (RFC 8122 §5, rulebook A15).
//!
//! A fingerprint is always that of a real certificate (DESIGN.md, Identity): the configured one,
//! loaded from PEM, or, when none is configured, an ephemeral self-signed ECDSA P-256 certificate
//! generated at start, as browsers do. The private key stays available for the caller's DTLS
//! stack ([`Identity::key_pem`]).
//!
//! ```
//! use sdp_negotiate::Identity;
//! let id = Identity::generate().unwrap();
//! assert_eq!(id.hash, "sha-256");
//! assert!(id.fingerprint_attribute().starts_with("sha-256 "));
//! // 32 bytes: 32 pairs of uppercase hex digits, 31 colons.
//! assert_eq!(id.fingerprint.len(), 32 * 3 - 1);
//! ```

use std::time::{SystemTime, UNIX_EPOCH};

use rcgen::{CertificateParams, DistinguishedName, DnType, KeyPair, PKCS_ECDSA_P256_SHA256};
use sha2::{Digest, Sha256, Sha384, Sha512};

use crate::config::ConfigError;

/// The hash functions we can fingerprint with (RFC 8122 §5 names; RFC 8122 §5 says an endpoint
/// uses the hash of its certificate's signature or a stronger one; A15 defaults to sha-256).
pub const SUPPORTED_HASHES: [&str; 3] = ["sha-256", "sha-384", "sha-512"];

/// How long a generated certificate is valid: 30 days, libwebrtc's default lifetime
/// (`kDefaultCertificateLifetimeInSeconds`). Peers check the fingerprint, not the dates.
const GENERATED_LIFETIME_DAYS: i64 = 30;

/// A certificate, its private key and the fingerprint we announce.
#[derive(Clone, PartialEq, Eq)]
pub struct Identity {
    /// The certificate, DER.
    pub certificate_der: Vec<u8>,
    /// The private key, PEM, for the caller's DTLS stack.
    pub key_pem: String,
    /// The hash function name, e.g. `sha-256`.
    pub hash: String,
    /// The fingerprint: uppercase hex pairs separated by colons.
    pub fingerprint: String,
}

impl std::fmt::Debug for Identity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The key stays out of logs.
        f.debug_struct("Identity")
            .field("hash", &self.hash)
            .field("fingerprint", &self.fingerprint)
            .finish_non_exhaustive()
    }
}

impl Identity {
    /// A fresh ephemeral identity: an ECDSA P-256 key and a self-signed certificate with a
    /// random common name, valid from yesterday for 30 days, fingerprinted with sha-256.
    ///
    /// This is what browsers do for every `RTCPeerConnection` without a configured certificate
    /// (libwebrtc `RTCCertificateGenerator`, ECDSA P-256 by default).
    pub fn generate() -> Result<Identity, ConfigError> {
        let key = KeyPair::generate_for(&PKCS_ECDSA_P256_SHA256).map_err(generate_failed)?;
        let mut params = CertificateParams::default();
        let mut name = DistinguishedName::new();
        name.push(DnType::CommonName, random_common_name()?);
        params.distinguished_name = name;
        let today = days_since_epoch(SystemTime::now());
        let (y, m, d) = civil_date(today - 1);
        params.not_before = rcgen::date_time_ymd(y, m, d);
        let (y, m, d) = civil_date(today + GENERATED_LIFETIME_DAYS);
        params.not_after = rcgen::date_time_ymd(y, m, d);
        let certificate = params.self_signed(&key).map_err(generate_failed)?;
        Identity::from_der(certificate.der().to_vec(), key.serialize_pem(), "sha-256")
    }

    /// The identity of a configured certificate and key, both PEM.
    ///
    /// `certificate_pem` may hold a chain: the first `CERTIFICATE` block is ours. The key must be
    /// PKCS#8 (`-----BEGIN PRIVATE KEY-----`) and belong to the certificate. The fingerprint uses
    /// sha-256 (A15); see [`Identity::with_hash`] for another hash.
    pub fn from_pem(certificate_pem: &str, key_pem: &str) -> Result<Identity, ConfigError> {
        let blocks = pem::parse_many(certificate_pem).map_err(|e| {
            ConfigError::at(
                "dtls.certificate_file",
                format!("malformed PEM certificate: {e}"),
            )
        })?;
        let der = blocks
            .into_iter()
            .find(|block| block.tag() == "CERTIFICATE")
            .map(pem::Pem::into_contents)
            .ok_or_else(|| {
                ConfigError::at(
                    "dtls.certificate_file",
                    "no `-----BEGIN CERTIFICATE-----` block found",
                )
            })?;
        let key = KeyPair::from_pem(key_pem).map_err(|e| {
            ConfigError::at(
                "dtls.key_file",
                format!("unusable private key (expected PKCS#8 PEM, `BEGIN PRIVATE KEY`): {e}"),
            )
        })?;
        // The certificate's SubjectPublicKeyInfo holds the raw public key as a BIT STRING: a key
        // whose public half does not occur in the certificate cannot be its key.
        if !contains(&der, key.public_key_raw()) {
            return Err(ConfigError::at(
                "dtls.key_file",
                "the private key does not belong to the certificate",
            ));
        }
        Identity::from_der(der, key_pem.to_owned(), "sha-256")
    }

    /// An identity from a DER certificate, its PEM key and a hash function name (one of
    /// [`SUPPORTED_HASHES`], any ASCII case); the key is taken as given.
    pub fn from_der(
        certificate_der: Vec<u8>,
        key_pem: String,
        hash: &str,
    ) -> Result<Identity, ConfigError> {
        let (hash, fingerprint) = fingerprint(&certificate_der, hash)?;
        Ok(Identity {
            certificate_der,
            key_pem,
            hash: hash.to_owned(),
            fingerprint,
        })
    }

    /// The same certificate fingerprinted with another hash function (`sha-256`, `sha-384` or
    /// `sha-512`).
    pub fn with_hash(self, hash: &str) -> Result<Identity, ConfigError> {
        Identity::from_der(self.certificate_der, self.key_pem, hash)
    }

    /// The value of our `a=fingerprint` line: `<hash> <fingerprint>`, e.g.
    /// `sha-256 AB:CD:...` (RFC 8122 §5; A15: uppercase hex pairs).
    pub fn fingerprint_attribute(&self) -> String {
        format!("{} {}", self.hash, self.fingerprint)
    }

    /// The certificate as PEM, for the caller's DTLS stack.
    pub fn certificate_pem(&self) -> String {
        pem::encode(&pem::Pem::new("CERTIFICATE", self.certificate_der.clone()))
    }
}

/// The fingerprint of `der` with hash function `hash` (RFC 8122 §5): the canonical hash name
/// and uppercase hex pairs separated by colons.
pub fn fingerprint(der: &[u8], hash: &str) -> Result<(&'static str, String), ConfigError> {
    let (name, digest) = if hash.eq_ignore_ascii_case("sha-256") {
        ("sha-256", Sha256::digest(der).to_vec())
    } else if hash.eq_ignore_ascii_case("sha-384") {
        ("sha-384", Sha384::digest(der).to_vec())
    } else if hash.eq_ignore_ascii_case("sha-512") {
        ("sha-512", Sha512::digest(der).to_vec())
    } else {
        return Err(ConfigError::at("dtls.hash", unsupported_hash(hash)));
    };
    Ok((name, sdp_core::attr::dtls::Fingerprint::format_hex(&digest)))
}

/// The message for a hash function we cannot fingerprint with.
pub(crate) fn unsupported_hash(hash: &str) -> String {
    format!("unsupported fingerprint hash `{hash}`, expected `sha-256`, `sha-384` or `sha-512`")
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

fn generate_failed(e: rcgen::Error) -> ConfigError {
    ConfigError::new(format!("could not generate a DTLS certificate: {e}"))
}

/// A random common name of 16 lowercase hex digits (64 bits): like the browsers' generated
/// certificates, it says nothing about the endpoint.
fn random_common_name() -> Result<String, ConfigError> {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).map_err(|e| {
        ConfigError::new(format!(
            "the operating system's random number generator failed: {e}"
        ))
    })?;
    Ok(sdp_core::attr::dtls::Fingerprint::format_hex(&bytes)
        .replace(':', "")
        .to_ascii_lowercase())
}

fn days_since_epoch(now: SystemTime) -> i64 {
    let secs = now
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
    secs.div_euclid(86_400)
}

/// The proleptic Gregorian date (year, month 1-12, day 1-31) of day `days` since 1970-01-01, by
/// the civil-from-days algorithm (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms").
fn civil_date(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (
        i32::try_from(year).unwrap_or(2000),
        u8::try_from(month).unwrap_or(1),
        u8::try_from(day).unwrap_or(1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    // Made with `openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes`;
    // `openssl x509 -noout -fingerprint -sha256` gives TEST_CERT_SHA256.
    const TEST_CERT: &str = "-----BEGIN CERTIFICATE-----
MIIBgzCCASmgAwIBAgIUaKOOv1uNchIogR3BnIyjMeldW24wCgYIKoZIzj0EAwIw
FjEUMBIGA1UEAwwLc2Rwa2l0LXRlc3QwIBcNMjYxMTI0MDQxNjE0WhgPMjEyNjEw
MzEwNDE2MTRaMBYxFDASBgNVBAMMC3NkcGtpdC10ZXN0MFkwEwYHKoZIzj0CAQYI
KoZIzj0DAQcDQgAEukV0FifOZpPFzrWwfV+6xK4HvixUP3/FzIYIm1yHgfwGitX5
UAaSs01xso24VtnViEENxQRsyS7q3AiIdZr6OaNTMFEwHQYDVR0OBBYEFM6aII7e
HAiDI08/pd3+tcciVGhmMB8GA1UdIwQYMBaAFM6aII7eHAiDI08/pd3+tcciVGhm
MA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSAAwRQIgRWiv//AO6H98il7z
1slmbDV5BIgqoz4e+QCwCorkBq8CIQC0OIKY8rhFd3qeE/JlYIswf0SB9Lqbtte+
o2TvBFIZIA==
-----END CERTIFICATE-----
";
    const TEST_KEY: &str = "-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg+KC3mm6BNJVO6kQd
9TmFxlDny7MQAdyli/Z0KPJSaG6hRANCAAS6RXQWJ85mk8XOtbB9X7rErge+LFQ/
f8XMhgibXIeB/AaK1flQBpKzTXGyjbhW2dWIQQ3FBGzJLurcCIh1mvo5
-----END PRIVATE KEY-----
";
    const OTHER_KEY: &str = "-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgMUB06qs0NYtoGHlp
Q/oNL3tEzIQCuriMKmngHMrQowShRANCAATdo1WqgfZw9xMy1kebYOlXPHLEv1tj
DGXuuOMWnmWe2XCf/ku0HO5PPnlj2CCf78pj+cMeVO0Z3gSjYVrbj6da
-----END PRIVATE KEY-----
";
    const TEST_CERT_SHA256: &str = "FF:72:52:78:7E:11:39:5B:08:58:75:30:6B:9E:67:9B:\
A8:7C:74:48:B1:7C:34:59:5C:24:B7:F2:E1:74:7A:25";

    fn hex_of_colon_hex(text: &str) -> String {
        text.replace(':', "").to_ascii_lowercase()
    }

    #[test]
    fn a15_fingerprint_matches_a_digest_computed_with_sha256sum() {
        // `printf '\x30\x03\x02\x01\x05' | sha256sum` (and sha384sum).
        let der = [0x30, 0x03, 0x02, 0x01, 0x05];
        let (hash, fp) = fingerprint(&der, "sha-256").unwrap();
        assert_eq!(hash, "sha-256");
        assert_eq!(
            hex_of_colon_hex(&fp),
            "417c7763c4e320a6b747b3cb0c6d22f93741b29a32b48594b8eb4c144fe6d729"
        );
        let (hash, fp) = fingerprint(&der, "SHA-384").unwrap();
        assert_eq!(hash, "sha-384");
        assert_eq!(
            hex_of_colon_hex(&fp),
            "3e8caa834e0316808fe9355e92b718b4c66ac6a1f74583b52efeef3dca6bfc44\
             2b4acd62df0ad6f37a2c257fa74edcf8"
        );
        let (_, empty) = fingerprint(&[], "sha-256").unwrap();
        assert!(empty.starts_with("E3:B0:C4:42:98:FC:1C:14"));
    }

    #[test]
    fn a15_fingerprint_is_uppercase_hex_pairs_separated_by_colons() {
        let (_, fp) = fingerprint(b"x", "sha-256").unwrap();
        assert_eq!(fp.len(), 95);
        for (i, c) in fp.chars().enumerate() {
            if i % 3 == 2 {
                assert_eq!(c, ':');
            } else {
                assert!(c.is_ascii_digit() || ('A'..='F').contains(&c), "{fp}");
            }
        }
    }

    #[test]
    fn a15_generated_fingerprint_equals_an_independent_sha256_of_the_der() {
        let id = Identity::generate().unwrap();
        let digest = Sha256::digest(&id.certificate_der);
        let expected: Vec<String> = digest.iter().map(|b| format!("{b:02X}")).collect();
        assert_eq!(id.fingerprint, expected.join(":"));
        assert_eq!(id.hash, "sha-256");
        assert_eq!(
            id.fingerprint_attribute(),
            format!("sha-256 {}", id.fingerprint)
        );
    }

    #[test]
    fn generated_identities_are_ecdsa_p256_reloadable_and_distinct() {
        let id = Identity::generate().unwrap();
        assert!(id.key_pem.starts_with("-----BEGIN PRIVATE KEY-----"));
        let key = KeyPair::from_pem(&id.key_pem).unwrap();
        assert_eq!(key.algorithm(), &PKCS_ECDSA_P256_SHA256);
        // The PEM forms load back into the same identity.
        let again = Identity::from_pem(&id.certificate_pem(), &id.key_pem).unwrap();
        assert_eq!(again, id);
        assert_ne!(Identity::generate().unwrap().fingerprint, id.fingerprint);
    }

    #[test]
    fn a15_loaded_certificate_has_the_fingerprint_openssl_computes() {
        let id = Identity::from_pem(TEST_CERT, TEST_KEY).unwrap();
        assert_eq!(id.fingerprint, TEST_CERT_SHA256);
        assert_eq!(id.key_pem, TEST_KEY);
        let id = id.with_hash("sha-512").unwrap();
        assert_eq!(id.hash, "sha-512");
        assert!(id.fingerprint.starts_with("39:2B:55:FA:6F:F4:F1:20"));
    }

    #[test]
    fn loading_takes_the_first_certificate_of_a_chain() {
        let chain = format!(
            "{TEST_KEY}{TEST_CERT}{}",
            Identity::generate().unwrap().certificate_pem()
        );
        let id = Identity::from_pem(&chain, TEST_KEY).unwrap();
        assert_eq!(id.fingerprint, TEST_CERT_SHA256);
    }

    #[test]
    fn loading_refuses_bad_pem_with_a_message() {
        let cases = [
            (
                "no pem here",
                TEST_KEY,
                "dtls.certificate_file: no `-----BEGIN CERTIFICATE-----` block found",
            ),
            (
                TEST_KEY,
                TEST_KEY,
                "dtls.certificate_file: no `-----BEGIN CERTIFICATE-----` block found",
            ),
            (
                TEST_CERT,
                OTHER_KEY,
                "dtls.key_file: the private key does not belong to the certificate",
            ),
        ];
        for (cert, key, message) in cases {
            assert_eq!(
                Identity::from_pem(cert, key).unwrap_err().to_string(),
                message
            );
        }
        let err = Identity::from_pem(TEST_CERT, "garbage").unwrap_err();
        assert_eq!(err.path.as_deref(), Some("dtls.key_file"));
        assert!(err
            .message
            .starts_with("unusable private key (expected PKCS#8 PEM, `BEGIN PRIVATE KEY`): "));
        let broken = TEST_CERT.replace("MIIB", "M!IB");
        let err = Identity::from_pem(&broken, TEST_KEY).unwrap_err();
        assert_eq!(err.path.as_deref(), Some("dtls.certificate_file"));
        assert!(err.message.starts_with("malformed PEM certificate: "));
    }

    #[test]
    fn a15_unsupported_hashes_are_refused() {
        assert_eq!(
            fingerprint(b"x", "md5").unwrap_err().to_string(),
            "dtls.hash: unsupported fingerprint hash `md5`, expected `sha-256`, `sha-384` or \
             `sha-512`"
        );
        assert!(Identity::generate().unwrap().with_hash("sha-1").is_err());
    }

    #[test]
    fn debug_output_hides_the_key() {
        let id = Identity::from_pem(TEST_CERT, TEST_KEY).unwrap();
        let shown = format!("{id:?}");
        assert!(shown.contains(TEST_CERT_SHA256) && !shown.contains("PRIVATE"));
    }

    #[test]
    fn civil_dates_follow_the_gregorian_calendar() {
        assert_eq!(civil_date(0), (1970, 1, 1));
        assert_eq!(civil_date(-1), (1969, 12, 31));
        assert_eq!(civil_date(11_016), (2000, 2, 29));
        assert_eq!(civil_date(20_454), (2026, 1, 1));
        assert_eq!(
            days_since_epoch(UNIX_EPOCH + std::time::Duration::from_secs(86_399)),
            0
        );
    }
}
