//! Clocks and sources: `a=ts-refclk` and `a=mediaclk` (RFC 7273, as profiled by SMPTE
//! ST 2110-10 and AES67), and `a=source-filter` (RFC 4570).
//!
//! Clock sources and media clocks are extensible: values this module does not know are kept as
//! written (`Other`). Identifiers such as a PTP grandmaster id are kept as borrowed text, checked
//! at parse time; [`HexId::octets`] decodes them.

use std::fmt;

use nom::Parser;

use crate::attr::TypedAttribute;
use crate::error::ValueError;
use crate::lex::{self, PResult};

/// Dash-separated hexadecimal octets as written, e.g. an EUI-64 PTP grandmaster id
/// `39-A7-94-FF-FE-07-CB-D0` or a MAC address `00-1B-21-0F-A3-5C`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct HexId<'a>(&'a str);

impl<'a> HexId<'a> {
    /// Checks `text` as `octets` dash-separated hex octets.
    pub fn new(text: &'a str, octets: usize) -> Result<Self, ValueError> {
        lex::run(
            text,
            parse_hex_octets(octets, "hexadecimal octets (`xx-xx-..`)"),
        )
    }

    /// The text as written (case kept).
    pub const fn as_str(&self) -> &'a str {
        self.0
    }

    /// The octets, in order.
    pub fn octets(&self) -> impl Iterator<Item = u8> + 'a {
        self.0
            .split('-')
            .filter_map(|pair| u8::from_str_radix(pair, 16).ok())
    }
}

impl fmt::Display for HexId<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// `n` octets as two hex digits each, separated by `-`: EUI64 = 7(2HEXDIG "-") 2HEXDIG and
/// mac-address = 5(2HEXDIG "-") 2HEXDIG (RFC 7273 §4.8).
fn parse_hex_octets<'a>(
    n: usize,
    expected: &'static str,
) -> impl Fn(&'a str) -> PResult<'a, HexId<'a>> {
    move |input: &'a str| {
        let len = (3 * n).saturating_sub(1);
        let bytes = input.as_bytes();
        let ok = n > 0
            && (0..len).all(|i| match bytes.get(i) {
                Some(b'-') => i % 3 == 2,
                Some(b) => i % 3 != 2 && b.is_ascii_hexdigit(),
                None => false,
            });
        match (ok, input.get(..len), input.get(len..)) {
            (true, Some(id), Some(rest)) => Ok((rest, HexId(id))),
            _ => lex::fail(input, expected),
        }
    }
}

/// The PTP standard a `ptp=` clock source follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PtpVersion<'a> {
    /// `IEEE1588-2002`.
    Ieee1588_2002,
    /// `IEEE1588-2008` (the ST 2110 / AES67 profile).
    Ieee1588_2008,
    /// `IEEE1588-2019`.
    Ieee1588_2019,
    /// `IEEE802.1AS-2011` (gPTP).
    Ieee802_1As2011,
    /// Another version token, as written.
    Other(&'a str),
}

impl<'a> PtpVersion<'a> {
    /// The version as written.
    pub const fn as_str(&self) -> &'a str {
        match self {
            PtpVersion::Ieee1588_2002 => "IEEE1588-2002",
            PtpVersion::Ieee1588_2008 => "IEEE1588-2008",
            PtpVersion::Ieee1588_2019 => "IEEE1588-2019",
            PtpVersion::Ieee802_1As2011 => "IEEE802.1AS-2011",
            PtpVersion::Other(s) => s,
        }
    }
}

/// The PTP domain after the grandmaster id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PtpDomain<'a> {
    /// A bare number, as SMPTE ST 2110-10 / ST 2059-2 write it (`...:37`).
    Number(u8),
    /// `domain-nmbr=<n>` (RFC 7273, IEEE 1588-2008).
    Nmbr(u8),
    /// `domain-name=<name>` (RFC 7273, IEEE 1588-2002).
    Name(&'a str),
}

/// Which PTP clock a `ptp=` source names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PtpClock<'a> {
    /// `traceable`: any grandmaster traceable to International Atomic Time.
    Traceable,
    /// A grandmaster by EUI-64 id, with an optional domain.
    Grandmaster {
        /// The grandmaster clock id (8 octets).
        gmid: HexId<'a>,
        /// The PTP domain.
        domain: Option<PtpDomain<'a>>,
    },
}

/// `a=ts-refclk`: the reference clock of RTP timestamps (RFC 7273 §4.8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TsRefclk<'a> {
    /// `ntp=/traceable/`: any NTP server traceable to UTC.
    NtpTraceable,
    /// `ntp=<host>[:<port>]`.
    Ntp {
        /// Host name or address (an IPv6 address keeps its brackets).
        host: &'a str,
        /// The port, if given.
        port: Option<u16>,
    },
    /// `ptp=<version>:<gmid>[:<domain>]` or `ptp=<version>:traceable`.
    Ptp {
        /// The PTP standard.
        version: PtpVersion<'a>,
        /// The grandmaster.
        clock: PtpClock<'a>,
    },
    /// `gps`.
    Gps,
    /// `gal` (Galileo).
    Gal,
    /// `glonass`.
    Glonass,
    /// `local`: a local clock, not synchronised.
    Local,
    /// `localmac=<mac>`: the local clock of the host with this MAC address.
    LocalMac(HexId<'a>),
    /// `private` or `private:traceable`.
    Private {
        /// Whether `:traceable` was given.
        traceable: bool,
    },
    /// Another clock source, as written (clksrc-ext).
    Other(&'a str),
}

/// Characters of a host name or IPv4 address (RFC 3986 reg-name without percent-encoding).
fn is_host_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '~' | '%')
}

// ntp-server-addr = host [ ":" port ]  (RFC 7273 §4.8; host per RFC 3986)
fn parse_ntp_server(input: &str) -> PResult<'_, TsRefclk<'_>> {
    use nom::bytes::complete::{tag, take_while1};
    use nom::sequence::delimited;
    let host_expected = "an NTP server host or `/traceable/`";
    let (rest, host) = if input.starts_with('[') {
        lex::expect(
            host_expected,
            nom::combinator::recognize(delimited(
                tag("["),
                take_while1(|c: char| c.is_ascii_hexdigit() || c == ':' || c == '.'),
                tag("]"),
            )),
        )
        .parse(input)?
    } else {
        lex::expect(host_expected, take_while1(is_host_char)).parse(input)?
    };
    let (rest, port) = nom::combinator::opt(nom::sequence::preceded(
        tag(":"),
        nom::combinator::cut(lex::u16_dec("a port number")),
    ))
    .parse(rest)?;
    Ok((rest, TsRefclk::Ntp { host, port }))
}

// ptp-domain = ptp-domain-name / ptp-domain-nmbr  (RFC 7273 §4.8), or the bare number of
// SMPTE ST 2059-2
fn parse_ptp_domain(input: &str) -> PResult<'_, PtpDomain<'_>> {
    let number = "a PTP domain (0-255)";
    if let Some(name) = input.strip_prefix("domain-name=") {
        // ptp-domain-name = "domain-name=" 1*16ptp-domain-char ; %x21-7E
        let len = name
            .bytes()
            .take_while(|b| (0x21..=0x7e).contains(b))
            .count();
        return match (name.get(..len), name.get(len..)) {
            (Some(n), Some(rest)) if (1..=16).contains(&len) => Ok((rest, PtpDomain::Name(n))),
            _ => lex::fail(name, "a PTP domain name (1-16 characters)"),
        };
    }
    if let Some(n) = input.strip_prefix("domain-nmbr=") {
        let (rest, n) = lex::u8_dec(number)(n)?;
        return Ok((rest, PtpDomain::Nmbr(n)));
    }
    let (rest, n) = lex::u8_dec(number)(input)?;
    Ok((rest, PtpDomain::Number(n)))
}

// ptp-server = ptp-version ":" ptp-gmid [":" ptp-domain] / ptp-version ":traceable"
// (RFC 7273 §4.8)
fn parse_ptp_server(input: &str) -> PResult<'_, TsRefclk<'_>> {
    let (rest, version) = lex::expect("a PTP version", lex::token_until(':')).parse(input)?;
    let version = match version {
        "IEEE1588-2002" => PtpVersion::Ieee1588_2002,
        "IEEE1588-2008" => PtpVersion::Ieee1588_2008,
        "IEEE1588-2019" => PtpVersion::Ieee1588_2019,
        "IEEE802.1AS-2011" => PtpVersion::Ieee802_1As2011,
        other => PtpVersion::Other(other),
    };
    let (rest, _) = lex::word(":", "`:` and a grandmaster id")(rest)?;
    if let Some(after) = rest.strip_prefix("traceable") {
        let clock = PtpClock::Traceable;
        return Ok((after, TsRefclk::Ptp { version, clock }));
    }
    let (rest, gmid) =
        parse_hex_octets(8, "a grandmaster id (EUI-64, `xx-xx-xx-xx-xx-xx-xx-xx`)")(rest)?;
    let (rest, domain) = nom::combinator::opt(nom::sequence::preceded(
        nom::bytes::complete::tag(":"),
        nom::combinator::cut(parse_ptp_domain),
    ))
    .parse(rest)?;
    let clock = PtpClock::Grandmaster { gmid, domain };
    Ok((rest, TsRefclk::Ptp { version, clock }))
}

// ts-refclk value = clksrc  (RFC 7273 §4.8):
// clksrc = ntp / ptp / gps / gal / glonass / local / private / clksrc-ext
fn parse_clksrc(input: &str) -> PResult<'_, TsRefclk<'_>> {
    let name_len = input.find(['=', ':', ' ', '\t']).unwrap_or(input.len());
    let (name, rest) = (
        input.get(..name_len).unwrap_or_default(),
        input.get(name_len..).unwrap_or_default(),
    );
    match (name, rest.strip_prefix('=')) {
        ("ntp", Some(server)) => match server.strip_prefix("/traceable/") {
            Some(after) => Ok((after, TsRefclk::NtpTraceable)),
            None => parse_ntp_server(server),
        },
        ("ptp", Some(server)) => parse_ptp_server(server),
        ("localmac", Some(mac)) => {
            let (rest, mac) = parse_hex_octets(6, "a MAC address (`xx-xx-xx-xx-xx-xx`)")(mac)?;
            Ok((rest, TsRefclk::LocalMac(mac)))
        }
        ("gps", None) => Ok((rest, TsRefclk::Gps)),
        ("gal", None) => Ok((rest, TsRefclk::Gal)),
        ("glonass", None) => Ok((rest, TsRefclk::Glonass)),
        ("local", None) => Ok((rest, TsRefclk::Local)),
        ("private", None) => match rest.strip_prefix(":traceable") {
            Some(after) => Ok((after, TsRefclk::Private { traceable: true })),
            None => Ok((rest, TsRefclk::Private { traceable: false })),
        },
        ("ntp" | "ptp" | "localmac", None) => lex::fail(rest, "`=`"),
        _ => {
            // clksrc-ext = clksrc-param-name ["=" clksrc-param-value]: kept whole
            let (after, text) = lex::expect("a clock source", lex::token).parse(input)?;
            Ok((after, TsRefclk::Other(text)))
        }
    }
}

impl<'a> TypedAttribute<'a> for TsRefclk<'a> {
    const NAME: &'static str = "ts-refclk";

    fn parse(value: &'a str) -> Result<Self, ValueError> {
        lex::run(value, parse_clksrc)
    }
}

impl fmt::Display for TsRefclk<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TsRefclk::NtpTraceable => f.write_str("ntp=/traceable/"),
            TsRefclk::Ntp { host, port } => {
                write!(f, "ntp={host}")?;
                match port {
                    Some(port) => write!(f, ":{port}"),
                    None => Ok(()),
                }
            }
            TsRefclk::Ptp { version, clock } => {
                write!(f, "ptp={}:", version.as_str())?;
                match clock {
                    PtpClock::Traceable => f.write_str("traceable"),
                    PtpClock::Grandmaster { gmid, domain } => {
                        write!(f, "{gmid}")?;
                        match domain {
                            Some(PtpDomain::Number(n)) => write!(f, ":{n}"),
                            Some(PtpDomain::Nmbr(n)) => write!(f, ":domain-nmbr={n}"),
                            Some(PtpDomain::Name(name)) => write!(f, ":domain-name={name}"),
                            None => Ok(()),
                        }
                    }
                }
            }
            TsRefclk::Gps => f.write_str("gps"),
            TsRefclk::Gal => f.write_str("gal"),
            TsRefclk::Glonass => f.write_str("glonass"),
            TsRefclk::Local => f.write_str("local"),
            TsRefclk::LocalMac(mac) => write!(f, "localmac={mac}"),
            TsRefclk::Private { traceable: false } => f.write_str("private"),
            TsRefclk::Private { traceable: true } => f.write_str("private:traceable"),
            TsRefclk::Other(text) => f.write_str(text),
        }
    }
}

/// `rate=<num>[/<den>]` of a direct media clock: the media clock rate relative to the reference
/// clock. The denominator is optional in practice (`rate=90000`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClockRate {
    /// Numerator.
    pub num: u32,
    /// Denominator, if written.
    pub den: Option<u32>,
}

/// The kind of media clock a `a=mediaclk` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MediaclkSource<'a> {
    /// `direct[=<offset>] [rate=<num>/<den>]`: the media clock is derived directly from the
    /// reference clock.
    Direct {
        /// The RTP timestamp at the reference clock's epoch.
        offset: Option<u64>,
        /// The rate, if given.
        rate: Option<ClockRate>,
    },
    /// `sender`: the sender's own media clock (an RTCP-based mapping).
    Sender,
    /// `IEEE1722=<stream id>`: the clock of an IEEE 1722 stream (EUI-64 stream id).
    Ieee1722(HexId<'a>),
    /// Another media clock, as written.
    Other(&'a str),
}

/// `a=mediaclk`: the media clock source (RFC 7273 §5.8), optionally preceded by a clock id
/// (`id=<id> `).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Mediaclk<'a> {
    /// The media clock id of `id=<id>`, if given.
    pub id: Option<&'a str>,
    /// The media clock.
    pub source: MediaclkSource<'a>,
}

impl<'a> Mediaclk<'a> {
    /// A media clock without id.
    pub const fn new(source: MediaclkSource<'a>) -> Self {
        Mediaclk { id: None, source }
    }
}

// rate = "rate=" integer "/" integer  (RFC 7273 §5.8; the denominator is optional in practice)
fn parse_rate(input: &str) -> PResult<'_, ClockRate> {
    let (rest, _) = lex::word("rate=", "`rate=`")(input)?;
    let (rest, num) = nom::combinator::cut(lex::u32_dec("a rate numerator")).parse(rest)?;
    let (rest, den) = nom::combinator::opt(nom::sequence::preceded(
        nom::bytes::complete::tag("/"),
        nom::combinator::cut(lex::u32_dec("a rate denominator")),
    ))
    .parse(rest)?;
    Ok((rest, ClockRate { num, den }))
}

// mediaclk value = [media-clock-id SP] mediaclock  (RFC 7273 §5.8)
// mediaclock = "direct" ["=" offset] [SP rate] / "sender" / "IEEE1722=" stream-id / ext
fn parse_mediaclk_value(input: &str) -> PResult<'_, Mediaclk<'_>> {
    let (rest, id) = match input.strip_prefix("id=") {
        Some(id) => {
            let (rest, id) = lex::expect("a media clock id", lex::token).parse(id)?;
            let (rest, _) = lex::sp(rest)?;
            (rest, Some(id))
        }
        None => (input, None),
    };
    let name_len = rest.find(['=', ' ', '\t']).unwrap_or(rest.len());
    let (name, after) = (
        rest.get(..name_len).unwrap_or_default(),
        rest.get(name_len..).unwrap_or_default(),
    );
    let (after, source) = match name {
        "direct" => {
            let (after, offset) = match after.strip_prefix('=') {
                Some(n) => {
                    let (after, n) = lex::u64_dec("a clock offset")(n)?;
                    (after, Some(n))
                }
                None => (after, None),
            };
            let (after, rate) =
                nom::combinator::opt(nom::sequence::preceded(lex::sp, parse_rate)).parse(after)?;
            (after, MediaclkSource::Direct { offset, rate })
        }
        "sender" => (after, MediaclkSource::Sender),
        "IEEE1722" => {
            let (after, _) = lex::word("=", "`=`")(after)?;
            let (after, id) =
                parse_hex_octets(8, "a stream id (EUI-64, `xx-xx-xx-xx-xx-xx-xx-xx`)")(after)?;
            (after, MediaclkSource::Ieee1722(id))
        }
        _ => {
            let text = rest.trim_end_matches([' ', '\t']);
            if text.is_empty() {
                return lex::fail(rest, "a media clock");
            }
            let after = rest.get(text.len()..).unwrap_or_default();
            (after, MediaclkSource::Other(text))
        }
    };
    Ok((after, Mediaclk { id, source }))
}

impl<'a> TypedAttribute<'a> for Mediaclk<'a> {
    const NAME: &'static str = "mediaclk";

    fn parse(value: &'a str) -> Result<Self, ValueError> {
        lex::run(value, parse_mediaclk_value)
    }
}

impl fmt::Display for Mediaclk<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(id) = self.id {
            write!(f, "id={id} ")?;
        }
        match self.source {
            MediaclkSource::Direct { offset, rate } => {
                f.write_str("direct")?;
                if let Some(offset) = offset {
                    write!(f, "={offset}")?;
                }
                if let Some(ClockRate { num, den }) = rate {
                    write!(f, " rate={num}")?;
                    if let Some(den) = den {
                        write!(f, "/{den}")?;
                    }
                }
                Ok(())
            }
            MediaclkSource::Sender => f.write_str("sender"),
            MediaclkSource::Ieee1722(id) => write!(f, "IEEE1722={id}"),
            MediaclkSource::Other(text) => f.write_str(text),
        }
    }
}

mod filter;
pub use filter::{FilterAddrTypes, FilterDest, FilterMode, SourceFilter};

#[cfg(test)]
mod tests;
