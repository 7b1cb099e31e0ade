//! Choosing replacements: one per distinct value, numbered in order of first appearance, of the
//! same kind and shape as the value it replaces, and never equal to a value of the input.
//!
//! Nothing is derived from the secret itself (no hash of it): the n-th distinct address becomes
//! the n-th documentation address, whatever it was, so the output depends only on the order of
//! the values and bug reports stay reproducible.

use std::collections::{HashMap, HashSet};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use sdp_core::attr::dtls::Fingerprint;

use super::find::Secret;

/// The text namespaces: equal text in two namespaces is two values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Space {
    Ufrag,
    Pwd,
    Cname,
    /// Stream and track ids share one namespace: Plan B writes the same id as `mslabel` and
    /// as the msid stream id, and validation compares them.
    MsidId,
    Username,
    SessionId,
    CryptoKey,
    TlsId,
    Identity,
    Foundation,
    ClockId,
    Email,
    Phone,
}

/// How many numbers to try for one fresh value before giving up and keeping the original.
/// Numbers skipped because the input holds their value are skipped once per sequence, so this is
/// reached only when a short shape has run out of numbers (a one-character credential has ten)
/// or the input holds about this many of the values a sequence produces in a row, which are
/// then documentation values already. It bounds the work per value on hostile input.
const ATTEMPTS: u32 = 1_000;

/// Every replacement made so far, and the input values to stay clear of.
#[derive(Default)]
pub(super) struct Replacer {
    ips: HashMap<IpAddr, IpAddr>,
    hosts: HashMap<String, String>,
    ports: HashMap<u16, u16>,
    ssrcs: HashMap<u64, u64>,
    texts: HashMap<(Space, String), String>,
    fingerprints: HashMap<(String, Vec<u8>), Vec<u8>>,
    /// Values of the input and replacements handed out: a fresh replacement is neither.
    taken_ips: HashSet<IpAddr>,
    taken_hosts: HashSet<String>,
    taken_ports: HashSet<u16>,
    taken_ssrcs: HashSet<u32>,
    taken_texts: HashSet<(Space, String)>,
    taken_fingerprints: HashSet<Vec<u8>>,
    /// The last number used per sequence.
    next_v4: u32,
    next_v4_multicast: u32,
    next_v6: u32,
    next_host: u32,
    next_port: u32,
    next_ssrc: u32,
    next_fingerprint: u32,
    next_text: HashMap<Space, u32>,
}

/// The lower-case form host names compare by (DNS ignores case).
fn host_key(host: &str) -> String {
    host.to_ascii_lowercase()
}

impl Replacer {
    /// A replacer that keeps clear of every value in `secrets` (the whole input).
    pub(super) fn new<'s, 'a: 's>(secrets: impl Iterator<Item = &'s Secret<'a>>) -> Replacer {
        let mut r = Replacer::default();
        for secret in secrets {
            match secret {
                Secret::Address(a) | Secret::OtherAddress(a) => match a.parse::<IpAddr>() {
                    Ok(ip) => {
                        r.taken_ips.insert(ip);
                    }
                    Err(_) => {
                        r.taken_hosts.insert(host_key(a));
                    }
                },
                Secret::Port(p) => {
                    r.taken_ports.insert(*p);
                }
                Secret::Ssrc(s) => {
                    if let Ok(s) = u32::try_from(*s) {
                        r.taken_ssrcs.insert(s);
                    }
                }
                Secret::Fingerprint { bytes, .. } => {
                    r.taken_fingerprints.insert(bytes.clone());
                }
                other => {
                    if let Some((space, text, _)) = text_of(other) {
                        r.taken_texts.insert((space, text.to_owned()));
                    }
                }
            }
        }
        r
    }

    /// The replacement text of `secret`, or `None` to keep it (0.0.0.0, port 9, ...).
    pub(super) fn replace(&mut self, secret: &Secret<'_>) -> Option<String> {
        match secret {
            Secret::Address(a) | Secret::OtherAddress(a) => match a.parse::<IpAddr>() {
                Ok(ip) => self.ip(ip).map(|ip| ip.to_string()),
                Err(_) => self.host(a),
            },
            Secret::Port(p) => self.port(*p).map(|p| p.to_string()),
            Secret::Ssrc(s) => Some(self.ssrc(*s).to_string()),
            Secret::Fingerprint { hash, bytes, lower } => {
                let new = self.fingerprint(hash, bytes);
                let hex = Fingerprint::format_hex(&new);
                Some(if *lower {
                    hex.to_ascii_lowercase()
                } else {
                    hex
                })
            }
            other => {
                let (space, text, word) = text_of(other)?;
                self.text(space, text, word)
            }
        }
    }

    /// Draws numbers after `*counter` until `make` gives a value not in `taken`.
    fn fresh<T: Eq + std::hash::Hash + Clone>(
        taken: &mut HashSet<T>,
        counter: &mut u32,
        make: impl Fn(u32) -> Option<T>,
    ) -> Option<T> {
        for _ in 0..ATTEMPTS {
            *counter = counter.wrapping_add(1);
            if let Some(value) = make(*counter) {
                if taken.insert(value.clone()) {
                    return Some(value);
                }
            }
        }
        None
    }

    fn ip(&mut self, ip: IpAddr) -> Option<IpAddr> {
        // Unspecified and loopback addresses say nothing about anyone, and "0.0.0.0" has a
        // meaning of its own (hold, hidden candidate base).
        let keep = match ip {
            IpAddr::V4(v4) => v4.is_unspecified() || v4 == Ipv4Addr::LOCALHOST,
            IpAddr::V6(v6) => v6.is_unspecified() || v6.is_loopback(),
        };
        if keep {
            return None;
        }
        if let Some(done) = self.ips.get(&ip) {
            return Some(*done);
        }
        let new = match ip {
            IpAddr::V4(v4) => self.v4(v4).map(IpAddr::V4),
            IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                // An IPv4-mapped address keeps its form around the mapped IPv4 replacement.
                Some(v4) => self.ip(IpAddr::V4(v4)).and_then(|new| match new {
                    IpAddr::V4(new) => Some(IpAddr::V6(new.to_ipv6_mapped())),
                    IpAddr::V6(_) => None,
                }),
                None => self.v6(v6).map(IpAddr::V6),
            },
        }?;
        self.ips.insert(ip, new);
        Some(new)
    }

    /// Unicast addresses go to the documentation ranges (RFC 5737) in turn, then to the
    /// benchmarking range (RFC 2544); multicast ones to MCAST-TEST-NET (RFC 5771) and then the
    /// administratively scoped 239.255/16, so that validation still sees a multicast address.
    fn v4(&mut self, old: Ipv4Addr) -> Option<Ipv4Addr> {
        let (counter, make): (&mut u32, fn(u32) -> Option<IpAddr>) = if old.is_multicast() {
            (&mut self.next_v4_multicast, |n| {
                let addr = match n {
                    1..=254 => u32::from(Ipv4Addr::new(233, 252, 0, 0)) + n,
                    _ => u32::from(Ipv4Addr::new(239, 255, 0, 0)) + n.wrapping_sub(254) % 0xfffe,
                };
                Some(IpAddr::V4(Ipv4Addr::from(addr)))
            })
        } else {
            (&mut self.next_v4, |n| {
                let (base, host) = match n {
                    1..=254 => ([192, 0, 2, 0], n),
                    255..=508 => ([198, 51, 100, 0], n - 254),
                    509..=762 => ([203, 0, 113, 0], n - 508),
                    _ => ([198, 18, 0, 0], n.wrapping_sub(762) % 0x1_fffe + 1),
                };
                Some(IpAddr::V4(Ipv4Addr::from(
                    u32::from(Ipv4Addr::from(base)) + host,
                )))
            })
        };
        match Self::fresh(&mut self.taken_ips, counter, make)? {
            IpAddr::V4(v4) => Some(v4),
            IpAddr::V6(_) => None,
        }
    }

    /// 2001:db8::/32 (RFC 3849); a multicast address keeps its first 16 bits (flags and scope)
    /// and gets the documentation prefix in its group id.
    fn v6(&mut self, old: Ipv6Addr) -> Option<Ipv6Addr> {
        let first = old.segments().first().copied().unwrap_or(0xff00);
        let multicast = old.is_multicast();
        let new = Self::fresh(&mut self.taken_ips, &mut self.next_v6, |n| {
            let (hi, lo) = ((n >> 16) as u16, (n & 0xffff) as u16);
            Some(IpAddr::V6(if multicast {
                Ipv6Addr::new(first, 0, 0, 0, 0, 0xdb8, hi, lo)
            } else {
                Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, hi, lo)
            }))
        })?;
        match new {
            IpAddr::V6(v6) => Some(v6),
            IpAddr::V4(_) => None,
        }
    }

    /// Host names become `host-N.invalid` (RFC 6761), mDNS names `mdns-N.local`; `localhost`
    /// stays. Names compare without case, as DNS does.
    fn host(&mut self, host: &str) -> Option<String> {
        let key = host_key(host);
        if key == "localhost" {
            return None;
        }
        if let Some(done) = self.hosts.get(&key) {
            return Some(done.clone());
        }
        let mdns = key.ends_with(".local");
        let new = Self::fresh(&mut self.taken_hosts, &mut self.next_host, |n| {
            Some(if mdns {
                format!("mdns-{n}.local")
            } else {
                format!("host-{n}.invalid")
            })
        })?;
        self.hosts.insert(key, new.clone());
        Some(new)
    }

    /// Ports from 40000 up, keeping their parity (RTP on even ports, RTCP on the odd one above,
    /// RFC 3550 §11; validation checks the base of `port/count`). Port 0 (disabled) and 9
    /// (discard, "no port yet") keep their meaning.
    fn port(&mut self, port: u16) -> Option<u16> {
        if port == 0 || port == 9 {
            return None;
        }
        if let Some(done) = self.ports.get(&port) {
            return Some(*done);
        }
        let parity = u32::from(port % 2);
        let new = Self::fresh(&mut self.taken_ports, &mut self.next_port, |n| {
            // 40000, 40002, ... 65534, then 10000, 10002, ... below 40000.
            let k = n.checked_sub(1)?;
            let value = match k.checked_sub(12_768) {
                None => 40_000 + 2 * k + parity,
                Some(low) => 10_000u32.checked_add(low.checked_mul(2)?)? + parity,
            };
            u16::try_from(value).ok()
        })?;
        self.ports.insert(port, new);
        Some(new)
    }

    /// SSRCs 1, 2, 3, ... (any 32-bit value is an SSRC); a number over 32 bits becomes
    /// 2^32 + N, still over 32 bits, so validation flags it as before.
    fn ssrc(&mut self, ssrc: u64) -> u64 {
        if let Some(done) = self.ssrcs.get(&ssrc) {
            return *done;
        }
        let new = match u32::try_from(ssrc) {
            Ok(small) => u64::from(
                Self::fresh(&mut self.taken_ssrcs, &mut self.next_ssrc, Some).unwrap_or(small),
            ),
            Err(_) => {
                let n = u64::try_from(self.ssrcs.len()).unwrap_or(u64::MAX);
                (1u64 << 32).saturating_add(n).saturating_add(1)
            }
        };
        self.ssrcs.insert(ssrc, new);
        new
    }

    /// The same number of bytes, `00:..:00:NN` with the counter in the last bytes, for the same
    /// hash function and bytes (which is how validation compares fingerprints).
    fn fingerprint(&mut self, hash: &str, bytes: &[u8]) -> Vec<u8> {
        let key = (hash.to_owned(), bytes.to_vec());
        if let Some(done) = self.fingerprints.get(&key) {
            return done.clone();
        }
        let len = bytes.len();
        let new = Self::fresh(
            &mut self.taken_fingerprints,
            &mut self.next_fingerprint,
            |n| {
                let counter = n.to_be_bytes();
                let mut out = vec![0u8; len];
                for (slot, byte) in out.iter_mut().rev().zip(counter.iter().rev()) {
                    *slot = *byte;
                }
                Some(out)
            },
        )
        .unwrap_or_else(|| bytes.to_vec());
        self.fingerprints.insert(key, new.clone());
        new
    }

    fn text(&mut self, space: Space, text: &str, word: &str) -> Option<String> {
        let key = (space, text.to_owned());
        if let Some(done) = self.texts.get(&key) {
            return Some(done.clone());
        }
        // Texts without a letter or digit have nothing to hide; skip the search.
        text_replacement(space, text, word, 0)?;
        let counter = self.next_text.entry(space).or_insert(0);
        let (_, new) = Self::fresh(&mut self.taken_texts, counter, |n| {
            text_replacement(space, text, word, n).map(|new| (space, new))
        })?;
        self.texts.insert(key, new.clone());
        Some(new)
    }
}

/// The namespace, text and replacement word of a text-like secret.
fn text_of<'s>(secret: &Secret<'s>) -> Option<(Space, &'s str, &'static str)> {
    Some(match *secret {
        Secret::Ufrag(t) => (Space::Ufrag, t, "ufrag"),
        Secret::Pwd(t) => (Space::Pwd, t, "pwd"),
        Secret::Cname(t) => (Space::Cname, t, "cname"),
        Secret::Stream(t) => (Space::MsidId, t, "stream"),
        Secret::Track(t) => (Space::MsidId, t, "track"),
        Secret::Username(t) => (Space::Username, t, "user"),
        Secret::SessionId(t) => (Space::SessionId, t, ""),
        Secret::CryptoKey(t) => (Space::CryptoKey, t, "key"),
        Secret::TlsId(t) => (Space::TlsId, t, "tlsid"),
        Secret::Identity(t) => (Space::Identity, t, "identity"),
        Secret::Foundation(t) => (Space::Foundation, t, ""),
        Secret::ClockId(t) => (Space::ClockId, t, ""),
        Secret::Email(t) => (Space::Email, t, "user"),
        Secret::Phone(t) => (Space::Phone, t, ""),
        Secret::Address(_)
        | Secret::OtherAddress(_)
        | Secret::Port(_)
        | Secret::Ssrc(_)
        | Secret::Fingerprint { .. } => return None,
    })
}

/// The `n`-th replacement in `space` for `text`; `None` when `text` has nothing to hide.
fn text_replacement(space: Space, text: &str, word: &str, n: u32) -> Option<String> {
    match space {
        // Validation checks length and alphabet of credentials and keys (ICE: 4/22 to 256
        // ice-chars; tls-id: 20 to 255 characters), and the user name must stay a token (or
        // stay malformed), so these keep their shape.
        Space::Ufrag
        | Space::Pwd
        | Space::TlsId
        | Space::CryptoKey
        | Space::Identity
        | Space::Username
        // Digits only: a foundation stays ice-chars, a clock id stays hexadecimal.
        | Space::Foundation
        | Space::ClockId => shaped(text, word, n),
        Space::SessionId => Some(session_id(text, n)),
        Space::Cname | Space::MsidId => Some(format!("{word}-{n}")),
        Space::Email => Some(format!("user-{n}@example.invalid")),
        Space::Phone => Some(format!("+1 555 0100 ext {n}")),
    }
}

/// `text` with its letters and digits replaced by `word` and the number `n` (zero-padded to
/// fit), every other character kept where it is: same length, same character classes where
/// validation looks (ice-char, base64, tls-id-char, token). `None` when `text` has no letter or
/// digit, so nothing to hide.
pub(super) fn shaped(text: &str, word: &str, n: u32) -> Option<String> {
    let slots = text.chars().filter(char::is_ascii_alphanumeric).count();
    if slots == 0 {
        return None;
    }
    let digits = n.to_string();
    let fill: String = if slots >= word.len() + digits.len() {
        let zeros = "0".repeat(slots - word.len() - digits.len());
        format!("{word}{zeros}{digits}")
    } else if slots >= digits.len() {
        let head: String = word.chars().take(slots - digits.len()).collect();
        format!("{head}{digits}")
    } else {
        digits.chars().skip(digits.len() - slots).collect()
    };
    let mut fill = fill.chars();
    Some(
        text.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    fill.next().unwrap_or('0')
                } else {
                    c
                }
            })
            .collect(),
    )
}

/// A session id with as many digits as `text`, that fits a signed 64-bit integer exactly when
/// `text` does (RFC 3264 §5 asks for that, and validation checks it): `1000...0n`, or
/// `99...9n` for one that does not fit.
fn session_id(text: &str, n: u32) -> String {
    let digits = n.to_string();
    let width = text.len();
    if width <= digits.len() {
        return digits;
    }
    let pad = width - digits.len();
    match text.parse::<i64>() {
        // Up to 19 digits `10..0n` fits; longer ones that fit have leading zeros.
        Ok(_) if width <= 19 => format!("1{}{digits}", "0".repeat(pad - 1)),
        Ok(_) => format!("{}{digits}", "0".repeat(pad)),
        Err(_) => format!("{}{digits}", "9".repeat(pad)),
    }
}
