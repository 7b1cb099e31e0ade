//! The session: session-level lines and media sections.

use std::fmt;
use std::io;

use crate::attr::direction::Direction;
use crate::attr::{self, AttrValue, Attribute, TypedAttribute};
use crate::error::{ErrorCode, ParseError, Problem};
use crate::field::{Bandwidth, Connection, MediaLine, Origin, Repeat, TimeZones, Timing};
use crate::level;
use crate::line::{Eol, Line, LineKind};
use crate::media::Media;
use crate::options::ParseOptions;
use crate::parse::{self, Parsed};
use crate::span::Span;
use crate::write::{self, IoAdapter};

/// A session description, borrowing the text it was parsed from.
///
/// It holds every line of the input in order: the session-level lines, then one [`Media`] per
/// `m=` line. Writing it (`Display`, [`Session::write_to`], [`Session::write_io`]) gives back
/// the input byte for byte unless lines were changed; changed and new lines are written
/// canonically with CRLF.
///
/// ```
/// use sdp_core::Session;
/// let text = "v=0\no=- 1 2 IN IP4 127.0.0.1\ns=-\nt=0 0\nm=audio 9 RTP/AVP 0\na=sendonly\n";
/// let session = Session::parse(text)?;
/// assert_eq!(session.media()[0].kind(), "audio");
/// assert_eq!(session.to_string(), text);
/// # Ok::<(), sdp_core::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Session<'a> {
    lines: Vec<Line<'a>>,
    media: Vec<Media<'a>>,
}

impl<'a> Session<'a> {
    pub(crate) fn from_parts(lines: Vec<Line<'a>>, media: Vec<Media<'a>>) -> Self {
        Session { lines, media }
    }

    /// Parses `text` leniently: real-world quirks are accepted (see [`ParseOptions`]).
    ///
    /// Use [`Session::parse_with`] to parse strictly or to get the warnings.
    pub fn parse(text: &'a str) -> Result<Session<'a>, ParseError> {
        parse::parse(text, &ParseOptions::default(), false).map(|p| p.session)
    }

    /// Parses `text` with `options`; the result carries the warnings of lenient mode.
    ///
    /// ```
    /// use sdp_core::{ParseOptions, Session};
    /// let text = "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\n"; // no t= line
    /// let parsed = Session::parse_with(text, &ParseOptions::lenient())?;
    /// assert_eq!(parsed.warnings.len(), 1);
    /// let err = Session::parse_with(text, &ParseOptions::strict()).unwrap_err();
    /// assert_eq!(err.code().code(), "SDP0010");
    /// # Ok::<(), sdp_core::ParseError>(())
    /// ```
    pub fn parse_with(text: &'a str, options: &ParseOptions) -> Result<Parsed<'a>, ParseError> {
        parse::parse(text, options, true)
    }

    /// Parses bytes leniently; input that is not UTF-8 is an error naming the first bad byte.
    ///
    /// ```
    /// let err = sdp_core::Session::parse_bytes(b"v=0\r\ns=\xff\r\n").unwrap_err();
    /// assert_eq!((err.line(), err.column()), (2, 3));
    /// ```
    pub fn parse_bytes(bytes: &'a [u8]) -> Result<Session<'a>, ParseError> {
        match std::str::from_utf8(bytes) {
            Ok(text) => Session::parse(text),
            Err(e) => {
                let at = e.valid_up_to();
                // Line and column come from the valid prefix, so they are exact.
                let prefix =
                    std::str::from_utf8(bytes.get(..at).unwrap_or_default()).unwrap_or_default();
                let bad = e.error_len().unwrap_or(1);
                let problem = Problem::new(
                    ErrorCode::InvalidUtf8,
                    Span::new(at, at + bad),
                    format!("expected UTF-8 text, found an invalid byte sequence at byte {at}"),
                );
                Err(ParseError::from_problem(prefix, problem))
            }
        }
    }

    /// A minimal valid session: `v=0`, the given `o=`, `s=<name>` and `t=0 0`.
    ///
    /// ```
    /// use sdp_core::{field::Origin, Session};
    /// let origin = Origin::parse("- 1 1 IN IP4 127.0.0.1").unwrap();
    /// let session = Session::new(&origin, "-");
    /// assert_eq!(session.to_string(), "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n");
    /// ```
    pub fn new(origin: &Origin<'_>, name: &str) -> Session<'static> {
        Session {
            lines: vec![
                Line::new('v', 0),
                Line::new('o', origin),
                Line::new('s', name),
                Line::new('t', Timing::default()),
            ],
            media: Vec::new(),
        }
    }

    /// The session-level lines, in order.
    pub fn lines(&self) -> &[Line<'a>] {
        &self.lines
    }

    /// The session-level lines, for editing.
    pub fn lines_mut(&mut self) -> &mut Vec<Line<'a>> {
        &mut self.lines
    }

    /// The media sections, in order.
    pub fn media(&self) -> &[Media<'a>] {
        &self.media
    }

    /// The media sections, for editing (add, remove, reorder).
    pub fn media_mut(&mut self) -> &mut Vec<Media<'a>> {
        &mut self.media
    }

    /// Appends a media section.
    pub fn push_media(&mut self, media: Media<'a>) {
        self.fix_final_eol();
        self.media.push(media);
    }

    /// The session with a media section appended (for building).
    pub fn with_media(mut self, media: Media<'a>) -> Self {
        self.push_media(media);
        self
    }

    /// The session with a typed session-level attribute added (for building).
    pub fn with_attribute<'t, T: TypedAttribute<'t>>(mut self, attr: &T) -> Self {
        self.push_attribute(attr);
        self
    }

    /// The session with a session-level line inserted in RFC 8866 order (for building).
    pub fn with_line(mut self, line: Line<'a>) -> Self {
        self.insert_line(line);
        self
    }

    fn first_value(&self, kind: LineKind) -> Option<&str> {
        self.lines
            .iter()
            .find(|l| l.kind() == kind)
            .map(Line::value)
    }

    /// The `o=` line, or `None` when missing or malformed.
    pub fn origin(&self) -> Option<Origin<'_>> {
        Origin::parse(self.first_value(LineKind::Origin)?).ok()
    }

    /// Replaces (or inserts) the `o=` line.
    pub fn set_origin(&mut self, origin: &Origin<'_>) {
        self.set_line(Line::new('o', origin));
    }

    /// The `s=` session name.
    pub fn name(&self) -> Option<&str> {
        self.first_value(LineKind::SessionName)
    }

    /// Replaces (or inserts) the `s=` line.
    pub fn set_name(&mut self, name: &str) {
        self.set_line(Line::new('s', name));
    }

    /// The session-level `c=` line.
    pub fn connection(&self) -> Option<Connection<'_>> {
        Connection::parse(self.first_value(LineKind::Connection)?).ok()
    }

    /// Replaces (or inserts) the session-level `c=` line.
    pub fn set_connection(&mut self, connection: &Connection<'_>) {
        self.set_line(Line::new('c', connection));
    }

    /// The session-level `b=` lines.
    pub fn bandwidths(&self) -> impl Iterator<Item = Bandwidth<'_>> + '_ {
        self.lines_of(LineKind::Bandwidth)
            .filter_map(|v| Bandwidth::parse(v).ok())
    }

    /// The `t=` lines.
    pub fn timings(&self) -> impl Iterator<Item = Timing> + '_ {
        self.lines_of(LineKind::Timing)
            .filter_map(|v| Timing::parse(v).ok())
    }

    /// The `r=` lines.
    pub fn repeats(&self) -> impl Iterator<Item = Repeat<'_>> + '_ {
        self.lines_of(LineKind::Repeat)
            .filter_map(|v| Repeat::parse(v).ok())
    }

    /// The `z=` line.
    pub fn time_zones(&self) -> Option<TimeZones<'_>> {
        TimeZones::parse(self.first_value(LineKind::TimeZones)?).ok()
    }

    fn lines_of(&self, kind: LineKind) -> impl Iterator<Item = &str> + '_ {
        self.lines
            .iter()
            .filter(move |l| l.kind() == kind)
            .map(Line::value)
    }

    /// The session-level attributes, in order.
    pub fn attributes(&self) -> impl Iterator<Item = Attribute<'_>> + '_ {
        level::attributes(&self.lines)
    }

    /// The first session-level attribute named `name`.
    pub fn attribute(&self, name: &str) -> Option<Attribute<'_>> {
        level::attribute(&self.lines, name)
    }

    /// Whether a session-level attribute named `name` is present.
    pub fn has_attribute(&self, name: &str) -> bool {
        level::has_attribute(&self.lines, name)
    }

    /// Every well-formed session-level attribute of type `T`, in order.
    pub fn typed<'s, T: TypedAttribute<'s> + 's>(&'s self) -> impl Iterator<Item = T> + 's {
        level::typed(&self.lines)
    }

    /// The first well-formed session-level attribute of type `T`.
    pub fn first<'s, T: TypedAttribute<'s> + 's>(&'s self) -> Option<T> {
        self.typed::<T>().next()
    }

    /// Every well-formed known session-level attribute, typed.
    pub fn typed_attributes(&self) -> impl Iterator<Item = AttrValue<'_>> + '_ {
        level::typed_attributes(&self.lines)
    }

    /// Appends a typed session-level attribute as a canonical line.
    pub fn push_attribute<'t, T: TypedAttribute<'t>>(&mut self, attr: &T) {
        self.insert_line(Line::from_text(attr::line_text(attr)));
    }

    /// Replaces the first session-level attribute of type `T`, or appends it.
    pub fn set_attribute<'t, T: TypedAttribute<'t>>(&mut self, attr: &T) {
        let line = Line::from_text(attr::line_text(attr));
        match self.lines.iter_mut().find(|l| l.is_attribute(T::NAME)) {
            Some(slot) => *slot = line,
            None => self.insert_line(line),
        }
    }

    /// Removes every session-level attribute named `name`; returns how many were removed.
    pub fn remove_attributes(&mut self, name: &str) -> usize {
        level::remove_attributes(&mut self.lines, name)
    }

    /// Inserts a session-level line where RFC 8866 §5 puts its type: after the last line of the
    /// same or an earlier type.
    pub fn insert_line(&mut self, line: Line<'a>) {
        // Lines without a place in the order (blank, unknown) count as attributes: last.
        let rank_of = |kind: LineKind| parse::session_rank(kind).unwrap_or(13);
        let rank = rank_of(line.kind());
        let at = self
            .lines
            .iter()
            .rposition(|l| rank_of(l.kind()) <= rank)
            .map_or(0, |i| i + 1);
        if at == self.lines.len() && self.media.is_empty() {
            self.fix_final_eol();
        } else if let Some(prev) = at.checked_sub(1).and_then(|i| self.lines.get_mut(i)) {
            if prev.eol() == Eol::None {
                prev.set_eol(Eol::CrLf);
            }
        }
        self.lines.insert(at, line);
    }

    /// Replaces the first line of the same kind, or inserts it in order.
    fn set_line(&mut self, line: Line<'a>) {
        match self.lines.iter_mut().find(|l| l.kind() == line.kind()) {
            Some(slot) => *slot = line,
            None => self.insert_line(line),
        }
    }

    /// The effective direction of `media`: its own direction attribute, else the session's,
    /// else `sendrecv` (RFC 8866 §6.7).
    pub fn direction_of(&self, media: &Media<'_>) -> Direction {
        media
            .direction()
            .or_else(|| {
                self.attributes()
                    .find_map(|a| Direction::from_name(a.name()).filter(|_| a.value().is_none()))
            })
            .unwrap_or_default()
    }

    /// The effective connection of `media`: its first `c=`, else the session's.
    pub fn connection_of<'s>(&'s self, media: &'s Media<'_>) -> Option<Connection<'s>> {
        media.connections().next().or_else(|| self.connection())
    }

    /// The media section with `a=mid:<mid>`.
    pub fn media_by_mid(&self, mid: &str) -> Option<&Media<'a>> {
        self.media.iter().find(|m| m.mid() == Some(mid))
    }

    /// Rewrites every line canonically: no indentation or trailing white space, canonical
    /// spacing of typed values, CRLF endings, blank lines removed. Lines and attributes keep
    /// their order; malformed lines keep their (trimmed) text.
    ///
    /// ```
    /// let mut s = sdp_core::Session::parse("v=0\n o=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0  0\n").unwrap();
    /// s.normalize();
    /// assert_eq!(s.to_string(), "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n");
    /// ```
    pub fn normalize(&mut self) {
        self.lines.retain(|l| l.kind() != LineKind::Blank);
        for line in &mut self.lines {
            *line = canonical_line(line);
        }
        for media in &mut self.media {
            media.lines_mut().retain(|l| l.kind() != LineKind::Blank);
            for line in media.all_lines_mut() {
                *line = canonical_line(line);
            }
        }
    }

    /// Sets every line ending to `eol` (e.g. [`Eol::Lf`] for `sdp fmt --lf`).
    pub fn set_line_endings(&mut self, eol: Eol) {
        for line in &mut self.lines {
            line.set_eol(eol);
        }
        for media in &mut self.media {
            for line in media.all_lines_mut() {
                line.set_eol(eol);
            }
        }
    }

    /// Every line, session level first, then each media section.
    pub fn all_lines(&self) -> impl Iterator<Item = &Line<'a>> + '_ {
        self.lines
            .iter()
            .chain(self.media.iter().flat_map(Media::all_lines))
    }

    /// Writes the session into any `fmt::Write` (a `String`, a formatter).
    pub fn write_to<W: fmt::Write + ?Sized>(&self, out: &mut W) -> fmt::Result {
        write::write_runs(self.line_runs(), out)
    }

    /// The lines in order as slices: the session-level lines, then each section's `m=` line
    /// and its lines (what the writer walks).
    fn line_runs(&self) -> impl Iterator<Item = &[Line<'a>]> + '_ {
        std::iter::once(self.lines.as_slice()).chain(
            self.media
                .iter()
                .flat_map(|m| [std::slice::from_ref(m.line()), m.lines()]),
        )
    }

    /// Writes the session into any `io::Write` (a file, a socket, a `Vec<u8>`).
    pub fn write_io<W: io::Write + ?Sized>(&self, out: &mut W) -> io::Result<()> {
        let mut adapter = IoAdapter {
            inner: out,
            error: None,
        };
        match self.write_to(&mut adapter) {
            Ok(()) => Ok(()),
            Err(_) => Err(adapter
                .error
                .unwrap_or_else(|| io::Error::other("formatting failed"))),
        }
    }

    /// The number of bytes [`Session::write_to`] writes.
    pub fn written_len(&self) -> usize {
        write::written_len(self.line_runs())
    }

    /// The same session owning its text, free of the input's lifetime.
    pub fn into_owned(self) -> Session<'static> {
        Session {
            lines: self.lines.into_iter().map(Line::into_owned).collect(),
            media: self.media.into_iter().map(Media::into_owned).collect(),
        }
    }

    /// Gives the last line an ending before something is appended after it.
    fn fix_final_eol(&mut self) {
        let last = match self.media.last_mut() {
            Some(media) => media.lines_mut().last_mut(),
            None => self.lines.last_mut(),
        };
        if let Some(last) = last {
            if last.eol() == Eol::None {
                last.set_eol(Eol::CrLf);
            }
        }
    }
}

/// The canonical form of one line: typed values re-written, text trimmed, CRLF.
fn canonical_line(line: &Line<'_>) -> Line<'static> {
    let value = line.value();
    let typed = match line.kind() {
        LineKind::Attribute => match line.as_attribute().and_then(|a| a.typed()) {
            Some(Ok(v)) => return v.to_line(),
            _ => None,
        },
        LineKind::Origin => Origin::parse(value).ok().map(|v| v.to_string()),
        LineKind::Connection => Connection::parse(value).ok().map(|v| v.to_string()),
        LineKind::Bandwidth => Bandwidth::parse(value).ok().map(|v| v.to_string()),
        LineKind::Timing => Timing::parse(value).ok().map(|v| v.to_string()),
        LineKind::Repeat => Repeat::parse(value).ok().map(|v| v.to_string()),
        LineKind::TimeZones => TimeZones::parse(value).ok().map(|v| v.to_string()),
        LineKind::Media => MediaLine::parse(value).ok().map(|v| v.to_string()),
        _ => None,
    };
    match (typed, line.letter()) {
        (Some(text), Some(letter)) => Line::new(letter, text),
        _ => line.canonical(),
    }
}

/// Writes the session exactly as held (byte for byte when unchanged).
impl fmt::Display for Session<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_to(f)
    }
}
