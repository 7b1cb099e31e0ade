//! `sdp summary`: a compact overview of each input.

use std::io::Write;

use super::parse;
use crate::{Failure, Outcome};

/// A compact overview: per m-section kind, mid, direction, port/proto, codecs, BUNDLE, ICE,
/// DTLS, simulcast and rids, data channel.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Output format (JSON: an array, one object per input).
    #[arg(long, value_enum, default_value_t)]
    format: crate::Format,
    /// Files, directories, `-`, webrtc-internals dumps, SIP traces.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<String>,
}

pub(crate) fn run(args: Args, out: &mut dyn Write) -> Result<Outcome, Failure> {
    let inputs = super::read_all(&args.inputs)?;
    if args.format == crate::Format::Json {
        let mut all = Vec::with_capacity(inputs.len());
        for input in &inputs {
            all.push(sdp_cli::summary::summary_value(
                &input.label,
                &parse(input)?,
            ));
        }
        serde_json::to_writer_pretty(&mut *out, &all).map_err(std::io::Error::from)?;
        writeln!(out)?;
        return Ok(Outcome::Clean);
    }
    for (i, input) in inputs.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let session = parse(input)?;
        sdp_cli::summary::write_summary(out, &input.label, &session)?;
    }
    Ok(Outcome::Clean)
}
