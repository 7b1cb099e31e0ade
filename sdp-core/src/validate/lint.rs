//! The description of one lint: stable code, severity, profiles, RFC reference and the text
//! `sdp explain` prints.

use std::fmt;

use super::Profile;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Worth knowing; nothing is wrong.
    Info,
    /// Likely to cause trouble with some peers, or deprecated.
    Warning,
    /// Breaks a MUST of the RFC or of the profile; peers may reject the description.
    Error,
}

impl Severity {
    /// `error`, `warning` or `info`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which profiles a lint belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Profiles {
    /// Every profile (the generic RFC 8866 rules).
    All,
    /// Only these.
    Only(&'static [Profile]),
}

impl Profiles {
    /// Whether the lint runs under `profile`.
    pub fn contains(self, profile: Profile) -> bool {
        match self {
            Profiles::All => true,
            Profiles::Only(list) => list.contains(&profile),
        }
    }
}

/// A lint of the catalogue.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct LintInfo {
    /// Stable code, e.g. `SDP0203`.
    pub code: &'static str,
    /// Short kebab-case name, e.g. `duplicate-mid`.
    pub name: &'static str,
    /// Severity.
    pub severity: Severity,
    /// Profiles the lint belongs to.
    pub profiles: Profiles,
    /// The rule's source: document and section, e.g. `RFC 5888 §4`.
    pub rfc: &'static str,
    /// One-line title.
    pub title: &'static str,
    /// A longer explanation: what the rule says and why it matters.
    pub explanation: &'static str,
    /// A minimal wrong example (SDP lines).
    pub wrong: &'static str,
    /// The same example made right.
    pub right: &'static str,
}

impl LintInfo {
    /// The profiles as text: `all` or `webrtc, sip`.
    pub fn profiles_text(&self) -> String {
        match self.profiles {
            Profiles::All => "all".to_owned(),
            Profiles::Only(list) => list.iter().map(|p| p.name()).collect::<Vec<_>>().join(", "),
        }
    }

    /// The text `sdp explain CODE` prints.
    pub fn explain(&self) -> String {
        let mut out = format!(
            "{} ({}): {}\n\nseverity: {}\nprofiles: {}\nsource: {}\n\n{}\n",
            self.code,
            self.name,
            self.title,
            self.severity,
            self.profiles_text(),
            self.rfc,
            self.explanation
        );
        if !self.wrong.is_empty() {
            out.push_str("\nWrong:\n\n");
            for line in self.wrong.lines() {
                out.push_str("    ");
                out.push_str(line);
                out.push('\n');
            }
        }
        if !self.right.is_empty() {
            out.push_str("\nRight:\n\n");
            for line in self.right.lines() {
                out.push_str("    ");
                out.push_str(line);
                out.push('\n');
            }
        }
        out
    }
}

/// Declares lints as `pub static` [`LintInfo`]s and a `LINTS` slice of them.
macro_rules! lints {
    ($(
        $(#[$doc:meta])*
        $ident:ident = $code:literal $name:literal $severity:ident [$($profiles:tt)*] $rfc:literal,
            title: $title:literal,
            explanation: $explanation:literal,
            wrong: $wrong:literal,
            right: $right:literal;
    )*) => {
        $(
            $(#[$doc])*
            #[doc = concat!("`", $code, "` ", $title, " (", $rfc, ").")]
            pub static $ident: $crate::validate::LintInfo = $crate::validate::LintInfo {
                code: $code,
                name: $name,
                severity: $crate::validate::Severity::$severity,
                profiles: lints!(@profiles $($profiles)*),
                rfc: $rfc,
                title: $title,
                explanation: $explanation,
                wrong: $wrong,
                right: $right,
            };
        )*

        /// The lints of this module, in code order.
        pub static LINTS: &[&$crate::validate::LintInfo] = &[$(&$ident),*];
    };
    (@profiles all) => { $crate::validate::Profiles::All };
    (@profiles $($p:ident),+) => {
        $crate::validate::Profiles::Only(&[$($crate::validate::Profile::$p),+])
    };
}
pub(crate) use lints;
