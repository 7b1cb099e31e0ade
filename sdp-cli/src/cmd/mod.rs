//! One module per command.

pub(crate) mod anonymize;
pub(crate) mod answer;
pub(crate) mod check_answer;
pub(crate) mod completions;
mod config;
pub(crate) mod diff;
pub(crate) mod explain;
pub(crate) mod fmt;
pub(crate) mod from_json;
pub(crate) mod json;
pub(crate) mod man;
pub(crate) mod offer;
pub(crate) mod summary;
pub(crate) mod validate;

use std::io::Write as _;

use sdp_cli::input::Input;
use sdp_core::validate::{lint_for_parse_code, Severity};
use sdp_core::{ParseOptions, Session};

use crate::Failure;

/// Reads the inputs of a command that takes several; files skipped inside directories are
/// named on stderr.
pub(crate) fn read_all(args: &[String]) -> Result<Vec<Input>, Failure> {
    let mut skipped = Vec::new();
    let inputs = sdp_cli::input::read_inputs(args, &mut skipped)?;
    for e in skipped {
        let _ = writeln!(std::io::stderr(), "sdp: note: {e}; skipped");
    }
    Ok(inputs)
}

/// Refuses `-` for two inputs of one command: standard input can be read only once.
pub(crate) fn stdin_once(a: &str, b: &str) -> Result<(), Failure> {
    if a == "-" && b == "-" {
        return Err(Failure::new(
            "`-` (standard input) is given twice; it can be read only once",
        ));
    }
    Ok(())
}

/// The text of an input that must parse (for the commands that transform or negotiate): UTF-8,
/// or a failure naming the input.
pub(crate) fn text_of(input: &Input) -> Result<&str, Failure> {
    std::str::from_utf8(&input.bytes).map_err(|_| match Session::parse_bytes(&input.bytes) {
        Err(e) => Failure::new(format!("{}: {e}", input.label)),
        Ok(_) => Failure::new(format!("{}: not UTF-8", input.label)),
    })
}

/// Parses an input leniently, or fails with the parser's message (`sdp validate` tells more).
pub(crate) fn parse(input: &Input) -> Result<Session<'_>, Failure> {
    let text = text_of(input)?;
    Session::parse_with(text, &ParseOptions::lenient())
        .map(|parsed| parsed.session)
        .map_err(|e| parse_failure(input, &e))
}

/// `x.sdp: SDP0012 (line 2, column 4): expected a space, found "..."; `sdp validate` tells more`.
fn parse_failure(input: &Input, e: &sdp_core::ParseError) -> Failure {
    let found = e
        .found()
        .map_or_else(String::new, |f| format!(", found \"{}\"", f.escape_debug()));
    Failure::new(format!(
        "{}: {} (line {}, column {}): {}{found}",
        input.label,
        e.code(),
        e.line() + input.line_offset,
        e.column(),
        e.expected()
    ))
}

/// Parses an input that is negotiated on (an offer, an answer): besides what [`parse`]
/// refuses, a grammar error the lenient parser only warned about (a missing `o=`, a malformed
/// `m=` line) is refused, since an answer to a broken offer helps nobody.
pub(crate) fn parse_description(input: &Input) -> Result<Session<'_>, Failure> {
    let text = text_of(input)?;
    let parsed = Session::parse_with(text, &ParseOptions::lenient())
        .map_err(|e| parse_failure(input, &e))?;
    if let Some(w) = parsed
        .warnings
        .iter()
        .find(|w| lint_for_parse_code(w.code()).severity == Severity::Error)
    {
        return Err(Failure::new(format!(
            "{}: {} (line {}, column {}): {}; `sdp validate` tells more",
            input.label,
            w.code(),
            w.line() + input.line_offset,
            w.column(),
            w.expected()
        )));
    }
    Ok(parsed.session)
}
