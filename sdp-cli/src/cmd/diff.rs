//! `sdp diff A B`: a semantic diff (what changed in meaning, not in text).

use std::io::Write;

use sdp_cli::diff::{diff, parse_ignore, render_human, DiffOptions};

use super::parse;
use crate::{Env, Failure, Format, Outcome};

/// Compare two SDPs by meaning: sections by mid, codecs, fmtp parameters, ICE restarts,
/// candidates, DTLS, extensions, streams, groups, origin. Exit 1 when they differ.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Categories to leave out, comma-separated: origin, candidates, ssrc, msid, ice,
    /// fingerprint, setup, extmap, rtcp-fb, bandwidth, codecs, direction, port, rid, group,
    /// connection.
    #[arg(long, value_name = "LIST")]
    ignore: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    /// The first SDP.
    #[arg(value_name = "A")]
    a: String,
    /// The second SDP.
    #[arg(value_name = "B")]
    b: String,
}

pub(crate) fn run(args: Args, env: &Env, out: &mut dyn Write) -> Result<Outcome, Failure> {
    let ignore = match &args.ignore {
        Some(list) => parse_ignore(list).map_err(|e| Failure::new(format!("--ignore: {e}")))?,
        None => Default::default(),
    };
    super::stdin_once(&args.a, &args.b)?;
    let a_input = sdp_cli::input::read_one(&args.a).map_err(Failure::new)?;
    let b_input = sdp_cli::input::read_one(&args.b).map_err(Failure::new)?;
    let a = parse(&a_input)?;
    let b = parse(&b_input)?;
    let changes = diff(&a, &b, &DiffOptions::ignoring(ignore));
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &changes).map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
        Format::Human => {
            // The renderer writes plain text; colour the change markers for a terminal.
            let mut text = Vec::new();
            render_human(&changes, &a_input.label, &b_input.label, &mut text)?;
            let text = String::from_utf8_lossy(&text);
            let style = sdp_cli::render::Style { color: env.color };
            for line in text.lines() {
                let painted = match line.trim_start().chars().next() {
                    _ if line.starts_with("--- ") || line.starts_with("+++ ") => {
                        style.paint(1, line)
                    }
                    Some('+') => style.paint(32, line),
                    Some('-') if line.starts_with("  ") => style.paint(31, line),
                    Some('~') => style.paint(33, line),
                    _ => line.to_owned(),
                };
                writeln!(out, "{painted}")?;
            }
        }
    }
    Ok(if changes.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Findings
    })
}
