#!/bin/bash -eu
# Builds the cargo-fuzz targets of fuzz/ for ClusterFuzzLite / OSS-Fuzz and installs them in
# $OUT with their dictionary and seed corpus. The image's nightly toolchain and $SANITIZER flags
# are used as they are: the targets need no change between engines.
cd "$SRC/sdpkit"

cargo fuzz build -O --debug-assertions

# The shared corpus (../shared/corpus) is not in the repository: the seeds are the examples, and
# the engine's own corpus grows from there.
python3 fuzz/seed.py --shared /nonexistent --out /tmp/seeds

release=fuzz/target/x86_64-unknown-linux-gnu/release
for target in $(cargo fuzz list); do
  cp "$release/$target" "$OUT/"
  # The negotiator target decodes its input with `arbitrary`: SDP tokens would not help it.
  if [ "$target" != negotiator ]; then
    cp fuzz/sdp.dict "$OUT/$target.dict"
  fi
  if [ -d "/tmp/seeds/$target" ] && [ -n "$(ls -A "/tmp/seeds/$target")" ]; then
    (cd "/tmp/seeds/$target" && zip -q -r "$OUT/${target}_seed_corpus.zip" .)
  fi
done
