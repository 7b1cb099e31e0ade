//! Validation: diagnostics with stable codes, spans, RFC references and profiles.
//!
//! [`validate`] checks a parsed [`Session`] against the rules of a [`Profile`] and returns every
//! finding as a [`Diagnostic`]; [`validate_parsed`] also turns the lenient parser's warnings
//! into diagnostics, so one list tells everything that is wrong with a description.
//!
//! Every rule has an entry in the [`catalogue`]: code, severity, profiles, the RFC section it
//! comes from, an explanation and a wrong/right example. `docs/lints.md` is rendered from it.
//!
//! ```
//! use sdp_core::validate::{validate, Profile};
//! use sdp_core::Session;
//!
//! let text = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n\
//!             m=audio 9 RTP/AVP 96\r\nc=IN IP4 192.0.2.1\r\na=mid:a\r\n\
//!             m=audio 9 RTP/AVP 0\r\nc=IN IP4 192.0.2.1\r\na=mid:a\r\n";
//! let session = Session::parse(text)?;
//! let found = validate(&session, Profile::Rfc8866);
//! let codes: Vec<&str> = found.iter().map(|d| d.code()).collect();
//! assert_eq!(codes, ["SDP0110", "SDP0201"]); // PT 96 without rtpmap, duplicate mid
//! assert_eq!(found[1].line(), 10);
//! # Ok::<(), sdp_core::ParseError>(())
//! ```

use std::fmt;

use crate::parse::Parsed;
use crate::session::Session;
use crate::span::Span;

mod context;
mod lint;
pub mod parse_lints;
mod profile;
pub mod rules;

pub use context::Ctx;
pub(crate) use lint::lints;
pub use lint::{LintInfo, Profiles, Severity};
pub use parse_lints::lint_for_parse_code;
pub use profile::Profile;

/// One finding: which lint, where, and what exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    lint: &'static LintInfo,
    message: String,
    line: usize,
    column: usize,
    span: Option<Span>,
    help: Option<String>,
    media: Option<usize>,
}

impl Diagnostic {
    /// A diagnostic of `lint` at `loc`.
    pub fn new(lint: &'static LintInfo, loc: Loc, message: impl Into<String>) -> Self {
        Diagnostic {
            lint,
            message: message.into(),
            line: loc.line,
            column: loc.column,
            span: loc.span,
            help: None,
            media: loc.media,
        }
    }

    /// Adds a help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The lint.
    pub fn lint(&self) -> &'static LintInfo {
        self.lint
    }
    /// The stable code, e.g. `SDP0201`.
    pub fn code(&self) -> &'static str {
        self.lint.code
    }
    /// Error, warning or info.
    pub fn severity(&self) -> Severity {
        self.lint.severity
    }
    /// What is wrong, specifically.
    pub fn message(&self) -> &str {
        &self.message
    }
    /// 1-based line number.
    pub fn line(&self) -> usize {
        self.line
    }
    /// 1-based column, in characters.
    pub fn column(&self) -> usize {
        self.column
    }
    /// The bytes of the input concerned (`None` for lines built through the API, or for
    /// something missing from the whole description).
    pub fn span(&self) -> Option<Span> {
        self.span
    }
    /// How to fix it, when there is something specific to say.
    pub fn help(&self) -> Option<&str> {
        self.help.as_deref()
    }
    /// The RFC (or other document) and section the rule comes from.
    pub fn rfc(&self) -> &'static str {
        self.lint.rfc
    }
    /// The index of the media section concerned, if any.
    pub fn media(&self) -> Option<usize> {
        self.media
    }
}

/// `error[SDP0201]: line 10, column 1: ... (RFC 5888 §4)`.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}[{}]: line {}, column {}: {} ({})",
            self.severity(),
            self.code(),
            self.line,
            self.column,
            self.message,
            self.rfc()
        )
    }
}

/// Where a diagnostic points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Loc {
    /// 1-based line.
    pub line: usize,
    /// 1-based column in characters.
    pub column: usize,
    /// The bytes concerned.
    pub span: Option<Span>,
    /// The media section, if any.
    pub media: Option<usize>,
}

/// Checks `session` against the rules of `profile` ([`Profile::Auto`] picks one from the
/// content). Diagnostics come in line order.
pub fn validate(session: &Session<'_>, profile: Profile) -> Vec<Diagnostic> {
    let profile = profile.resolve(session);
    let mut ctx = Ctx::new(session, profile);
    rules::run(&mut ctx);
    let mut out = ctx.into_diagnostics();
    out.sort_by_key(|d| (d.line, d.column));
    out
}

/// Like [`validate`], with the warnings of a lenient parse first turned into diagnostics.
///
/// ```
/// use sdp_core::validate::{validate_parsed, Profile};
/// use sdp_core::{ParseOptions, Session};
/// let parsed = Session::parse_with("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\n", &ParseOptions::lenient())?;
/// let found = validate_parsed(&parsed, Profile::Auto);
/// assert_eq!(found[0].code(), "SDP0010"); // no t= line
/// # Ok::<(), sdp_core::ParseError>(())
/// ```
pub fn validate_parsed(parsed: &Parsed<'_>, profile: Profile) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = parsed
        .warnings
        .iter()
        .map(|w| {
            let loc = Loc {
                line: w.line(),
                column: w.column(),
                span: Some(w.span()),
                media: None,
            };
            let message = match w.found() {
                Some(found) => format!("{} (found \"{}\")", w.expected(), found.escape_debug()),
                None => w.expected().to_owned(),
            };
            Diagnostic::new(lint_for_parse_code(w.code()), loc, message)
        })
        .collect();
    out.extend(validate(&parsed.session, profile));
    out.sort_by_key(|d| (d.line, d.column));
    out
}

/// Every lint: parse codes first, then the validation rules, in code order.
pub fn catalogue() -> Vec<&'static LintInfo> {
    let mut all: Vec<&'static LintInfo> = parse_lints::LINTS.to_vec();
    all.extend(rules::lints());
    all.sort_by_key(|l| l.code);
    all
}

/// The lint with this code (`SDP0203`) or name (`duplicate-mid`), case-insensitively.
pub fn lookup(code_or_name: &str) -> Option<&'static LintInfo> {
    catalogue().into_iter().find(|l| {
        l.code.eq_ignore_ascii_case(code_or_name) || l.name.eq_ignore_ascii_case(code_or_name)
    })
}

/// The catalogue as Markdown (the content of `docs/lints.md`).
pub fn catalogue_markdown() -> String {
    let lints = catalogue();
    let mut out = String::from(
        "# Lint catalogue\n\n\
         Generated from `sdp_core::validate::catalogue()` by the test \
         `validate::tests::lint_docs_are_up_to_date` (run it with `SDP_BLESS=1` to rewrite this \
         file). Do not edit by hand.\n\n\
         | code | name | severity | profiles | source | title |\n\
         | --- | --- | --- | --- | --- | --- |\n",
    );
    for l in &lints {
        out.push_str(&format!(
            "| [{code}](#{anchor}) | {name} | {sev} | {prof} | {rfc} | {title} |\n",
            code = l.code,
            anchor = l.code.to_ascii_lowercase(),
            name = l.name,
            sev = l.severity,
            prof = l.profiles_text(),
            rfc = l.rfc,
            title = l.title.replace('|', "\\|"),
        ));
    }
    for l in &lints {
        out.push_str(&format!(
            "\n## {code}\n\n**{name}**: {title}\n\n- severity: {sev}\n- profiles: {prof}\n- source: {rfc}\n\n{expl}\n",
            code = l.code,
            name = l.name,
            title = l.title,
            sev = l.severity,
            prof = l.profiles_text(),
            rfc = l.rfc,
            expl = l.explanation,
        ));
        if !l.wrong.is_empty() {
            out.push_str(&format!(
                "\nWrong:\n\n```sdp\n{}\n```\n",
                l.wrong.trim_end()
            ));
        }
        if !l.right.is_empty() {
            out.push_str(&format!(
                "\nRight:\n\n```sdp\n{}\n```\n",
                l.right.trim_end()
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests;
