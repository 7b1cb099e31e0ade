//! `sdp completions SHELL`: a completion script generated from the clap definitions.

use std::io::Write;

use clap::CommandFactory;
use clap_complete::Shell;

use crate::{Cli, Failure, Outcome};

/// Print a shell completion script (e.g. `sdp completions bash > /etc/bash_completion.d/sdp`).
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The shell.
    #[arg(value_enum)]
    shell: Shell,
}

pub(crate) fn run(args: Args, out: &mut dyn Write) -> Result<Outcome, Failure> {
    let mut command = Cli::command();
    let mut buffer = Vec::new();
    clap_complete::generate(args.shell, &mut command, "sdp", &mut buffer);
    out.write_all(&buffer)?;
    Ok(Outcome::Clean)
}
