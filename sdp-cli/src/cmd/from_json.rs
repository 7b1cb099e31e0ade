//! `sdp from-json`: the JSON model back to SDP.

use std::io::{Read, Write};

use sdp_cli::json_model::from_json;

use crate::{Failure, Outcome};

/// Write the SDP a JSON document of `sdp json` describes (its `lines`; the derived media
/// summary is ignored), byte for byte.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The JSON file, or `-` for standard input.
    #[arg(value_name = "FILE")]
    file: String,
}

pub(crate) fn run(args: Args, out: &mut dyn Write) -> Result<Outcome, Failure> {
    let text = if args.file == "-" {
        let mut text = String::new();
        std::io::stdin()
            .lock()
            .read_to_string(&mut text)
            .map_err(|e| Failure::new(format!("cannot read <stdin>: {e}")))?;
        text
    } else {
        std::fs::read_to_string(&args.file)
            .map_err(|e| Failure::new(format!("cannot read {}: {e}", args.file)))?
    };
    let label = if args.file == "-" {
        "<stdin>"
    } else {
        &args.file
    };
    let sdp = from_json(&text).map_err(|e| Failure::new(format!("{label}: {e}")))?;
    out.write_all(sdp.as_bytes())?;
    Ok(Outcome::Clean)
}
