//! rustc-style diagnostics:
//!
//! ```text
//! error[SDP0101]: payload type 96 is dynamic and has no a=rtpmap
//!   --> x.sdp:5:19
//!    |
//!  5 | m=audio 9 RTP/AVP 96
//!    |                   ^^
//!    = help: ...
//!    = note: RFC 8866 §6.6
//! ```

use std::io::{self, Write};

use sdp_core::validate::Severity;

use super::Style;
use crate::report::{Finding, Report};

/// Writes every finding of `report`, then its summary line.
pub fn write_report(out: &mut dyn Write, report: &Report, style: Style) -> io::Result<()> {
    for finding in &report.findings {
        write_finding(out, report, finding, style)?;
    }
    write_summary(out, report, style)
}

/// `x.sdp: ok (profile webrtc, 3 media sections)` or `x.sdp: 2 errors, 1 warning (...)`.
pub fn write_summary(out: &mut dyn Write, report: &Report, style: Style) -> io::Result<()> {
    let mut counts = Vec::new();
    for (severity, word) in [
        (Severity::Error, "error"),
        (Severity::Warning, "warning"),
        (Severity::Info, "info"),
    ] {
        let n = report.count(severity);
        if n > 0 {
            let plural = if n == 1 || severity == Severity::Info {
                ""
            } else {
                "s"
            };
            counts.push(format!("{n} {word}{plural}"));
        }
    }
    let verdict = if counts.is_empty() {
        style.paint(32, "ok")
    } else {
        counts.join(", ")
    };
    let context = match (report.profile, report.media_sections) {
        (Some(profile), Some(n)) => format!(
            " (profile {}, {n} media section{})",
            profile.name(),
            if n == 1 { "" } else { "s" }
        ),
        _ => " (not parsed)".to_owned(),
    };
    writeln!(out, "{}: {verdict}{context}", report.label)
}

fn write_finding(
    out: &mut dyn Write,
    report: &Report,
    finding: &Finding,
    style: Style,
) -> io::Result<()> {
    writeln!(
        out,
        "{}{}: {}",
        style.severity(finding.severity),
        style.paint(1, &format!("[{}]", finding.code)),
        finding.message
    )?;
    let width = finding.line.to_string().len();
    let pad = " ".repeat(width);
    writeln!(
        out,
        "{pad}{} {}:{}:{}",
        style.paint(34, "-->"),
        report.location(),
        finding.line,
        finding.column
    )?;
    let sdp_line = finding.line.saturating_sub(report.line_offset);
    if let Some(source) = source_line(&report.text, sdp_line) {
        let bar = style.paint(34, "|");
        writeln!(out, "{pad} {bar}")?;
        let (start, len) = caret(report, finding, source);
        let (shown, start, len) = excerpt(source, start, len);
        writeln!(
            out,
            "{} {bar} {shown}",
            style.paint(34, &finding.line.to_string()),
        )?;
        writeln!(
            out,
            "{pad} {bar} {}{}",
            " ".repeat(start),
            style.paint(
                if finding.severity == Severity::Error {
                    31
                } else {
                    33
                },
                &"^".repeat(len)
            )
        )?;
    }
    if let Some(help) = &finding.help {
        writeln!(out, "{pad} = help: {help}")?;
    }
    writeln!(
        out,
        "{pad} = note: {} ({}); `sdp explain {}` tells more",
        finding.rfc, finding.name, finding.code
    )?;
    writeln!(out)
}

/// Line `n` (1-based) of `text`, without its line ending.
fn source_line(text: &str, n: usize) -> Option<&str> {
    let line = text.split('\n').nth(n.checked_sub(1)?)?;
    Some(line.strip_suffix('\r').unwrap_or(line))
}

/// Characters of a source line shown around the caret; longer lines are cut (a 10 MB line
/// would otherwise be printed whole, with as many carets).
const MAX_SHOWN: usize = 160;

/// The part of `line` to show and the caret's column and width in it: tabs become four
/// spaces (as rustc shows them), other control characters, which would move the terminal's
/// cursor, become U+FFFD, and a long line is cut to a window around the caret, marked `…`.
fn excerpt(line: &str, start: usize, len: usize) -> (String, usize, usize) {
    let chars: Vec<char> = line.chars().collect();
    let from = if chars.len() > MAX_SHOWN && start > MAX_SHOWN / 2 {
        start - MAX_SHOWN / 4
    } else {
        0
    };
    let to = chars.len().min(from + MAX_SHOWN);
    let mut shown = String::new();
    let (mut caret_col, mut caret_len, mut col) = (0, 0, 0);
    if from > 0 {
        shown.push('…');
        col += 1;
    }
    for (i, c) in chars.iter().enumerate().take(to).skip(from) {
        if i == start {
            caret_col = col;
        }
        let width = if *c == '\t' { 4 } else { 1 };
        if i >= start && i < start + len {
            caret_len += width;
        }
        match c {
            '\t' => shown.push_str("    "),
            c if c.is_control() => shown.push('\u{fffd}'),
            c => shown.push(*c),
        }
        col += width;
    }
    if start >= to {
        caret_col = col;
    }
    if to < chars.len() {
        shown.push('…');
    }
    (shown, caret_col, caret_len.max(1))
}

/// Where the carets go (0-based character column) and how many, clipped to the line.
fn caret(report: &Report, finding: &Finding, source: &str) -> (usize, usize) {
    let start = finding.column.saturating_sub(1);
    let line_chars = source.chars().count();
    let span_chars = finding
        .span
        .and_then(|s| report.text.get(s.start..s.end))
        .map_or(1, |s| s.split('\n').next().unwrap_or("").chars().count());
    let len = span_chars.min(line_chars.saturating_sub(start)).max(1);
    (start.min(line_chars), len)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::split_sources;
    use crate::report::{check, CheckOptions};

    fn render(text: &[u8]) -> String {
        let input = split_sources("x.sdp", text.to_vec()).unwrap().remove(0);
        let report = check(&input, &CheckOptions::default());
        let mut out = Vec::new();
        write_report(&mut out, &report, Style::default()).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_finding_shows_the_source_line_with_carets_under_the_span() {
        let text = render(b"v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 9 RTP/AVP 96\r\n");
        let expected = "\
warning[SDP0110]: dynamic payload type `96` has no `a=rtpmap`
 --> x.sdp:6:19
  |
6 | m=audio 9 RTP/AVP 96
  |                   ^^
  = help: add `a=rtpmap:96 <encoding name>/<clock rate>` to the section
  = note: RFC 8866 §5.14 (dynamic-pt-without-rtpmap); `sdp explain SDP0110` tells more
";
        assert!(text.starts_with(expected), "{text}");
        assert!(
            text.ends_with("x.sdp: 1 warning (profile sip, 1 media section)\n"),
            "{text}"
        );
    }

    #[test]
    fn a_clean_input_is_one_ok_line() {
        let text = render(b"v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 49170 RTP/AVP 0\r\n");
        assert_eq!(text, "x.sdp: ok (profile sip, 1 media section)\n");
    }

    #[test]
    fn control_characters_are_not_written_to_the_terminal() {
        let text = render(b"\x1b[2J\r\nv=0\r\n");
        assert!(!text.contains('\x1b'), "{text:?}");
        assert!(text.contains("1 | \u{fffd}[2J\n"), "{text:?}");
    }

    #[test]
    fn tabs_and_long_lines_keep_the_caret_under_the_span() {
        assert_eq!(excerpt("a\tbc", 2, 2), ("a    bc".to_owned(), 5, 2));
        assert_eq!(excerpt("a=x\t", 3, 1), ("a=x    ".to_owned(), 3, 4));
        let long = format!("s={}XY{}", "a".repeat(1000), "b".repeat(1000));
        let (shown, col, len) = excerpt(&long, 1002, 2);
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        assert_eq!(shown.chars().count(), MAX_SHOWN + 2);
        assert_eq!(shown.chars().skip(col).take(len).collect::<String>(), "XY");
        // A caret past the end of the line (a missing value) stays after the text.
        assert_eq!(excerpt("a=", 2, 1), ("a=".to_owned(), 2, 1));
    }

    #[test]
    fn colour_only_when_asked() {
        assert_eq!(Style { color: false }.paint(31, "x"), "x");
        assert_eq!(Style { color: true }.paint(31, "x"), "\x1b[1;31mx\x1b[0m");
    }
}
