#!/usr/bin/env python3
"""Builds the seed corpus of every fuzz target from the shared corpus and the examples.

    python3 fuzz/seed.py [--shared ../shared/corpus] [--out fuzz/corpus]

Writes fuzz/corpus/<target>/ (gitignored), one file per seed named by its content hash, so a
rerun adds nothing twice and never touches what the fuzzer found since:
- parse, roundtrip, validate, answer: every *.sdp of the shared corpus and of examples/;
- diff: pairs of those files joined by a NUL byte (each file with its neighbour in sorted order,
  which is usually a file of the same suite);
- typed_attributes: every distinct line of those files (one line per seed, the target's input);
- negotiator: none; its input is a list of operations decoded with `arbitrary`, which the
  fuzzer builds from scratch.
Without the shared corpus (absent from a fresh clone), examples/ alone seeds the targets.
"""

import argparse
import hashlib
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WHOLE_FILE_TARGETS = ["parse", "roundtrip", "validate", "answer"]


def sdp_files(shared):
    found = []
    for base in [shared, os.path.join(ROOT, "examples")]:
        if not os.path.isdir(base):
            print(f"note: {base} is absent; seeding without it", file=sys.stderr)
            continue
        for dirpath, _, names in os.walk(base):
            found.extend(os.path.join(dirpath, n) for n in names if n.endswith(".sdp"))
    return sorted(found)


def put(out, target, data):
    folder = os.path.join(out, target)
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, hashlib.sha1(data).hexdigest())
    if os.path.exists(path):
        return 0
    with open(path, "wb") as f:
        f.write(data)
    return 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=os.path.join(ROOT, "..", "shared", "corpus"))
    parser.add_argument("--out", default=os.path.join(ROOT, "fuzz", "corpus"))
    args = parser.parse_args()

    files = sdp_files(os.path.normpath(args.shared))
    contents = []
    for path in files:
        with open(path, "rb") as f:
            contents.append(f.read())

    added = {}
    for target in WHOLE_FILE_TARGETS:
        added[target] = sum(put(args.out, target, data) for data in contents)
    added["diff"] = sum(
        put(args.out, "diff", a + b"\0" + b) for a, b in zip(contents, contents[1:] + contents[:1])
    )
    lines = set()
    for data in contents:
        for line in data.splitlines():
            if line.strip():
                lines.add(line.strip())
    added["typed_attributes"] = sum(put(args.out, "typed_attributes", line) for line in sorted(lines))
    os.makedirs(os.path.join(args.out, "negotiator"), exist_ok=True)

    print(f"{len(files)} SDP files seeded into {args.out}:")
    for target, count in sorted(added.items()):
        print(f"  {target}: {count} new")


if __name__ == "__main__":
    main()
