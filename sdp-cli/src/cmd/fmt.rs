//! `sdp fmt`: the canonical form of an SDP.

use std::io::Write;

use sdp_core::{Eol, LineKind};

use super::parse;
use crate::{Failure, Outcome};

/// Print the canonical form: CRLF endings, canonical spacing, no blank lines, attributes in
/// their input order.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Write nothing; exit 1 and name the first difference when an input is not canonical.
    #[arg(long)]
    check: bool,
    /// End lines with LF instead of CRLF.
    #[arg(long)]
    lf: bool,
    /// The SDP (with --check: one or more inputs).
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<String>,
}

pub(crate) fn run(args: Args, out: &mut dyn Write) -> Result<Outcome, Failure> {
    let inputs = super::read_all(&args.inputs)?;
    if !args.check && inputs.len() != 1 {
        return Err(Failure::new(format!(
            "fmt prints one SDP and the inputs hold {}; use --check for several",
            inputs.len()
        )));
    }
    let eol = if args.lf { Eol::Lf } else { Eol::CrLf };
    let mut outcome = Outcome::Clean;
    for input in &inputs {
        let session = parse(input)?;
        if args.check {
            if let Some(difference) = first_difference(&session, eol) {
                writeln!(
                    out,
                    "{}:{}: not canonical: {difference}",
                    input.path,
                    difference.line + input.line_offset
                )?;
                outcome = Outcome::Findings;
            }
            continue;
        }
        let mut canonical = session;
        canonical.normalize();
        canonical.set_line_endings(eol);
        canonical.write_io(out)?;
    }
    Ok(outcome)
}

/// The first line that `sdp fmt` would change.
struct Difference {
    line: usize,
    what: String,
}

impl std::fmt::Display for Difference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.what)
    }
}

fn first_difference(session: &sdp_core::Session<'_>, eol: Eol) -> Option<Difference> {
    let mut canonical = session.clone();
    canonical.normalize();
    canonical.set_line_endings(eol);
    // normalize() keeps every line but blank ones, in order: the two walk in step.
    let mut written = canonical.all_lines();
    for (i, line) in session.all_lines().enumerate() {
        let at = |what: String| Some(Difference { line: i + 1, what });
        if line.kind() == LineKind::Blank {
            return at("a blank line (removed)".to_owned());
        }
        let Some(canonical) = written.next() else {
            return at("a line the canonical form does not have".to_owned());
        };
        if canonical.text() != line.text() {
            return at(format!(
                "`{}` is written `{}`",
                line.text().escape_debug(),
                canonical.text().escape_debug()
            ));
        }
        if line.eol() != eol {
            let name = |e: Eol| match e {
                Eol::CrLf => "CRLF",
                Eol::Lf => "LF",
                Eol::None => "no line ending",
            };
            return at(format!(
                "the line ends with {} instead of {}",
                name(line.eol()),
                name(eol)
            ));
        }
    }
    None
}
