//! Anonymization for bug reports: `sdp anonymize INPUT`.
//!
//! [`anonymize`] replaces what identifies a person, a host or a session, and keeps everything a
//! reader of the bug report needs: the structure, the codecs, every line that holds nothing
//! identifying (byte for byte), and the validation result.
//!
//! What is replaced, consistently (one distinct value, one replacement, everywhere in the
//! description; two distinct values, two replacements):
//!
//! | what | where | replacement |
//! |---|---|---|
//! | IPv4 addresses | `o=`, `c=`, `a=candidate` (address, `raddr`), `a=rtcp`, `a=source-filter`, `a=remote-candidates`, `a=ts-refclk:ntp=`; IP literals in `u=`, `a=control` URLs and unknown attributes | 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 in turn; multicast ones 233.252.0.0/24 |
//! | IPv6 addresses | same | 2001:db8::/32; multicast ones keep `ffXY` and get `::db8:N` |
//! | host names, mDNS names | same | `host-N.invalid`, `mdns-N.local` |
//! | ports | `m=`, candidates (port, `rport`), `a=rtcp`, `a=remote-candidates` | from 40000, same parity |
//! | ICE `ufrag`, `pwd` | `a=ice-ufrag`, `a=ice-pwd`, the `ufrag` candidate extension | `ufr1`, `pwd000...1`: same length and character classes |
//! | fingerprints | `a=fingerprint` | same hash function and byte count, `00:...:01` |
//! | SSRCs | `a=ssrc`, `a=ssrc-group` | 1, 2, 3, ... |
//! | CNAMEs | `a=ssrc:... cname:` | `cname-N` |
//! | MediaStream and track ids | `a=msid`, `a=ssrc:... msid:`/`mslabel:`/`label:`, `a=msid-semantic` | `stream-N`, `track-N` |
//! | user name, session id | `o=` | same shape; a session id of as many digits, fitting 64 bits when the original does |
//! | SRTP keys | `a=crypto` inline key and salt | same length and base64 shape |
//! | `a=tls-id`, `a=identity` | | same length and shape |
//! | candidate foundations longer than 4 characters | `a=candidate` | digits of the same length (libwebrtc derives them from the base address) |
//! | PTP grandmaster ids, MAC addresses | `a=ts-refclk` | hex of the same shape, `00-...-01` |
//! | e-mail, phone | `e=`, `p=` | `user-N@example.invalid`, `+1 555 0100 ext N` |
//!
//! What is kept: 0.0.0.0, 127.0.0.1, `::`, `::1` and `localhost`; port 0 (disabled) and 9
//! (discard); the msid "no stream" id `-`; the `o=` user name `-`; everything else, spacing and
//! line endings included.
//!
//! Replacements are numbered in order of first appearance, never derived from the secret, and
//! never equal to a value of the input, so the output is deterministic and reveals nothing of
//! the input beyond which values were equal. Each replacement has the kind and shape validation
//! looks at (IP version, multicast, port parity, credential length and alphabet, fingerprint
//! length, session-id range), so the anonymized description validates as the original did.
//!
//! Lines that do not parse get a cautious fallback: only tokens whose replacement cannot change
//! the problem (an IP literal for one of the same version, a port for a port, a credential for
//! one of the same shape) are replaced.

use sdp_core::{Eol, ParseError, Session};

mod find;
mod replace;

use find::secrets;
use replace::Replacer;

/// The anonymized text of `session`: its lines in order, the identifying values replaced (see
/// the module docs), every other byte as it was.
///
/// ```
/// let sdp = "v=0\r\no=alice 2890844526 1 IN IP4 10.47.16.5\r\ns=-\r\nt=0 0\r\n\
///            m=audio 49170 RTP/AVP 0\r\nc=IN IP4 10.47.16.5\r\n";
/// let session = sdp_core::Session::parse(sdp).unwrap();
/// assert_eq!(
///     sdp_cli::anonymize::anonymize(&session),
///     "v=0\r\no=user1 1000000001 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\n\
///      m=audio 40000 RTP/AVP 0\r\nc=IN IP4 192.0.2.1\r\n"
/// );
/// ```
pub fn anonymize(session: &Session<'_>) -> String {
    let lines: Vec<_> = session.all_lines().collect();
    let found: Vec<_> = lines.iter().map(|line| secrets(line)).collect();
    let mut replacer = Replacer::new(found.iter().flatten().map(|f| &f.secret));
    let mut out = String::with_capacity(session.written_len() + 64);
    for (i, (line, found)) in lines.iter().zip(&found).enumerate() {
        let text = line.text();
        let mut copied = 0;
        for f in found {
            if let Some(new) = replacer.replace(&f.secret) {
                out.push_str(text.get(copied..f.start).unwrap_or_default());
                out.push_str(&new);
                copied = f.end;
            }
        }
        out.push_str(text.get(copied..).unwrap_or_default());
        // As sdp-core writes: a line without an ending gets CRLF when another follows.
        let eol = match line.eol() {
            Eol::None if i + 1 < lines.len() => Eol::CrLf,
            eol => eol,
        };
        out.push_str(eol.as_str());
    }
    out
}

/// Parses `text` leniently and anonymizes it.
pub fn anonymize_text(text: &str) -> Result<String, ParseError> {
    Session::parse(text).map(|session| anonymize(&session))
}

#[cfg(test)]
mod tests;
