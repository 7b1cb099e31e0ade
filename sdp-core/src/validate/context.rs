//! What a rule sees: the session, the profile, and helpers that locate lines and values.

use std::cell::OnceCell;
use std::rc::Rc;

use crate::attr::registry::FromAttrValue;
use crate::attr::{AttrValue, Attribute};
use crate::field::MediaLine;
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
    /// Per media section, parsed once: the typed `m=` line and whether the section is rejected.
    sections: Vec<SectionInfo<'s>>,
    /// The attribute lines of every level, read once (shared so that rules can iterate them
    /// while reporting).
    attrs: Rc<Attrs<'s>>,
}

/// What every family asks of a media section, computed once per validation.
struct SectionInfo<'s> {
    media_line: Option<MediaLine<'s>>,
    rejected: bool,
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
        let sections = session
            .media()
            .iter()
            .map(|m| {
                let media_line = m.media_line();
                // `Media::is_disabled`, without parsing the `m=` line a second time.
                let rejected =
                    media_line.is_some_and(|ml| ml.port == 0) && !m.has_attribute("bundle-only");
                SectionInfo {
                    media_line,
                    rejected,
                }
            })
            .collect();
        Ctx {
            session,
            profile,
            diagnostics: Vec::new(),
            media_base,
            sections,
            attrs: Rc::new(Attrs::new(session)),
        }
    }

    /// The typed `m=` line of media section `media` (parsed once), or `None` when it is
    /// malformed or there is no such section.
    pub fn media_line(&self, media: usize) -> Option<MediaLine<'s>> {
        self.sections.get(media).and_then(|s| s.media_line)
    }

    /// Whether media section `media` is rejected or disabled (port 0, RFC 3264 §6), as
    /// [`is_rejected`](super::is_rejected) tells, computed once.
    pub fn is_rejected(&self, media: usize) -> bool {
        self.sections.get(media).is_some_and(|s| s.rejected)
    }

    /// [`Ctx::is_rejected`] for a section given by reference (one of this session's).
    pub fn is_rejected_media(&self, media: &crate::Media<'_>) -> bool {
        // The index from the address, not a search of the slice: rules call this once per
        // section, and the search made validation quadratic in the section count (issue 7).
        let all = self.session.media();
        let size = std::mem::size_of::<crate::Media<'_>>().max(1);
        let offset =
            (media as *const crate::Media<'_> as usize).wrapping_sub(all.as_ptr() as usize);
        let index = offset / size;
        match all.get(index) {
            Some(m) if offset % size == 0 && std::ptr::eq(m, media) => self.is_rejected(index),
            _ => media.is_disabled(),
        }
    }

    /// The attribute lines of the session, split once; iterate them while reporting through
    /// `ctx` (the handle is shared, not borrowed from `ctx`).
    pub(crate) fn attrs(&self) -> Rc<Attrs<'s>> {
        Rc::clone(&self.attrs)
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

/// Names a lifetime an `impl Trait` return captures (`use<..>` needs Rust 1.82; the MSRV is
/// 1.80).
pub(crate) trait Captures<'x> {}
impl<T: ?Sized> Captures<'_> for T {}

/// One `a=` line: its index among the lines of its level, its name and value, and its typed
/// value, parsed the first time a rule asks for it.
struct AttrLine<'s> {
    index: usize,
    attr: Attribute<'s>,
    typed: OnceCell<Option<AttrValue<'s>>>,
}

/// The `a=` lines of the session, per level (session level, then each media section), with
/// their typed values parsed at most once.
pub(crate) struct Attrs<'s> {
    levels: Vec<Vec<AttrLine<'s>>>,
}

impl<'s> Attrs<'s> {
    fn new(session: &'s Session<'_>) -> Self {
        let level = |lines: &'s [Line<'_>]| -> Vec<AttrLine<'s>> {
            let mut out = Vec::with_capacity(lines.len());
            for (index, l) in lines.iter().enumerate() {
                if let Some(attr) = l.as_attribute() {
                    out.push(AttrLine {
                        index,
                        attr,
                        typed: OnceCell::new(),
                    });
                }
            }
            out
        };
        let mut levels = Vec::with_capacity(1 + session.media().len());
        levels.push(level(session.lines()));
        levels.extend(session.media().iter().map(|m| level(m.lines())));
        Attrs { levels }
    }

    fn level(&self, media: Option<usize>) -> &[AttrLine<'s>] {
        let at = media.map_or(0, |m| m + 1);
        self.levels.get(at).map_or(&[], Vec::as_slice)
    }

    /// The attributes of a level (`None`: session level; `Some(m)`: media section `m`) with
    /// their line index, as `Line::as_attribute` gives them.
    pub(crate) fn all(
        &self,
        media: Option<usize>,
    ) -> impl Iterator<Item = (usize, Attribute<'s>)> + '_ {
        self.level(media).iter().map(|a| (a.index, a.attr))
    }

    /// The typed value of the attribute on line `index` of a level, when it is a well-formed
    /// `T` (as `attr.parse_as::<T>()?.ok()` gives it).
    pub(crate) fn typed_at<T: FromAttrValue<'s> + Clone>(
        &self,
        media: Option<usize>,
        index: usize,
    ) -> Option<T> {
        let level = self.level(media);
        let a = level
            .binary_search_by_key(&index, |a| a.index)
            .ok()
            .and_then(|at| level.get(at))
            .filter(|a| a.attr.name() == T::NAME)?;
        let value = a
            .typed
            .get_or_init(|| a.attr.typed().and_then(Result::ok))
            .as_ref()?;
        T::from_attr_value(value).cloned()
    }

    /// Every well-formed attribute of type `T` of a level with its line index, as
    /// `attr.parse_as::<T>()` gives them; each line is parsed once for all rules.
    pub(crate) fn typed<T: FromAttrValue<'s> + Clone>(
        &self,
        media: Option<usize>,
    ) -> impl Iterator<Item = (usize, T)> + Captures<'s> + '_ {
        self.level(media)
            .iter()
            .filter(|a| a.attr.name() == T::NAME)
            .filter_map(|a| {
                let value = a
                    .typed
                    .get_or_init(|| a.attr.typed().and_then(Result::ok))
                    .as_ref()?;
                Some((a.index, T::from_attr_value(value)?.clone()))
            })
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
