//! Output of `sdp validate`: rustc-style text for people, JSON for scripts, SARIF for CI.

pub mod human;
pub mod json;
pub mod sarif;

/// ANSI styling, on only when asked for (the binary turns it on for a terminal without
/// `NO_COLOR`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Style {
    /// Whether to write colour escapes.
    pub color: bool,
}

impl Style {
    /// `text` in bold `color` (an SGR colour number such as 31 for red), or plain.
    pub fn paint(self, color: u8, text: &str) -> String {
        if self.color {
            format!("\x1b[1;{color}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    /// The colour of a severity.
    pub fn severity(self, severity: sdp_core::validate::Severity) -> String {
        use sdp_core::validate::Severity;
        let color = match severity {
            Severity::Error => 31,
            Severity::Warning => 33,
            Severity::Info => 36,
        };
        self.paint(color, severity.as_str())
    }
}
