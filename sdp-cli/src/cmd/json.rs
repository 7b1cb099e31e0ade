//! `sdp json`: SDP to the JSON model (docs/json.md).

use std::io::Write;

use sdp_cli::json_model::to_json_string;

use super::parse;
use crate::{Failure, Outcome};

/// Print an SDP as JSON (the stable model of docs/json.md); `sdp from-json` converts it back.
///
/// Several inputs give a JSON array, one document per SDP.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Files, directories, `-`, webrtc-internals dumps, SIP traces.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<String>,
}

pub(crate) fn run(args: Args, out: &mut dyn Write) -> Result<Outcome, Failure> {
    let inputs = super::read_all(&args.inputs)?;
    // to_json_string keeps the model's field order (lines last), which a Value would sort.
    let mut documents = Vec::with_capacity(inputs.len());
    for input in &inputs {
        documents.push(to_json_string(&parse(input)?));
    }
    match documents.as_slice() {
        [one] => out.write_all(one.as_bytes())?,
        many => {
            writeln!(out, "[")?;
            for (i, document) in many.iter().enumerate() {
                let separator = if i + 1 < many.len() { "," } else { "" };
                writeln!(out, "{}{separator}", document.trim_end())?;
            }
            writeln!(out, "]")?;
        }
    }
    Ok(Outcome::Clean)
}
