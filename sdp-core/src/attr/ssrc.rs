//! Sources: `a=ssrc`, `a=ssrc-group` (RFC 5576).
//!
//! `a=ssrc:<ssrc-id> <attribute>[:<value>]` attaches a source-level attribute (`cname`, `msid`,
//! `mslabel`, `label`, ...) to one RTP synchronization source; `a=ssrc-group:<semantics>
//! <ssrc-id> ...` relates sources (`FID` for RTX, `SIM` for simulcast, `FEC`, `FEC-FR`, ...).

use std::fmt;
use std::hash::{Hash, Hasher};

use nom::bytes::complete::take_while1;
use nom::Parser;

use crate::attr::bundle::is_token_char;
use crate::attr::msid::Msid;
use crate::attr::TypedAttribute;
use crate::error::ValueError;
use crate::lex::{self, expect, PResult};

const SSRC_EXPECTED: &str = "an SSRC (0-4294967295)";

// RFC 5576 §4.1: ssrc-id = integer ; 0 .. 2**32 - 1
fn parse_ssrc_id(input: &str) -> PResult<'_, u32> {
    lex::u32_dec(SSRC_EXPECTED)(input)
}

// RFC 4566 §9: att-field = token
fn parse_att_field(input: &str) -> PResult<'_, &str> {
    expect("a source attribute name", take_while1(is_token_char)).parse(input)
}

// RFC 5576 §4.1: ssrc-attr = "ssrc:" ssrc-id SP attribute
//                attribute = att-field [":" att-value]   (RFC 4566; att-value = byte-string)
// A bare `<ssrc-id>` (accepted by Firefox's webrtc-sdp) reads with an empty attribute.
fn parse_ssrc_attr(input: &str) -> PResult<'_, Ssrc<'_>> {
    let (rest, ssrc) = parse_ssrc_id(input)?;
    let (after_sp, _) = lex::opt_sp(rest)?;
    if after_sp.is_empty() {
        return Ok((after_sp, Ssrc::new(ssrc, "", None)));
    }
    let (rest, _) = lex::sp(rest)?;
    let (rest, attribute) = parse_att_field(rest)?;
    let (rest, value) = match rest.strip_prefix(':') {
        Some(value) => lex::rest(value).map(|(r, v)| (r, Some(v)))?,
        None => (rest, None),
    };
    Ok((
        rest,
        Ssrc {
            ssrc,
            attribute,
            value,
        },
    ))
}

/// `a=ssrc` (RFC 5576 §4.1): one source-level attribute of an SSRC.
///
/// ```
/// use sdp_core::attr::ssrc::Ssrc;
/// use sdp_core::attr::TypedAttribute;
/// let s = Ssrc::parse("3566446228 cname:stream-id").unwrap();
/// assert_eq!((s.ssrc, s.cname()), (3566446228, Some("stream-id")));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ssrc<'a> {
    /// The synchronization source.
    pub ssrc: u32,
    /// The source attribute name, e.g. `"cname"`; empty for a bare `a=ssrc:<ssrc-id>`, which
    /// RFC 5576 does not define but Firefox's parser accepts.
    pub attribute: &'a str,
    /// The source attribute value (everything after the first `:`), if any.
    pub value: Option<&'a str>,
}

impl<'a> Ssrc<'a> {
    /// A source attribute from its parts.
    pub const fn new(ssrc: u32, attribute: &'a str, value: Option<&'a str>) -> Self {
        Ssrc {
            ssrc,
            attribute,
            value,
        }
    }

    /// The value of a `cname` attribute (RFC 5576 §6.1), `None` for other attributes.
    pub fn cname(&self) -> Option<&'a str> {
        self.value_of("cname")
    }

    /// The value of an `msid` source attribute (the Plan B form, `<stream> <track>`), parsed.
    ///
    /// `None` for other attributes; `Some(Err(..))` when the value does not follow RFC 8830.
    pub fn msid(&self) -> Option<Result<Msid<'a>, ValueError>> {
        self.value_of("msid").map(Msid::parse)
    }

    /// The value of an `mslabel` attribute (legacy Plan B stream label).
    pub fn mslabel(&self) -> Option<&'a str> {
        self.value_of("mslabel")
    }

    /// The value of a `label` attribute (legacy Plan B track label).
    pub fn label(&self) -> Option<&'a str> {
        self.value_of("label")
    }

    /// The value when the attribute is named `name`.
    pub fn value_of(&self, name: &str) -> Option<&'a str> {
        if self.attribute == name {
            self.value
        } else {
            None
        }
    }
}

impl<'a> TypedAttribute<'a> for Ssrc<'a> {
    const NAME: &'static str = "ssrc";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        lex::run(value, parse_ssrc_attr)
    }
}

impl fmt::Display for Ssrc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.ssrc)?;
        if self.attribute.is_empty() {
            return Ok(());
        }
        write!(f, " {}", self.attribute)?;
        if let Some(value) = self.value {
            write!(f, ":{value}")?;
        }
        Ok(())
    }
}

/// The semantics of an `a=ssrc-group` line.
///
/// The ABNF literals are case-insensitive; [`SsrcGroup::semantics_str`] keeps the spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SsrcSemantics<'a> {
    /// `FID` (RFC 5576 §4.2): flow identification, e.g. a stream and its RTX stream.
    Fid,
    /// `FEC` (RFC 5576 §4.2): a stream and its FEC stream.
    Fec,
    /// `FEC-FR` (RFC 5956 §4.3): FEC framework.
    FecFr,
    /// `SIM` (libwebrtc): the simulcast layers of one track.
    Sim,
    /// `DUP` (RFC 7104): duplicated streams.
    Dup,
    /// Any other semantics, as written.
    Other(&'a str),
}

impl<'a> SsrcSemantics<'a> {
    /// Reads a semantics token; unknown ones are kept.
    pub fn from_token(token: &'a str) -> Self {
        const KNOWN: [(&str, SsrcSemantics<'static>); 5] = [
            ("FID", SsrcSemantics::Fid),
            ("FEC", SsrcSemantics::Fec),
            ("FEC-FR", SsrcSemantics::FecFr),
            ("SIM", SsrcSemantics::Sim),
            ("DUP", SsrcSemantics::Dup),
        ];
        KNOWN
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(token))
            .map_or(SsrcSemantics::Other(token), |&(_, s)| s)
    }

    /// The registered spelling, e.g. `"FID"` (the token itself for `Other`).
    pub fn as_str(&self) -> &'a str {
        match self {
            SsrcSemantics::Fid => "FID",
            SsrcSemantics::Fec => "FEC",
            SsrcSemantics::FecFr => "FEC-FR",
            SsrcSemantics::Sim => "SIM",
            SsrcSemantics::Dup => "DUP",
            SsrcSemantics::Other(s) => s,
        }
    }
}

impl fmt::Display for SsrcSemantics<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

// RFC 5576 §4.2: semantics = "FEC" / "FID" / token
fn parse_semantics(input: &str) -> PResult<'_, &str> {
    expect("group semantics (a token)", take_while1(is_token_char)).parse(input)
}

// RFC 5576 §4.2: *(SP ssrc-id), one or more spaces accepted between ids.
fn parse_ssrc_list(input: &str) -> PResult<'_, &str> {
    let mut rest = input;
    loop {
        let (after_sp, _) = lex::opt_sp(rest)?;
        if after_sp.is_empty() {
            return Ok((
                after_sp,
                input.get(..lex::offset_in(input, rest)).unwrap_or_default(),
            ));
        }
        if after_sp.len() == rest.len() {
            return lex::fail(rest, "a space");
        }
        let (after_id, _) = parse_ssrc_id(after_sp)?;
        rest = after_id;
    }
}

/// `a=ssrc-group` (RFC 5576 §4.2): `<semantics> *(SP <ssrc-id>)`.
///
/// The SSRCs are kept as the borrowed list text and walked on demand. A repeated SSRC is not a
/// grammar error; [`SsrcGroup::has_duplicates`] lets validation report it.
///
/// ```
/// use sdp_core::attr::ssrc::{SsrcGroup, SsrcSemantics};
/// use sdp_core::attr::TypedAttribute;
/// let g = SsrcGroup::parse("FID 1701050765 2578535262").unwrap();
/// assert_eq!(g.semantics(), SsrcSemantics::Fid);
/// assert_eq!(g.ssrcs().collect::<Vec<_>>(), [1701050765, 2578535262]);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct SsrcGroup<'a> {
    semantics: &'a str,
    ssrcs: &'a str,
}

impl<'a> SsrcGroup<'a> {
    /// A group from its semantics token and its SSRC list (`"1 2"`), checked against the
    /// grammar.
    pub fn new(semantics: &'a str, ssrcs: &'a str) -> Result<Self, ValueError> {
        lex::run(semantics, parse_semantics)?;
        let ssrcs = ssrcs.trim_matches([' ', '\t']);
        if !ssrcs.is_empty() {
            lex::run(ssrcs, |i| {
                let (rest, _) = parse_ssrc_id(i)?;
                parse_ssrc_list(rest)
            })?;
        }
        Ok(SsrcGroup { semantics, ssrcs })
    }

    /// The canonical value text of a group built from owned values, e.g. `"FID 1 2"`.
    pub fn format_value(semantics: &str, ssrcs: impl IntoIterator<Item = u32>) -> String {
        let mut out = semantics.to_owned();
        for ssrc in ssrcs {
            out.push(' ');
            out.push_str(&ssrc.to_string());
        }
        out
    }

    /// The semantics, e.g. [`SsrcSemantics::Fid`].
    pub fn semantics(&self) -> SsrcSemantics<'a> {
        SsrcSemantics::from_token(self.semantics)
    }

    /// The semantics as written.
    pub fn semantics_str(&self) -> &'a str {
        self.semantics
    }

    /// The SSRCs, in order.
    pub fn ssrcs(&self) -> impl Iterator<Item = u32> + 'a {
        self.ssrcs
            .split([' ', '\t'])
            .filter_map(|s| s.parse::<u32>().ok())
    }

    /// The SSRC list as written.
    pub fn ssrcs_str(&self) -> &'a str {
        self.ssrcs
    }

    /// Whether `ssrc` is in the group.
    pub fn contains(&self, ssrc: u32) -> bool {
        self.ssrcs().any(|s| s == ssrc)
    }

    /// Whether an SSRC appears twice in the group (libwebrtc refuses such groups).
    pub fn has_duplicates(&self) -> bool {
        let mut all: Vec<u32> = self.ssrcs().collect();
        all.sort_unstable();
        all.windows(2).any(|w| w.first() == w.get(1))
    }
}

/// Equal when the semantics (as written) and the SSRCs are; spacing is not compared.
impl PartialEq for SsrcGroup<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.semantics == other.semantics && self.ssrcs().eq(other.ssrcs())
    }
}

impl Eq for SsrcGroup<'_> {}

impl Hash for SsrcGroup<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.semantics.hash(state);
        self.ssrcs().for_each(|s| s.hash(state));
    }
}

impl<'a> TypedAttribute<'a> for SsrcGroup<'a> {
    const NAME: &'static str = "ssrc-group";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        lex::run(value, |input| {
            let (rest, semantics) = parse_semantics(input)?;
            let (rest, list) = parse_ssrc_list(rest)?;
            let ssrcs = list.trim_start_matches([' ', '\t']);
            Ok((rest, SsrcGroup { semantics, ssrcs }))
        })
    }
}

impl fmt::Display for SsrcGroup<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.semantics)?;
        for ssrc in self.ssrcs() {
            write!(f, " {ssrc}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ssrc_reads_id_attribute_and_value() {
        let s = Ssrc::parse("3566446228 cname:stream-id").unwrap();
        assert_eq!(s, Ssrc::new(3566446228, "cname", Some("stream-id")));
        assert_eq!(s.cname(), Some("stream-id"));
        assert_eq!(s.label(), None);
        let l = Ssrc::parse("3566446228 label:audio-id").unwrap();
        assert_eq!((l.label(), l.cname()), (Some("audio-id"), None));
        let m = Ssrc::parse("1 mslabel:stream-id").unwrap();
        assert_eq!(m.mslabel(), Some("stream-id"));
    }

    #[test]
    fn ssrc_value_keeps_spaces_and_colons() {
        let s = Ssrc::parse("1698359993 rtcp:5003 IN IP4 127.0.0.1").unwrap();
        assert_eq!(s.attribute, "rtcp");
        assert_eq!(s.value, Some("5003 IN IP4 127.0.0.1"));
        let c = Ssrc::parse("1 cname:peDGrDD6WsxUOki/").unwrap();
        assert_eq!(c.cname(), Some("peDGrDD6WsxUOki/"));
        let t = Ssrc::parse("1234 ts-refclk:ntp=pool.ntp.org").unwrap();
        assert_eq!(t.value, Some("ntp=pool.ntp.org"));
        let e = Ssrc::parse("1 cname:").unwrap();
        assert_eq!(e.cname(), Some(""));
    }

    #[test]
    fn ssrc_attribute_without_value_is_a_property() {
        let s = Ssrc::parse("1399694169 baz").unwrap();
        assert_eq!((s.attribute, s.value), ("baz", None));
        assert_eq!(s.to_string(), "1399694169 baz");
    }

    #[test]
    fn ssrc_msid_reads_the_plan_b_form() {
        let s = Ssrc::parse("1 msid:stream-id track-id").unwrap();
        let msid = s.msid().unwrap().unwrap();
        assert_eq!((msid.id, msid.appdata), ("stream-id", Some("track-id")));
        assert!(Ssrc::parse("1 cname:x").unwrap().msid().is_none());
    }

    #[test]
    fn ssrc_rejects_bad_ids_and_missing_attribute() {
        assert_eq!(Ssrc::parse(""), Err(ValueError::new(0, SSRC_EXPECTED)));
        assert_eq!(
            Ssrc::parse("5678901234 cname:x"),
            Err(ValueError::new(0, SSRC_EXPECTED))
        );
        assert_eq!(
            Ssrc::parse("-1 cname:x"),
            Err(ValueError::new(0, SSRC_EXPECTED))
        );
        assert_eq!(
            Ssrc::parse("12x cname:y"),
            Err(ValueError::new(2, "a space"))
        );
        assert_eq!(
            Ssrc::parse("12 :y"),
            Err(ValueError::new(3, "a source attribute name"))
        );
        assert_eq!(
            Ssrc::parse("12 c name:y"),
            Err(ValueError::new(5, "end of value"))
        );
    }

    #[test]
    fn ssrc_without_attribute_reads_as_webrtc_sdp_does() {
        let s = Ssrc::parse("5150").unwrap();
        assert_eq!(s, Ssrc::new(5150, "", None));
        assert_eq!(s.cname(), None);
        assert_eq!(s.to_string(), "5150");
        assert_eq!(Ssrc::parse("5150 ").unwrap(), s);
    }

    #[test]
    fn ssrc_writes_single_space_and_round_trips() {
        let s = Ssrc::parse("42   cname:abc").unwrap();
        assert_eq!(s.to_string(), "42 cname:abc");
        assert_eq!(Ssrc::parse(&s.to_string()).unwrap(), s);
        assert_eq!(Ssrc::new(7, "label", Some("t")).to_string(), "7 label:t");
    }

    #[test]
    fn ssrc_group_reads_known_and_unknown_semantics() {
        for (text, sem) in [
            ("FID 1 2", SsrcSemantics::Fid),
            ("FEC 2 3", SsrcSemantics::Fec),
            ("FEC-FR 2864950112 116623191", SsrcSemantics::FecFr),
            ("SIM 1261622218 4223705690 44482421", SsrcSemantics::Sim),
            ("DUP 1000 1010", SsrcSemantics::Dup),
            ("fid 1 2", SsrcSemantics::Fid),
            ("XYZ 1", SsrcSemantics::Other("XYZ")),
        ] {
            let g = SsrcGroup::parse(text).unwrap();
            assert_eq!(g.semantics(), sem, "{text}");
            assert_eq!(g.to_string(), text);
        }
    }

    #[test]
    fn ssrc_group_iterates_ssrcs_in_order() {
        let g = SsrcGroup::parse("SIM 3  1\t2").unwrap();
        assert_eq!(g.ssrcs().collect::<Vec<_>>(), [3, 1, 2]);
        assert!(g.contains(1));
        assert!(!g.contains(4));
        assert_eq!(g.to_string(), "SIM 3 1 2");
        assert_eq!(SsrcGroup::parse(&g.to_string()).unwrap(), g);
        assert_eq!(
            SsrcGroup::parse(&g.to_string()).unwrap().ssrcs_str(),
            "3 1 2"
        );
    }

    #[test]
    fn ssrc_group_may_be_empty() {
        let g = SsrcGroup::parse("FID").unwrap();
        assert_eq!(g.ssrcs().count(), 0);
        assert_eq!(g.to_string(), "FID");
    }

    #[test]
    fn ssrc_group_reports_duplicates_without_rejecting_them() {
        let g = SsrcGroup::parse("FID 1234 1234").unwrap();
        assert!(g.has_duplicates());
        assert!(!SsrcGroup::parse("FID 1 2 3").unwrap().has_duplicates());
    }

    #[test]
    fn ssrc_group_rejects_bad_ssrcs() {
        assert_eq!(
            SsrcGroup::parse("FID 1 x"),
            Err(ValueError::new(6, SSRC_EXPECTED))
        );
        assert_eq!(
            SsrcGroup::parse("FID 1 6789012345"),
            Err(ValueError::new(6, SSRC_EXPECTED))
        );
        assert_eq!(
            SsrcGroup::parse("FID 1x"),
            Err(ValueError::new(5, "a space"))
        );
        assert_eq!(
            SsrcGroup::parse(""),
            Err(ValueError::new(0, "group semantics (a token)"))
        );
    }

    #[test]
    fn ssrc_group_builders_check_and_format() {
        let g = SsrcGroup::new("FID", "1 2").unwrap();
        assert_eq!(g, SsrcGroup::parse("FID 1 2").unwrap());
        assert_eq!(
            SsrcGroup::new("FID", "1 b"),
            Err(ValueError::new(2, SSRC_EXPECTED))
        );
        assert_eq!(SsrcGroup::format_value("SIM", [1, 2, 3]), "SIM 1 2 3");
    }
}
