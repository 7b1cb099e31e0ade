//! Errors of reading the JSON model back into SDP.

use std::fmt;

/// Why a JSON document could not be turned into SDP.
#[derive(Debug)]
#[non_exhaustive]
pub enum JsonError {
    /// Not JSON, or JSON that does not fit the model (a missing `lines`, a number where a
    /// string belongs, an unknown field in a line ...). serde_json's message carries the line
    /// and column.
    Json(serde_json::Error),
    /// The top-level object has no `sdpkit_json` field.
    MissingVersion,
    /// The `sdpkit_json` field names a version this build does not read.
    UnsupportedVersion {
        /// The value found, as JSON text.
        found: String,
    },
    /// A line that cannot be written as the SDP line it describes.
    Line {
        /// Where the line is in the document.
        at: LinePath,
        /// What is wrong with it.
        problem: LineProblem,
    },
}

/// Where a line is in the document: `session.lines[i]` or `media[m].lines[i]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LinePath {
    /// The index in `media`, or `None` for the session level.
    pub media: Option<usize>,
    /// The index in that `lines` array.
    pub line: usize,
}

impl fmt::Display for LinePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.media {
            Some(m) => write!(f, "media[{m}].lines[{}]", self.line),
            None => write!(f, "session.lines[{}]", self.line),
        }
    }
}

/// What is wrong with one line of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum LineProblem {
    /// The line has neither `type` nor `raw`.
    NoTypeOrRaw,
    /// The line has both `type` and `raw`.
    TypeAndRaw,
    /// A `raw` line also has `name` or `value`.
    RawWithParts,
    /// `type` is not one ASCII letter.
    BadType(String),
    /// An `a` line without `name`.
    MissingName,
    /// A `name` on a line that is not an `a` line.
    NameOnNonAttribute(String),
    /// An attribute name containing `:`, which would read back as name and value.
    ColonInName(String),
    /// Text containing a line feed, which would split the line in two.
    LineBreak,
    /// A line whose text ends with `\r` and whose ending is `lf`: it would read back as one
    /// line ending in CRLF.
    CarriageReturnBeforeLf,
    /// `eol: none` on a line that is not the last of the document.
    NoEolBeforeEnd,
    /// An `m=` line that is not the first line of a media entry: it would start a new section.
    StrayMediaLine,
    /// The first line of a media entry is not an `m=` line (`None`: the entry has no lines).
    NotMediaLine(Option<String>),
}

impl fmt::Display for LineProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LineProblem::NoTypeOrRaw => f.write_str("expected `type` or `raw` in a line"),
            LineProblem::TypeAndRaw => f.write_str("expected `type` or `raw`, not both"),
            LineProblem::RawWithParts => {
                f.write_str("expected no `name` or `value` beside `raw`")
            }
            LineProblem::BadType(found) => {
                write!(f, "expected `type` to be one letter, found {found:?}")
            }
            LineProblem::MissingName => f.write_str("expected `name` in an `a` line"),
            LineProblem::NameOnNonAttribute(letter) => {
                write!(f, "expected no `name` in a `{letter}` line (only `a` lines have one)")
            }
            LineProblem::ColonInName(name) => {
                write!(f, "expected an attribute name without `:`, found {name:?}")
            }
            LineProblem::LineBreak => f.write_str("expected text without a line feed (`\\n`)"),
            LineProblem::CarriageReturnBeforeLf => f.write_str(
                "expected `eol` `crlf` or `none` for text ending in `\\r`, found `lf`",
            ),
            LineProblem::NoEolBeforeEnd => {
                f.write_str("expected `eol` `none` only on the last line of the document")
            }
            LineProblem::StrayMediaLine => f.write_str(
                "expected no `m=` line here: each media section is an entry of `media`, its `m=` line first",
            ),
            LineProblem::NotMediaLine(None) => {
                f.write_str("expected an `m=` line first in a media entry, found no lines")
            }
            LineProblem::NotMediaLine(Some(found)) => write!(
                f,
                "expected an `m=` line first in a media entry, found {found:?}"
            ),
        }
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JsonError::Json(e) => write!(f, "not an sdpkit JSON document: {e}"),
            JsonError::MissingVersion => write!(
                f,
                "expected a `sdpkit_json` version field (`\"sdpkit_json\": {}`)",
                super::VERSION
            ),
            JsonError::UnsupportedVersion { found } => write!(
                f,
                "unsupported `sdpkit_json` version {found} (this build reads version {})",
                super::VERSION
            ),
            JsonError::Line { at, problem } => write!(f, "{at}: {problem}"),
        }
    }
}

impl std::error::Error for JsonError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            JsonError::Json(e) => Some(e),
            _ => None,
        }
    }
}

impl JsonError {
    /// The line and column (1-based) of a JSON error, when serde_json knows them.
    pub fn line_column(&self) -> Option<(usize, usize)> {
        match self {
            JsonError::Json(e) if e.line() > 0 => Some((e.line(), e.column())),
            _ => None,
        }
    }

    /// The path of the offending line, for line errors.
    pub fn line_path(&self) -> Option<LinePath> {
        match self {
            JsonError::Line { at, .. } => Some(*at),
            _ => None,
        }
    }
}
