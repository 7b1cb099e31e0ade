//! `sdp offer`: an initial offer from a configured endpoint.

use std::io::Write;

use sdp_core::attr::direction::Direction;
use sdp_negotiate::{offer, MediaKind, OfferOptions, Transceiver};

use super::config::EndpointArgs;
use crate::{Failure, Outcome};

/// Create an offer: prints the offer SDP on stdout.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    endpoint: EndpointArgs,
    /// Audio sections (sendrecv).
    #[arg(long, default_value_t = 1, value_name = "N")]
    audio: usize,
    /// Video sections (sendrecv).
    #[arg(long, default_value_t = 0, value_name = "N")]
    video: usize,
    /// Add a data-channel section.
    #[arg(long)]
    data: bool,
    /// Send simulcast on the first video section with these rids (e.g. `h,m,l`).
    #[arg(long, value_name = "RIDS", value_delimiter = ',')]
    simulcast: Vec<String>,
}

/// More sections than any real call has; refuses typos such as `--audio 1000000`.
const MAX_SECTIONS: usize = 64;

pub(crate) fn run(args: Args, out: &mut dyn Write) -> Result<Outcome, Failure> {
    if args.audio.saturating_add(args.video) > MAX_SECTIONS {
        return Err(Failure::new(format!(
            "{} media sections asked; at most {MAX_SECTIONS}",
            args.audio.saturating_add(args.video)
        )));
    }
    if !args.simulcast.is_empty() {
        if args.video == 0 {
            return Err(Failure::new(
                "--simulcast needs a video section (--video 1)",
            ));
        }
        if args.simulcast.len() < 2 {
            return Err(Failure::new(
                "--simulcast needs two or more rids, e.g. h,m,l",
            ));
        }
        for (i, rid) in args.simulcast.iter().enumerate() {
            if args.simulcast.iter().take(i).any(|r| r == rid) {
                return Err(Failure::new(format!(
                    "--simulcast: rid `{rid}` is given twice"
                )));
            }
            let valid = !rid.is_empty()
                && rid.len() <= 255
                && rid
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
            if !valid {
                return Err(Failure::new(format!(
                    "--simulcast: `{rid}` is not a rid (letters, digits, - and _; RFC 8851 §10)"
                )));
            }
        }
    }
    if args.audio.saturating_add(args.video) == 0 && !args.data {
        return Err(Failure::new(
            "nothing to offer: give --audio N, --video N or --data",
        ));
    }
    let config = args.endpoint.config()?;
    let mut transceivers = Vec::new();
    for _ in 0..args.audio {
        transceivers.push(Transceiver::new(MediaKind::Audio, Direction::SendRecv));
    }
    for i in 0..args.video {
        let mut t = Transceiver::new(MediaKind::Video, Direction::SendRecv);
        if i == 0 {
            t.send_rids = args.simulcast.clone();
        }
        transceivers.push(t);
    }
    let options = OfferOptions {
        data_channel: args.data,
        ..OfferOptions::default()
    };
    let offer = offer(&config, &transceivers, &options)
        .map_err(|e| Failure::new(format!("cannot make the offer: {e}")))?;
    offer.write_io(out)?;
    Ok(Outcome::Clean)
}
