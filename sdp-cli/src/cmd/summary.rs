//! `sdp summary`: a compact overview of each input.

use std::io::Write;

use sdp_cli::input::read_inputs;

use super::parse;
use crate::{Failure, Outcome};

/// A compact overview: per m-section kind, mid, direction, port/proto, codecs, BUNDLE, ICE,
/// DTLS, simulcast and rids, data channel.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Files, directories, `-`, webrtc-internals dumps, SIP traces.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<String>,
}

pub(crate) fn run(args: Args, out: &mut dyn Write) -> Result<Outcome, Failure> {
    let inputs = read_inputs(&args.inputs)?;
    for (i, input) in inputs.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let session = parse(input)?;
        sdp_cli::summary::write_summary(out, &input.label, &session)?;
    }
    Ok(Outcome::Clean)
}
