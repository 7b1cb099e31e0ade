#!/usr/bin/env python3
"""Turns the medians of the last `cargo bench -p sdp-benches` run into Markdown tables.

Reads target/criterion/<group>/<function>/<input>/new/estimates.json (criterion's point
estimates; the median is used) and prints, per input, time and MB/s of each benchmark and the
ratios quoted in the README. Usage: python3 benches/report.py [path/to/target/criterion]
"""
import json
import os
import sys

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "target", "criterion")
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


if __name__ == "__main__":
    main()
