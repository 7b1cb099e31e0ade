//! `sdp anonymize`: the same SDP with addresses, ports, credentials and identifiers replaced.

use std::io::Write;

use sdp_cli::anonymize::anonymize;

use super::parse;
use crate::{Failure, Outcome};

/// Replace IP addresses, ports, ICE credentials, fingerprints, SSRCs, CNAMEs, msids, crypto
/// keys and the origin consistently (one value, one replacement), so an SDP can go into a bug
/// report; the result parses and validates as the input does. Deterministic: the same input
/// gives the same output.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The SDP: a file or `-`; `FILE#N` picks one SDP of a dump or trace.
    #[arg(value_name = "INPUT")]
    input: String,
}

pub(crate) fn run(args: Args, out: &mut dyn Write) -> Result<Outcome, Failure> {
    let input = sdp_cli::input::read_one(&args.input).map_err(Failure::new)?;
    let session = parse(&input)?;
    out.write_all(anonymize(&session).as_bytes())?;
    Ok(Outcome::Clean)
}
