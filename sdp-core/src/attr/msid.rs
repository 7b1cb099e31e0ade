//! Media stream ids: `a=msid` (RFC 8830), `a=msid-semantic` (draft-ietf-mmusic-msid).
//!
//! `a=msid:<msid-id> [<msid-appdata>]` ties a media section to a MediaStream (`-` for none) and,
//! in practice, names the track. The session-level `a=msid-semantic: WMS <id> ...` is a legacy
//! declaration that libwebrtc still writes (often with a space after the colon).

use std::fmt;
use std::hash::{Hash, Hasher};

use nom::bytes::complete::take_while;
use nom::Parser;

use crate::attr::bundle::is_token_char;
use crate::attr::TypedAttribute;
use crate::error::ValueError;
use crate::lex::{self, PResult};

const ID_EXPECTED: &str = "a stream id (1-64 token characters)";
const APPDATA_EXPECTED: &str = "a track id (1-64 token characters)";

/// 1 to 64 token characters; a 65th token character is an error.
fn token_1_64<'a>(expected: &'static str) -> impl Fn(&'a str) -> PResult<'a, &'a str> {
    move |input: &'a str| {
        let (rest, id) = take_while(is_token_char).parse(input)?;
        if id.is_empty() || id.len() > 64 {
            return lex::fail(input, expected);
        }
        Ok((rest, id))
    }
}

// RFC 8830 §2: msid-value = msid-id [ SP msid-appdata ]
//              msid-id = 1*64token-char ; msid-appdata = 1*64token-char
fn parse_msid_value(input: &str) -> PResult<'_, Msid<'_>> {
    let (rest, id) = token_1_64(ID_EXPECTED)(input)?;
    let (after_sp, sp) = lex::opt_sp(rest)?;
    if sp.is_empty() || after_sp.is_empty() {
        return Ok((rest, Msid { id, appdata: None }));
    }
    let (rest, appdata) = token_1_64(APPDATA_EXPECTED)(after_sp)?;
    Ok((
        rest,
        Msid {
            id,
            appdata: Some(appdata),
        },
    ))
}

/// `a=msid` (RFC 8830 §2): `msid-id [SP msid-appdata]`.
///
/// ```
/// use sdp_core::attr::msid::Msid;
/// use sdp_core::attr::TypedAttribute;
/// let m = Msid::parse("- 1fe7f7a4-05c4-4f29-821f-5370abde4a42").unwrap();
/// assert_eq!(m.stream_id(), None);
/// assert_eq!(m.track_id(), Some("1fe7f7a4-05c4-4f29-821f-5370abde4a42"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Msid<'a> {
    /// The msid-id: the MediaStream id, or `-` for no stream.
    pub id: &'a str,
    /// The msid-appdata: in WebRTC the MediaStreamTrack id.
    pub appdata: Option<&'a str>,
}

impl<'a> Msid<'a> {
    /// An msid from its id and optional application data.
    pub const fn new(id: &'a str, appdata: Option<&'a str>) -> Self {
        Msid { id, appdata }
    }

    /// The MediaStream id; `None` for the special value `-` ("no MediaStream", RFC 8830 §2).
    pub fn stream_id(&self) -> Option<&'a str> {
        (self.id != "-").then_some(self.id)
    }

    /// The track id (the msid-appdata), if present.
    pub fn track_id(&self) -> Option<&'a str> {
        self.appdata
    }
}

impl<'a> TypedAttribute<'a> for Msid<'a> {
    const NAME: &'static str = "msid";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        lex::run(value, parse_msid_value)
    }
}

impl fmt::Display for Msid<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id)?;
        if let Some(appdata) = self.appdata {
            write!(f, " {appdata}")?;
        }
        Ok(())
    }
}

// draft-ietf-mmusic-msid §3: msid-semantic = token
// (read without `*`, so that pion's `WMS*` splits into `WMS` and `*`).
fn parse_msid_semantic(input: &str) -> PResult<'_, &str> {
    let (rest, semantic) = take_while(|c| is_token_char(c) && c != '*').parse(input)?;
    if semantic.is_empty() {
        return lex::fail(input, "a semantic token (e.g. `WMS`)");
    }
    Ok((rest, semantic))
}

// draft-ietf-mmusic-msid §3: msid-list = *(" " msid-id) / " *"
fn parse_msid_list(input: &str) -> PResult<'_, MsidList<'_>> {
    let (after_sp, _) = lex::opt_sp(input)?;
    if let Some(rest) = after_sp.strip_prefix('*') {
        return Ok((rest, MsidList::All));
    }
    let mut rest = input;
    loop {
        let (after_sp, sp) = lex::opt_sp(rest)?;
        if after_sp.is_empty() {
            let ids = input.get(..lex::offset_in(input, rest)).unwrap_or_default();
            return Ok((after_sp, MsidList::Ids(ids.trim_start_matches([' ', '\t']))));
        }
        if sp.is_empty() {
            return lex::fail(rest, "a space");
        }
        let (after_id, _) = token_1_64(ID_EXPECTED)(after_sp)?;
        rest = after_id;
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum MsidList<'a> {
    All,
    Ids(&'a str),
}

/// `a=msid-semantic` (draft-ietf-mmusic-msid-05 §3): `<semantic> *(SP msid-id)` or
/// `<semantic> *`.
///
/// Accepts the libwebrtc forms `: WMS`, `: WMS id` (space after the colon), pion's `WMS*`, and
/// writes `WMS *` / `WMS id1 id2`.
///
/// ```
/// use sdp_core::attr::msid::MsidSemantic;
/// use sdp_core::attr::TypedAttribute;
/// let s = MsidSemantic::parse(" WMS local_stream_1 local_stream_2").unwrap();
/// assert_eq!(s.semantic(), "WMS");
/// assert_eq!(s.ids().collect::<Vec<_>>(), ["local_stream_1", "local_stream_2"]);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct MsidSemantic<'a> {
    semantic: &'a str,
    list: MsidList<'a>,
}

impl<'a> MsidSemantic<'a> {
    /// `<semantic> *`: the semantic applies to every stream.
    pub const fn all(semantic: &'a str) -> Self {
        MsidSemantic {
            semantic,
            list: MsidList::All,
        }
    }

    /// `<semantic> <id> ...` from the id list text (`"a b"`, possibly empty), checked against
    /// the grammar.
    pub fn new(semantic: &'a str, ids: &'a str) -> Result<Self, ValueError> {
        lex::run(semantic, parse_msid_semantic)?;
        let ids = ids.trim_matches([' ', '\t']);
        if !ids.is_empty() {
            lex::run(ids, |i| {
                let (rest, _) = token_1_64(ID_EXPECTED)(i)?;
                parse_msid_list(rest)
            })?;
        }
        Ok(MsidSemantic {
            semantic,
            list: MsidList::Ids(ids),
        })
    }

    /// The semantic token, e.g. `"WMS"`.
    pub fn semantic(&self) -> &'a str {
        self.semantic
    }

    /// Whether the list is `*` (every stream).
    pub fn is_all(&self) -> bool {
        self.list == MsidList::All
    }

    /// The listed stream ids, in order (none for `*`).
    pub fn ids(&self) -> impl Iterator<Item = &'a str> + 'a {
        let text = match self.list {
            MsidList::All => "",
            MsidList::Ids(text) => text,
        };
        text.split([' ', '\t']).filter(|s| !s.is_empty())
    }
}

/// Equal when the semantic, the `*` flag and the ids are; spacing is not compared.
impl PartialEq for MsidSemantic<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.semantic == other.semantic
            && self.is_all() == other.is_all()
            && self.ids().eq(other.ids())
    }
}

impl Eq for MsidSemantic<'_> {}

impl Hash for MsidSemantic<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.semantic.hash(state);
        self.is_all().hash(state);
        self.ids().for_each(|id| id.hash(state));
    }
}

impl<'a> TypedAttribute<'a> for MsidSemantic<'a> {
    const NAME: &'static str = "msid-semantic";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        lex::run(value, |input| {
            let (rest, _) = lex::opt_sp(input)?;
            let (rest, semantic) = parse_msid_semantic(rest)?;
            let (rest, list) = parse_msid_list(rest)?;
            Ok((rest, MsidSemantic { semantic, list }))
        })
    }
}

impl fmt::Display for MsidSemantic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.semantic)?;
        if self.is_all() {
            return f.write_str(" *");
        }
        for id in self.ids() {
            write!(f, " {id}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn msid_reads_stream_and_track() {
        let m = Msid::parse("stream_id track_id").unwrap();
        assert_eq!(m, Msid::new("stream_id", Some("track_id")));
        assert_eq!(m.stream_id(), Some("stream_id"));
        assert_eq!(m.track_id(), Some("track_id"));
        let b = Msid::parse(
            "{258e92fb-547c-40ca-92e9-efe0cedb4cba} {9e8f5867-a9aa-4489-8bd4-3a8a57a5e592}",
        )
        .unwrap();
        assert_eq!(b.id, "{258e92fb-547c-40ca-92e9-efe0cedb4cba}");
    }

    #[test]
    fn msid_dash_means_no_stream() {
        let m = Msid::parse("- abcdesfgh").unwrap();
        assert_eq!(m.id, "-");
        assert_eq!(m.stream_id(), None);
        assert_eq!(m.track_id(), Some("abcdesfgh"));
    }

    #[test]
    fn msid_appdata_is_optional() {
        let m = Msid::parse("stream_id2").unwrap();
        assert_eq!((m.id, m.appdata), ("stream_id2", None));
        assert_eq!(Msid::parse("stream_id2 ").unwrap(), m);
        assert_eq!(m.to_string(), "stream_id2");
    }

    #[test]
    fn msid_rejects_libwebrtc_invalid_forms() {
        // DeserializeMsidAttributeWithoutAttributes
        assert_eq!(Msid::parse(""), Err(ValueError::new(0, ID_EXPECTED)));
        // DeserializeMsidAttributeWithMissingStreamId
        assert_eq!(
            Msid::parse(" track_id"),
            Err(ValueError::new(0, ID_EXPECTED))
        );
        // DeserializeMsidAttributeWithTooManySpaces
        assert_eq!(
            Msid::parse("stream_id track_id bogus"),
            Err(ValueError::new(19, "end of value"))
        );
    }

    #[test]
    fn msid_ids_are_limited_to_64_token_chars() {
        let long = "a".repeat(64);
        assert!(Msid::parse(&long).is_ok());
        let too_long = "a".repeat(65);
        assert_eq!(Msid::parse(&too_long), Err(ValueError::new(0, ID_EXPECTED)));
        let track = format!("s {too_long}");
        assert_eq!(
            Msid::parse(&track),
            Err(ValueError::new(2, APPDATA_EXPECTED))
        );
        assert_eq!(Msid::parse("a\"b"), Err(ValueError::new(1, "end of value")));
        assert_eq!(
            Msid::parse("s \"t"),
            Err(ValueError::new(2, APPDATA_EXPECTED))
        );
    }

    #[test]
    fn msid_writes_single_space_and_round_trips() {
        let m = Msid::parse("janus  janus0").unwrap();
        assert_eq!(m.to_string(), "janus janus0");
        assert_eq!(Msid::parse(&m.to_string()).unwrap(), m);
    }

    #[test]
    fn msid_semantic_reads_real_forms() {
        for (text, ids, all) in [
            (" WMS", &[][..], false),
            ("  WMS", &[], false),
            ("WMS", &[], false),
            ("WMS *", &[], true),
            (" WMS *", &[], true),
            ("WMS*", &[], true),
            (
                " WMS 0836cc8e-a7bb-47e9-affb-0599414bc56d",
                &["0836cc8e-a7bb-47e9-affb-0599414bc56d"],
                false,
            ),
            (
                " WMS local_stream_1 local_stream_2",
                &["local_stream_1", "local_stream_2"],
                false,
            ),
        ] {
            let s = MsidSemantic::parse(text).unwrap();
            assert_eq!(s.semantic(), "WMS", "{text}");
            assert_eq!(s.ids().collect::<Vec<_>>(), ids, "{text}");
            assert_eq!(s.is_all(), all, "{text}");
            assert_eq!(MsidSemantic::parse(&s.to_string()).unwrap(), s, "{text}");
        }
    }

    #[test]
    fn msid_semantic_writes_the_draft_form() {
        assert_eq!(MsidSemantic::parse(" WMS").unwrap().to_string(), "WMS");
        assert_eq!(MsidSemantic::parse("WMS*").unwrap().to_string(), "WMS *");
        assert_eq!(
            MsidSemantic::parse(" WMS  a   b").unwrap().to_string(),
            "WMS a b"
        );
        assert_eq!(MsidSemantic::all("WMS").to_string(), "WMS *");
        assert_eq!(
            MsidSemantic::new("WMS", "a b").unwrap().to_string(),
            "WMS a b"
        );
    }

    #[test]
    fn msid_semantic_rejects_malformed_values() {
        assert_eq!(
            MsidSemantic::parse(""),
            Err(ValueError::new(0, "a semantic token (e.g. `WMS`)"))
        );
        assert_eq!(
            MsidSemantic::parse("*"),
            Err(ValueError::new(0, "a semantic token (e.g. `WMS`)"))
        );
        assert_eq!(
            MsidSemantic::parse("WMS * x"),
            Err(ValueError::new(6, "end of value"))
        );
        assert_eq!(
            MsidSemantic::parse("WMS a \"b"),
            Err(ValueError::new(6, ID_EXPECTED))
        );
        assert!(MsidSemantic::new("W MS", "").is_err());
        assert!(MsidSemantic::new("WMS", "a \"b").is_err());
    }
}
