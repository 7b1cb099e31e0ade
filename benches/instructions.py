#!/usr/bin/env python3
"""Counts instructions per operation under callgrind, for us and the peer crates, and prints
Markdown tables with the ratios.

Wall-clock medians on a shared 2-core machine move with the load of the moment; instruction
counts do not (the same binary on the same input gives the same count, to a few hundred
instructions). They are not times: a cache miss or a mispredicted branch costs more than an
add. Quote them beside criterion's ratios, as the check that does not depend on the load.

Needs valgrind and the profile bin built with the bench profile:

    cargo build --profile bench -p sdp-benches --bin profile
    python3 benches/instructions.py [input ...]

Each count is (run with N iterations - run with 0 iterations) / N, so start-up and the one
parse before a write loop are not counted.
"""
import os
import re
import subprocess
import sys

from mdtable import ratio, table

HERE = os.path.dirname(os.path.abspath(__file__))
BIN = os.path.join(HERE, "..", "target", "release", "profile")
INPUTS = ["sip_audio", "st2110_sender", "firefox_offer", "chrome_offer", "conference_20m"]
PEERS = ["webrtc-sdp", "webrtc-rs", "sdp-types", "msf-sdp", "sdp-rs", "sdp-nom"]
# Iterations per input: enough that start-up is small beside the loop.
ITERATIONS = {"sip_audio": 400, "st2110_sender": 200, "firefox_offer": 50, "chrome_offer": 30,
              "conference_20m": 4}


def collected(mode, name, n):
    """Instructions callgrind counted for `profile mode name n`, or None if the run failed."""
    run = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", BIN, mode, name, str(n)],
        capture_output=True, text=True)
    found = re.search(r"Collected : (\d+)", run.stderr)
    if run.returncode != 0 or not found:
        return None
    return int(found.group(1))


def per_op(mode, name):
    n = ITERATIONS[name]
    full, base = collected(mode, name, n), collected(mode, name, 0)
    if full is None or base is None:
        return None
    return (full - base) / n


def fmt(count):
    if count is None:
        return "fails"
    if count >= 1e6:
        return f"{count / 1e6:.2f} M"
    return f"{count / 1e3:.1f} k"


def main():
    inputs = sys.argv[1:] or INPUTS
    parse_rows, write_rows, ratio_rows = [], [], []
    for name in inputs:
        ours = {m: per_op(m, name) for m in ["parse", "strict", "floor", "write"]}
        peer_parse = {p: per_op(p, name) for p in PEERS}
        peer_write = {p: per_op(p + "-write", name) for p in PEERS}
        parse_rows.append([f"`{name}`", fmt(ours["parse"]), fmt(ours["strict"])]
                          + [fmt(peer_parse[p]) for p in PEERS] + [fmt(ours["floor"])])
        write_rows.append([f"`{name}`", fmt(ours["write"])] + [fmt(peer_write[p]) for p in PEERS])
        ok_parse = {p: c for p, c in peer_parse.items() if c}
        ok_write = {p: c for p, c in peer_write.items() if c}
        best_parse = min(ok_parse, key=ok_parse.get)
        best_write = min(ok_write, key=ok_write.get)
        ratio_rows.append([
            f"`{name}`",
            f"{ratio(ok_parse[best_parse], ours['parse'])} ({best_parse})",
            ratio(ok_parse[best_parse], ours["strict"]),
            f"{ratio(ok_write[best_write], ours['write'])} ({best_write})",
            ratio(ours["parse"], ours["floor"]),
        ])
        print(f"counted {name}", file=sys.stderr)

    print("Instructions per parse (callgrind):\n")
    table(["input", "us (lenient, default)", "us (strict)"] + PEERS + ["floor"], parse_rows)
    print("Instructions per write (callgrind; ours includes `written_len`):\n")
    table(["input", "us (unchanged)"] + PEERS, write_rows)
    print("Instruction ratios:\n")
    table(["input", "fewest-instruction peer parse / our parse", "that peer / our strict parse",
           "fewest-instruction peer write / our write", "our parse / floor"], ratio_rows)


if __name__ == "__main__":
    main()
