//! Parse options: strict or lenient, and limits for hostile input.

/// How the parser treats deviations from the RFC 8866 grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Mode {
    /// Accept real-world quirks (missing `s=`/`t=`, out-of-order, blank or indented lines,
    /// malformed known attributes kept as text, ...) and report each as a
    /// [`ParseWarning`](crate::ParseWarning). The default.
    #[default]
    Lenient,
    /// Refuse any deviation from the grammar with a [`ParseError`](crate::ParseError).
    ///
    /// Placement advice that the grammar does not decide (a media-level attribute at session
    /// level, [`ErrorCode::AttributeScope`](crate::ErrorCode::AttributeScope)) stays a warning.
    Strict,
}

/// Size limits. Input that exceeds one is refused with
/// [`ErrorCode::LimitExceeded`](crate::ErrorCode::LimitExceeded) (`SDP0017`) in both modes,
/// at the line where it is crossed, with a message naming the limit:
/// `line 1025, column 1: expected at most 1024 media sections (limit `max_media` of
/// `ParseOptions`)`.
///
/// The defaults are far above anything a real endpoint sends (a 20-party conference offer is
/// about 100 KB with 40 m-sections) and low enough that a hostile peer cannot make the parser
/// hold much more memory than the input itself. Parsing is linear in the input size with or
/// without them (`benches/benches/scaling.rs`); what they bound is the work of the consumers
/// that walk the sections and attributes afterwards (validation, negotiation, diff).
///
/// ```
/// use sdp_core::{ErrorCode, Limits, ParseOptions, Session};
/// let options = ParseOptions::lenient().with_limits(Limits { max_media: 1, ..Limits::default() });
/// let text = "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\nm=video 9 RTP/AVP 96\r\n";
/// let err = Session::parse_with(text, &options).unwrap_err();
/// assert_eq!(err.code(), ErrorCode::LimitExceeded);
/// assert_eq!(err.line(), 6);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Limits {
    /// Largest input, in bytes (default 16 MiB).
    pub max_input_bytes: usize,
    /// Longest line, in bytes without its ending (default 64 KiB).
    pub max_line_bytes: usize,
    /// Most lines (default 200 000).
    pub max_lines: usize,
    /// Most media sections (default 1024).
    pub max_media: usize,
    /// Most attributes in one section, session level included (default 10 000).
    pub max_attributes_per_section: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 16 << 20,
            max_line_bytes: 64 << 10,
            max_lines: 200_000,
            max_media: 1024,
            max_attributes_per_section: 10_000,
        }
    }
}

impl Limits {
    /// No practical limit (for trusted input, benchmarks and tools that read huge files).
    pub const fn unlimited() -> Self {
        Limits {
            max_input_bytes: usize::MAX,
            max_line_bytes: usize::MAX,
            max_lines: usize::MAX,
            max_media: usize::MAX,
            max_attributes_per_section: usize::MAX,
        }
    }
}

/// Options for [`Session::parse_with`](crate::Session::parse_with).
///
/// ```
/// use sdp_core::{ParseOptions, Session};
/// let sdp = "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n";
/// assert!(Session::parse_with(sdp, &ParseOptions::strict()).is_ok());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ParseOptions {
    /// Strict or lenient.
    pub mode: Mode,
    /// Size limits.
    pub limits: Limits,
}

impl ParseOptions {
    /// Lenient parsing with default limits (the same as [`Session::parse`](crate::Session::parse)).
    pub fn lenient() -> Self {
        ParseOptions::default()
    }

    /// Strict parsing with default limits.
    pub fn strict() -> Self {
        ParseOptions {
            mode: Mode::Strict,
            ..ParseOptions::default()
        }
    }

    /// The same options with other limits.
    pub fn with_limits(self, limits: Limits) -> Self {
        ParseOptions { limits, ..self }
    }
}
