#!/usr/bin/env python3
"""Turns the medians of the last `cargo bench -p sdp-benches` run into Markdown tables.

Reads target/criterion/<group>/<function>/<input>/new/estimates.json (criterion's point
estimates; the median is used) and prints, per input, time and MB/s of each benchmark and the
ratios quoted in the README. Usage: python3 benches/report.py [path/to/target/criterion]

With --scaling, prints the ns/byte of the scaling bench instead (`cargo bench -p sdp-benches
--bench scaling`): one row per shape and mode, one column per input size.
"""
import json
import os
import sys

ARGS = [a for a in sys.argv[1:] if a != "--scaling"]
ROOT = ARGS[0] if ARGS else os.path.join(os.path.dirname(__file__), "..", "target", "criterion")
INPUTS = [("sip_audio", 268), ("firefox_offer", 3575), ("chrome_offer", 7027), ("conference_20m", 106823)]
COLUMNS = [
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
]


def median_ns(group, function, name):
    path = os.path.join(ROOT, group, function, name, "new", "estimates.json")
    try:
        with open(path) as f:
            return json.load(f)["median"]["point_estimate"]
    except (OSError, KeyError, ValueError):
        return None


def fmt_time(ns):
    if ns is None:
        return "-"
    if ns >= 1000:
        return f"{ns / 1000:.2f} µs"
    return f"{ns:.0f} ns"


def main():
    print("| input | " + " | ".join(label for _, _, label in COLUMNS) + " |")
    print("| --- | " + " | ".join("---:" for _ in COLUMNS) + " |")
    ratios = []
    for name, size in INPUTS:
        cells = []
        times = {}
        for group, function, label in COLUMNS:
            ns = median_ns(group, function, name)
            times[label] = ns
            if ns is None:
                cells.append("-")
            else:
                cells.append(f"{fmt_time(ns)} ({size / ns * 1000:.0f} MB/s)")
        print(f"| `{name}` ({size} B) | " + " | ".join(cells) + " |")
        ratios.append((name, times))
    print()
    print("| input | parse / floor | strict / parse | validate / parse | validate / strict | answer / parse | answer / strict | write vs parse |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, t in ratios:
        def r(a, b):
            return f"{t[a] / t[b]:.2f}×" if t.get(a) and t.get(b) else "-"
        print(f"| `{name}` | {r('parse', 'floor')} | {r('parse_with strict', 'parse')} | {r('validate', 'parse')} | "
              f"{r('validate', 'parse_with strict')} | {r('answer', 'parse')} | {r('answer', 'parse_with strict')} | {r('write', 'parse')} |")


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
