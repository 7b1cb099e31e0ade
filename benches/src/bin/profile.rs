//! A loop to profile under callgrind, which counts instructions repeatably where wall-clock
//! timings on a shared machine do not:
//!
//! ```text
//! cargo build --profile bench -p sdp-benches --bin profile
//! valgrind --tool=callgrind target/release/profile parse chrome_offer 2000
//! callgrind_annotate callgrind.out.<pid> | head -40
//! ```
//!
//! Arguments: what to run (`parse`, `strict`, `write`, `floor`, `diff` (against
//! `sdp_benches::revised`), `answer` (the WebRTC preset; SIP for the SIP and ST 2110 inputs), `validate` (auto profile), or a peer id for that peer's parse, `<peer>-write` for its writer), the input name, and the number of iterations.

use std::hint::black_box;
use std::process::ExitCode;

use sdp_benches::peers::{try_parse, PEERS};
use sdp_benches::{revised, split_floor, INPUTS};
use sdp_core::{ParseOptions, Session};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(what), Some(name)) = (args.get(1), args.get(2)) else {
        eprintln!(
            "usage: profile <parse|strict|write|floor|diff|answer|validate|PEER|PEER-write> <input> [iterations]"
        );
        return ExitCode::from(2);
    };
    let n: usize = args.get(3).and_then(|n| n.parse().ok()).unwrap_or(1000);
    let Some(input) = INPUTS.iter().find(|i| i.name == name.as_str()) else {
        eprintln!("no input {name}");
        return ExitCode::from(2);
    };
    let text = input.text;
    match what.as_str() {
        "parse" => (0..n).for_each(|_| drop(black_box(Session::parse(black_box(text))))),
        "strict" => {
            let options = ParseOptions::strict();
            (0..n).for_each(|_| drop(black_box(Session::parse_with(black_box(text), &options))));
        }
        "write" => {
            let Ok(session) = Session::parse(text) else {
                eprintln!("{name} does not parse");
                return ExitCode::FAILURE;
            };
            for _ in 0..n {
                let session = black_box(&session);
                let mut out = String::with_capacity(session.written_len());
                let _ = session.write_to(&mut out);
                black_box(out);
            }
        }
        "diff" => {
            let changed = revised(text);
            let (Ok(a), Ok(b)) = (Session::parse(text), Session::parse(&changed)) else {
                eprintln!("{name} does not parse");
                return ExitCode::FAILURE;
            };
            let options = sdp_cli::diff::DiffOptions::default();
            (0..n).for_each(|_| drop(black_box(sdp_cli::diff::diff(&a, black_box(&b), &options))));
        }
        "validate" => {
            let Ok(session) = Session::parse(text) else {
                eprintln!("{name} does not parse");
                return ExitCode::FAILURE;
            };
            (0..n).for_each(|_| {
                drop(black_box(sdp_core::validate::validate(
                    black_box(&session),
                    sdp_core::validate::Profile::Auto,
                )))
            });
        }
        "answer" => {
            let config = if name.starts_with("sip") || name.starts_with("st2110") {
                sdp_negotiate::Config::sip_phone()
            } else {
                sdp_negotiate::Config::webrtc()
            };
            let Ok(offer) = Session::parse(text) else {
                eprintln!("{name} does not parse");
                return ExitCode::FAILURE;
            };
            (0..n).for_each(|_| drop(black_box(sdp_negotiate::answer(black_box(&offer), &config))));
        }
        "floor" => (0..n).for_each(|_| {
            black_box(split_floor(black_box(text), |s| {
                black_box(s);
            }));
        }),
        other => {
            let (id, write) = match other.strip_suffix("-write") {
                Some(id) => (id, true),
                None => (other, false),
            };
            let Some(peer) = PEERS.iter().find(|p| p.id == id) else {
                eprintln!("unknown mode {other}");
                return ExitCode::from(2);
            };
            let session = match try_parse(peer, text) {
                Ok(session) => session,
                Err(e) => {
                    eprintln!("{id} fails {name}: {e}");
                    return ExitCode::FAILURE;
                }
            };
            for _ in 0..n {
                if write {
                    black_box((peer.write)(black_box(&session)));
                } else {
                    drop(black_box((peer.parse)(black_box(text))));
                }
            }
        }
    }
    ExitCode::SUCCESS
}
