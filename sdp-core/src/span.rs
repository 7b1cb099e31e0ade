//! Byte spans into the parsed input, and line/column lookup.

/// A half-open byte range `start..end` into the text a [`Session`](crate::Session) was parsed from.
///
/// Spans are byte offsets so that they are cheap to carry; line and column are computed only when
/// a message is rendered (see [`line_col`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The number of bytes covered.
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers no byte.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

/// The 1-based line and column (in characters) of byte offset `offset` in `src`.
///
/// Offsets past the end, or inside a multi-byte character, are clamped to the nearest valid
/// position before them, so this never panics.
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(src.len());
    while !src.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = src.get(..offset).unwrap_or_default();
    let line_start = memchr::memrchr(b'\n', before.as_bytes()).map_or(0, |i| i + 1);
    let line = memchr::memchr_iter(b'\n', before.as_bytes()).count() + 1;
    let column = before.get(line_start..).unwrap_or_default().chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_lines_and_characters() {
        let src = "v=0\r\ns=é x\r\n";
        assert_eq!(line_col(src, 0), (1, 1));
        assert_eq!(line_col(src, 5), (2, 1));
        // 'x' sits after the two-byte 'é' and a space: column 5 in characters.
        assert_eq!(line_col(src, 10), (2, 5));
        assert_eq!(line_col(src, 1000), (3, 1));
        // Inside the two-byte character: clamped back to its start.
        assert_eq!(line_col(src, 8), (2, 3));
    }
}
