//! One RTP media section as the rules see it: the `m=` payload types with their place, and the
//! rtpmap, fmtp and rtcp-fb lines with their line index.

use crate::attr::rtp::{Fmtp, RtcpFb, Rtpmap};
use crate::field::MediaLine;
use crate::line::Line;
use crate::media::Media;
use crate::span::Span;
use crate::validate::{Ctx, Loc};

/// What the rules need of one RTP media section, read once.
pub(super) struct Section<'s, 'a> {
    pub(super) index: usize,
    pub(super) lines: &'s [Line<'a>],
    /// The payload types of the `m=` line with their place, first occurrences only.
    pub(super) formats: Vec<(u8, Loc)>,
    /// Payload types listed a second time on the `m=` line.
    pub(super) repeated: Vec<(u8, Loc)>,
    pub(super) listed: PtSet,
    /// Well-formed rtpmaps with their line index.
    pub(super) rtpmaps: Vec<(usize, Rtpmap<'s>)>,
    /// The rtpmap values alone, in line order (for joining codecs).
    pub(super) rtpmap_values: Vec<Rtpmap<'s>>,
    /// Payload types that have an rtpmap line, well-formed or not.
    pub(super) mapped: PtSet,
    pub(super) fmtps: Vec<(usize, Fmtp<'s>)>,
    /// The fmtp values alone, in line order.
    pub(super) fmtp_values: Vec<Fmtp<'s>>,
    /// The payload type of each fmtp (`Fmtp::payload_type`), in line order.
    fmtp_pts: Vec<Option<u8>>,
    pub(super) feedback: Vec<(usize, RtcpFb<'s>)>,
    /// The rtcp-fb values alone, in line order.
    pub(super) feedback_values: Vec<RtcpFb<'s>>,
    pub(super) rtcp_mux: bool,
    /// Whether the section is in an `a=group:FEC` / `FEC-FR` group (RFC 5956): its FEC then
    /// protects another section.
    pub(super) in_fec_group: bool,
}

impl<'s, 'a> Section<'s, 'a> {
    pub(super) fn read(
        ctx: &Ctx<'s, '_>,
        index: usize,
        media: &'s Media<'a>,
        ml: &MediaLine<'_>,
    ) -> Self {
        let (formats, repeated) = mline_formats(ctx, index, media.line(), ml);
        let mut listed = PtSet::default();
        for (pt, _) in &formats {
            listed.insert(*pt);
        }
        // Room for every line up front: growing seven vectors a push at a time costs more.
        let n = media.lines().len();
        let mut section = Section {
            index,
            lines: media.lines(),
            formats,
            repeated,
            listed,
            rtpmaps: Vec::with_capacity(n),
            rtpmap_values: Vec::with_capacity(n),
            mapped: PtSet::default(),
            fmtps: Vec::with_capacity(n),
            fmtp_values: Vec::with_capacity(n),
            fmtp_pts: Vec::with_capacity(n),
            feedback: Vec::with_capacity(n),
            feedback_values: Vec::with_capacity(n),
            rtcp_mux: false,
            in_fec_group: media
                .mid()
                .is_some_and(|mid| fec_grouped(ctx.session(), mid)),
        };
        for (i, attr) in ctx.attrs().all(Some(index)) {
            match attr.name() {
                "rtpmap" => {
                    if let Some(pt) = attr.value().and_then(leading_pt) {
                        section.mapped.insert(pt);
                    }
                    if let Some(Ok(map)) = attr.parse_as::<Rtpmap>() {
                        section.rtpmaps.push((i, map));
                        section.rtpmap_values.push(map);
                    }
                }
                "fmtp" => {
                    if let Some(Ok(fmtp)) = attr.parse_as::<Fmtp>() {
                        section.fmtps.push((i, fmtp));
                        section.fmtp_values.push(fmtp);
                        section.fmtp_pts.push(fmtp.payload_type());
                    }
                }
                "rtcp-fb" => {
                    if let Some(Ok(fb)) = attr.parse_as::<RtcpFb>() {
                        section.feedback.push((i, fb));
                        section.feedback_values.push(fb);
                    }
                }
                "rtcp-mux" => section.rtcp_mux = true,
                _ => {}
            }
        }
        section
    }

    pub(super) fn line(&self, i: usize) -> Option<&'s Line<'a>> {
        self.lines.get(i)
    }

    /// The location of `len` bytes at `offset` in the value of attribute line `i`.
    pub(super) fn value_loc(&self, ctx: &Ctx<'_, '_>, i: usize, offset: usize, len: usize) -> Loc {
        let loc = ctx.media_loc(self.index, i);
        match self.line(i) {
            Some(line) => loc.in_value(line, offset, len),
            None => loc,
        }
    }

    /// The location of the payload type that starts the value of attribute line `i`.
    pub(super) fn pt_loc(&self, ctx: &Ctx<'_, '_>, i: usize) -> Loc {
        let value = self
            .line(i)
            .and_then(|l| l.as_attribute())
            .and_then(|a| a.value())
            .unwrap_or_default();
        let start = value.len() - value.trim_start().len();
        let len = value
            .get(start..)
            .map_or(0, |v| v.bytes().take_while(u8::is_ascii_digit).count());
        self.value_loc(ctx, i, start, len)
    }

    /// The line index of the first well-formed rtpmap for `pt`.
    pub(super) fn rtpmap_line(&self, pt: u8) -> Option<usize> {
        self.rtpmaps
            .iter()
            .find(|(_, map)| map.payload_type == pt)
            .map(|(i, _)| *i)
    }

    /// The first well-formed fmtp for `pt` (the one [`Media::codecs`] uses) with its line.
    pub(super) fn fmtp(&self, pt: u8) -> Option<(usize, Fmtp<'s>)> {
        self.fmtps
            .iter()
            .zip(&self.fmtp_pts)
            .find(|(_, at)| **at == Some(pt))
            .map(|(f, _)| *f)
    }
}

/// Whether `mid` is in an FEC group (`a=group:FEC ...`, `a=group:FEC-FR ...`, RFC 5956 §4).
/// A set of payload types (any `u8`), as a bitmap: cheaper than hashing for 256 values.
#[derive(Default)]
pub(super) struct PtSet([u128; 2]);

impl PtSet {
    /// Adds `pt`; `false` when it was already there.
    pub(super) fn insert(&mut self, pt: u8) -> bool {
        let (word, bit) = (usize::from(pt >> 7), 1u128 << (pt & 127));
        let Some(w) = self.0.get_mut(word) else {
            return false;
        };
        let new = *w & bit == 0;
        *w |= bit;
        new
    }

    /// Whether `pt` is in the set.
    pub(super) fn contains(&self, pt: &u8) -> bool {
        let (word, bit) = (usize::from(pt >> 7), 1u128 << (pt & 127));
        self.0.get(word).is_some_and(|w| w & bit != 0)
    }
}

pub(super) fn fec_grouped(session: &crate::Session<'_>, mid: &str) -> bool {
    session
        .attributes()
        .filter(|a| a.name() == "group")
        .filter_map(|a| a.value())
        .any(|v| {
            let mut tokens = v.split_ascii_whitespace();
            tokens
                .next()
                .is_some_and(|sem| sem.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("FEC")))
                && tokens.any(|t| t == mid)
        })
}

/// The payload type a value starts with (`96` of `96 opus/48000`), if it is one.
pub(super) fn leading_pt(value: &str) -> Option<u8> {
    let value = value.trim_start();
    let digits = value.bytes().take_while(u8::is_ascii_digit).count();
    value.get(..digits)?.parse().ok().filter(|pt| *pt <= 127)
}

/// Payload types with a location each.
pub(super) type PtLocs = Vec<(u8, Loc)>;

/// The payload types of an `m=` line, each with the location of its text: first occurrences,
/// then repeats.
pub(super) fn mline_formats(
    ctx: &Ctx<'_, '_>,
    index: usize,
    line: &Line<'_>,
    ml: &MediaLine<'_>,
) -> (PtLocs, PtLocs) {
    let base = ctx.mline_loc(index);
    let value = line.value();
    let mut tokens = Vec::new();
    let mut start = None;
    for (at, c) in value
        .char_indices()
        .chain(std::iter::once((value.len(), ' ')))
    {
        match (c == ' ' || c == '\t', start) {
            (true, Some(s)) => {
                tokens.push((s, at));
                start = None;
            }
            (false, None) => start = Some(at),
            _ => {}
        }
    }
    let count = ml.formats().count();
    let skip = tokens.len().saturating_sub(count);
    let mut seen = PtSet::default();
    let (mut first, mut repeated) = (Vec::new(), Vec::new());
    for (s, e) in tokens.into_iter().skip(skip) {
        let Some(pt) = value.get(s..e).and_then(|t| t.parse::<u8>().ok()) else {
            continue;
        };
        if pt > 127 {
            continue;
        }
        let from = line.value_offset() + s;
        let loc = Loc {
            column: line.text().get(..from).map_or(1, |t| t.chars().count() + 1),
            span: base
                .span
                .map(|sp| Span::new(sp.start + from, sp.start + from + (e - s))),
            ..base
        };
        if seen.insert(pt) {
            first.push((pt, loc));
        } else {
            repeated.push((pt, loc));
        }
    }
    (first, repeated)
}

/// Channels as a count (`None` in an rtpmap means one).
pub(super) fn channel_count(channels: Option<u16>) -> u16 {
    channels.unwrap_or(1)
}

/// Where the rtpmap of `pt` is, or the `m=` line for a static payload type.
pub(super) fn rtpmap_loc(ctx: &Ctx<'_, '_>, s: &Section<'_, '_>, pt: u8) -> Loc {
    s.rtpmap_line(pt)
        .map_or_else(|| ctx.mline_loc(s.index), |i| ctx.media_loc(s.index, i))
}

/// The value of attribute line `i` (what follows `fmtp:`).
pub(super) fn fmtp_value<'s>(s: &Section<'s, '_>, i: usize) -> &'s str {
    s.line(i)
        .and_then(|l| l.as_attribute())
        .and_then(|a| a.value())
        .unwrap_or_default()
}
