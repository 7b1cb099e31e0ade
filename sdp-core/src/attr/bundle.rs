//! Grouping: `a=mid`, `a=group` (RFC 5888), `a=bundle-only` (RFC 9143).
//!
//! A media section names itself with `a=mid:<identification-tag>`; a session-level
//! `a=group:<semantics> <tag> <tag> ...` ties several media sections together (BUNDLE, lip sync,
//! FEC, ...). The group keeps its list of tags as the borrowed text and walks it on demand.

use std::fmt;
use std::hash::{Hash, Hasher};

use nom::bytes::complete::take_while1;
use nom::Parser;

use crate::attr::flag_attribute;
use crate::attr::TypedAttribute;
use crate::error::ValueError;
use crate::lex::{self, expect, PResult};

/// Whether `c` is an RFC 8866 `token-char`
/// (`%x21 / %x23-27 / %x2A-2B / %x2D-2E / %x30-39 / %x41-5A / %x5E-7E`).
pub(crate) fn is_token_char(c: char) -> bool {
    matches!(c,
        '\x21' | '\x23'..='\x27' | '\x2A'..='\x2B' | '\x2D'..='\x2E' | '0'..='9' | 'A'..='Z'
        | '\x5E'..='\x7E')
}

/// Whether `text` is a non-empty RFC 8866 `token`.
pub(crate) fn is_token(text: &str) -> bool {
    !text.is_empty() && text.chars().all(is_token_char)
}

/// Whether `c` may appear in an identification tag as this crate reads it: any visible
/// character (RFC 5888 asks for a `token`; real ST 2110 SDP writes `a=mid:secondary;`).
fn is_tag_char(c: char) -> bool {
    c.is_ascii_graphic() || (!c.is_ascii() && !c.is_whitespace())
}

// RFC 5888 §4: identification-tag = token
// (read leniently as any run of visible characters; `Mid::is_token` tells the strict form).
fn parse_identification_tag(input: &str) -> PResult<'_, &str> {
    expect("an identification tag", take_while1(is_tag_char)).parse(input)
}

// RFC 5888 §5: semantics = "LS" / "FID" / semantics-extension; semantics-extension = token
fn parse_semantics(input: &str) -> PResult<'_, &str> {
    expect("group semantics (a token)", take_while1(is_token_char)).parse(input)
}

// RFC 5888 §5: *(SP identification-tag), with one or more spaces accepted between tags.
fn parse_tag_list(input: &str) -> PResult<'_, &str> {
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
        let (after_tag, _) = parse_identification_tag(after_sp)?;
        rest = after_tag;
    }
}

/// `a=mid` (RFC 5888 §4): the identification tag of a media section.
///
/// RFC 5888 asks for a `token`; the parser accepts any run of visible characters, as real
/// SDP carries tags such as `secondary;`. [`Mid::is_token`] says whether the strict form holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Mid<'a> {
    tag: &'a str,
}

impl<'a> Mid<'a> {
    /// A mid from its tag. The tag must be non-empty and hold no white space for the
    /// attribute to read back the same.
    pub const fn new(tag: &'a str) -> Self {
        Mid { tag }
    }

    /// The identification tag, e.g. `"0"` or `"audio"`.
    pub fn as_str(&self) -> &'a str {
        self.tag
    }

    /// Whether the tag is an RFC 8866 `token` (as RFC 5888 requires).
    pub fn is_token(&self) -> bool {
        is_token(self.tag)
    }
}

impl<'a> TypedAttribute<'a> for Mid<'a> {
    const NAME: &'static str = "mid";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        lex::run(value, parse_identification_tag).map(Mid::new)
    }
}

impl fmt::Display for Mid<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag)
    }
}

/// The semantics of an `a=group` line.
///
/// The ABNF literals are case-insensitive, so `bundle` reads as [`GroupSemantics::Bundle`];
/// [`Group::semantics_str`] keeps the spelling as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GroupSemantics<'a> {
    /// `BUNDLE` (RFC 9143): media sections sharing one transport.
    Bundle,
    /// `LS` (RFC 5888 §7): lip synchronization.
    Ls,
    /// `FID` (RFC 5888 §8): flow identification.
    Fid,
    /// `FEC` (RFC 5956 §4.1): forward error correction.
    Fec,
    /// `FEC-FR` (RFC 5956 §4.2): FEC framework.
    FecFr,
    /// `ANAT` (RFC 4091): alternative network address types.
    Anat,
    /// `DUP` (RFC 7104): duplicated streams (used by ST 2022-7).
    Dup,
    /// Any other semantics, as written.
    Other(&'a str),
}

impl<'a> GroupSemantics<'a> {
    /// Reads a semantics token; unknown ones are kept.
    pub fn from_token(token: &'a str) -> Self {
        const KNOWN: [(&str, GroupSemantics<'static>); 7] = [
            ("BUNDLE", GroupSemantics::Bundle),
            ("LS", GroupSemantics::Ls),
            ("FID", GroupSemantics::Fid),
            ("FEC", GroupSemantics::Fec),
            ("FEC-FR", GroupSemantics::FecFr),
            ("ANAT", GroupSemantics::Anat),
            ("DUP", GroupSemantics::Dup),
        ];
        KNOWN
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(token))
            .map_or(GroupSemantics::Other(token), |&(_, s)| s)
    }

    /// The registered spelling, e.g. `"BUNDLE"` (the token itself for `Other`).
    pub fn as_str(&self) -> &'a str {
        match self {
            GroupSemantics::Bundle => "BUNDLE",
            GroupSemantics::Ls => "LS",
            GroupSemantics::Fid => "FID",
            GroupSemantics::Fec => "FEC",
            GroupSemantics::FecFr => "FEC-FR",
            GroupSemantics::Anat => "ANAT",
            GroupSemantics::Dup => "DUP",
            GroupSemantics::Other(s) => s,
        }
    }
}

impl fmt::Display for GroupSemantics<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `a=group` (RFC 5888 §5): `<semantics> *(SP identification-tag)`.
///
/// `a=group:BUNDLE` with no tags is legal. The tags are kept as the borrowed list text.
///
/// ```
/// use sdp_core::attr::bundle::{Group, GroupSemantics};
/// use sdp_core::attr::TypedAttribute;
/// let group = Group::parse("BUNDLE 0 1 data").unwrap();
/// assert_eq!(group.semantics(), GroupSemantics::Bundle);
/// assert_eq!(group.mids().collect::<Vec<_>>(), ["0", "1", "data"]);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Group<'a> {
    semantics: &'a str,
    mids: &'a str,
}

impl<'a> Group<'a> {
    /// A group from its semantics token and its tag list (`"0 1 2"`), checked against the
    /// grammar; offsets in the error refer to `mids`, or to `semantics` when it is not a token.
    ///
    /// ```
    /// use sdp_core::attr::bundle::Group;
    /// let group = Group::new("BUNDLE", "0 1 2").unwrap();
    /// assert_eq!(group.to_string(), "BUNDLE 0 1 2");
    /// ```
    pub fn new(semantics: &'a str, mids: &'a str) -> Result<Self, ValueError> {
        lex::run(semantics, parse_semantics)?;
        let mids = mids.trim_matches([' ', '\t']);
        if !mids.is_empty() {
            lex::run(mids, |i| {
                let (rest, _) = parse_identification_tag(i)?;
                parse_tag_list(rest)
            })?;
        }
        Ok(Group { semantics, mids })
    }

    /// The semantics, e.g. [`GroupSemantics::Bundle`].
    pub fn semantics(&self) -> GroupSemantics<'a> {
        GroupSemantics::from_token(self.semantics)
    }

    /// The semantics as written, e.g. `"BUNDLE"`.
    pub fn semantics_str(&self) -> &'a str {
        self.semantics
    }

    /// The identification tags, in order.
    pub fn mids(&self) -> impl Iterator<Item = &'a str> + 'a {
        self.mids.split([' ', '\t']).filter(|s| !s.is_empty())
    }

    /// The tag list as written (tags separated by white space).
    pub fn mids_str(&self) -> &'a str {
        self.mids
    }

    /// Whether `mid` is one of the tags.
    pub fn contains(&self, mid: &str) -> bool {
        self.mids().any(|m| m == mid)
    }

    /// Whether the group lists no tag.
    pub fn is_empty(&self) -> bool {
        self.mids.is_empty()
    }
}

/// Equal when the semantics (as written) and the tags are; the spacing between tags is not
/// compared, as the writer normalises it.
impl PartialEq for Group<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.semantics == other.semantics && self.mids().eq(other.mids())
    }
}

impl Eq for Group<'_> {}

impl Hash for Group<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.semantics.hash(state);
        self.mids().for_each(|m| m.hash(state));
    }
}

impl<'a> TypedAttribute<'a> for Group<'a> {
    const NAME: &'static str = "group";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        lex::run(value, |input| {
            let (rest, semantics) = parse_semantics(input)?;
            let (rest, list) = parse_tag_list(rest)?;
            let mids = list.trim_start_matches([' ', '\t']);
            Ok((rest, Group { semantics, mids }))
        })
    }
}

impl fmt::Display for Group<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.semantics)?;
        for mid in self.mids() {
            write!(f, " {mid}")?;
        }
        Ok(())
    }
}

flag_attribute!(
    /// `a=bundle-only` (RFC 9143 §6).
    BundleOnly = "bundle-only"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mid_reads_tags_including_real_stray_semicolon() {
        assert_eq!(Mid::parse("audio").unwrap().as_str(), "audio");
        assert_eq!(Mid::parse("sdparta_0").unwrap().as_str(), "sdparta_0");
        let odd = Mid::parse("secondary;").unwrap();
        assert_eq!(odd.as_str(), "secondary;");
        assert!(!odd.is_token());
        assert!(Mid::parse("0").unwrap().is_token());
    }

    #[test]
    fn mid_rejects_empty_and_spaced_values() {
        assert_eq!(
            Mid::parse(""),
            Err(ValueError::new(0, "an identification tag"))
        );
        assert_eq!(
            Mid::parse(" 0"),
            Err(ValueError::new(0, "an identification tag"))
        );
        assert_eq!(Mid::parse("a b"), Err(ValueError::new(2, "end of value")));
    }

    #[test]
    fn group_reads_semantics_and_mids_in_order() {
        let g = Group::parse("BUNDLE 0 hxI i1X").unwrap();
        assert_eq!(g.semantics(), GroupSemantics::Bundle);
        assert_eq!(g.mids().collect::<Vec<_>>(), ["0", "hxI", "i1X"]);
        assert!(g.contains("hxI"));
        assert!(!g.contains("x"));
        for (text, sem) in [
            ("LS 1 2", GroupSemantics::Ls),
            ("FID 1 2", GroupSemantics::Fid),
            ("FEC 1 2", GroupSemantics::Fec),
            ("FEC-FR 1 2", GroupSemantics::FecFr),
            ("ANAT 1 2", GroupSemantics::Anat),
            ("DUP primary secondary", GroupSemantics::Dup),
            ("SRF 1", GroupSemantics::Other("SRF")),
        ] {
            assert_eq!(Group::parse(text).unwrap().semantics(), sem, "{text}");
        }
    }

    #[test]
    fn group_semantics_are_case_insensitive_but_keep_spelling() {
        let g = Group::parse("bundle a").unwrap();
        assert_eq!(g.semantics(), GroupSemantics::Bundle);
        assert_eq!(g.semantics_str(), "bundle");
        assert_eq!(g.to_string(), "bundle a");
    }

    #[test]
    fn group_without_mids_is_legal() {
        let g = Group::parse("BUNDLE").unwrap();
        assert!(g.is_empty());
        assert_eq!(g.mids().count(), 0);
        assert_eq!(g.to_string(), "BUNDLE");
        assert!(Group::parse("BUNDLE ").unwrap().is_empty());
    }

    #[test]
    fn group_tolerates_extra_spaces_and_writes_single_ones() {
        let g = Group::parse("BUNDLE  0\t1   2").unwrap();
        assert_eq!(g.mids().collect::<Vec<_>>(), ["0", "1", "2"]);
        assert_eq!(g.to_string(), "BUNDLE 0 1 2");
        assert_eq!(Group::parse(&g.to_string()).unwrap().mids_str(), "0 1 2");
        assert_eq!(Group::parse(&g.to_string()).unwrap(), g);
    }

    #[test]
    fn group_rejects_missing_semantics() {
        assert_eq!(
            Group::parse(""),
            Err(ValueError::new(0, "group semantics (a token)"))
        );
        assert_eq!(
            Group::parse(" BUNDLE 0"),
            Err(ValueError::new(0, "group semantics (a token)"))
        );
        assert_eq!(
            Group::parse("BUN;DLE 0"),
            Err(ValueError::new(3, "a space"))
        );
    }

    #[test]
    fn group_new_checks_the_list() {
        let g = Group::new("BUNDLE", "0 1 2").unwrap();
        assert_eq!(g, Group::parse("BUNDLE 0 1 2").unwrap());
        assert!(Group::new("BUNDLE", "").unwrap().is_empty());
        assert_eq!(
            Group::new("BUN DLE", "0"),
            Err(ValueError::new(4, "end of value"))
        );
        assert!(Group::new("LS", "a\u{0}b").is_err());
    }

    #[test]
    fn corpus_groups_round_trip() {
        for text in [
            "BUNDLE 0 1 2 3 4 5 6 7",
            "BUNDLE audio_content_name video_content_name",
            "BUNDLE sdparta_0 sdparta_1 sdparta_2",
            "DUP PRIMARY SECONDARY",
            "FEC 0",
        ] {
            let g = Group::parse(text).unwrap();
            assert_eq!(g.to_string(), text);
            assert_eq!(Group::parse(&g.to_string()).unwrap(), g);
        }
    }
}
