#!/usr/bin/env python3
"""Turns the medians of the last `cargo bench -p sdp-benches` run into Markdown tables.

Reads target/criterion/<group>/<function>/<input>/new/estimates.json (criterion's point
estimates; the median is used) and target/criterion/peer_failures.json (written by the bench:
which peer failed which input, and why), and prints:

1. our operations per input (time and MB/s), and their ratios;
2. parse: us (lenient default, strict), each peer crate, the split floor;
3. write: us (unchanged, one change), each peer's serializer;
4. the ratios the issue quotes: fastest peer / us for parse and write, us / floor, and the
   conference offer's time per byte over the Chrome offer's.

A peer that failed an input shows "fails"; a benchmark that has no result shows "-".
Usage: python3 benches/report.py [path/to/target/criterion]

With --scaling, prints the ns/byte of the scaling bench instead (`cargo bench -p sdp-benches
--bench scaling`): one row per shape and mode, one column per input size.
"""
import json
import os
import sys

from mdtable import ratio, table

HERE = os.path.dirname(os.path.abspath(__file__))
ARGS = [a for a in sys.argv[1:] if a != "--scaling"]
ROOT = ARGS[0] if ARGS else os.path.join(HERE, "..", "target", "criterion")
# Benchmark inputs, smallest first, as in benches/src/lib.rs; sizes come from the files.
INPUTS = ["sip_audio", "st2110_sender", "firefox_offer", "chrome_offer", "conference_20m"]
SIZES = {name: os.path.getsize(os.path.join(HERE, "data", name + ".sdp")) for name in INPUTS}
# Peer ids as in benches/src/peers.rs.
PEERS = ["webrtc-sdp", "webrtc-rs", "sdp-types", "msf-sdp", "sdp-rs", "sdp-nom"]
OURS = [
    ("parse", "default", "parse"),
    ("parse", "lenient", "parse_with lenient"),
    ("parse", "strict", "parse_with strict"),
    ("write", "unchanged", "write"),
    ("write", "one_change", "write, one change"),
    ("floor", "split", "floor"),
    ("validate", "auto", "validate"),
    ("codecs", "all", "codec views"),
    ("negotiate", "answer", "answer"),
    ("negotiate", "check_answer", "check_answer"),
    ("diff", "identical", "diff, same"),
    ("diff", "revised", "diff, re-offer"),
]


def load_failures():
    try:
        with open(os.path.join(ROOT, "peer_failures.json")) as f:
            return json.load(f)
    except (OSError, ValueError):
        return {}


FAILURES = load_failures()


def median_ns(group, function, name):
    """The median in ns, or None when there is no result or the peer failed that input."""
    if f"{group}/{function}/{name}" in FAILURES:
        return None
    path = os.path.join(ROOT, group, function, name, "new", "estimates.json")
    try:
        with open(path) as f:
            return json.load(f)["median"]["point_estimate"]
    except (OSError, KeyError, ValueError):
        return None


def fmt_time(ns):
    if ns >= 1000:
        return f"{ns / 1000:.2f} µs"
    return f"{ns:.0f} ns"


def cell(group, function, name):
    if f"{group}/{function}/{name}" in FAILURES:
        return "fails"
    ns = median_ns(group, function, name)
    if ns is None:
        return "-"
    return f"{fmt_time(ns)} ({SIZES[name] / ns * 1000:.0f} MB/s)"


def label(name):
    return f"`{name}` ({SIZES[name]} B)"


def fastest(group, name):
    """(peer, ns) of the fastest peer that did not fail `name`, or (None, None)."""
    best = (None, None)
    for peer in PEERS:
        ns = median_ns(group, peer, name)
        if ns is not None and (best[1] is None or ns < best[1]):
            best = (peer, ns)
    return best


def main():
    print("### Our operations\n")
    table(["input"] + [l for _, _, l in OURS],
          [[label(n)] + [cell(g, f, n) for g, f, _ in OURS] for n in INPUTS])

    def t(n, g, f):
        return median_ns(g, f, n)

    table(["input", "parse / floor", "strict / parse", "validate / parse", "validate / strict",
           "answer / parse", "answer / strict", "write / parse"],
          [[f"`{n}`", ratio(t(n, "parse", "default"), t(n, "floor", "split")),
            ratio(t(n, "parse", "strict"), t(n, "parse", "default")),
            ratio(t(n, "validate", "auto"), t(n, "parse", "default")),
            ratio(t(n, "validate", "auto"), t(n, "parse", "strict")),
            ratio(t(n, "negotiate", "answer"), t(n, "parse", "default")),
            ratio(t(n, "negotiate", "answer"), t(n, "parse", "strict")),
            ratio(t(n, "write", "unchanged"), t(n, "parse", "default"))] for n in INPUTS])

    print("### Parse: us and the peer crates\n")
    table(["input", "us (lenient, default)", "us (strict)"] + PEERS + ["floor"],
          [[label(n), cell("parse", "default", n), cell("parse", "strict", n)]
           + [cell("peers_parse", p, n) for p in PEERS] + [cell("floor", "split", n)]
           for n in INPUTS])

    print("### Write: us and the peer serializers\n")
    table(["input", "us (unchanged)", "us (one change)"] + PEERS,
          [[label(n), cell("write", "unchanged", n), cell("write", "one_change", n)]
           + [cell("peers_write", p, n) for p in PEERS] for n in INPUTS])

    print("### Ratios\n")
    rows = []
    for n in INPUTS:
        parse_peer, parse_ns = fastest("peers_parse", n)
        write_peer, write_ns = fastest("peers_write", n)
        rows.append([
            f"`{n}`",
            f"{ratio(parse_ns, t(n, 'parse', 'default'))} ({parse_peer})" if parse_peer else "-",
            ratio(parse_ns, t(n, "parse", "strict")),
            f"{ratio(write_ns, t(n, 'write', 'unchanged'))} ({write_peer})" if write_peer else "-",
            ratio(t(n, "parse", "default"), t(n, "floor", "split")),
            ratio(t(n, "parse", "strict"), t(n, "floor", "split")),
        ])
    table(["input", "fastest peer parse / our parse", "fastest peer parse / our strict parse",
           "fastest peer write / our write", "our parse / floor", "our strict parse / floor"], rows)

    def per_byte(g, f, n):
        ns = median_ns(g, f, n)
        return ns / SIZES[n] if ns else None

    print("Time per byte, `conference_20m` over `chrome_offer`: "
          f"parse {ratio(per_byte('parse', 'default', 'conference_20m'), per_byte('parse', 'default', 'chrome_offer'))}, "
          f"strict parse {ratio(per_byte('parse', 'strict', 'conference_20m'), per_byte('parse', 'strict', 'chrome_offer'))}, "
          f"write {ratio(per_byte('write', 'unchanged', 'conference_20m'), per_byte('write', 'unchanged', 'chrome_offer'))}.")
    if FAILURES:
        print()
        print("Peers that fail an input (from `peer_failures.json`):")
        print()
        for key, error in sorted(FAILURES.items()):
            group, peer, name = key.split("/")
            if group == "peers_parse":
                short = error if len(error) <= 140 else error[:140] + "…"
                print(f"- {peer} on `{name}`: {short}")


SCALING_SHAPES = ["media", "candidates", "giant_line", "attributes"]
SCALING_SIZES = ["1KB", "100KB", "1MB", "10MB"]
SCALING_MODES = ["lenient", "strict", "validate"]


def scaling():
    """ns/byte per shape, mode and size: flat rows mean time linear in the input size."""
    print("| shape | measured | " + " | ".join(SCALING_SIZES) + " | 10MB / 100KB |")
    print("| --- | --- | " + " | ".join("---:" for _ in SCALING_SIZES) + " | ---: |")
    for shape in SCALING_SHAPES:
        for mode in SCALING_MODES:
            per_byte = []
            for size in SCALING_SIZES:
                base = os.path.join(ROOT, f"scaling_{shape}", mode, size, "new")
                try:
                    with open(os.path.join(base, "estimates.json")) as f:
                        ns = json.load(f)["median"]["point_estimate"]
                    with open(os.path.join(base, "benchmark.json")) as f:
                        nbytes = json.load(f)["throughput"]["Bytes"]
                    per_byte.append(ns / nbytes)
                except (OSError, KeyError, ValueError, TypeError):
                    per_byte.append(None)
            cells = [f"{v:.2f}" if v is not None else "-" for v in per_byte]
            ratio = f"{per_byte[3] / per_byte[1]:.2f}×" if per_byte[1] and per_byte[3] else "-"
            label = "parse_with " + mode if mode != "validate" else "validate"
            print(f"| `{shape}` | {label} | " + " | ".join(cells) + f" | {ratio} |")


if __name__ == "__main__":
    if "--scaling" in sys.argv[1:]:
        scaling()
    else:
        main()
