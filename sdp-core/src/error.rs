//! Parse errors, lenient-mode warnings and the table of their codes.

use std::borrow::Cow;
use std::fmt;

use crate::span::{line_col, Span};

macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident = $code:literal, $title:literal; )*) => {
        /// What went wrong while parsing, as a stable code.
        ///
        /// The same codes name lenient-mode warnings: a problem the lenient parser recovers from
        /// becomes a [`ParseWarning`] with the code the strict parser's [`ParseError`] carries.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum ErrorCode {
            $( $(#[$doc])* $variant, )*
        }

        impl ErrorCode {
            /// Every code, in table order.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant,)*];

            /// The stable code string, e.g. `SDP0008`.
            pub const fn code(self) -> &'static str {
                match self { $(ErrorCode::$variant => $code,)* }
            }

            /// A one-line title of the problem.
            pub const fn title(self) -> &'static str {
                match self { $(ErrorCode::$variant => $title,)* }
            }
        }
    };
}

codes! {
    /// The input bytes are not UTF-8.
    InvalidUtf8 = "SDP0001", "input is not valid UTF-8";
    /// The input holds no line at all.
    EmptyInput = "SDP0002", "empty input";
    /// The first line is not `v=`.
    MissingVersion = "SDP0003", "the description does not start with `v=`";
    /// `v=` holds something other than `0`.
    UnsupportedVersion = "SDP0004", "protocol version is not `0`";
    /// A line has no `=` after its type letter.
    MissingEquals = "SDP0005", "line is not of the form `<type>=<value>`";
    /// A line type letter RFC 8866 does not define.
    UnknownLineType = "SDP0006", "unknown line type";
    /// An empty line.
    BlankLine = "SDP0007", "blank line";
    /// White space before the type letter.
    IndentedLine = "SDP0008", "indented line";
    /// A line out of the order RFC 8866 §5 prescribes.
    OutOfOrder = "SDP0009", "line out of order";
    /// A mandatory line (`o=`, `s=`, `t=`) is missing.
    MissingLine = "SDP0010", "mandatory line missing";
    /// A line that may appear once appears again.
    DuplicateLine = "SDP0011", "line repeated";
    /// A structural line (`o=`, `c=`, `m=`, ...) does not follow its grammar.
    MalformedLine = "SDP0012", "malformed line";
    /// A known attribute whose value does not follow its grammar.
    MalformedAttribute = "SDP0013", "malformed attribute";
    /// An attribute that belongs to the other level (session vs media).
    AttributeScope = "SDP0014", "attribute at the wrong level";
    /// An attribute with an empty name (`a=` or `a=:x`).
    EmptyAttributeName = "SDP0015", "attribute without a name";
    /// `s=` is empty (RFC 8866 asks for a single space or `-` instead).
    EmptySessionName = "SDP0016", "empty session name";
    /// A configured size limit was exceeded.
    LimitExceeded = "SDP0017", "input exceeds a parse limit";
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The error a typed field or attribute parser returns: where in the value it failed, and what
/// it expected there.
///
/// `offset` is a byte offset into the value given to the parser; the session parser turns it into
/// an absolute [`Span`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ValueError {
    /// Byte offset into the parsed value where the problem starts.
    pub offset: usize,
    /// What the parser expected there, e.g. `"a payload type (0-127)"`.
    pub expected: &'static str,
}

impl ValueError {
    /// An error at `offset` expecting `expected`.
    pub const fn new(offset: usize, expected: &'static str) -> Self {
        ValueError { offset, expected }
    }

    /// The token found at the error position: the text up to the next white space, at most 40
    /// characters.
    pub fn found_in(self, value: &str) -> &str {
        found_token(value, self.offset)
    }
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "expected {} at byte {}", self.expected, self.offset)
    }
}

impl std::error::Error for ValueError {}

/// The token at `offset` in `text`: up to the next white space, at most 40 characters.
pub(crate) fn found_token(text: &str, offset: usize) -> &str {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let rest = text.get(offset..).unwrap_or_default();
    let end = rest
        .char_indices()
        .take(40)
        .find(|&(_, c)| c == ' ' || c == '\t')
        .map_or_else(
            || rest.char_indices().nth(40).map_or(rest.len(), |(i, _)| i),
            |(i, _)| i,
        );
    rest.get(..end).unwrap_or_default()
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Detail {
    code: ErrorCode,
    span: Span,
    line: usize,
    column: usize,
    expected: Cow<'static, str>,
    found: Option<String>,
    context: Option<String>,
}

impl Detail {
    fn new(src: &str, p: Problem) -> Box<Detail> {
        let (line, column) = line_col(src, p.span.start);
        let found = p.found.map(|span| {
            let text = src.get(span.start..span.end).unwrap_or_default();
            found_token(text, 0).to_owned()
        });
        Box::new(Detail {
            code: p.code,
            span: p.span,
            line,
            column,
            expected: p.expected,
            found,
            context: p.context,
        })
    }

    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}: ", self.line, self.column)?;
        write!(f, "{}", self.expected)?;
        if let Some(context) = &self.context {
            write!(f, " in {context}")?;
        }
        match self.found.as_deref() {
            Some("") => f.write_str(", found end of line"),
            Some(found) => write!(f, ", found \"{}\"", found.escape_debug()),
            None => Ok(()),
        }
    }
}

/// Why the parser refused an input.
///
/// `Display` reads like `line 7, column 14: expected a payload type (0-127) in a=rtpmap, found
/// "abc"`. The data is boxed so that `Result<Session, ParseError>` stays small.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError(Box<Detail>);

/// The accessors both [`ParseError`] and [`ParseWarning`] have: they carry the same detail.
macro_rules! detail_accessors {
    ($ty:ident) => {
        impl $ty {
            /// The stable code of the problem.
            pub fn code(&self) -> ErrorCode {
                self.0.code
            }
            /// The bytes of the input the problem is about.
            pub fn span(&self) -> Span {
                self.0.span
            }
            /// 1-based line number.
            pub fn line(&self) -> usize {
                self.0.line
            }
            /// 1-based column, in characters.
            pub fn column(&self) -> usize {
                self.0.column
            }
            /// What the (strict) grammar expected, e.g. `expected a payload type (0-127)`.
            pub fn expected(&self) -> &str {
                &self.0.expected
            }
            /// The text found instead, when there was some (empty at the end of a line).
            pub fn found(&self) -> Option<&str> {
                self.0.found.as_deref()
            }
        }
    };
}

detail_accessors!(ParseError);
detail_accessors!(ParseWarning);

impl ParseError {
    pub(crate) fn from_problem(src: &str, p: Problem) -> Self {
        ParseError(Detail::new(src, p))
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for ParseError {}

/// A deviation from RFC 8866 that the lenient parser accepted.
///
/// Carries the same information as a [`ParseError`]: in strict mode the same problem is an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseWarning(Box<Detail>);

impl fmt::Display for ParseWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A problem found while parsing, before it is classed as error or warning.
#[derive(Debug)]
pub(crate) struct Problem {
    pub(crate) code: ErrorCode,
    pub(crate) span: Span,
    pub(crate) expected: Cow<'static, str>,
    pub(crate) found: Option<Span>,
    pub(crate) context: Option<String>,
}

impl Problem {
    pub(crate) fn new(code: ErrorCode, span: Span, expected: impl Into<Cow<'static, str>>) -> Self {
        Problem {
            code,
            span,
            expected: expected.into(),
            found: None,
            context: None,
        }
    }

    /// Reports the text from `span.start` to the end of `found` as what was found.
    pub(crate) fn found(mut self, found: Span) -> Self {
        self.found = Some(found);
        self
    }

    pub(crate) fn context(mut self, context: impl Into<String>) -> Self {
        self.context = Some(context.into());
        self
    }

    pub(crate) fn into_warning(self, src: &str) -> ParseWarning {
        ParseWarning(Detail::new(src, self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for code in ErrorCode::ALL {
            assert!(seen.insert(code.code()), "duplicate {}", code.code());
            assert_eq!(code.code().len(), 7);
            assert!(code.code().starts_with("SDP00"));
            assert!(!code.title().is_empty());
        }
    }

    #[test]
    fn error_display_names_line_column_expected_and_found() {
        let src = "v=0\r\na=rtpmap:abc opus/48000\r\n";
        let p = Problem::new(
            ErrorCode::MalformedAttribute,
            Span::new(14, 17),
            "expected a payload type (0-127)",
        )
        .found(Span::new(14, 29))
        .context("a=rtpmap");
        let e = ParseError::from_problem(src, p);
        assert_eq!(
            e.to_string(),
            "line 2, column 10: expected a payload type (0-127) in a=rtpmap, found \"abc\""
        );
        assert_eq!(e.line(), 2);
        assert_eq!(e.column(), 10);
        assert_eq!(e.found(), Some("abc"));
    }

    #[test]
    fn found_token_stops_at_white_space_and_caps_length() {
        assert_eq!(found_token("abc def", 0), "abc");
        assert_eq!(found_token("abc", 10), "");
        assert_eq!(found_token(&"x".repeat(100), 0).len(), 40);
    }
}
