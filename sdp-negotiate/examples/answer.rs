//! Answers an SDP offer with a preset and prints the answer:
//! `cargo run -p sdp-negotiate --example answer -- [webrtc|sip] offer.sdp`.
//!
//! The per-section decisions go to stderr.

use std::process::ExitCode;

use sdp_core::Session;
use sdp_negotiate::{answer, Config, SectionOutcome};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (preset, path) = match args.as_slice() {
        [path] => ("webrtc", path.as_str()),
        [preset, path] => (preset.as_str(), path.as_str()),
        _ => {
            eprintln!("usage: answer [webrtc|sip] <offer.sdp>");
            return ExitCode::from(2);
        }
    };
    let config = match preset {
        "webrtc" => Config::webrtc(),
        "sip" => Config::sip_phone(),
        other => {
            eprintln!("error: unknown preset `{other}` (webrtc or sip)");
            return ExitCode::from(2);
        }
    };
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("error: cannot read {path}: {e}");
            return ExitCode::from(2);
        }
    };
    let offer = match Session::parse(&text) {
        Ok(offer) => offer,
        Err(e) => {
            eprintln!("error: {path}: {e}");
            return ExitCode::from(1);
        }
    };
    match answer(&offer, &config) {
        Ok(answer) => {
            for section in &answer.negotiated.sections {
                match section {
                    SectionOutcome::Accepted(a) => eprintln!(
                        "m[{}] accepted: {:?} {} with {} codec(s)",
                        a.index,
                        a.kind,
                        a.direction,
                        a.codecs.len()
                    ),
                    SectionOutcome::Rejected(r) => {
                        eprintln!("m[{}] rejected: {}", r.index, r.reason)
                    }
                }
            }
            print!("{}", answer.session);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}
