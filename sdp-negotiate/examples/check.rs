//! Checks an answer against its offer (rulebook F) and prints the violations:
//! `cargo run -p sdp-negotiate --example check -- offer.sdp answer.sdp`; exits 1 on an error.

use std::process::ExitCode;

use sdp_core::Session;
use sdp_negotiate::{check_answer, Severity};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [offer, answer] = args.as_slice() else {
        eprintln!("usage: check <offer.sdp> <answer.sdp>");
        return ExitCode::from(2);
    };
    let read =
        |path: &str| std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"));
    let (offer_text, answer_text) = match (read(offer), read(answer)) {
        (Ok(o), Ok(a)) => (o, a),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let (offer, answer) = match (Session::parse(&offer_text), Session::parse(&answer_text)) {
        (Ok(o), Ok(a)) => (o, a),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    let violations = check_answer(&offer, &answer);
    for v in &violations {
        println!("{v}");
    }
    if violations.iter().any(|v| v.severity == Severity::Error) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
