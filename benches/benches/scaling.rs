//! Time per byte as inputs grow from 1 KB to 10 MB (issue 7): parsing must stay linear in the
//! input size whatever the shape of the input, or a peer can make us burn CPU with a large SDP.
//!
//! Four shapes, each generated in code at 1 KB, 100 KB, 1 MB and 10 MB:
//! - `media`: many m-sections (a WebRTC audio section repeated);
//! - `candidates`: one section with many `a=candidate` lines;
//! - `giant_line`: one `a=fmtp` line holding nearly the whole input (thousands of parameters);
//! - `attributes`: one section with thousands of attributes of mixed kinds (ssrc, extmap,
//!   rtcp-fb, unknown).
//!
//! Parsing runs with [`Limits::unlimited`]: the default limits refuse the larger inputs (1024
//! m-sections, 64 KiB lines, 10 000 attributes per section, 200 000 lines), which is their job;
//! here we measure the parser behind them. Throughput is in bytes, so a flat MiB/s across the
//! sizes of one shape is a flat time per byte: `cargo bench -p sdp-benches --bench scaling`, then
//! `python3 benches/report.py --scaling` prints ns/byte per size.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use sdp_core::validate::{validate, Profile};
use sdp_core::{Limits, ParseOptions, Session};

const SIZES: [(&str, usize); 4] = [
    ("1KB", 1_000),
    ("100KB", 100_000),
    ("1MB", 1_000_000),
    ("10MB", 10_000_000),
];

const HEADER: &str = "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

/// `HEADER`, a section start, then `line(i)` for i = 0, 1, ... until `size` bytes are reached.
fn grow(size: usize, start: &str, line: impl Fn(usize) -> String) -> String {
    let mut text = String::with_capacity(size + 256);
    text.push_str(HEADER);
    text.push_str(start);
    let mut i = 0;
    while text.len() < size {
        text.push_str(&line(i));
        i += 1;
    }
    text
}

fn many_media(size: usize) -> String {
    grow(size, "a=msid-semantic: WMS *\r\n", |i| {
        format!(
            "m=audio 9 UDP/TLS/RTP/SAVPF 111 0\r\nc=IN IP4 0.0.0.0\r\na=mid:{i}\r\n\
             a=ice-ufrag:ufrag{i}\r\na=ice-pwd:passwordpasswordpassword\r\na=sendrecv\r\n\
             a=rtcp-mux\r\na=rtpmap:111 opus/48000/2\r\na=fmtp:111 minptime=10;useinbandfec=1\r\n\
             a=rtpmap:0 PCMU/8000\r\n"
        )
    })
}

fn many_candidates(size: usize) -> String {
    grow(
        size,
        "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\n",
        |i| {
            format!(
                "a=candidate:{i} 1 udp 2122260223 192.0.2.{} {} typ host generation 0 \
                 network-id 1\r\n",
                i % 250,
                1024 + i % 60000
            )
        },
    )
}

fn giant_line(size: usize) -> String {
    let mut text = String::with_capacity(size + 256);
    text.push_str(HEADER);
    text.push_str("m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=rtpmap:96 VP8/90000\r\na=fmtp:96 ");
    let mut i = 0;
    while text.len() < size {
        if i > 0 {
            text.push(';');
        }
        text.push_str(&format!("x-param-{i}={i}"));
        i += 1;
    }
    text.push_str("\r\n");
    text
}

fn many_attributes(size: usize) -> String {
    grow(
        size,
        "m=video 9 UDP/TLS/RTP/SAVPF 96 97\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\n",
        |i| match i % 4 {
            0 => format!("a=ssrc:{} cname:stream{i}\r\n", 100_000 + i),
            1 => format!("a=extmap:{} urn:example:ext:{i}\r\n", i % 14 + 1),
            2 => format!("a=rtcp-fb:{} nack pli\r\n", 96 + i % 2),
            _ => format!("a=x-unknown-{i}:some value {i}\r\n"),
        },
    )
}

type Shape = (&'static str, fn(usize) -> String);

const SHAPES: [Shape; 4] = [
    ("media", many_media),
    ("candidates", many_candidates),
    ("giant_line", giant_line),
    ("attributes", many_attributes),
];

/// `Session::parse_with` lenient (every line checked, warnings collected) and strict, without
/// limits, per shape and size.
fn scaling(c: &mut Criterion) {
    let unlimited = |options: ParseOptions| options.with_limits(Limits::unlimited());
    for (shape, generate) in SHAPES {
        let mut group = c.benchmark_group(format!("scaling/{shape}"));
        for (size_name, size) in SIZES {
            let text = generate(size);
            // The default limits refuse the large inputs with a clear error: check once.
            if size >= 1_000_000 {
                assert!(Session::parse(&text).is_err(), "{shape} {size_name}");
            }
            group.throughput(Throughput::Bytes(text.len() as u64));
            for (mode, options) in [
                ("lenient", unlimited(ParseOptions::lenient())),
                ("strict", unlimited(ParseOptions::strict())),
            ] {
                assert!(
                    Session::parse_with(&text, &options).is_ok(),
                    "{shape} {size_name} ({mode}) does not parse"
                );
                group.bench_with_input(BenchmarkId::new(mode, size_name), &text, |b, text| {
                    b.iter(|| Session::parse_with(black_box(text), &options))
                });
            }
            // The validator on the parsed session: the other half of what an SDP from the
            // network goes through in `sdp validate`.
            let parsed = Session::parse_with(&text, &unlimited(ParseOptions::lenient()))
                .map(|p| p.session)
                .unwrap_or_default();
            group.bench_with_input(
                BenchmarkId::new("validate", size_name),
                &parsed,
                |b, session| b.iter(|| validate(black_box(session), Profile::Auto)),
            );
        }
        group.finish();
    }
}

fn config() -> Criterion {
    // Ten samples of a 10 MB parse take seconds: few samples, short windows, flat enough to
    // compare sizes within one run.
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
}

criterion_group! {
    name = benches;
    config = config();
    targets = scaling
}
criterion_main!(benches);
