//! The session parser: splits the input into lines, sorts them into the session level and media
//! sections, and checks each line's grammar and place.
//!
//! Every line is checked once here; lenient mode records problems as warnings and keeps the
//! line's text, strict mode stops at the first. Typed values are parsed again on demand later,
//! which costs little and keeps the model borrowed and small.

use crate::attr::registry;
use crate::error::{ErrorCode, ParseError, ParseWarning, Problem, ValueError};
use crate::field::{Bandwidth, Connection, Key, MediaLine, Origin, Repeat, TimeZones, Timing};
use crate::line::{Eol, Line, LineKind};
use crate::media::Media;
use crate::options::{Mode, ParseOptions};
use crate::session::Session;
use crate::span::Span;

/// A parsed session and the warnings the lenient parser recovered from.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed<'a> {
    /// The session.
    pub session: Session<'a>,
    /// Deviations from RFC 8866 that were accepted. In strict mode only placement advice
    /// ([`ErrorCode::AttributeScope`]) can appear here.
    pub warnings: Vec<ParseWarning>,
}

/// Rank of a line type in the order RFC 8866 §5 prescribes, at session level.
pub(crate) fn session_rank(kind: LineKind) -> Option<u8> {
    Some(match kind {
        LineKind::Version => 0,
        LineKind::Origin => 1,
        LineKind::SessionName => 2,
        LineKind::Information => 3,
        LineKind::Uri => 4,
        LineKind::Email => 5,
        LineKind::Phone => 6,
        LineKind::Connection => 7,
        LineKind::Bandwidth => 8,
        LineKind::Timing => 9,
        LineKind::Repeat => 10,
        LineKind::TimeZones => 11,
        LineKind::Key => 12,
        LineKind::Attribute => 13,
        _ => return None,
    })
}

/// Rank within a media section (`m= i= c=* b=* k= a=*`).
pub(crate) fn media_rank(kind: LineKind) -> Option<u8> {
    Some(match kind {
        LineKind::Media => 0,
        LineKind::Information => 1,
        LineKind::Connection => 2,
        LineKind::Bandwidth => 3,
        LineKind::Key => 4,
        LineKind::Attribute => 5,
        _ => return None,
    })
}

/// Whether a line type may appear more than once in its section.
fn repeatable(kind: LineKind, session_level: bool) -> bool {
    match kind {
        LineKind::Email | LineKind::Phone | LineKind::Bandwidth | LineKind::Attribute => true,
        LineKind::Timing | LineKind::Repeat => session_level,
        LineKind::Connection => !session_level,
        _ => false,
    }
}

fn bit(kind: LineKind) -> u32 {
    1 << (kind as u32)
}

struct Parser<'a, 'o> {
    src: &'a str,
    opts: &'o ParseOptions,
    /// Whether to check each line's grammar and place. Off when the caller cannot observe the
    /// result: lenient parsing that discards its warnings fails only on fatal problems.
    check: bool,
    warnings: Vec<ParseWarning>,
    session: Vec<Line<'a>>,
    media: Vec<Media<'a>>,
    /// Lines of the section being read. They move into the section's own vector, allocated to
    /// size, when the section ends: one allocation per section without counting lines first.
    pending: Vec<Line<'a>>,
    /// Highest rank seen in the current section.
    rank: u8,
    /// Line kinds seen in the current section (bit set).
    seen: u32,
    attributes_in_section: usize,
    any_typed_line: bool,
}

impl<'a> Parser<'a, '_> {
    fn report(&mut self, problem: Problem) -> Result<(), ParseError> {
        match self.opts.mode {
            Mode::Strict => Err(ParseError::from_problem(self.src, problem)),
            Mode::Lenient => {
                self.warnings.push(problem.into_warning(self.src));
                Ok(())
            }
        }
    }

    /// Advice rather than grammar (e.g. an attribute at the wrong level): a warning in both
    /// modes, so strict parsing still accepts what the RFC 8866 grammar allows.
    fn advise(&mut self, problem: Problem) {
        self.warnings.push(problem.into_warning(self.src));
    }

    fn fatal(&self, problem: Problem) -> ParseError {
        ParseError::from_problem(self.src, problem)
    }

    /// A problem in a value, at `err.offset` bytes into the value of `line`.
    fn value_problem(
        line: &Line<'a>,
        err: ValueError,
        code: ErrorCode,
        context: String,
    ) -> Problem {
        let base = line.span().map_or(0, |s| s.start) + line.value_offset();
        let value_len = line.value().len();
        let start = base + err.offset.min(value_len);
        let found = err.found_in(line.value());
        Problem::new(
            code,
            Span::new(start, start + found.len()),
            format!("expected {}", err.expected),
        )
        .found(Span::new(start, base + value_len))
        .context(context)
    }

    fn line_span(line: &Line<'a>) -> Span {
        line.span().unwrap_or_default()
    }

    fn check_order(&mut self, line: &Line<'a>) -> Result<(), ParseError> {
        let session_level = self.media.is_empty();
        let kind = line.kind();
        let rank = if session_level {
            session_rank(kind)
        } else {
            media_rank(kind)
        };
        let Some(rank) = rank else {
            return Ok(());
        };
        let letter = line.letter().unwrap_or('?');
        if self.seen & bit(kind) != 0 && !repeatable(kind, session_level) {
            let problem = Problem::new(
                ErrorCode::DuplicateLine,
                Self::line_span(line),
                format!(
                    "at most one `{letter}=` line {}",
                    if session_level {
                        "at session level"
                    } else {
                        "per media section"
                    }
                ),
            );
            self.report(problem)?;
        } else if rank < self.rank {
            // t= may follow r= (several t=/r* groups); everything else must keep the order.
            let repeat_group = session_level && kind == LineKind::Timing && self.rank == 10;
            if !repeat_group {
                let order = if session_level {
                    "v o s i u e p c b t r z k a"
                } else {
                    "m i c b k a"
                };
                let problem = Problem::new(
                    ErrorCode::OutOfOrder,
                    Self::line_span(line),
                    format!(
                        "lines in the order {order} (RFC 8866 §5), but `{letter}=` comes too late"
                    ),
                );
                self.report(problem)?;
            }
        }
        if session_level && kind == LineKind::Repeat && self.seen & bit(LineKind::Timing) == 0 {
            let problem = Problem::new(
                ErrorCode::OutOfOrder,
                Self::line_span(line),
                "`r=` after a `t=` line",
            );
            self.report(problem)?;
        }
        self.rank = self.rank.max(rank);
        self.seen |= bit(kind);
        Ok(())
    }

    fn check_value(&mut self, line: &Line<'a>) -> Result<(), ParseError> {
        let value = line.value();
        let result = match line.kind() {
            LineKind::Version => {
                // proto-version = %x76 "=" 1*DIGIT; only version 0 exists (leading zeros allowed).
                let digits = !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit());
                if digits && value.bytes().all(|b| b == b'0') {
                    Ok(())
                } else if digits {
                    let span = Self::line_span(line);
                    let start = span.start + line.value_offset();
                    let problem = Problem::new(
                        ErrorCode::UnsupportedVersion,
                        Span::new(start, start + value.len()),
                        "expected protocol version `0`",
                    )
                    .found(Span::new(start, span.end));
                    return self.report(problem);
                } else {
                    Err(ValueError::new(0, "protocol version `0`"))
                }
            }
            LineKind::Origin => Origin::parse(value).map(drop),
            LineKind::SessionName => {
                if line.text().len() == line.value_offset() {
                    let span = Self::line_span(line);
                    let problem = Problem::new(
                        ErrorCode::EmptySessionName,
                        span,
                        "expected a session name (use `s=-` or `s= ` when there is none)",
                    );
                    return self.report(problem);
                }
                Ok(())
            }
            LineKind::Connection => Connection::parse(value).map(drop),
            LineKind::Bandwidth => Bandwidth::parse(value).map(drop),
            LineKind::Timing => Timing::parse(value).map(drop),
            LineKind::Repeat => Repeat::parse(value).map(drop),
            LineKind::TimeZones => TimeZones::parse(value).map(drop),
            LineKind::Key => Key::parse(value).map(drop),
            LineKind::Media => MediaLine::parse(value).map(drop),
            LineKind::Attribute => return self.check_attribute(line),
            LineKind::Blank => {
                let problem = Problem::new(
                    ErrorCode::BlankLine,
                    Self::line_span(line),
                    "no blank lines (RFC 8866 §5)",
                );
                return self.report(problem);
            }
            LineKind::Unknown => {
                let letter = line.letter().unwrap_or('?');
                let problem = Problem::new(
                    ErrorCode::UnknownLineType,
                    Self::line_span(line),
                    format!("a line type RFC 8866 defines (v o s i u e p c b t r z k a m), not `{letter}=`"),
                );
                return self.report(problem);
            }
            LineKind::Malformed => {
                let span = Self::line_span(line);
                let problem =
                    Problem::new(ErrorCode::MissingEquals, span, "expected `<type>=<value>`")
                        .found(span);
                return self.report(problem);
            }
            LineKind::Information | LineKind::Uri | LineKind::Email | LineKind::Phone => Ok(()),
        };
        match result {
            Ok(()) => Ok(()),
            Err(err) => {
                let letter = line.letter().unwrap_or('?');
                let problem = Self::value_problem(
                    line,
                    err,
                    ErrorCode::MalformedLine,
                    format!("`{letter}=` line"),
                );
                self.report(problem)
            }
        }
    }

    fn check_attribute(&mut self, line: &Line<'a>) -> Result<(), ParseError> {
        let Some(attr) = line.as_attribute() else {
            return Ok(());
        };
        let session_level = self.media.is_empty();
        self.count_attribute(line)?;
        let name = attr.name();
        if name.is_empty() {
            let problem = Problem::new(
                ErrorCode::EmptyAttributeName,
                Self::line_span(line),
                "expected an attribute name after `a=`",
            );
            return self.report(problem);
        }
        if attr.value() == Some("") {
            let err = ValueError::new(name.len() + 1, "a value after `:`");
            let problem = Self::value_problem(
                line,
                err,
                ErrorCode::MalformedAttribute,
                format!("a={name}"),
            );
            return self.report(problem);
        }
        let Some((spec, result)) = registry::parse_with_spec(name, attr.value()) else {
            return Ok(());
        };
        if let Err(err) = result {
            // Offsets from the typed parser are relative to the attribute value.
            let err = ValueError::new(err.offset + name.len() + 1, err.expected);
            let context = format!("a={name}");
            let problem = Self::value_problem(line, err, ErrorCode::MalformedAttribute, context);
            self.report(problem)?;
        }
        if !spec.scope.allows(session_level) {
            let level = if session_level {
                "in a media section"
            } else {
                "at session level"
            };
            let problem = Problem::new(
                ErrorCode::AttributeScope,
                Self::line_span(line),
                format!("`a={name}` only {level} ({})", spec.rfc),
            );
            self.advise(problem);
        }
        Ok(())
    }

    fn push(&mut self, line: Line<'a>) -> Result<(), ParseError> {
        if !self.check {
            return self.push_unchecked(line);
        }
        if line.is_indented() {
            let problem = Problem::new(
                ErrorCode::IndentedLine,
                Self::line_span(&line),
                "no white space before the line type",
            );
            self.report(problem)?;
        }
        if line.kind() == LineKind::Media {
            self.rank = 0;
            self.seen = bit(LineKind::Media);
            self.check_value(&line)?;
            return self.open_media(line);
        }
        self.check_order(&line)?;
        self.check_value(&line)?;
        self.pending.push(line);
        Ok(())
    }

    /// Sorts a line into its section, enforcing only the limits.
    fn push_unchecked(&mut self, line: Line<'a>) -> Result<(), ParseError> {
        match line.kind() {
            LineKind::Media => return self.open_media(line),
            LineKind::Attribute => self.count_attribute(&line)?,
            _ => {}
        }
        self.pending.push(line);
        Ok(())
    }

    /// Moves the lines read since the last `m=` line (or the start) into their section.
    fn end_section(&mut self) {
        let mut lines = Vec::with_capacity(self.pending.len());
        lines.append(&mut self.pending);
        match self.media.last_mut() {
            Some(media) => *media.lines_mut() = lines,
            None => self.session = lines,
        }
    }

    /// Starts a media section at its `m=` line.
    fn open_media(&mut self, line: Line<'a>) -> Result<(), ParseError> {
        if self.media.len() >= self.opts.limits.max_media {
            let problem = Problem::new(
                ErrorCode::LimitExceeded,
                Self::line_span(&line),
                format!(
                    "expected at most {} media sections (limit `max_media` of `ParseOptions`)",
                    self.opts.limits.max_media
                ),
            );
            return Err(self.fatal(problem));
        }
        self.attributes_in_section = 0;
        self.end_section();
        self.media.push(Media::from_parts(line, Vec::new()));
        Ok(())
    }

    /// Counts an attribute of the current section against the limit.
    fn count_attribute(&mut self, line: &Line<'a>) -> Result<(), ParseError> {
        self.attributes_in_section += 1;
        if self.attributes_in_section > self.opts.limits.max_attributes_per_section {
            let problem = Problem::new(
                ErrorCode::LimitExceeded,
                Self::line_span(line),
                format!(
                    "expected at most {} attributes per section (limit \
                     `max_attributes_per_section` of `ParseOptions`)",
                    self.opts.limits.max_attributes_per_section
                ),
            );
            return Err(self.fatal(problem));
        }
        Ok(())
    }
}

/// Parses `src`; `check` asks for every line's grammar and place to be checked (strict mode
/// errors, lenient mode warnings). Without it only fatal problems are reported.
pub(crate) fn parse<'a>(
    src: &'a str,
    opts: &ParseOptions,
    check: bool,
) -> Result<Parsed<'a>, ParseError> {
    let limits = &opts.limits;
    if src.len() > limits.max_input_bytes {
        let problem = Problem::new(
            ErrorCode::LimitExceeded,
            Span::new(0, 0),
            format!(
                "expected an input of at most {} bytes (limit `max_input_bytes` of \
                 `ParseOptions`), found {} bytes",
                limits.max_input_bytes,
                src.len()
            ),
        );
        return Err(ParseError::from_problem(src, problem));
    }
    if src.trim().is_empty() {
        let problem = Problem::new(
            ErrorCode::EmptyInput,
            Span::new(0, src.len()),
            "expected an SDP description, found empty input",
        );
        return Err(ParseError::from_problem(src, problem));
    }
    let bytes = src.as_bytes();
    let mut p = Parser {
        src,
        opts,
        check: check || opts.mode == Mode::Strict,
        warnings: Vec::new(),
        session: Vec::new(),
        media: Vec::new(),
        // Room for the largest section of a typical offer (lines average over 30 bytes), so
        // that the vector rarely grows; past 1024 lines it grows as needed.
        pending: Vec::with_capacity((src.len() / 32 + 1).min(1024)),
        rank: 0,
        seen: 0,
        attributes_in_section: 0,
        any_typed_line: false,
    };
    let mut pos = 0;
    let mut count = 0usize;
    while pos < src.len() {
        let (end, next, eol) = match memchr::memchr(b'\n', bytes.get(pos..).unwrap_or_default()) {
            Some(i) if i > 0 && bytes.get(pos + i - 1) == Some(&b'\r') => {
                (pos + i - 1, pos + i + 1, Eol::CrLf)
            }
            Some(i) => (pos + i, pos + i + 1, Eol::Lf),
            None => (src.len(), src.len(), Eol::None),
        };
        let text = src.get(pos..end).unwrap_or_default();
        count += 1;
        if count > limits.max_lines || text.len() > limits.max_line_bytes {
            let expected = if count > limits.max_lines {
                format!(
                    "expected at most {} lines (limit `max_lines` of `ParseOptions`)",
                    limits.max_lines
                )
            } else {
                format!(
                    "expected lines of at most {} bytes (limit `max_line_bytes` of \
                     `ParseOptions`), found a line of {} bytes",
                    limits.max_line_bytes,
                    text.len()
                )
            };
            let problem = Problem::new(ErrorCode::LimitExceeded, Span::new(pos, end), expected);
            return Err(ParseError::from_problem(src, problem));
        }
        let line = Line::scan(text, eol, Some(pos));
        if count == 1 && line.kind() != LineKind::Version && p.check {
            check_first_line(&mut p, &line)?;
        }
        if !matches!(
            line.kind(),
            LineKind::Blank | LineKind::Unknown | LineKind::Malformed
        ) {
            p.any_typed_line = true;
        }
        p.push(line)?;
        pos = next;
    }
    p.end_section();
    if !p.any_typed_line {
        let problem = Problem::new(
            ErrorCode::MissingVersion,
            Span::new(0, 0),
            "expected an SDP description (a first line `v=0`)",
        )
        .found(Span::new(0, src.len()));
        return Err(ParseError::from_problem(src, problem));
    }
    if p.check {
        check_mandatory(&mut p)?;
    }
    Ok(Parsed {
        session: Session::from_parts(p.session, p.media),
        warnings: p.warnings,
    })
}

fn check_first_line<'a>(p: &mut Parser<'a, '_>, line: &Line<'a>) -> Result<(), ParseError> {
    // A leading blank line is reported as such by the line checks; `check_mandatory` then
    // reports the missing `v=` against the first non-blank session-level line (or at the start
    // when the session level holds only blank lines).
    if line.kind() == LineKind::Blank {
        return Ok(());
    }
    let span = line.span().unwrap_or_default();
    let problem = Problem::new(
        ErrorCode::MissingVersion,
        span,
        "expected `v=0` as the first line",
    )
    .found(span);
    p.report(problem)
}

fn check_mandatory(p: &mut Parser<'_, '_>) -> Result<(), ParseError> {
    let starts_with_version = p
        .session
        .iter()
        .find(|l| l.kind() != LineKind::Blank)
        .is_some_and(|l| l.kind() == LineKind::Version);
    let first_is_blank = p
        .session
        .first()
        .is_some_and(|l| l.kind() == LineKind::Blank);
    if first_is_blank && !starts_with_version {
        let span = p
            .session
            .iter()
            .find(|l| l.kind() != LineKind::Blank)
            .and_then(Line::span)
            .unwrap_or_default();
        let problem = Problem::new(
            ErrorCode::MissingVersion,
            span,
            "expected `v=0` as the first line",
        );
        p.report(problem)?;
    }
    let mut missing = Vec::new();
    for (kind, name) in [
        (LineKind::Origin, "o="),
        (LineKind::SessionName, "s="),
        (LineKind::Timing, "t="),
    ] {
        if !p.session.iter().any(|l| l.kind() == kind) {
            missing.push(name);
        }
    }
    if !missing.is_empty() {
        let end = p.src.len();
        let problem = Problem::new(
            ErrorCode::MissingLine,
            Span::new(end, end),
            format!(
                "the mandatory session-level line(s) {} (RFC 8866 §5)",
                missing.join(", ")
            ),
        );
        p.report(problem)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
