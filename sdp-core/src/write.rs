//! The serializer: writes lines exactly as held.
//!
//! Parsed lines keep their text and ending, so an unchanged session writes back byte for byte.
//! The one repair: a line without an ending that is no longer last (because lines were added
//! after it) gets CRLF, so that two lines never run together.

use std::fmt;
use std::io;

use crate::line::{Eol, Line};

/// Writes `lines` to `out`.
pub(crate) fn write_lines<'l, 'a: 'l, W: fmt::Write + ?Sized>(
    lines: impl Iterator<Item = &'l Line<'a>>,
    out: &mut W,
) -> fmt::Result {
    let mut lines = lines.peekable();
    while let Some(line) = lines.next() {
        out.write_str(line.text())?;
        let eol = match line.eol() {
            Eol::None if lines.peek().is_some() => Eol::CrLf,
            eol => eol,
        };
        out.write_str(eol.as_str())?;
    }
    Ok(())
}

/// Adapts an `io::Write` to `fmt::Write`, keeping the first I/O error.
pub(crate) struct IoAdapter<'w, W: io::Write + ?Sized> {
    pub(crate) inner: &'w mut W,
    pub(crate) error: Option<io::Error>,
}

impl<W: io::Write + ?Sized> fmt::Write for IoAdapter<'_, W> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.inner.write_all(s.as_bytes()).map_err(|e| {
            self.error = Some(e);
            fmt::Error
        })
    }
}
