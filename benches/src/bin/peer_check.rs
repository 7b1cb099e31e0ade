//! Which peer crates parse which benchmark input, and how faithfully each one writes back what
//! it parsed: the table behind "fails" and the serializer notes in `benches/README.md`.
//!
//! ```text
//! cargo run --release -p sdp-benches --bin peer_check
//! cargo run --release -p sdp-benches --bin peer_check -- --lines   # also the lines lost
//! cargo run --release -p sdp-benches --bin peer_check -- --dump sdp-rs chrome_offer
//! ```

use std::panic;

use sdp_benches::peers::{fidelity, try_parse, try_write, PEERS};
use sdp_benches::INPUTS;

/// The first line of `message`, at most 100 characters, with `|` escaped for Markdown.
fn short(message: &str) -> String {
    let line = message.lines().next().unwrap_or("");
    let mut out: String = line.chars().take(100).collect();
    if out.len() < line.len() {
        out.push('…');
    }
    out.replace('|', "\\|")
}

/// Prints, under the table, the input lines `written` lost or rewrote (at most five).
fn print_lost(input: &str, peer: &str, source: &str, written: &str) {
    let mut pool: Vec<&str> = written.lines().map(|l| l.trim_end_matches('\r')).collect();
    let mut lost = Vec::new();
    for line in source.lines().map(|l| l.trim_end_matches('\r')) {
        match pool.iter().position(|w| *w == line) {
            Some(i) => {
                pool.swap_remove(i);
            }
            None => lost.push(line),
        }
    }
    for (line, new) in lost
        .iter()
        .zip(pool.iter().chain(std::iter::repeat(&"")))
        .take(usize::MAX)
    {
        eprintln!("{input} {peer}: lost `{line}`   (unmatched written: `{new}`)");
    }
}

/// Prints what `peer` writes after parsing `input` (or why it cannot).
fn dump(peer: &str, input: &str) {
    let (Some(peer), Some(input)) = (
        PEERS.iter().find(|p| p.id == peer),
        INPUTS.iter().find(|i| i.name == input),
    ) else {
        eprintln!("unknown peer or input");
        return;
    };
    match try_parse(peer, input.text).and_then(|s| try_write(peer, &s)) {
        Ok(written) => print!("{written}"),
        Err(e) => eprintln!("{} fails {}: {e}", peer.id, input.name),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let show_lines = args.iter().any(|a| a == "--lines");
    if let [_, flag, peer, input] = args.as_slice() {
        if flag == "--dump" {
            dump(peer, input);
            return;
        }
    }
    // Peers that panic are reported in the table; keep their panic messages off stderr.
    panic::set_hook(Box::new(|_| {}));

    println!("| input | peer | parse | write | lines in → out | input lines lost or rewritten | same lines, same order |");
    println!("| --- | --- | --- | --- | ---: | ---: | --- |");
    for input in INPUTS {
        for peer in PEERS {
            let row = |parse: &str, write: &str, rest: &str| {
                println!(
                    "| `{}` | {} | {parse} | {write} | {rest} |",
                    input.name, peer.id
                );
            };
            let session = match try_parse(&peer, input.text) {
                Ok(session) => session,
                Err(e) => {
                    row(&format!("fails: {}", short(&e)), "-", "- | - | -");
                    continue;
                }
            };
            match try_write(&peer, &session) {
                Ok(written) => {
                    let f = fidelity(input.text, &written);
                    if show_lines {
                        print_lost(input.name, peer.id, input.text, &written);
                    }
                    let write = if f.exact {
                        "byte-exact"
                    } else if f.missing == 0 && f.same_order {
                        "same lines, other line endings"
                    } else {
                        "rewrites"
                    };
                    row(
                        "ok",
                        write,
                        &format!(
                            "{} → {} | {} | {}",
                            f.lines_in,
                            f.lines_out,
                            f.missing,
                            if f.same_order { "yes" } else { "no" }
                        ),
                    );
                }
                Err(e) => row("ok", &format!("fails: {}", short(&e)), "- | - | -"),
            }
        }
    }
}
