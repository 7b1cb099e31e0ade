//! Parse, write and the split floor, on the inputs under `data/`.
//!
//! `cargo bench -p sdp-benches` runs all of it in under two minutes; pass a filter to run one
//! group (`cargo bench -p sdp-benches -- floor`).

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use sdp_benches::{split_floor, INPUTS};
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

/// `answer` with the WebRTC preset (the SIP preset for the SIP offer), and `check_answer` of
/// that answer, on the offers (issue 4 compares `answer` with `parse`).
fn negotiate(c: &mut Criterion) {
    let webrtc = sdp_negotiate::Config::webrtc();
    let sip = sdp_negotiate::Config::sip_phone();
    let mut group = c.benchmark_group("negotiate");
    for input in INPUTS {
        let config = if input.name.starts_with("sip") {
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

/// Short runs, so the whole file measures in well under two minutes: 1 s of warm-up, 3 s of
/// samples, and fewer bootstrap resamples than criterion's 100 000 (the analysis of 20
/// benchmarks otherwise adds tens of seconds on a small machine).
fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .nresamples(20_000)
}

criterion_group! {
    name = benches;
    config = config();
    targets = parse, write, floor, validate, codecs, negotiate
}
criterion_main!(benches);
