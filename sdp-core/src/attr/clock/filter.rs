//! `a=source-filter` (RFC 4570 §3).

use std::fmt;

use nom::Parser;

use crate::attr::TypedAttribute;
use crate::error::ValueError;
use crate::lex::{self, PResult};

/// Whether the sources of a filter are the only ones accepted or the ones refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FilterMode {
    /// `incl`: accept only these sources (source-specific multicast).
    Incl,
    /// `excl`: refuse these sources.
    Excl,
}

impl FilterMode {
    /// `incl` or `excl`.
    pub const fn as_str(self) -> &'static str {
        match self {
            FilterMode::Incl => "incl",
            FilterMode::Excl => "excl",
        }
    }
}

/// The address types a filter applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FilterAddrTypes<'a> {
    /// `*`: all address types of the network type.
    Any,
    /// `IP4`.
    Ip4,
    /// `IP6`.
    Ip6,
    /// Another address type, as written.
    Other(&'a str),
}

impl<'a> FilterAddrTypes<'a> {
    /// The value as written.
    pub const fn as_str(&self) -> &'a str {
        match self {
            FilterAddrTypes::Any => "*",
            FilterAddrTypes::Ip4 => "IP4",
            FilterAddrTypes::Ip6 => "IP6",
            FilterAddrTypes::Other(s) => s,
        }
    }
}

/// The destination a filter applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FilterDest<'a> {
    /// `*`: every destination address of the level (session or media).
    Any,
    /// One destination address or FQDN, as written.
    Address(&'a str),
}

impl<'a> FilterDest<'a> {
    /// The value as written.
    pub const fn as_str(&self) -> &'a str {
        match self {
            FilterDest::Any => "*",
            FilterDest::Address(s) => s,
        }
    }
}

/// `a=source-filter`: which sources of a destination to accept or refuse (RFC 4570 §3).
///
/// The source list is kept as its borrowed text, checked at parse time; [`SourceFilter::sources`]
/// walks it.
///
/// ```
/// use sdp_core::attr::clock::{FilterDest, FilterMode, SourceFilter};
/// use sdp_core::TypedAttribute;
/// let f = SourceFilter::parse(" incl IN IP4 232.3.4.5 192.0.2.10 192.0.2.11").unwrap();
/// assert_eq!(f.mode, FilterMode::Incl);
/// assert_eq!(f.dest, FilterDest::Address("232.3.4.5"));
/// assert_eq!(f.sources().collect::<Vec<_>>(), ["192.0.2.10", "192.0.2.11"]);
/// ```
///
/// Two filters are equal when their parts and source lists are, however the lists were spaced.
#[derive(Debug, Clone, Copy)]
pub struct SourceFilter<'a> {
    /// `incl` or `excl`.
    pub mode: FilterMode,
    /// The network type, normally `IN`.
    pub nettype: &'a str,
    /// The address types.
    pub addrtypes: FilterAddrTypes<'a>,
    /// The destination address.
    pub dest: FilterDest<'a>,
    sources: &'a str,
}

impl<'a> SourceFilter<'a> {
    /// A filter from its parts; `sources` is the space-separated source list, e.g.
    /// `"192.0.2.10 192.0.2.11"`, checked like a parsed one.
    pub fn new(
        mode: FilterMode,
        nettype: &'a str,
        addrtypes: FilterAddrTypes<'a>,
        dest: FilterDest<'a>,
        sources: &'a str,
    ) -> Result<Self, ValueError> {
        let sources = lex::run(sources, parse_src_list)?;
        Ok(SourceFilter {
            mode,
            nettype,
            addrtypes,
            dest,
            sources,
        })
    }

    /// The source addresses, in order.
    pub fn sources(&self) -> impl Iterator<Item = &'a str> + 'a {
        self.sources.split([' ', '\t']).filter(|s| !s.is_empty())
    }
}

impl PartialEq for SourceFilter<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.mode == other.mode
            && self.nettype == other.nettype
            && self.addrtypes == other.addrtypes
            && self.dest == other.dest
            && self.sources().eq(other.sources())
    }
}

impl Eq for SourceFilter<'_> {}

impl std::hash::Hash for SourceFilter<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.mode.hash(state);
        self.nettype.hash(state);
        self.addrtypes.hash(state);
        self.dest.hash(state);
        for source in self.sources() {
            source.hash(state);
        }
    }
}

/// Characters of an IPv4/IPv6 address or FQDN.
fn is_address_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | ':' | '-' | '_' | '%')
}

fn parse_address(input: &str) -> PResult<'_, &str> {
    lex::expect(
        "an address",
        nom::bytes::complete::take_while1(is_address_char),
    )
    .parse(input)
}

// src-list = *(address SP) address  (RFC 4570 §3): returns the text of the whole list
fn parse_src_list(input: &str) -> PResult<'_, &str> {
    let (rest, _) = nom::multi::separated_list1(lex::sp, parse_address).parse(input)?;
    let list = input.get(..lex::offset_in(input, rest)).unwrap_or_default();
    Ok((rest, list))
}

// source-filter value = SP filter-mode SP filter-spec  (RFC 4570 §3)
// filter-mode = "excl" / "incl"
// filter-spec = nettype SP address-types SP dest-address SP src-list
// address-types = "*" / addrtype;  dest-address = "*" / address
// The leading SP is optional: most writers leave it out.
fn parse_source_filter_value(input: &str) -> PResult<'_, SourceFilter<'_>> {
    let (start, _) = lex::opt_sp(input)?;
    let (rest, mode) = lex::expect("`incl` or `excl`", lex::token).parse(start)?;
    let mode = match mode {
        "incl" => FilterMode::Incl,
        "excl" => FilterMode::Excl,
        _ => return lex::fail(start, "`incl` or `excl`"),
    };
    let (rest, _) = lex::sp(rest)?;
    let (rest, nettype) = lex::expect("a network type", lex::token).parse(rest)?;
    let (rest, _) = lex::sp(rest)?;
    let (rest, addrtypes) = lex::expect("an address type or `*`", lex::token).parse(rest)?;
    let addrtypes = match addrtypes {
        "*" => FilterAddrTypes::Any,
        "IP4" => FilterAddrTypes::Ip4,
        "IP6" => FilterAddrTypes::Ip6,
        other => FilterAddrTypes::Other(other),
    };
    let (rest, _) = lex::sp(rest)?;
    let (rest, dest) = match rest.strip_prefix('*') {
        Some(after) => (after, FilterDest::Any),
        None => {
            let (after, a) =
                lex::expect("a destination address or `*`", parse_address).parse(rest)?;
            (after, FilterDest::Address(a))
        }
    };
    let (rest, _) = lex::sp(rest)?;
    let (rest, sources) = lex::expect("a source address", parse_src_list).parse(rest)?;
    Ok((
        rest,
        SourceFilter {
            mode,
            nettype,
            addrtypes,
            dest,
            sources,
        },
    ))
}

impl<'a> TypedAttribute<'a> for SourceFilter<'a> {
    const NAME: &'static str = "source-filter";

    fn parse(value: &'a str) -> Result<Self, ValueError> {
        lex::run(value, parse_source_filter_value)
    }
}

impl fmt::Display for SourceFilter<'_> {
    /// Writes the RFC 4570 form, with its leading space: ` incl IN IP4 <dest> <sources>`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            " {} {} {} {}",
            self.mode.as_str(),
            self.nettype,
            self.addrtypes.as_str(),
            self.dest.as_str()
        )?;
        for source in self.sources() {
            write!(f, " {source}")?;
        }
        Ok(())
    }
}
