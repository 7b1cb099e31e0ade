//! Parse, write and the split floor, on the inputs under `data/`, and the peer crates' parse
//! and write on the same inputs in the same run.
//!
//! `cargo bench -p sdp-benches` runs all of it in a few minutes; pass a filter to run one
//! group (`cargo bench -p sdp-benches -- floor`, `-- peers`).

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use sdp_benches::peers::{try_parse, try_write, PEERS};
use sdp_benches::{revised, split_floor, INPUTS};
use sdp_cli::diff::DiffOptions;
use sdp_core::attr::direction::Direction;
use sdp_core::validate::Profile;
use sdp_core::{ParseOptions, Session};

/// `Session::parse` (the default: lenient, warnings not collected) and `Session::parse_with`,
/// lenient (with warnings) and strict, per input.
fn parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    for input in INPUTS {
        group.throughput(Throughput::Bytes(input.text.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("default", input.name),
            input.text,
            |b, text| b.iter(|| Session::parse(black_box(text))),
        );
        for (mode, options) in [
            ("lenient", ParseOptions::lenient()),
            ("strict", ParseOptions::strict()),
        ] {
            assert!(
                Session::parse_with(input.text, &options).is_ok(),
                "{} does not parse ({mode})",
                input.name
            );
            group.bench_with_input(BenchmarkId::new(mode, input.name), input.text, |b, text| {
                b.iter(|| Session::parse_with(black_box(text), &options))
            });
        }
    }
    group.finish();
}

/// Writes `session` into a string sized by `written_len`.
fn write_string(session: &Session<'_>) -> String {
    let mut out = String::with_capacity(session.written_len());
    // Writing into a `String` cannot fail.
    let _ = session.write_to(&mut out);
    out
}

/// `Session::write_to` into a presized `String`: unchanged (every line borrowed), and after
/// changing one line of the first media section (the direction; the `m=` port for a section
/// without one), which is then written canonically.
fn write(c: &mut Criterion) {
    let mut group = c.benchmark_group("write");
    for input in INPUTS {
        group.throughput(Throughput::Bytes(input.text.len() as u64));
        let Ok(session) = Session::parse(input.text) else {
            panic!("{} does not parse", input.name);
        };
        assert_eq!(write_string(&session), input.text, "{}", input.name);
        group.bench_with_input(
            BenchmarkId::new("unchanged", input.name),
            &session,
            |b, session| b.iter(|| write_string(black_box(session))),
        );

        let mut changed = session.clone();
        if let Some(media) = changed.media_mut().first_mut() {
            media.set_direction(Direction::RecvOnly);
        }
        assert_ne!(write_string(&changed), input.text, "{}", input.name);
        group.bench_with_input(
            BenchmarkId::new("one_change", input.name),
            &changed,
            |b, session| b.iter(|| write_string(black_box(session))),
        );
    }
    group.finish();
}

/// The split floor: the same bytes cut into lines and `type=value` / `name:value` slices, with
/// no allocation and no checks. How far `parse` is from this is the cost of the model.
fn floor(c: &mut Criterion) {
    let mut group = c.benchmark_group("floor");
    for input in INPUTS {
        group.throughput(Throughput::Bytes(input.text.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("split", input.name),
            input.text,
            |b, text| {
                b.iter(|| {
                    split_floor(black_box(text), |slice| {
                        black_box(slice);
                    })
                })
            },
        );
    }
    group.finish();
}

/// `validate` under the auto profile on a parsed session (issue 3 compares it with `parse`).
fn validate(c: &mut Criterion) {
    let mut group = c.benchmark_group("validate");
    for input in INPUTS {
        group.throughput(Throughput::Bytes(input.text.len() as u64));
        let Ok(session) = Session::parse(input.text) else {
            panic!("{} does not parse", input.name);
        };
        group.bench_with_input(
            BenchmarkId::new("auto", input.name),
            &session,
            |b, session| b.iter(|| sdp_core::validate::validate(black_box(session), Profile::Auto)),
        );
    }
    group.finish();
}

/// The codec view of every media section (rtpmap, fmtp and rtcp-fb joined by payload type).
fn codecs(c: &mut Criterion) {
    let mut group = c.benchmark_group("codecs");
    for input in INPUTS {
        group.throughput(Throughput::Bytes(input.text.len() as u64));
        let Ok(session) = Session::parse(input.text) else {
            panic!("{} does not parse", input.name);
        };
        group.bench_with_input(
            BenchmarkId::new("all", input.name),
            &session,
            |b, session| {
                b.iter(|| {
                    for media in black_box(session).media() {
                        black_box(media.codecs());
                    }
                })
            },
        );
    }
    group.finish();
}

/// `answer` with the WebRTC preset (the SIP preset for the SIP offer and the ST 2110 sender),
/// and `check_answer` of that answer, on the offers (issue 4 compares `answer` with `parse`).
fn negotiate(c: &mut Criterion) {
    let webrtc = sdp_negotiate::Config::webrtc();
    let sip = sdp_negotiate::Config::sip_phone();
    let mut group = c.benchmark_group("negotiate");
    for input in INPUTS {
        let config = if input.name.starts_with("sip") || input.name.starts_with("st2110") {
            &sip
        } else {
            &webrtc
        };
        group.throughput(Throughput::Bytes(input.text.len() as u64));
        let Ok(offer) = Session::parse(input.text) else {
            panic!("{} does not parse", input.name);
        };
        let Ok(answer) = sdp_negotiate::answer(&offer, config) else {
            panic!("{} cannot be answered", input.name);
        };
        group.bench_with_input(
            BenchmarkId::new("answer", input.name),
            &offer,
            |b, offer| b.iter(|| sdp_negotiate::answer(black_box(offer), config)),
        );
        group.bench_with_input(
            BenchmarkId::new("check_answer", input.name),
            &answer.session,
            |b, session| {
                b.iter(|| sdp_negotiate::check_answer(black_box(&offer), black_box(session)))
            },
        );
    }
    group.finish();
}

/// The semantic diff (`sdp diff`) of each input against itself (nothing to report, every
/// section and attribute compared) and against a re-offer of it (`sdp_benches::revised`: new
/// session version, ICE restart, one direction changed).
fn diff(c: &mut Criterion) {
    let options = DiffOptions::default();
    let mut group = c.benchmark_group("diff");
    for input in INPUTS {
        group.throughput(Throughput::Bytes(input.text.len() as u64));
        let changed = revised(input.text);
        let (Ok(a), Ok(b)) = (Session::parse(input.text), Session::parse(&changed)) else {
            panic!("{} does not parse", input.name);
        };
        group.bench_with_input(BenchmarkId::new("identical", input.name), &a, |bench, a| {
            bench.iter(|| sdp_cli::diff::diff(black_box(a), black_box(a), &options))
        });
        group.bench_with_input(BenchmarkId::new("revised", input.name), &b, |bench, b| {
            bench.iter(|| sdp_cli::diff::diff(black_box(&a), black_box(b), &options))
        });
    }
    group.finish();
}

/// Where criterion keeps its reports, found as criterion finds it (`CRITERION_HOME`, then
/// `CARGO_TARGET_DIR/criterion`), else the workspace's `target/criterion`.
fn criterion_home() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(home);
    }
    if let Some(target) = std::env::var_os("CARGO_TARGET_DIR") {
        return PathBuf::from(target).join("criterion");
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/criterion")
}

/// Records which peer failed which input (and why) in `<criterion home>/peer_failures.json`,
/// keyed by benchmark id (`peers_parse/<peer>/<input>`), which `report.py` reads to mark those
/// cells "fails". Printed to stderr as well.
fn record_failures(failures: &[(&str, &str, &str, String)]) {
    let mut json = String::from("{\n");
    for (i, (group, peer, input, error)) in failures.iter().enumerate() {
        eprintln!("{group}: {peer} fails {input}: {error}");
        let error = error.replace('\\', "\\\\").replace('"', "\\\"");
        let error: String = error.chars().filter(|c| !c.is_control()).collect();
        let comma = if i + 1 < failures.len() { "," } else { "" };
        json.push_str(&format!(
            "  \"{group}/{peer}/{input}\": \"{error}\"{comma}\n"
        ));
    }
    json.push_str("}\n");
    let path = criterion_home().join("peer_failures.json");
    if let Err(e) =
        std::fs::create_dir_all(criterion_home()).and_then(|()| std::fs::write(&path, json))
    {
        eprintln!("cannot write {}: {e}", path.display());
    }
}

/// The peer crates (see `sdp_benches::peers`) on the same inputs: `peers_parse/<peer>/<input>`
/// is the crate's parse from `&str` (dropped after each iteration, as ours is), and
/// `peers_write/<peer>/<input>` its serializer on a session it parsed. A peer that errors or
/// panics on an input is recorded as failing it and not measured on it.
fn peers(c: &mut Criterion) {
    let mut failures = Vec::new();
    let mut sessions = Vec::new();
    let mut group = c.benchmark_group("peers_parse");
    for input in INPUTS {
        group.throughput(Throughput::Bytes(input.text.len() as u64));
        for peer in PEERS {
            let session = match try_parse(&peer, input.text) {
                Ok(session) => session,
                Err(e) => {
                    failures.push(("peers_parse", peer.id, input.name, e.clone()));
                    failures.push(("peers_write", peer.id, input.name, e));
                    continue;
                }
            };
            match try_write(&peer, &session) {
                Ok(_) => sessions.push((peer, input, session)),
                Err(e) => failures.push(("peers_write", peer.id, input.name, e)),
            }
            group.bench_with_input(
                BenchmarkId::new(peer.id, input.name),
                input.text,
                |b, text| b.iter(|| (peer.parse)(black_box(text))),
            );
        }
    }
    group.finish();
    record_failures(&failures);

    let mut group = c.benchmark_group("peers_write");
    for (peer, input, session) in &sessions {
        group.throughput(Throughput::Bytes(input.text.len() as u64));
        group.bench_with_input(
            BenchmarkId::new(peer.id, input.name),
            session,
            |b, session| b.iter(|| (peer.write)(black_box(session))),
        );
    }
    group.finish();
}

/// Short runs, so the whole file (about 110 benchmarks with the peers) measures in about ten
/// minutes: 1 s of warm-up, 3 s of samples, and fewer bootstrap resamples than criterion's
/// 100 000 (the analysis otherwise adds seconds per benchmark on a small machine).
fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .nresamples(20_000)
}

criterion_group! {
    name = benches;
    config = config();
    targets = parse, write, floor, peers, validate, codecs, negotiate, diff
}
criterion_main!(benches);
