//! Our DTLS identity: a real certificate and its fingerprint (RFC 8122 §5).
//!
//! INTERFACE: being written (generation with rcgen, loading from PEM, hashing with sha2).

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
