//! Finding what to replace: the byte ranges of addresses, ports, credentials, identifiers and keys
//! in one line, located through sdp-core's typed views.
//!
//! A line whose typed form parses is read field by field. A malformed line gets a cautious
//! fallback, since its fields may not sit where the grammar puts them: only IP literals (for
//! an IP literal of the same version), credentials (for one of the same shape) and, where the
//! rest of the line still has its structure, ports are touched, so that validation sees the
//! same problems.

use std::net::IpAddr;

use sdp_core::attr::clock::{PtpClock, SourceFilter, TsRefclk};
use sdp_core::attr::crypto::{Crypto, Identity};
use sdp_core::attr::dtls::Fingerprint;
use sdp_core::attr::ice::{is_fqdn, Candidate, RemoteCandidates};
use sdp_core::attr::msid::{Msid, MsidSemantic};
use sdp_core::attr::registry;
use sdp_core::attr::rtcp::Rtcp;
use sdp_core::attr::ssrc::Ssrc;
use sdp_core::field::{Connection, Origin};
use sdp_core::{Line, LineKind, TypedAttribute};

/// One value to replace.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum Secret<'a> {
    /// An IP literal or a host name (possibly an mDNS `.local` name).
    Address(&'a str),
    /// An `o=`/`c=` address that is neither (an RFC 8866 extension address such as `0`),
    /// valid where it stands, as any host name would be.
    OtherAddress(&'a str),
    /// A transport port.
    Port(u16),
    /// `a=ice-ufrag`, and the `ufrag` extension of candidates.
    Ufrag(&'a str),
    /// `a=ice-pwd`.
    Pwd(&'a str),
    /// The hex of `a=fingerprint`: its hash function (lower case) and bytes.
    Fingerprint {
        /// The hash function, lower-cased as validation compares it.
        hash: String,
        /// The bytes.
        bytes: Vec<u8>,
        /// Whether the hex was written in lower case.
        lower: bool,
    },
    /// An SSRC: a decimal number, also one over 32 bits (an SSRC the validator flags; it is
    /// replaced by another number over 32 bits so it stays flagged).
    Ssrc(u64),
    /// An RTCP CNAME.
    Cname(&'a str),
    /// A MediaStream id (`a=msid`, `msid-semantic`, `mslabel`).
    Stream(&'a str),
    /// A MediaStreamTrack id (`a=msid` appdata, `label`).
    Track(&'a str),
    /// The `o=` user name.
    Username(&'a str),
    /// The `o=` session id.
    SessionId(&'a str),
    /// The key and salt of an `a=crypto` inline key.
    CryptoKey(&'a str),
    /// `a=tls-id`.
    TlsId(&'a str),
    /// The assertion of `a=identity`.
    Identity(&'a str),
    /// A candidate foundation (libwebrtc derives it from the base address).
    Foundation(&'a str),
    /// A PTP grandmaster id or a MAC address in `a=ts-refclk` (both derive from hardware
    /// addresses).
    ClockId(&'a str),
    /// An `e=` line.
    Email(&'a str),
    /// A `p=` line.
    Phone(&'a str),
}

/// A value and where it is in the line text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Found<'a> {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) secret: Secret<'a>,
}

/// Where `part` starts in `whole`, when it is a sub-slice of it (the typed views borrow their
/// fields from the line text).
fn offset_in(whole: &str, part: &str) -> Option<usize> {
    let start = (part.as_ptr() as usize).checked_sub(whole.as_ptr() as usize)?;
    (start + part.len() <= whole.len()).then_some(start)
}

/// The words of `text` (split at spaces and tabs), each a sub-slice of it.
fn words(text: &str) -> Vec<&str> {
    text.split([' ', '\t']).filter(|w| !w.is_empty()).collect()
}

/// Collects the values of one line, in text order.
struct Finder<'l> {
    text: &'l str,
    found: Vec<Found<'l>>,
}

impl<'l> Finder<'l> {
    /// Records `secret` at `part`, a sub-slice of the line text; empty values hide nothing.
    fn add(&mut self, part: &'l str, secret: Secret<'l>) {
        if part.is_empty() {
            return;
        }
        if let Some(start) = offset_in(self.text, part) {
            self.found.push(Found {
                start,
                end: start + part.len(),
                secret,
            });
        }
    }

    /// An address token of a line whose typed form parsed, so that the token is the address
    /// (a `/ttl` suffix is left alone): an IP literal or a host name; with `any`, for `o=` and
    /// `c=`, also an RFC 8866 extension address.
    fn address(&mut self, token: &'l str, any: bool) {
        let base = token.split('/').next().unwrap_or_default();
        if base.parse::<IpAddr>().is_ok() || is_fqdn(base) {
            self.add(base, Secret::Address(base));
        } else if any {
            self.add(base, Secret::OtherAddress(base));
        }
    }

    /// A port token (before any `/count`), when it is a decimal port.
    fn port(&mut self, token: &'l str) {
        let digits = token.split('/').next().unwrap_or_default();
        if digits.bytes().all(|b| b.is_ascii_digit()) {
            if let Ok(port) = digits.parse::<u16>() {
                self.add(digits, Secret::Port(port));
            }
        }
    }

    /// An SSRC token, when it is a decimal number (up to 64 bits).
    fn ssrc(&mut self, token: &'l str) {
        if token.bytes().all(|b| b.is_ascii_digit()) {
            if let Ok(ssrc) = token.parse::<u64>() {
                self.add(token, Secret::Ssrc(ssrc));
            }
        }
    }

    /// IP literals anywhere in free text (unknown attributes, URLs): a word that is one, or
    /// one before or after a `:` (`ip4:192.0.2.1`, `192.0.2.1:554`). Replacing one IP literal
    /// with another changes nothing a parser of that text could care about, and leaving an
    /// address seen elsewhere would undo its replacement there.
    fn loose_ips(&mut self, text: &'l str) {
        let is_word = |c: char| c.is_ascii_alphanumeric() || c == '.' || c == ':';
        for word in text.split(|c: char| !is_word(c)) {
            let after = word.split_once(':').map(|(_, rest)| rest);
            let before = word.rsplit_once(':').map(|(head, _)| head);
            let ip = [Some(word), after, before]
                .into_iter()
                .flatten()
                .find(|part| part.parse::<IpAddr>().is_ok());
            if let Some(ip) = ip {
                self.add(ip, Secret::Address(ip));
            }
        }
    }

    /// The two ids of an msid value (`<stream> [<track>]`); `-` means "no stream" and stays.
    fn msid(&mut self, msid: &Msid<'l>) {
        if msid.stream_id().is_some() {
            self.add(msid.id, Secret::Stream(msid.id));
        }
        if let Some(track) = msid.appdata {
            self.add(track, Secret::Track(track));
        }
    }
}

/// The values to replace in `line`, in text order.
pub(super) fn secrets<'l>(line: &'l Line<'_>) -> Vec<Found<'l>> {
    let mut finder = Finder {
        text: line.text(),
        found: Vec::new(),
    };
    let value = line.value();
    match line.kind() {
        LineKind::Origin => origin(&mut finder, value),
        LineKind::Connection => connection(&mut finder, value),
        // m=<media> <port>[/<count>] ...; 0 (disabled) and 9 (discard) are kept later.
        LineKind::Media => {
            if let Some(port) = words(value).get(1) {
                finder.port(port);
            }
        }
        LineKind::Email => finder.add(value, Secret::Email(value)),
        LineKind::Uri => finder.loose_ips(value),
        LineKind::Phone => finder.add(value, Secret::Phone(value)),
        LineKind::Attribute => {
            if let Some(attr) = line.as_attribute() {
                attribute(&mut finder, attr.name(), attr.value().unwrap_or_default());
            }
        }
        _ => {}
    }
    finder.found.sort_by_key(|f| f.start);
    finder.found.dedup_by(|b, a| b.start < a.end);
    finder.found
}

// o=<username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address> (RFC 8866 §5.2)
fn origin<'l>(finder: &mut Finder<'l>, value: &'l str) {
    match Origin::parse(value) {
        Ok(o) => {
            if o.username != "-" {
                finder.add(o.username, Secret::Username(o.username));
            }
            finder.add(o.session_id, Secret::SessionId(o.session_id));
            finder.address(o.address, true);
        }
        Err(_) => {
            let words = words(value);
            if let Some(&user) = words.first().filter(|u| **u != "-") {
                finder.add(user, Secret::Username(user));
            }
            if let Some(&id) = words
                .get(1)
                .filter(|w| w.bytes().all(|b| b.is_ascii_digit()))
            {
                finder.add(id, Secret::SessionId(id));
            }
            finder.loose_ips(value);
        }
    }
}

// c=<nettype> <addrtype> <connection-address> (RFC 8866 §5.7)
fn connection<'l>(finder: &mut Finder<'l>, value: &'l str) {
    match Connection::parse(value) {
        Ok(c) => finder.address(c.address, true),
        Err(_) => finder.loose_ips(value),
    }
}

fn attribute<'l>(finder: &mut Finder<'l>, name: &str, value: &'l str) {
    match name {
        "candidate" => candidate(finder, value),
        // remote-candidate = component-ID SP connection-address SP port (RFC 8839 §5.2)
        "remote-candidates" => match RemoteCandidates::parse(value) {
            Ok(_) => {
                for triple in words(value).chunks(3) {
                    if let [_, address, port] = triple {
                        finder.address(address, false);
                        finder.port(port);
                    }
                }
            }
            Err(_) => finder.loose_ips(value),
        },
        // rtcp-attribute = "rtcp:" port [nettype space addrtype space connection-address]
        // (RFC 3605 §2.1)
        "rtcp" => match Rtcp::parse(value) {
            Ok(_) => {
                let words = words(value);
                if let Some(port) = words.first() {
                    finder.port(port);
                }
                if let Some(address) = words.get(3) {
                    finder.address(address, false);
                }
            }
            Err(_) => finder.loose_ips(value),
        },
        // filter-mode nettype address-types dest-address src-list (RFC 4570 §3); `*` stays.
        "source-filter" => match SourceFilter::parse(value) {
            Ok(_) => {
                for address in words(value).into_iter().skip(3) {
                    finder.address(address, false);
                }
            }
            Err(_) => finder.loose_ips(value),
        },
        // The credentials are replaced whole, keeping their shape, even when malformed: a
        // credential of the same length and character classes fails in the same way.
        "ice-ufrag" => finder.add(value, Secret::Ufrag(value)),
        "ice-pwd" => finder.add(value, Secret::Pwd(value)),
        "tls-id" => finder.add(value, Secret::TlsId(value)),
        "fingerprint" => {
            if let Ok(fp) = Fingerprint::parse(value) {
                let text = fp.fingerprint_str();
                let secret = Secret::Fingerprint {
                    hash: fp.hash_str().to_ascii_lowercase(),
                    bytes: fp.to_bytes(),
                    lower: text.bytes().any(|b| b.is_ascii_lowercase()),
                };
                finder.add(text, secret);
            }
        }
        "crypto" => crypto(finder, value),
        "identity" => match Identity::parse(value) {
            Ok(id) => finder.add(id.assertion(), Secret::Identity(id.assertion())),
            Err(_) => {
                if let Some(first) = words(value).first() {
                    finder.add(first, Secret::Identity(first));
                }
            }
        },
        "ssrc" => ssrc(finder, value),
        "ts-refclk" => ts_refclk(finder, value),
        // RTSP control URLs name the camera (`rtsp://192.0.2.7:554/stream1`).
        "control" => finder.loose_ips(value),
        // ssrc-group-attr = "ssrc-group:" semantics *(SP ssrc-id) (RFC 5576 §4.2)
        "ssrc-group" => {
            for id in words(value).into_iter().skip(1) {
                finder.ssrc(id);
            }
        }
        "msid" => {
            if let Ok(msid) = Msid::parse(value) {
                finder.msid(&msid);
            }
        }
        "msid-semantic" => {
            if let Ok(semantic) = MsidSemantic::parse(value) {
                for id in semantic.ids() {
                    finder.add(id, Secret::Stream(id));
                }
            }
        }
        unknown if registry::spec(unknown).is_none() => finder.loose_ips(value),
        _ => {}
    }
}

// timestamp-refclk (RFC 7273 §4.8): `ptp=<version>:<gmid>[:<domain>]`, `localmac=<mac>`,
// `ntp=<server>[:<port>]`; the other sources name no machine.
fn ts_refclk<'l>(finder: &mut Finder<'l>, value: &'l str) {
    match TsRefclk::parse(value) {
        Ok(TsRefclk::Ptp {
            clock: PtpClock::Grandmaster { gmid, .. },
            ..
        }) => finder.add(gmid.as_str(), Secret::ClockId(gmid.as_str())),
        Ok(TsRefclk::LocalMac(mac)) => finder.add(mac.as_str(), Secret::ClockId(mac.as_str())),
        Ok(TsRefclk::Ntp { host, .. }) => {
            let host = host.trim_start_matches('[').trim_end_matches(']');
            finder.address(host, false);
        }
        _ => {}
    }
}

// foundation component transport priority address port "typ" type *(name value)
// (RFC 8839 §5.1), read by position. A malformed candidate whose `typ` is still in place keeps
// that reading, each field checked on its own; any other loses only its IP literals.
fn candidate<'l>(finder: &mut Finder<'l>, value: &'l str) {
    let words = words(value);
    if Candidate::parse(value).is_err() && words.get(6) != Some(&"typ") {
        finder.loose_ips(value);
        return;
    }
    // libwebrtc's foundations are CRCs over type and base address; short ones (Firefox's 0,
    // 1, 2 ...) are counters and say nothing.
    if let Some(foundation) = words.first().filter(|f| f.len() > 4) {
        finder.add(foundation, Secret::Foundation(foundation));
    }
    if let Some(address) = words.get(4) {
        finder.address(address, false);
    }
    if let Some(port) = words.get(5) {
        finder.port(port);
    }
    for pair in words.get(8..).unwrap_or_default().chunks(2) {
        match pair {
            ["raddr", address] => finder.address(address, false),
            ["rport", port] => finder.port(port),
            ["ufrag", ufrag] => finder.add(ufrag, Secret::Ufrag(ufrag)),
            _ => {}
        }
    }
}

// a=crypto:<tag> <suite> <key-params> [<session-params>]; inline key-info is
// "<key||salt>[|lifetime][|MKI:length]" (RFC 4568 §9.1, §6.1).
fn crypto<'l>(finder: &mut Finder<'l>, value: &'l str) {
    match Crypto::parse(value) {
        Ok(crypto) => {
            for key in crypto.key_params().filter(|k| k.is_inline()) {
                finder.add(key.key_salt(), Secret::CryptoKey(key.key_salt()));
            }
        }
        Err(_) => {
            for part in value.split([' ', '\t', ';']) {
                if let Some(info) = part.strip_prefix("inline:") {
                    let key = info.split('|').next().unwrap_or_default();
                    finder.add(key, Secret::CryptoKey(key));
                }
            }
        }
    }
}

// a=ssrc:<ssrc-id> <attribute>[:<value>] (RFC 5576 §4.1)
fn ssrc<'l>(finder: &mut Finder<'l>, value: &'l str) {
    if let Some(id) = words(value).first() {
        finder.ssrc(id);
    }
    let (attribute, attr_value) = match Ssrc::parse(value) {
        Ok(Ssrc {
            attribute,
            value: Some(attr_value),
            ..
        }) => (attribute, attr_value),
        Ok(_) => return,
        // An id the typed form refuses (over 32 bits) still names a cname and msid: read the
        // `<id> <attribute>:<value>` shape by hand so they do not leak.
        Err(_) => {
            let Some((_, rest)) = value.split_once(' ') else {
                return;
            };
            match rest.trim_start().split_once(':') {
                Some((attribute, attr_value)) if !attr_value.is_empty() => (attribute, attr_value),
                _ => return,
            }
        }
    };
    match attribute {
        "cname" => finder.add(attr_value, Secret::Cname(attr_value)),
        "msid" => {
            if let Ok(msid) = Msid::parse(attr_value) {
                finder.msid(&msid);
            }
        }
        // Plan B: the stream and track labels are the msid ids under older names.
        "mslabel" => finder.add(attr_value, Secret::Stream(attr_value)),
        "label" => finder.add(attr_value, Secret::Track(attr_value)),
        _ => {}
    }
}
