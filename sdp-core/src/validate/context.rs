//! What a rule sees: the session, the profile, and helpers that locate lines and values.

use crate::attr::Attribute;
use crate::line::Line;
use crate::session::Session;
use crate::span::Span;

use super::{Diagnostic, LintInfo, Loc, Profile};

/// The state rules run with: they read the session and report diagnostics.
pub struct Ctx<'s, 'a> {
    session: &'s Session<'a>,
    profile: Profile,
    diagnostics: Vec<Diagnostic>,
    /// 0-based line number of each media section's `m=` line.
    media_base: Vec<usize>,
}

impl<'s, 'a> Ctx<'s, 'a> {
    /// A context for `session` under `profile` (already resolved, not `Auto`).
    pub fn new(session: &'s Session<'a>, profile: Profile) -> Self {
        let mut base = session.lines().len();
        let media_base = session
            .media()
            .iter()
            .map(|m| {
                let at = base;
                base += 1 + m.lines().len();
                at
            })
            .collect();
        Ctx {
            session,
            profile,
            diagnostics: Vec::new(),
            media_base,
        }
    }

    /// The session being checked.
    pub fn session(&self) -> &'s Session<'a> {
        self.session
    }

    /// The profile in force.
    pub fn profile(&self) -> Profile {
        self.profile
    }

    /// Whether `lint` runs under the current profile.
    pub fn enabled(&self, lint: &LintInfo) -> bool {
        lint.profiles.contains(self.profile)
    }

    /// Reports a finding (dropped when the lint does not belong to the profile).
    pub fn report(&mut self, lint: &'static LintInfo, loc: Loc, message: impl Into<String>) {
        if self.enabled(lint) {
            self.diagnostics.push(Diagnostic::new(lint, loc, message));
        }
    }

    /// Reports a finding with a help line.
    pub fn report_help(
        &mut self,
        lint: &'static LintInfo,
        loc: Loc,
        message: impl Into<String>,
        help: impl Into<String>,
    ) {
        if self.enabled(lint) {
            self.diagnostics
                .push(Diagnostic::new(lint, loc, message).with_help(help));
        }
    }

    /// The diagnostics reported so far.
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }

    /// Location of session-level line `index`.
    pub fn session_loc(&self, index: usize) -> Loc {
        let line = self.session.lines().get(index);
        line_loc(line, index, None)
    }

    /// Location of the `m=` line of media section `media`.
    pub fn mline_loc(&self, media: usize) -> Loc {
        let base = self.media_base.get(media).copied().unwrap_or_default();
        let line = self.session.media().get(media).map(|m| m.line());
        line_loc(line, base, Some(media))
    }

    /// Location of line `index` (of [`Media::lines`](crate::Media::lines)) in media `media`.
    pub fn media_loc(&self, media: usize, index: usize) -> Loc {
        let base = self.media_base.get(media).copied().unwrap_or_default();
        let line = self
            .session
            .media()
            .get(media)
            .and_then(|m| m.lines().get(index));
        line_loc(line, base + 1 + index, Some(media))
    }

    /// Location at the end of the description (for something missing from it).
    pub fn end_loc(&self) -> Loc {
        let total = self.session.all_lines().count();
        let last = self.session.all_lines().last();
        let end = last.and_then(Line::span).map(|s| Span::new(s.end, s.end));
        Loc {
            line: total.max(1),
            column: last.map_or(1, |l| l.text().chars().count() + 1),
            span: end,
            media: None,
        }
    }

    /// The session-level attributes with their location.
    pub fn session_attrs(&self) -> impl Iterator<Item = (Loc, Attribute<'s>)> + '_ {
        let lines: &'s [Line<'a>] = self.session.lines();
        lines
            .iter()
            .enumerate()
            .filter_map(move |(i, l)| l.as_attribute().map(|a| (self.session_loc(i), a)))
    }

    /// The attributes of media `media` with their location.
    pub fn media_attrs(&self, media: usize) -> impl Iterator<Item = (Loc, Attribute<'s>)> + '_ {
        let lines: &'s [Line<'a>] = self.session.media().get(media).map_or(&[], |m| m.lines());
        lines
            .iter()
            .enumerate()
            .filter_map(move |(i, l)| l.as_attribute().map(|a| (self.media_loc(media, i), a)))
    }

    /// The media sections with their index.
    pub fn media(&self) -> impl Iterator<Item = (usize, &'s crate::Media<'a>)> + 's {
        self.session.media().iter().enumerate()
    }
}

/// The location of a whole line (`index` is 0-based among all lines).
fn line_loc(line: Option<&Line<'_>>, index: usize, media: Option<usize>) -> Loc {
    Loc {
        line: index + 1,
        column: 1,
        span: line.and_then(Line::span),
        media,
    }
}

impl Loc {
    /// Narrows a line location to part of an attribute's value: `offset` bytes into the value
    /// (after `name:`), `len` bytes long. `line` is the line the location points at.
    pub fn in_value(self, line: &Line<'_>, offset: usize, len: usize) -> Loc {
        let Some(attr) = line.as_attribute() else {
            return self;
        };
        let start = line.value_offset() + attr.name().len() + 1 + offset;
        let column = line
            .text()
            .get(..start)
            .map_or(1, |t| t.chars().count() + 1);
        Loc {
            column,
            span: self
                .span
                .map(|s| Span::new(s.start + start, (s.start + start + len).min(s.end))),
            ..self
        }
    }
}
