//! `sdp man`: the roff man page generated from the clap definitions (`docs/sdp.1` is this
//! output, kept up to date by a test).

use std::io::Write;

use clap::CommandFactory;

use crate::{Cli, Failure, Outcome};

/// Print the man page (roff), e.g. `sdp man > sdp.1 && man ./sdp.1`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {}

pub(crate) fn run(_args: Args, out: &mut dyn Write) -> Result<Outcome, Failure> {
    out.write_all(&page()?)?;
    Ok(Outcome::Clean)
}

/// The man page of `sdp` and of each subcommand, in one roff document.
fn page() -> Result<Vec<u8>, Failure> {
    let command = Cli::command();
    let mut buffer = Vec::new();
    clap_mangen::Man::new(command.clone()).render(&mut buffer)?;
    for sub in command.get_subcommands() {
        if sub.get_name() == "help" {
            continue;
        }
        let sub = sub.clone().name(format!("sdp-{}", sub.get_name()));
        clap_mangen::Man::new(sub).render(&mut buffer)?;
    }
    Ok(buffer)
}
