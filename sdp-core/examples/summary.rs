//! Parses an SDP file (leniently, and strictly to compare) and prints a summary of it with
//! every warning: `cargo run -p sdp-core --example summary -- examples/chrome-offer.sdp`.

use std::io::{self, Write};
use std::process::ExitCode;

use sdp_core::{ParseOptions, Parsed, Session};

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: summary <file.sdp>");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("error: cannot read {path}: {e}");
            return ExitCode::from(2);
        }
    };
    let text = match std::str::from_utf8(&bytes) {
        Ok(text) => text,
        Err(_) => match Session::parse_bytes(&bytes) {
            Err(e) => {
                eprintln!("{path}: {e}");
                return ExitCode::from(1);
            }
            Ok(_) => return ExitCode::from(1),
        },
    };
    let parsed = match Session::parse_with(text, &ParseOptions::lenient()) {
        Ok(parsed) => parsed,
        Err(e) => {
            eprintln!("{path}: error[{}]: {e}", e.code());
            return ExitCode::from(1);
        }
    };
    let mut out = std::io::stdout().lock();
    match print_summary(&mut out, &path, text, &parsed) {
        Ok(()) => ExitCode::SUCCESS,
        // A reader that stops early (`| head`) is not an error of ours.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot write the summary: {e}");
            ExitCode::from(2)
        }
    }
}

/// Writes the summary of `parsed` (the file `path`, whose text is `text`) to `out`.
fn print_summary(
    out: &mut impl Write,
    path: &str,
    text: &str,
    parsed: &Parsed<'_>,
) -> io::Result<()> {
    let session = &parsed.session;
    writeln!(
        out,
        "{path}: {} bytes, {} media section(s)",
        text.len(),
        session.media().len()
    )?;
    if let Some(origin) = session.origin() {
        writeln!(
            out,
            "  origin: {} session {} version {}",
            origin.address, origin.session_id, origin.session_version
        )?;
    }
    for (i, media) in session.media().iter().enumerate() {
        let line = media.media_line();
        let port = line.map_or_else(|| "?".to_owned(), |m| m.port.to_string());
        let proto = line.map_or("?", |m| m.proto);
        let codecs: Vec<String> = media
            .codecs()
            .iter()
            .map(|c| match c.clock_rate {
                Some(rate) if c.is_known() => format!("{}/{rate}", c.encoding_name),
                _ if c.is_known() => c.encoding_name.to_owned(),
                _ => format!("PT {} (no rtpmap)", c.payload_type),
            })
            .collect();
        writeln!(
            out,
            "  m[{i}] {} port {port} {proto} mid={} {}: {}",
            media.kind(),
            media.mid().unwrap_or("-"),
            session.direction_of(media),
            if codecs.is_empty() {
                "-".to_owned()
            } else {
                codecs.join(", ")
            },
        )?;
    }
    for warning in &parsed.warnings {
        writeln!(out, "  warning[{}]: {warning}", warning.code())?;
    }
    match Session::parse_with(text, &ParseOptions::strict()) {
        Ok(_) => writeln!(out, "  strict: ok"),
        Err(e) => writeln!(out, "  strict: error[{}]: {e}", e.code()),
    }
}
