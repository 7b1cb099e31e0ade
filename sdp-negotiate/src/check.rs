//! The answer checker: is `answer` a legal answer to `offer`? (rulebook section F).
//!
//! INTERFACE: the types and the function signature are fixed; the body is being written.

use std::fmt;

use serde::Serialize;

/// How serious a violation is (rulebook F: E, W, I).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Legal, worth knowing.
    Info,
    /// Legal but risky with some peers.
    Warning,
    /// A browser or an RFC rejects it.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        })
    }
}

/// One problem of an answer, with the rulebook rule it breaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Violation {
    /// The rule id, e.g. `F5`.
    pub rule: &'static str,
    /// Severity.
    pub severity: Severity,
    /// The m-section index concerned, if any.
    pub media: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.media {
            Some(m) => write!(
                f,
                "{}[{}] m-section {m}: {}",
                self.severity, self.rule, self.message
            ),
            None => write!(f, "{}[{}]: {}", self.severity, self.rule, self.message),
        }
    }
}

/// Checks that `answer` is a legal answer to `offer` (rulebook F1-F36).
///
/// PLACEHOLDER: being written.
pub fn check_answer(
    _offer: &sdp_core::Session<'_>,
    _answer: &sdp_core::Session<'_>,
) -> Vec<Violation> {
    Vec::new()
}
