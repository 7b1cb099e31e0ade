//! `sdp explain CODE`: the catalogue text of a lint.

use std::io::Write;

use sdp_core::validate::{catalogue, lookup};

use crate::{Failure, Outcome};

/// Explain a diagnostic code (e.g. SDP0203) or lint name (e.g. duplicate-mid).
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The code or name; `list` prints every code with its title.
    #[arg(value_name = "CODE")]
    code: String,
}

pub(crate) fn run(args: Args, out: &mut dyn Write) -> Result<Outcome, Failure> {
    if args.code == "list" {
        for lint in catalogue() {
            writeln!(
                out,
                "{} {:<8} {:<36} {}",
                lint.code,
                lint.severity.as_str(),
                lint.name,
                lint.title
            )?;
        }
        return Ok(Outcome::Clean);
    }
    match lookup(args.code.trim()) {
        Some(lint) => {
            out.write_all(lint.explain().as_bytes())?;
            if !lint.explain().ends_with('\n') {
                writeln!(out)?;
            }
            Ok(Outcome::Clean)
        }
        None => Err(Failure::new(format!(
            "no lint has the code or name `{}`; `sdp explain list` lists them",
            args.code
        ))),
    }
}
