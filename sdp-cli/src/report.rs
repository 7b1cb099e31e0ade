//! What `sdp validate` finds in one input: the parse result and the validation diagnostics,
//! as [`Finding`]s with line numbers that point into the file the user has.
//!
//! ```
//! use sdp_cli::input::split_sources;
//! use sdp_cli::report::{check, CheckOptions};
//! use sdp_core::validate::Severity;
//! let input = split_sources("x.sdp", b"v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/AVP 96\r\n".to_vec()).unwrap().remove(0);
//! let report = check(&input, &CheckOptions::default());
//! let finding = &report.findings[0];
//! assert_eq!((finding.code, finding.severity, finding.line), ("SDP0101", Severity::Error, 5));
//! assert!(report.fails(false));
//! ```

use sdp_core::validate::{self, lint_for_parse_code, Profile, Severity};
use sdp_core::{ParseError, ParseOptions, Session, Span};

use crate::input::Input;

/// How to check.
#[derive(Debug, Clone, Copy)]
pub struct CheckOptions {
    /// The rules to apply ([`Profile::Auto`] picks from the content).
    pub profile: Profile,
    /// Parse strictly: the quirks the lenient parser accepts with a warning are errors.
    pub strict: bool,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            profile: Profile::Auto,
            strict: false,
        }
    }
}

/// One problem found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The stable code, e.g. `SDP0203`.
    pub code: &'static str,
    /// The lint's name, e.g. `duplicate-mid`.
    pub name: &'static str,
    /// Error, warning or info (a refused parse is always an error).
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
    /// 1-based line in the file (the SDP's own line plus the input's line offset).
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The bytes concerned, as offsets into the SDP text.
    pub span: Option<Span>,
    /// How to fix it.
    pub help: Option<String>,
    /// The RFC and section behind the rule.
    pub rfc: &'static str,
    /// The media section concerned.
    pub media: Option<usize>,
}

/// Everything found in one input.
#[derive(Debug, Clone)]
pub struct Report {
    /// The input's label.
    pub label: String,
    /// The file it came from.
    pub path: String,
    /// Where in the file the SDP was (a webrtc-internals dump has its SDPs inside JSON strings,
    /// so line numbers there count within the SDP, not the file).
    pub kind: crate::input::Kind,
    /// The SDP text (invalid UTF-8 replaced), for showing source lines.
    pub text: String,
    /// Lines of the file before the SDP.
    pub line_offset: usize,
    /// The profile the rules came from (the detected one for `auto`); `None` when parsing
    /// failed.
    pub profile: Option<Profile>,
    /// The number of media sections, when it parsed.
    pub media_sections: Option<usize>,
    /// The findings, in line order.
    pub findings: Vec<Finding>,
}

impl Report {
    /// What a location names: the file, whose lines the finding's line numbers count, or, for
    /// an SDP inside a webrtc-internals dump, the label of the description.
    pub fn location(&self) -> &str {
        match self.kind {
            crate::input::Kind::WebrtcInternals => &self.label,
            _ => &self.path,
        }
    }

    /// How many findings have `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// Whether this input fails: an error, or a warning when warnings are denied.
    pub fn fails(&self, deny_warnings: bool) -> bool {
        self.findings.iter().any(|f| {
            f.severity == Severity::Error || (deny_warnings && f.severity == Severity::Warning)
        })
    }
}

/// Parses and validates one input.
pub fn check(input: &Input, options: &CheckOptions) -> Report {
    let text = String::from_utf8_lossy(&input.bytes).into_owned();
    let mut report = Report {
        label: input.label.clone(),
        path: input.path.clone(),
        kind: input.kind,
        text: String::new(),
        line_offset: input.line_offset,
        profile: None,
        media_sections: None,
        findings: Vec::new(),
    };
    if std::str::from_utf8(&input.bytes).is_err() {
        if let Err(e) = Session::parse_bytes(&input.bytes) {
            report
                .findings
                .push(from_parse_error(&e, input.line_offset));
        }
        report.text = text;
        return report;
    }
    let parse_options = if options.strict {
        ParseOptions::strict()
    } else {
        ParseOptions::lenient()
    };
    match Session::parse_with(&text, &parse_options) {
        Err(e) => report
            .findings
            .push(from_parse_error(&e, input.line_offset)),
        Ok(parsed) => {
            report.profile = Some(options.profile.resolve(&parsed.session));
            report.media_sections = Some(parsed.session.media().len());
            report.findings = validate::validate_parsed(&parsed, options.profile)
                .iter()
                .map(|d| Finding {
                    code: d.code(),
                    name: d.lint().name,
                    severity: d.severity(),
                    message: d.message().to_owned(),
                    line: d.line() + input.line_offset,
                    column: d.column(),
                    span: d.span(),
                    help: d.help().map(str::to_owned),
                    rfc: d.rfc(),
                    media: d.media(),
                })
                .collect();
        }
    }
    report.text = text;
    report
}

fn from_parse_error(e: &ParseError, line_offset: usize) -> Finding {
    let lint = lint_for_parse_code(e.code());
    let message = match e.found() {
        Some(found) => format!("{}, found \"{}\"", e.expected(), found.escape_debug()),
        None => e.expected().to_owned(),
    };
    Finding {
        code: lint.code,
        name: lint.name,
        severity: Severity::Error,
        message,
        line: e.line() + line_offset,
        column: e.column(),
        span: Some(e.span()),
        help: None,
        rfc: lint.rfc,
        media: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::split_sources;

    fn input(text: &[u8]) -> Input {
        split_sources("t.sdp", text.to_vec()).unwrap().remove(0)
    }

    const CLEAN: &[u8] = b"v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 49170 RTP/AVP 0\r\n";

    #[test]
    fn a_clean_sip_offer_has_no_finding() {
        let report = check(&input(CLEAN), &CheckOptions::default());
        assert!(report.findings.is_empty(), "{:?}", report.findings);
        assert_eq!(report.profile, Some(Profile::Sip));
        assert_eq!(report.media_sections, Some(1));
        assert!(!report.fails(true));
    }

    #[test]
    fn a_parse_error_is_one_error_finding() {
        let report = check(&input(b""), &CheckOptions::default());
        assert_eq!(report.findings.len(), 1);
        assert_eq!(report.findings[0].severity, Severity::Error);
        assert_eq!(report.findings[0].code, "SDP0002");
        assert!(report.profile.is_none());
    }

    #[test]
    fn invalid_utf8_is_reported_at_its_line() {
        let report = check(&input(b"v=0\r\ns=\xff\r\n"), &CheckOptions::default());
        assert_eq!(report.findings.len(), 1);
        assert_eq!(report.findings[0].line, 2);
        assert!(report.findings[0].message.contains("UTF-8"));
    }

    #[test]
    fn strict_turns_a_quirk_into_an_error() {
        let lf = b"v=0\no=- 1 1 IN IP4 192.0.2.1\ns=\nc=IN IP4 192.0.2.1\nt=0 0\n";
        let lenient = check(&input(lf), &CheckOptions::default());
        assert!(!lenient.fails(false), "{:?}", lenient.findings);
        let strict = check(
            &input(lf),
            &CheckOptions {
                strict: true,
                ..CheckOptions::default()
            },
        );
        assert!(strict.fails(false));
    }

    #[test]
    fn line_numbers_include_the_offset_of_a_sip_body() {
        let msg = b"INVITE sip:a@b SIP/2.0\r\nContent-Type: application/sdp\r\n\r\nv=0\r\no=x\r\n";
        let input = split_sources("m.txt", msg.to_vec()).unwrap().remove(0);
        let report = check(&input, &CheckOptions::default());
        assert_eq!(
            (report.findings[0].code, report.findings[0].line),
            ("SDP0012", 5)
        );
    }
}
