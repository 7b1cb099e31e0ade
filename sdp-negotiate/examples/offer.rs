//! Prints an initial offer with the WebRTC preset:
//! `cargo run -p sdp-negotiate --example offer -- [--audio N] [--video N] [--data] [--simulcast h,m,l]`.

use std::process::ExitCode;

use sdp_core::attr::direction::Direction;
use sdp_negotiate::{offer, Config, MediaKind, OfferOptions, Transceiver};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (mut audio, mut video, mut data, mut rids) = (0usize, 0usize, false, Vec::new());
    while let Some(arg) = args.next() {
        let mut count = || args.next().and_then(|n| n.parse::<usize>().ok());
        match arg.as_str() {
            "--audio" => audio = count().unwrap_or(1),
            "--video" => video = count().unwrap_or(1),
            "--data" => data = true,
            "--simulcast" => {
                rids = args
                    .next()
                    .unwrap_or_default()
                    .split(',')
                    .map(str::to_owned)
                    .collect()
            }
            other => {
                eprintln!("error: unknown argument `{other}`");
                return ExitCode::from(2);
            }
        }
    }
    let mut transceivers = Vec::new();
    transceivers
        .extend((0..audio).map(|_| Transceiver::new(MediaKind::Audio, Direction::SendRecv)));
    for i in 0..video {
        let mut t = Transceiver::new(
            MediaKind::Video,
            if rids.is_empty() {
                Direction::SendRecv
            } else {
                Direction::SendOnly
            },
        );
        if i == 0 {
            t.send_rids = rids.clone();
        }
        transceivers.push(t);
    }
    let options = OfferOptions {
        data_channel: data,
        ..OfferOptions::default()
    };
    match offer(&Config::webrtc(), &transceivers, &options) {
        Ok(session) => {
            print!("{session}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}
