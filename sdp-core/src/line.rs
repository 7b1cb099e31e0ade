//! One line of a description, kept with its exact source text.
//!
//! A [`Line`] remembers the text it was parsed from and its line ending, so that an unchanged
//! description writes back byte for byte. Typed values (an [`Origin`](crate::Origin), an
//! [`AttrValue`](crate::AttrValue), ...) are parsed from that text on demand, borrowing it.
//! Building or changing a line through the API stores its canonical text with a CRLF ending.

use std::borrow::Cow;
use std::fmt;

use crate::attr::Attribute;
use crate::span::Span;

/// The line ending a line had in the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Eol {
    /// `\r\n`, the ending RFC 8866 prescribes and the one new lines get.
    #[default]
    CrLf,
    /// A bare `\n`.
    Lf,
    /// No ending: the last line of an input that does not end with a newline.
    None,
}

impl Eol {
    /// The bytes of the ending.
    pub const fn as_str(self) -> &'static str {
        match self {
            Eol::CrLf => "\r\n",
            Eol::Lf => "\n",
            Eol::None => "",
        }
    }
}

/// What a line is, from its type letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LineKind {
    /// `v=` protocol version.
    Version,
    /// `o=` origin.
    Origin,
    /// `s=` session name.
    SessionName,
    /// `i=` session or media title.
    Information,
    /// `u=` URI of description.
    Uri,
    /// `e=` email address.
    Email,
    /// `p=` phone number.
    Phone,
    /// `c=` connection data.
    Connection,
    /// `b=` bandwidth.
    Bandwidth,
    /// `t=` timing.
    Timing,
    /// `r=` repeat times.
    Repeat,
    /// `z=` time zone adjustments.
    TimeZones,
    /// `k=` encryption key (obsolete).
    Key,
    /// `a=` attribute.
    Attribute,
    /// `m=` media description; it starts a [`Media`](crate::Media) section.
    Media,
    /// An empty (or all-white-space) line.
    Blank,
    /// A `<letter>=` line of a type RFC 8866 does not define, e.g. `y=` or `f=`.
    Unknown,
    /// A line without `=` after its first character.
    Malformed,
}

impl LineKind {
    /// The kind of a line with type letter `letter`.
    pub const fn from_letter(letter: u8) -> LineKind {
        match letter {
            b'v' => LineKind::Version,
            b'o' => LineKind::Origin,
            b's' => LineKind::SessionName,
            b'i' => LineKind::Information,
            b'u' => LineKind::Uri,
            b'e' => LineKind::Email,
            b'p' => LineKind::Phone,
            b'c' => LineKind::Connection,
            b'b' => LineKind::Bandwidth,
            b't' => LineKind::Timing,
            b'r' => LineKind::Repeat,
            b'z' => LineKind::TimeZones,
            b'k' => LineKind::Key,
            b'a' => LineKind::Attribute,
            b'm' => LineKind::Media,
            _ => LineKind::Unknown,
        }
    }

    /// The type letter, for the kinds that have a fixed one.
    pub const fn letter(self) -> Option<char> {
        Some(match self {
            LineKind::Version => 'v',
            LineKind::Origin => 'o',
            LineKind::SessionName => 's',
            LineKind::Information => 'i',
            LineKind::Uri => 'u',
            LineKind::Email => 'e',
            LineKind::Phone => 'p',
            LineKind::Connection => 'c',
            LineKind::Bandwidth => 'b',
            LineKind::Timing => 't',
            LineKind::Repeat => 'r',
            LineKind::TimeZones => 'z',
            LineKind::Key => 'k',
            LineKind::Attribute => 'a',
            LineKind::Media => 'm',
            LineKind::Blank | LineKind::Unknown | LineKind::Malformed => return None,
        })
    }
}

/// One line of a description: its text (without the line ending), its ending and where it came
/// from.
///
/// The text is borrowed from the input when parsed, owned when built or changed.
#[derive(Clone)]
pub struct Line<'a> {
    text: Cow<'a, str>,
    eol: Eol,
    kind: LineKind,
    /// Offset of the value: just after `x=` (0 for blank and malformed lines).
    value_start: u32,
    /// End of the value: the text length less trailing white space.
    value_end: u32,
    /// For attributes: the end of the name, where the `:` (if any) sits.
    name_end: u32,
    /// Where the text starts in the parsed input; `None` for lines built through the API.
    offset: Option<usize>,
}

fn clamp_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl<'a> Line<'a> {
    /// Classifies `text` (one line, without its ending) found at byte `offset` of the input.
    #[inline(always)]
    pub(crate) fn scan(text: &'a str, eol: Eol, offset: Option<usize>) -> Line<'a> {
        let bytes = text.as_bytes();
        // Nearly every real line is `x=value` with no white space around it: decide that case
        // from its first two bytes and last byte, without walking the line.
        let (kind, value_start) = match bytes {
            [letter, b'=', ..] if !matches!(letter, b' ' | b'\t') => {
                (LineKind::from_letter(*letter), 2)
            }
            _ => {
                let indent = bytes
                    .iter()
                    .take_while(|b| matches!(b, b' ' | b'\t'))
                    .count();
                match (bytes.get(indent), bytes.get(indent + 1)) {
                    (None, _) => (LineKind::Blank, indent),
                    (Some(&letter), Some(b'=')) => (LineKind::from_letter(letter), indent + 2),
                    (Some(_), _) => (LineKind::Malformed, indent),
                }
            }
        };
        let value_end = match bytes.last() {
            Some(b' ' | b'\t') => {
                let trailing = bytes
                    .iter()
                    .rev()
                    .take_while(|b| matches!(b, b' ' | b'\t'))
                    .count();
                (bytes.len() - trailing).max(value_start)
            }
            _ => bytes.len().max(value_start),
        };
        let name_end = if kind == LineKind::Attribute {
            // Attribute names are short: a byte loop costs less than a vectorised search's
            // set-up, and measured less than eight bytes at a time (SWAR) too.
            let mut i = value_start;
            while i < value_end && bytes.get(i).is_some_and(|&b| b != b':') {
                i += 1;
            }
            i
        } else {
            value_start
        };
        Line {
            text: Cow::Borrowed(text),
            eol,
            kind,
            value_start: clamp_u32(value_start),
            value_end: clamp_u32(value_end),
            name_end: clamp_u32(name_end),
            offset,
        }
    }

    /// A new line of type `letter` with `value`, written canonically (`x=value` and CRLF).
    ///
    /// ```
    /// let line = sdp_core::Line::new('s', "-");
    /// assert_eq!(line.to_string(), "s=-\r\n");
    /// ```
    pub fn new(letter: char, value: impl fmt::Display) -> Line<'static> {
        Line::from_text(format!("{letter}={value}"))
    }

    /// A new `a=` line: `a=name` or `a=name:value`.
    ///
    /// ```
    /// let line = sdp_core::Line::attribute("mid", Some("0"));
    /// assert_eq!(line.to_string(), "a=mid:0\r\n");
    /// ```
    pub fn attribute(name: &str, value: Option<&str>) -> Line<'static> {
        match value {
            Some(value) => Line::from_text(format!("a={name}:{value}")),
            None => Line::from_text(format!("a={name}")),
        }
    }

    /// A line from its full text (e.g. `"a=rtcp-mux"`), with a CRLF ending.
    ///
    /// Text from a `\n` on is cut off (with a `\r` just before it), so that the line stays one
    /// line; a lone `\r` is ordinary text to the parser and is kept.
    pub fn from_text(text: impl Into<String>) -> Line<'static> {
        let mut text: String = text.into();
        if let Some(i) = memchr::memchr(b'\n', text.as_bytes()) {
            text.truncate(i);
            if text.ends_with('\r') {
                text.pop();
            }
        }
        let mut line = Line::scan("", Eol::CrLf, None);
        let scanned = Line::scan(&text, Eol::CrLf, None);
        line.kind = scanned.kind;
        line.value_start = scanned.value_start;
        line.value_end = scanned.value_end;
        line.name_end = scanned.name_end;
        line.text = Cow::Owned(text);
        line
    }

    /// What kind of line this is.
    pub fn kind(&self) -> LineKind {
        self.kind
    }

    /// The exact text of the line, without its ending.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The line ending.
    pub fn eol(&self) -> Eol {
        self.eol
    }

    /// Sets the line ending (e.g. to turn a whole description into LF).
    pub fn set_eol(&mut self, eol: Eol) {
        self.eol = eol;
    }

    /// The type letter as written (`'a'` for `a=...`), if the line has one.
    pub fn letter(&self) -> Option<char> {
        match self.kind {
            LineKind::Blank | LineKind::Malformed => None,
            _ => self
                .text
                .get(..self.value_start as usize)
                .and_then(|head| head.trim_start().chars().next()),
        }
    }

    /// The value after `x=`, without trailing white space.
    ///
    /// For an attribute this is everything after `a=`, name included; see [`Line::as_attribute`].
    pub fn value(&self) -> &str {
        self.text
            .get(self.value_start as usize..self.value_end as usize)
            .unwrap_or_default()
    }

    /// Byte offset of [`Line::value`] within [`Line::text`].
    pub fn value_offset(&self) -> usize {
        self.value_start as usize
    }

    /// Where this line sits in the parsed input (text only, without the ending); `None` for lines
    /// built through the API.
    pub fn span(&self) -> Option<Span> {
        self.offset.map(|o| Span::new(o, o + self.text.len()))
    }

    /// Whether the line has white space before its type letter.
    pub fn is_indented(&self) -> bool {
        self.text.starts_with([' ', '\t'])
    }

    /// The attribute view of an `a=` line: its name and optional value.
    pub fn as_attribute(&self) -> Option<Attribute<'_>> {
        if self.kind != LineKind::Attribute {
            return None;
        }
        let name = self
            .text
            .get(self.value_start as usize..self.name_end as usize)
            .unwrap_or_default();
        let value = if self.name_end < self.value_end
            || self.text.as_bytes().get(self.name_end as usize) == Some(&b':')
        {
            self.text
                .get(self.name_end as usize + 1..self.value_end.max(self.name_end + 1) as usize)
        } else {
            None
        };
        Some(Attribute::new(name, value))
    }

    /// Whether this is an `a=` line with this exact name.
    pub fn is_attribute(&self, name: &str) -> bool {
        // Bytes, not `str::get`: the name ends at an ASCII byte, and equal bytes of a `&str`
        // are whole characters, so this answers as the `str` comparison would, minus the
        // character-boundary checks.
        self.kind == LineKind::Attribute
            && self
                .text
                .as_bytes()
                .get(self.value_start as usize..self.name_end as usize)
                == Some(name.as_bytes())
    }

    /// The same line owning its text, free of the input's lifetime.
    pub fn into_owned(self) -> Line<'static> {
        Line {
            text: Cow::Owned(self.text.into_owned()),
            eol: self.eol,
            kind: self.kind,
            value_start: self.value_start,
            value_end: self.value_end,
            name_end: self.name_end,
            offset: self.offset,
        }
    }

    /// The line written canonically: no indentation, CRLF, and no trailing white space except
    /// in the free-text lines (`s= i= u= e= p=`), whose text may end with spaces; an empty `s=`
    /// becomes `s= `, RFC 8866 §5.3's spelling of "no name".
    pub fn canonical(&self) -> Line<'static> {
        let raw_value = self
            .text
            .get(self.value_start as usize..)
            .unwrap_or_default();
        match (self.kind, self.letter()) {
            (LineKind::SessionName, Some(letter)) if raw_value.is_empty() => {
                Line::from_text(format!("{letter}= "))
            }
            (
                LineKind::SessionName
                | LineKind::Information
                | LineKind::Uri
                | LineKind::Email
                | LineKind::Phone,
                Some(letter),
            ) => Line::from_text(format!("{letter}={raw_value}")),
            (_, Some(letter)) => Line::from_text(format!("{letter}={}", self.value())),
            // Only the white space the scanner skips (space, tab): `str::trim` would also strip
            // a `\r` or a Unicode space and could turn `\rm=` into an `m=` line.
            (_, None) => Line::from_text(self.text.trim_matches([' ', '\t']).to_owned()),
        }
    }

    /// Whether the line keeps its source text unchanged (borrowed from the input).
    pub fn is_borrowed(&self) -> bool {
        matches!(self.text, Cow::Borrowed(_))
    }
}

/// Lines are equal when they would write the same bytes; where they came from does not matter.
impl PartialEq for Line<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text && self.eol == other.eol
    }
}

impl Eq for Line<'_> {}

impl fmt::Debug for Line<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}{}", self.text, self.eol.as_str().escape_debug())
    }
}

/// Writes the text and its ending.
impl fmt::Display for Line<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)?;
        f.write_str(self.eol.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scan_splits_attribute_name_and_value() {
        let line = Line::scan("a=rtpmap:111 opus/48000/2  ", Eol::Lf, Some(10));
        assert_eq!(line.kind(), LineKind::Attribute);
        assert_eq!(line.value(), "rtpmap:111 opus/48000/2");
        let attr = line.as_attribute().unwrap();
        assert_eq!(attr.name(), "rtpmap");
        assert_eq!(attr.value(), Some("111 opus/48000/2"));
        assert_eq!(line.span(), Some(Span::new(10, 37)));
        assert_eq!(line.to_string(), "a=rtpmap:111 opus/48000/2  \n");
    }

    #[test]
    fn scan_tells_flags_from_empty_values() {
        let flag = Line::scan("a=rtcp-mux", Eol::CrLf, None);
        assert_eq!(flag.as_attribute().unwrap().value(), None);
        let empty = Line::scan("a=foo:", Eol::CrLf, None);
        let attr = empty.as_attribute().unwrap();
        assert_eq!(attr.name(), "foo");
        assert_eq!(attr.value(), Some(""));
    }

    #[test]
    fn scan_classifies_blank_indented_unknown_and_malformed_lines() {
        assert_eq!(Line::scan("  ", Eol::CrLf, None).kind(), LineKind::Blank);
        let indented = Line::scan("  s=x", Eol::CrLf, None);
        assert_eq!(indented.kind(), LineKind::SessionName);
        assert!(indented.is_indented());
        assert_eq!(indented.value(), "x");
        assert_eq!(indented.letter(), Some('s'));
        assert_eq!(Line::scan("y=0", Eol::CrLf, None).kind(), LineKind::Unknown);
        assert_eq!(
            Line::scan("hello", Eol::CrLf, None).kind(),
            LineKind::Malformed
        );
        assert_eq!(Line::scan("a", Eol::CrLf, None).kind(), LineKind::Malformed);
    }

    #[test]
    fn new_lines_are_canonical_and_cannot_hold_two_lines() {
        assert_eq!(Line::new('t', "0 0").to_string(), "t=0 0\r\n");
        assert_eq!(Line::from_text("a=x\r\nb=y").to_string(), "a=x\r\n");
        assert_eq!(Line::from_text("a=x\ry").text(), "a=x\ry");
        let line = Line::scan("  a=mid:0 ", Eol::Lf, None);
        assert_eq!(line.canonical().to_string(), "a=mid:0\r\n");
        assert_eq!(
            Line::scan("s= ", Eol::Lf, None).canonical().to_string(),
            "s= \r\n"
        );
        assert_eq!(
            Line::scan("s=", Eol::Lf, None).canonical().to_string(),
            "s= \r\n"
        );
        assert_eq!(
            Line::scan(" i=two words ", Eol::Lf, None)
                .canonical()
                .to_string(),
            "i=two words \r\n"
        );
    }
}
