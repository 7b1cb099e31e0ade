//! `a=rtcp-fb` (RFC 4585 §4.2, RFC 5104 §7.1): RTCP feedback for a payload type or `*`.

use std::fmt;

use nom::bytes::complete::take_while1;
use nom::combinator::opt;
use nom::Parser;

use crate::attr::TypedAttribute;
use crate::error::ValueError;
use crate::lex::{self, expect, PResult};

/// The payload types an `a=rtcp-fb` applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RtcpFbPt {
    /// `*`: every payload type of the media section.
    Any,
    /// One payload type.
    Pt(u8),
}

impl RtcpFbPt {
    /// Whether feedback for this selector applies to payload type `pt`.
    pub fn matches(self, pt: u8) -> bool {
        match self {
            RtcpFbPt::Any => true,
            RtcpFbPt::Pt(own) => own == pt,
        }
    }
}

impl fmt::Display for RtcpFbPt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RtcpFbPt::Any => f.write_str("*"),
            RtcpFbPt::Pt(pt) => write!(f, "{pt}"),
        }
    }
}

/// An RTCP feedback type. The set is extensible: unknown types are kept as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FeedbackType<'a> {
    /// `ack` (RFC 4585 §4.2).
    Ack,
    /// `nack` (RFC 4585 §4.2), e.g. `nack pli`.
    Nack,
    /// `trr-int` (RFC 4585 §4.2): minimum interval between regular RTCP reports, in ms.
    TrrInt,
    /// `ccm` (RFC 5104 §7.1), e.g. `ccm fir`.
    Ccm,
    /// `goog-remb` (draft-alvestrand-rmcat-remb).
    GoogRemb,
    /// `transport-cc` (draft-holmer-rmcat-transport-wide-cc-extensions).
    TransportCc,
    /// Any other type, as written.
    Other(&'a str),
}

impl<'a> FeedbackType<'a> {
    /// The type named `name`, ignoring ASCII case for the known ones.
    pub fn from_name(name: &'a str) -> Self {
        const KNOWN: [(&str, FeedbackType<'static>); 6] = [
            ("ack", FeedbackType::Ack),
            ("nack", FeedbackType::Nack),
            ("trr-int", FeedbackType::TrrInt),
            ("ccm", FeedbackType::Ccm),
            ("goog-remb", FeedbackType::GoogRemb),
            ("transport-cc", FeedbackType::TransportCc),
        ];
        KNOWN
            .iter()
            .find(|(known, _)| known.eq_ignore_ascii_case(name))
            .map_or(FeedbackType::Other(name), |&(_, kind)| kind)
    }

    /// The canonical name, e.g. `"nack"`.
    pub fn name(self) -> &'a str {
        match self {
            FeedbackType::Ack => "ack",
            FeedbackType::Nack => "nack",
            FeedbackType::TrrInt => "trr-int",
            FeedbackType::Ccm => "ccm",
            FeedbackType::GoogRemb => "goog-remb",
            FeedbackType::TransportCc => "transport-cc",
            FeedbackType::Other(name) => name,
        }
    }
}

/// `a=rtcp-fb` (RFC 4585 §4.2): `<payload type or *> <type> [<parameters>]`.
///
/// ```
/// use sdp_core::attr::rtp::{FeedbackType, RtcpFb, RtcpFbPt};
/// use sdp_core::TypedAttribute;
/// let fb = RtcpFb::parse("96 nack pli").unwrap();
/// assert_eq!(fb.pt(), RtcpFbPt::Pt(96));
/// assert_eq!(fb.kind(), FeedbackType::Nack);
/// assert_eq!(fb.param(), Some("pli"));
/// assert_eq!(RtcpFb::parse("* trr-int 100").unwrap().trr_int(), Some(100));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RtcpFb<'a> {
    pt: RtcpFbPt,
    name: &'a str,
    params: Option<&'a str>,
}

impl<'a> RtcpFb<'a> {
    /// A feedback line from its parts; `params` is the text after the type (`"pli"`,
    /// `"tmmbr smaxpr=120"`, the interval of `trr-int`).
    pub fn new(pt: RtcpFbPt, kind: FeedbackType<'a>, params: Option<&'a str>) -> Self {
        RtcpFb {
            pt,
            name: kind.name(),
            params,
        }
    }

    /// The payload type the feedback applies to, or `*`.
    pub fn pt(&self) -> RtcpFbPt {
        self.pt
    }

    /// The feedback type.
    pub fn kind(&self) -> FeedbackType<'a> {
        FeedbackType::from_name(self.name)
    }

    /// The feedback type as written.
    pub fn kind_text(&self) -> &'a str {
        self.name
    }

    /// The text after the type, as written, e.g. `"tmmbr smaxpr=120"`.
    pub fn params_text(&self) -> Option<&'a str> {
        self.params
    }

    /// The parameters split at white space, e.g. `["vbcm", "1", "2"]` for `ccm vbcm 1 2`.
    pub fn params(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.params
            .unwrap_or_default()
            .split([' ', '\t'])
            .filter(|p| !p.is_empty())
    }

    /// The first parameter: the subtype, e.g. `"pli"` for `nack pli`, `"fir"` for `ccm fir`.
    pub fn param(&self) -> Option<&'a str> {
        self.params().next()
    }

    /// The interval of a `trr-int` line, in milliseconds.
    pub fn trr_int(&self) -> Option<u32> {
        match self.kind() {
            FeedbackType::TrrInt => self.params?.parse().ok(),
            _ => None,
        }
    }

    /// Whether this is `kind` with first parameter `param` (`None`: no parameter), e.g.
    /// `fb.is(FeedbackType::Nack, Some("pli"))`.
    pub fn is(&self, kind: FeedbackType<'_>, param: Option<&str>) -> bool {
        self.kind() == kind && self.param() == param
    }
}

// RFC 4585 §4.2: rtcp-fb-pt = "*" / fmt
fn parse_rtcp_fb_pt(input: &str) -> PResult<'_, RtcpFbPt> {
    match input.strip_prefix('*') {
        Some(rest) => Ok((rest, RtcpFbPt::Any)),
        None => expect("a payload type (0-127) or `*`", lex::payload_type)
            .map(RtcpFbPt::Pt)
            .parse(input),
    }
}

// RFC 4585 §4.2: rtcp-fb-id = 1*(alpha-numeric / "-" / "_")
fn parse_rtcp_fb_id(input: &str) -> PResult<'_, &str> {
    expect(
        "a feedback type",
        take_while1(|c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
    )(input)
}

// RFC 4585 §4.2: rtcp-fb-val = "ack" rtcp-fb-ack-param / "nack" rtcp-fb-nack-param
//                            / "trr-int" SP 1*DIGIT / rtcp-fb-id rtcp-fb-param
// (the parameters of every type are SP-separated tokens and byte-strings, kept as text)
fn parse_rtcp_fb_value(input: &str) -> PResult<'_, RtcpFb<'_>> {
    let (rest, (pt, _, name)) = (parse_rtcp_fb_pt, lex::sp, parse_rtcp_fb_id).parse(input)?;
    if name.eq_ignore_ascii_case("trr-int") {
        let (left, (_, digits)) = (
            lex::sp,
            expect(
                "an interval in milliseconds",
                nom::combinator::recognize(lex::u32_dec("")),
            ),
        )
            .parse(rest)?;
        return Ok((
            left,
            RtcpFb {
                pt,
                name,
                params: Some(digits),
            },
        ));
    }
    let (after, gap) = opt(lex::sp).parse(rest)?;
    let params = after.trim_end_matches([' ', '\t']);
    if gap.is_none() || params.is_empty() {
        return Ok((
            rest,
            RtcpFb {
                pt,
                name,
                params: None,
            },
        ));
    }
    let left = after.get(params.len()..).unwrap_or_default();
    Ok((
        left,
        RtcpFb {
            pt,
            name,
            params: Some(params),
        },
    ))
}

impl<'a> TypedAttribute<'a> for RtcpFb<'a> {
    const NAME: &'static str = "rtcp-fb";
    fn parse(value: &'a str) -> Result<Self, ValueError> {
        lex::run(value, parse_rtcp_fb_value)
    }
}

impl fmt::Display for RtcpFb<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.pt, self.name)?;
        if let Some(params) = self.params {
            write!(f, " {params}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attr::rtp::tests::round_trips;

    #[test]
    fn rtcp_fb_reads_known_and_unknown_types() {
        let fb: RtcpFb = round_trips("96 nack pli");
        assert_eq!(
            (fb.pt(), fb.kind(), fb.param()),
            (RtcpFbPt::Pt(96), FeedbackType::Nack, Some("pli"))
        );
        assert!(fb.is(FeedbackType::Nack, Some("pli")));
        let fb: RtcpFb = round_trips("96 nack");
        assert!(fb.is(FeedbackType::Nack, None));
        assert_eq!(fb.params_text(), None);
        let fb: RtcpFb = round_trips("* ccm tmmbr smaxpr=120");
        assert_eq!(fb.pt(), RtcpFbPt::Any);
        assert_eq!(fb.params().collect::<Vec<_>>(), ["tmmbr", "smaxpr=120"]);
        let fb: RtcpFb = round_trips("97 ccm vbcm 1 2");
        assert_eq!(fb.params().collect::<Vec<_>>(), ["vbcm", "1", "2"]);
        assert_eq!(
            round_trips::<RtcpFb>("100 goog-remb").kind(),
            FeedbackType::GoogRemb
        );
        assert_eq!(
            round_trips::<RtcpFb>("100 transport-cc").kind(),
            FeedbackType::TransportCc
        );
        let fb: RtcpFb = round_trips("120 foo bar baz");
        assert_eq!(fb.kind(), FeedbackType::Other("foo"));
        assert_eq!(fb.params_text(), Some("bar baz"));
        let fb: RtcpFb = round_trips("120 ack app foo");
        assert_eq!((fb.kind(), fb.param()), (FeedbackType::Ack, Some("app")));
    }

    #[test]
    fn rtcp_fb_keeps_the_spelling_of_known_types() {
        let fb: RtcpFb = round_trips("96 NACK PLI");
        assert_eq!((fb.kind(), fb.kind_text()), (FeedbackType::Nack, "NACK"));
        assert_eq!(fb.to_string(), "96 NACK PLI");
    }

    #[test]
    fn rtcp_fb_trr_int_needs_an_integer() {
        let fb: RtcpFb = round_trips("* trr-int 1000");
        assert_eq!(
            (fb.kind(), fb.trr_int()),
            (FeedbackType::TrrInt, Some(1000))
        );
        assert_eq!(RtcpFb::parse("96 nack").unwrap().trr_int(), None);
        assert_eq!(
            RtcpFb::parse("96 trr-int"),
            Err(ValueError::new(10, "a space"))
        );
        assert_eq!(
            RtcpFb::parse("96 trr-int x"),
            Err(ValueError::new(11, "an interval in milliseconds"))
        );
        assert_eq!(
            RtcpFb::parse("96 trr-int 5 6"),
            Err(ValueError::new(13, "end of value"))
        );
    }

    #[test]
    fn rtcp_fb_rejects_malformed_values() {
        assert_eq!(
            RtcpFb::parse("x nack"),
            Err(ValueError::new(0, "a payload type (0-127) or `*`"))
        );
        assert_eq!(
            RtcpFb::parse("128 nack"),
            Err(ValueError::new(0, "a payload type (0-127) or `*`"))
        );
        assert_eq!(RtcpFb::parse("96"), Err(ValueError::new(2, "a space")));
        assert_eq!(
            RtcpFb::parse("96 =x"),
            Err(ValueError::new(3, "a feedback type"))
        );
        assert_eq!(
            RtcpFb::parse("96 nack;pli"),
            Err(ValueError::new(7, "end of value"))
        );
    }

    #[test]
    fn rtcp_fb_builds_from_parts() {
        let fb = RtcpFb::new(RtcpFbPt::Pt(96), FeedbackType::Ccm, Some("fir"));
        assert_eq!(fb.to_string(), "96 ccm fir");
        assert_eq!(RtcpFb::parse("96 ccm fir").unwrap(), fb);
        let fb = RtcpFb::new(RtcpFbPt::Any, FeedbackType::TransportCc, None);
        assert_eq!(fb.to_string(), "* transport-cc");
    }
}
