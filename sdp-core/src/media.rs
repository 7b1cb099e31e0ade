//! A media section: its `m=` line and the lines that follow it up to the next `m=`.

use std::fmt;

use crate::attr::direction::Direction;
use crate::attr::{self, AttrValue, Attribute, TypedAttribute};
use crate::codec::{self, Codec};
use crate::field::{Bandwidth, Connection, MediaLine};
use crate::level;
use crate::line::{Line, LineKind};

/// One media section (`m=` and its `i= c= b= k= a=` lines), in input order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Media<'a> {
    line: Line<'a>,
    lines: Vec<Line<'a>>,
}

impl<'a> Media<'a> {
    pub(crate) fn from_parts(line: Line<'a>, lines: Vec<Line<'a>>) -> Self {
        Media { line, lines }
    }

    /// A new section with a canonical `m=` line and no other line.
    ///
    /// ```
    /// use sdp_core::{field::MediaLine, Media};
    /// let media = Media::new(&MediaLine::new("audio", 9, "UDP/TLS/RTP/SAVPF", "111"));
    /// assert_eq!(media.to_string(), "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n");
    /// ```
    pub fn new(media_line: &MediaLine<'_>) -> Media<'static> {
        Media {
            line: Line::new('m', media_line),
            lines: Vec::new(),
        }
    }

    /// The `m=` line.
    pub fn line(&self) -> &Line<'a> {
        &self.line
    }

    /// The typed `m=` line, or `None` when it is malformed (lenient parsing keeps such lines).
    pub fn media_line(&self) -> Option<MediaLine<'_>> {
        MediaLine::parse(self.line.value()).ok()
    }

    /// Replaces the `m=` line; it is written canonically.
    pub fn set_media_line(&mut self, media_line: &MediaLine<'_>) {
        self.line = Line::new('m', media_line);
    }

    /// The media type (`audio`, `video`, `application`, ...), read from the `m=` line even when
    /// the rest of it is malformed.
    pub fn kind(&self) -> &str {
        self.line
            .value()
            .split([' ', '\t'])
            .next()
            .unwrap_or_default()
    }

    /// The port of the `m=` line (0 for a rejected or disabled section), if it parses.
    pub fn port(&self) -> Option<u16> {
        self.media_line().map(|m| m.port)
    }

    /// Sets the port, rewriting the `m=` line canonically. Does nothing if the line is malformed.
    pub fn set_port(&mut self, port: u16) {
        let text = match MediaLine::parse(self.line.value()) {
            Ok(mut m) => {
                m.port = port;
                m.to_string()
            }
            Err(_) => return,
        };
        self.line = Line::new('m', text);
    }

    /// Whether the section is disabled or rejected: port 0 without `a=bundle-only` (RFC 3264 §6;
    /// RFC 9143 §6 gives a bundle-only section port 0 while it stays in use).
    pub fn is_disabled(&self) -> bool {
        self.port() == Some(0) && !self.has_attribute("bundle-only")
    }

    /// The lines after the `m=` line, in order.
    pub fn lines(&self) -> &[Line<'a>] {
        &self.lines
    }

    /// The lines after the `m=` line, for editing. Lines added here are written as they are;
    /// keep the RFC 8866 order (`i= c= b= k= a=`) when inserting.
    pub fn lines_mut(&mut self) -> &mut Vec<Line<'a>> {
        &mut self.lines
    }

    /// The attributes, in order.
    pub fn attributes(&self) -> impl Iterator<Item = Attribute<'_>> + '_ {
        level::attributes(&self.lines)
    }

    /// The attributes named `name`, in order.
    pub fn attributes_named<'s>(
        &'s self,
        name: &'s str,
    ) -> impl Iterator<Item = Attribute<'s>> + 's {
        level::attributes_named(&self.lines, name)
    }

    /// The first attribute named `name`.
    pub fn attribute(&self, name: &str) -> Option<Attribute<'_>> {
        level::attribute(&self.lines, name)
    }

    /// Whether an attribute named `name` is present.
    pub fn has_attribute(&self, name: &str) -> bool {
        level::has_attribute(&self.lines, name)
    }

    /// Every well-formed attribute of type `T`, in order (malformed ones are skipped: lenient
    /// parsing reported them).
    ///
    /// ```
    /// use sdp_core::{attr::bundle::Mid, Session};
    /// let s = Session::parse("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\na=mid:a\r\n").unwrap();
    /// let mids: Vec<_> = s.media()[0].typed::<Mid>().map(|m| m.as_str().to_owned()).collect();
    /// assert_eq!(mids, ["a"]);
    /// ```
    pub fn typed<'s, T: TypedAttribute<'s> + 's>(&'s self) -> impl Iterator<Item = T> + 's {
        level::typed(&self.lines)
    }

    /// The first well-formed attribute of type `T`.
    pub fn first<'s, T: TypedAttribute<'s> + 's>(&'s self) -> Option<T> {
        self.typed::<T>().next()
    }

    /// Every well-formed known attribute, typed.
    pub fn typed_attributes(&self) -> impl Iterator<Item = AttrValue<'_>> + '_ {
        level::typed_attributes(&self.lines)
    }

    /// The `a=mid` value.
    pub fn mid(&self) -> Option<&str> {
        self.attribute("mid").and_then(|a| a.value())
    }

    /// The direction attribute of this section, if it has one (see
    /// [`Session::direction_of`](crate::Session::direction_of) for the effective direction).
    pub fn direction(&self) -> Option<Direction> {
        self.attributes()
            .find_map(|a| Direction::from_name(a.name()).filter(|_| a.value().is_none()))
    }

    /// Sets the direction: replaces the first direction attribute (and removes any other) or
    /// appends one.
    pub fn set_direction(&mut self, direction: Direction) {
        let is_direction = |l: &Line<'_>| {
            l.as_attribute()
                .is_some_and(|a| Direction::from_name(a.name()).is_some())
        };
        let new = AttrValue::Direction(direction).to_line();
        match self.lines.iter().position(is_direction) {
            Some(i) => {
                if let Some(slot) = self.lines.get_mut(i) {
                    *slot = new;
                }
                let mut index = 0;
                self.lines.retain(|l| {
                    index += 1;
                    index - 1 == i || !is_direction(l)
                });
            }
            None => self.push_line(new),
        }
    }

    /// The `c=` lines of this section (there may be several, RFC 8866 §5.7).
    pub fn connections(&self) -> impl Iterator<Item = Connection<'_>> + '_ {
        self.lines
            .iter()
            .filter(|l| l.kind() == LineKind::Connection)
            .filter_map(|l| Connection::parse(l.value()).ok())
    }

    /// The `b=` lines of this section.
    pub fn bandwidths(&self) -> impl Iterator<Item = Bandwidth<'_>> + '_ {
        self.lines
            .iter()
            .filter(|l| l.kind() == LineKind::Bandwidth)
            .filter_map(|l| Bandwidth::parse(l.value()).ok())
    }

    /// The ICE candidates, in order.
    pub fn candidates(&self) -> impl Iterator<Item = attr::ice::Candidate<'_>> + '_ {
        self.typed()
    }

    /// The codecs of the section: rtpmap, fmtp and rtcp-fb joined by payload type, in m-line
    /// order, static payload types resolved (RFC 3551).
    pub fn codecs(&self) -> Vec<Codec<'_>> {
        let formats = self.media_line().map(|m| m.formats()).into_iter().flatten();
        codec::codecs(formats, self.attributes())
    }

    /// Inserts a line where RFC 8866 §5 puts its type in a media section (`i= c= b= k= a=`):
    /// after the last line of the same or an earlier type.
    pub fn insert_line(&mut self, line: Line<'a>) {
        // Lines without a place in the order (blank, unknown) count as attributes: last.
        let rank_of = |kind: LineKind| crate::parse::media_rank(kind).unwrap_or(5);
        let rank = rank_of(line.kind());
        let at = self
            .lines
            .iter()
            .rposition(|l| rank_of(l.kind()) <= rank)
            .map_or(0, |i| i + 1);
        if at == self.lines.len() {
            self.push_line(line);
        } else {
            self.lines.insert(at, line);
        }
    }

    /// The section with `line` inserted in RFC 8866 order (for building).
    ///
    /// ```
    /// use sdp_core::{field::{Connection, MediaLine}, Line, Media};
    /// let media = Media::new(&MediaLine::new("audio", 49170, "RTP/AVP", "0"))
    ///     .with_line(Line::attribute("sendrecv", None))
    ///     .with_line(Line::new('c', Connection::new("192.0.2.1")));
    /// assert_eq!(media.to_string(), "m=audio 49170 RTP/AVP 0\r\nc=IN IP4 192.0.2.1\r\na=sendrecv\r\n");
    /// ```
    pub fn with_line(mut self, line: Line<'a>) -> Self {
        self.insert_line(line);
        self
    }

    /// The section with a typed attribute appended (for building).
    pub fn with_attribute<'t, T: TypedAttribute<'t>>(mut self, attr: &T) -> Self {
        self.push_attribute(attr);
        self
    }

    /// The section with a direction attribute set (for building).
    pub fn with_direction(mut self, direction: Direction) -> Self {
        self.set_direction(direction);
        self
    }

    /// Appends a line, after the existing ones.
    pub fn push_line(&mut self, line: Line<'a>) {
        if let Some(last) = self.lines.last_mut() {
            if last.eol() == crate::Eol::None {
                last.set_eol(crate::Eol::CrLf);
            }
        }
        self.lines.push(line);
    }

    /// Appends a typed attribute as a canonical line.
    ///
    /// ```
    /// use sdp_core::{attr::rtcp::RtcpMux, field::MediaLine, Media};
    /// let mut media = Media::new(&MediaLine::new("audio", 9, "RTP/AVP", "0"));
    /// media.push_attribute(&RtcpMux);
    /// assert!(media.has_attribute("rtcp-mux"));
    /// ```
    pub fn push_attribute<'t, T: TypedAttribute<'t>>(&mut self, attr: &T) {
        self.push_line(Line::from_text(attr::line_text(attr)));
    }

    /// Replaces the first attribute of type `T` with `attr` (written canonically), or appends it.
    pub fn set_attribute<'t, T: TypedAttribute<'t>>(&mut self, attr: &T) {
        let line = Line::from_text(attr::line_text(attr));
        match self.lines.iter_mut().find(|l| l.is_attribute(T::NAME)) {
            Some(slot) => *slot = line,
            None => self.push_line(line),
        }
    }

    /// Removes every attribute named `name`; returns how many were removed.
    pub fn remove_attributes(&mut self, name: &str) -> usize {
        level::remove_attributes(&mut self.lines, name)
    }

    /// The same section owning its text.
    pub fn into_owned(self) -> Media<'static> {
        Media {
            line: self.line.into_owned(),
            lines: self.lines.into_iter().map(Line::into_owned).collect(),
        }
    }

    pub(crate) fn all_lines(&self) -> impl Iterator<Item = &Line<'a>> + '_ {
        std::iter::once(&self.line).chain(self.lines.iter())
    }

    pub(crate) fn all_lines_mut(&mut self) -> impl Iterator<Item = &mut Line<'a>> + '_ {
        std::iter::once(&mut self.line).chain(self.lines.iter_mut())
    }
}

/// Writes the section's lines exactly as held.
impl fmt::Display for Media<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::write::write_runs([std::slice::from_ref(&self.line), &self.lines], f)
    }
}
