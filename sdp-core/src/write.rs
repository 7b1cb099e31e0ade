//! The serializer: writes lines exactly as held.
//!
//! Parsed lines keep their text and ending, so an unchanged session writes back byte for byte.
//! The one repair: a line without an ending that is no longer last (because lines were added
//! after it) gets CRLF, so that two lines never run together.

use std::fmt;
use std::io;

use crate::line::{Eol, Line};

/// Writes the lines of `runs` (slices of lines, in order) to `out`.
///
/// Each line is written as its text, then its ending once the next line is known: an ending
/// of `Eol::None` becomes CRLF when a line follows. Walking slices (the session-level lines,
/// then each section's `m=` line and lines) keeps the per-line work to the two writes.
pub(crate) fn write_runs<'l, 'a: 'l, W: fmt::Write + ?Sized>(
    runs: impl IntoIterator<Item = &'l [Line<'a>]>,
    out: &mut W,
) -> fmt::Result {
    // The ending of the line before, held until we know whether another line follows it.
    let mut pending: Option<Eol> = None;
    for run in runs {
        for line in run {
            if let Some(eol) = pending {
                write_eol(eol_before_next(eol), out)?;
            }
            out.write_str(line.text())?;
            pending = Some(line.eol());
        }
    }
    match pending {
        Some(eol) => write_eol(eol, out),
        None => Ok(()),
    }
}

/// Writes a line ending as characters: into a `String` that is two pushes, cheaper than a
/// `push_str` of one or two bytes (which goes through `memcpy`).
fn write_eol<W: fmt::Write + ?Sized>(eol: Eol, out: &mut W) -> fmt::Result {
    match eol {
        Eol::CrLf => {
            out.write_char('\r')?;
            out.write_char('\n')
        }
        Eol::Lf => out.write_char('\n'),
        Eol::None => Ok(()),
    }
}

/// The number of bytes [`write_runs`] writes for `runs`.
pub(crate) fn written_len<'l, 'a: 'l>(runs: impl IntoIterator<Item = &'l [Line<'a>]>) -> usize {
    let mut len = 0;
    let mut last_eol = None;
    for run in runs {
        for line in run {
            len += line.text().len() + eol_before_next(line.eol()).as_str().len();
            last_eol = Some(line.eol());
        }
    }
    // The last line keeps its own ending (none, if it had none).
    if last_eol == Some(Eol::None) {
        len -= Eol::CrLf.as_str().len();
    }
    len
}

/// The ending written after a line that another line follows: its own, or CRLF for none.
fn eol_before_next(eol: Eol) -> Eol {
    match eol {
        Eol::None => Eol::CrLf,
        eol => eol,
    }
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

#[cfg(test)]
mod tests {
    use crate::line::{Eol, Line};
    use crate::Session;

    #[test]
    fn a_line_without_ending_gets_crlf_once_a_line_follows_it() {
        let Ok(mut session) = Session::parse("v=0\r\ns=-\nt=0 0") else {
            panic!("does not parse");
        };
        assert_eq!(session.written_len(), session.to_string().len());
        session.lines_mut().push(Line::new('a', "recvonly"));
        let written = session.to_string();
        assert_eq!(written, "v=0\r\ns=-\nt=0 0\r\na=recvonly\r\n");
        assert_eq!(session.written_len(), written.len());

        // Endings set by hand: none in the middle becomes CRLF, none at the end stays none.
        for line in session.lines_mut() {
            line.set_eol(Eol::None);
        }
        let written = session.to_string();
        assert_eq!(written, "v=0\r\ns=-\r\nt=0 0\r\na=recvonly");
        assert_eq!(session.written_len(), written.len());
    }

    #[test]
    fn empty_session_writes_nothing() {
        let session = Session::default();
        assert_eq!(session.to_string(), "");
        assert_eq!(session.written_len(), 0);
    }
}
