//! The peer SDP crates from crates.io behind one small interface, so the comparison group runs
//! them on the same inputs as sdp-core, in the same process and the same `cargo bench` run.
//!
//! Each peer is two functions: `parse(&str) -> Result<PeerSession, String>` with the crate's
//! own entry point, and `write(&PeerSession) -> String` with its own serializer. A peer that
//! returns an error or panics on an input ([`try_parse`], [`try_write`]) is reported as failing
//! that input and is not benchmarked on it.

use std::io::Cursor;
use std::panic::{self, AssertUnwindSafe};

/// A description parsed by one of the peers (each keeps its own model).
pub enum PeerSession<'a> {
    /// Mozilla webrtc-sdp.
    WebrtcSdp(Box<webrtc_sdp::SdpSession>),
    /// webrtc-rs `sdp`.
    WebrtcRs(Box<sdp::SessionDescription>),
    /// sdp-types.
    SdpTypes(Box<sdp_types::Session>),
    /// msf-sdp.
    Msf(Box<msf_sdp::SessionDescription>),
    /// sdp-rs.
    SdpRs(Box<sdp_rs::SessionDescription>),
    /// sdp-nom (borrows the input).
    SdpNom(Box<sdp_nom::Session<'a>>),
}

impl std::fmt::Debug for PeerSession<'_> {
    // msf-sdp's session has no `Debug`; the variant is enough to tell sessions apart.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let peer = match self {
            Self::WebrtcSdp(_) => "WebrtcSdp",
            Self::WebrtcRs(_) => "WebrtcRs",
            Self::SdpTypes(_) => "SdpTypes",
            Self::Msf(_) => "Msf",
            Self::SdpRs(_) => "SdpRs",
            Self::SdpNom(_) => "SdpNom",
        };
        f.write_str(peer)
    }
}

/// One peer crate: its benchmark id, the crate and version, and its parse and write.
#[derive(Clone, Copy)]
pub struct Peer {
    /// The benchmark id (`peers/<id>/<input>`, `peers_write/<id>/<input>`).
    pub id: &'static str,
    /// The crate and the version measured.
    pub krate: &'static str,
    /// Parses `text` with the crate's entry point.
    pub parse: for<'a> fn(&'a str) -> Result<PeerSession<'a>, String>,
    /// Writes a session this peer parsed with the crate's serializer.
    pub write: fn(&PeerSession<'_>) -> String,
}

impl std::fmt::Debug for Peer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Peer")
            .field("id", &self.id)
            .field("krate", &self.krate)
            .finish()
    }
}

/// The peers, in the order the tables list them.
pub const PEERS: [Peer; 6] = [
    Peer {
        id: "webrtc-sdp",
        krate: "webrtc-sdp 0.3.17",
        parse: webrtc_sdp_parse,
        write: webrtc_sdp_write,
    },
    Peer {
        id: "webrtc-rs",
        krate: "sdp 0.17.2 (webrtc-rs)",
        parse: webrtc_rs_parse,
        write: webrtc_rs_write,
    },
    Peer {
        id: "sdp-types",
        krate: "sdp-types 0.3.1",
        parse: sdp_types_parse,
        write: sdp_types_write,
    },
    Peer {
        id: "msf-sdp",
        krate: "msf-sdp 0.2.4",
        parse: msf_parse,
        write: msf_write,
    },
    Peer {
        id: "sdp-rs",
        krate: "sdp-rs 0.2.1",
        parse: sdp_rs_parse,
        write: sdp_rs_write,
    },
    Peer {
        id: "sdp-nom",
        krate: "sdp-nom 0.2.0",
        parse: sdp_nom_parse,
        write: sdp_nom_write,
    },
];

/// The text written for a session handed to another peer's `write` (a bug in the caller).
const WRONG_PEER: &str = "<session of another peer>";

/// `webrtc_sdp::parse_sdp(text, false)`: warnings (unsupported attributes) do not fail.
fn webrtc_sdp_parse(text: &str) -> Result<PeerSession<'_>, String> {
    webrtc_sdp::parse_sdp(text, false)
        .map(|s| PeerSession::WebrtcSdp(Box::new(s)))
        .map_err(|e| e.to_string())
}

/// `SdpSession`'s `Display`.
fn webrtc_sdp_write(session: &PeerSession<'_>) -> String {
    match session {
        PeerSession::WebrtcSdp(s) => s.to_string(),
        _ => WRONG_PEER.to_owned(),
    }
}

/// `SessionDescription::unmarshal` over a `Cursor` of the bytes.
fn webrtc_rs_parse(text: &str) -> Result<PeerSession<'_>, String> {
    sdp::SessionDescription::unmarshal(&mut Cursor::new(text.as_bytes()))
        .map(|s| PeerSession::WebrtcRs(Box::new(s)))
        .map_err(|e| e.to_string())
}

/// `SessionDescription::marshal`.
fn webrtc_rs_write(session: &PeerSession<'_>) -> String {
    match session {
        PeerSession::WebrtcRs(s) => s.marshal(),
        _ => WRONG_PEER.to_owned(),
    }
}

/// `sdp_types::Session::parse(bytes)`.
fn sdp_types_parse(text: &str) -> Result<PeerSession<'_>, String> {
    sdp_types::Session::parse(text.as_bytes())
        .map(|s| PeerSession::SdpTypes(Box::new(s)))
        .map_err(|e| e.to_string())
}

/// `Session::write` into a `Vec<u8>` (its only serializer), returned as a `String`.
fn sdp_types_write(session: &PeerSession<'_>) -> String {
    match session {
        PeerSession::SdpTypes(s) => {
            let mut out = Vec::new();
            match s.write(&mut out) {
                Ok(()) => String::from_utf8(out).unwrap_or_else(|e| e.to_string()),
                Err(e) => e.to_string(),
            }
        }
        _ => WRONG_PEER.to_owned(),
    }
}

/// `text.parse::<msf_sdp::SessionDescription>()` (`FromStr`, the strict entry point; the
/// crate also has `from_str_lossy`).
fn msf_parse(text: &str) -> Result<PeerSession<'_>, String> {
    text.parse::<msf_sdp::SessionDescription>()
        .map(|s| PeerSession::Msf(Box::new(s)))
        .map_err(|e| e.to_string())
}

/// `SessionDescription`'s `Display`.
fn msf_write(session: &PeerSession<'_>) -> String {
    match session {
        PeerSession::Msf(s) => s.to_string(),
        _ => WRONG_PEER.to_owned(),
    }
}

/// `sdp_rs::SessionDescription::try_from(&str)`.
fn sdp_rs_parse(text: &str) -> Result<PeerSession<'_>, String> {
    sdp_rs::SessionDescription::try_from(text)
        .map(|s| PeerSession::SdpRs(Box::new(s)))
        .map_err(|e| e.to_string())
}

/// `SessionDescription`'s `Display`.
fn sdp_rs_write(session: &PeerSession<'_>) -> String {
    match session {
        PeerSession::SdpRs(s) => s.to_string(),
        _ => WRONG_PEER.to_owned(),
    }
}

/// `sdp_nom::Session::read_str` (its only public entry point; it never fails and skips the
/// lines its grammar refuses, which [`fidelity`] counts).
fn sdp_nom_parse(text: &str) -> Result<PeerSession<'_>, String> {
    Ok(PeerSession::SdpNom(Box::new(sdp_nom::Session::read_str(
        text,
    ))))
}

/// `Session::to_string` (its `ufmt` writer, the default feature).
fn sdp_nom_write(session: &PeerSession<'_>) -> String {
    match session {
        PeerSession::SdpNom(s) => s.to_string(),
        _ => WRONG_PEER.to_owned(),
    }
}

/// Runs `f`, turning a panic into an error that carries the panic message. The default panic
/// hook still prints the panic to stderr.
fn catch<T>(f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    match panic::catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result,
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown payload".to_owned());
            Err(format!("panicked: {message}"))
        }
    }
}

/// `peer.parse(text)`, with a panic reported as an error.
pub fn try_parse<'a>(peer: &Peer, text: &'a str) -> Result<PeerSession<'a>, String> {
    catch(|| (peer.parse)(text))
}

/// `peer.write(session)`, with a panic reported as an error.
pub fn try_write(peer: &Peer, session: &PeerSession<'_>) -> Result<String, String> {
    catch(|| Ok((peer.write)(session)))
}

/// How closely a peer's written text matches the input it parsed, line by line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fidelity {
    /// The written text equals the input byte for byte.
    pub exact: bool,
    /// Lines of the input (ignoring line endings and empty lines).
    pub lines_in: usize,
    /// Lines of the written text.
    pub lines_out: usize,
    /// Input lines that do not appear in the written text (as a multiset: a line given twice
    /// and written once counts once).
    pub missing: usize,
    /// The written lines are the input lines in the same order (line endings aside).
    pub same_order: bool,
}

/// Compares `written` with `input`: exact bytes, line counts, lines lost or rewritten, order.
pub fn fidelity(input: &str, written: &str) -> Fidelity {
    let lines = |text: &str| -> Vec<String> {
        text.lines()
            .map(|l| l.trim_end_matches('\r').to_owned())
            .filter(|l| !l.is_empty())
            .collect()
    };
    let (lines_in, lines_out) = (lines(input), lines(written));
    let mut pool = lines_out.clone();
    pool.sort_unstable();
    let mut missing = 0;
    for line in &lines_in {
        match pool.binary_search(line) {
            Ok(i) => {
                pool.remove(i);
            }
            Err(_) => missing += 1,
        }
    }
    Fidelity {
        exact: input == written,
        lines_in: lines_in.len(),
        lines_out: lines_out.len(),
        missing,
        same_order: lines_in == lines_out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::INPUTS;

    #[test]
    fn each_peer_writes_only_its_own_sessions() {
        for input in INPUTS {
            for peer in PEERS {
                let Ok(session) = try_parse(&peer, input.text) else {
                    continue;
                };
                for other in PEERS {
                    let written = try_write(&other, &session);
                    assert_eq!(
                        written.as_deref() == Ok(WRONG_PEER),
                        other.id != peer.id,
                        "{} wrote a session of {}",
                        other.id,
                        peer.id
                    );
                }
            }
        }
    }

    #[test]
    fn some_peer_parses_each_input() {
        for input in INPUTS {
            assert!(
                PEERS.iter().any(|p| try_parse(p, input.text).is_ok()),
                "{}",
                input.name
            );
        }
    }

    #[test]
    fn peers_fail_only_the_inputs_the_readme_names() {
        // benches/README.md lists these; a new peer version that changes them needs a new note.
        let mut failing = Vec::new();
        for input in INPUTS {
            for peer in PEERS {
                if try_parse(&peer, input.text).is_err() {
                    failing.push(format!("{}/{}", peer.id, input.name));
                }
            }
        }
        assert_eq!(failing, ["webrtc-sdp/st2110_sender"]);
    }

    #[test]
    fn fidelity_counts_lost_and_reordered_lines() {
        let f = fidelity("v=0\r\na=x\r\na=y\r\n", "v=0\na=y\na=z\n");
        assert!(!f.exact);
        assert_eq!((f.lines_in, f.lines_out, f.missing), (3, 3, 1));
        assert!(!f.same_order);
        let f = fidelity("v=0\r\na=x\r\n", "v=0\r\na=x\r\n");
        assert!(f.exact && f.same_order);
        assert_eq!(f.missing, 0);
    }
}
