#!/usr/bin/env bash
# The CI fuzz smoke: builds every target and runs each for a short, bounded time from the seed
# corpus. Fails on the first target that crashes, hangs or runs out of memory, after printing
# its reproducer, which is kept under $FUZZ_ARTIFACTS (default target/fuzz-artifacts/<target>/).
#
#   fuzz/smoke.sh              # every target, FUZZ_SMOKE_SECONDS (default 20) each
#   fuzz/smoke.sh parse diff   # some targets
#
# Stable toolchain: cargo-fuzz passes nightly-only flags to rustc, which RUSTC_BOOTSTRAP=1
# allows on stable (see fuzz/README.md).
set -euo pipefail
cd "$(dirname "$0")"
export RUSTC_BOOTSTRAP=1
seconds=${FUZZ_SMOKE_SECONDS:-20}
artifacts=$(mkdir -p "${FUZZ_ARTIFACTS:-../target/fuzz-artifacts}" && cd "${FUZZ_ARTIFACTS:-../target/fuzz-artifacts}" && pwd)

python3 seed.py >/dev/null
start=$(date +%s)
cargo fuzz build -s none
echo "fuzz targets built in $(( $(date +%s) - start )) s"

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cargo fuzz list)
fi
for target in "${targets[@]}"; do
  mkdir -p "$artifacts/$target" "corpus/$target"
  dict=(-dict=sdp.dict)
  # The negotiator decodes its input with `arbitrary`; SDP tokens do not help it.
  [ "$target" = negotiator ] && dict=()
  log="$artifacts/$target.log"
  # -timeout: one input may take 10 s at most (a hang is a bug); -rss_limit_mb: 2 GB at most.
  if ! target/x86_64-unknown-linux-gnu/release/"$target" "corpus/$target" "${dict[@]}" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$artifacts/$target/" >"$log" 2>&1; then
    tail -n 40 "$log"
    echo "fuzz target '$target' failed; reproducer(s):"
    ls -1 "$artifacts/$target/"* 2>/dev/null || true
    echo "replay: RUSTC_BOOTSTRAP=1 cargo fuzz run -s none $target <reproducer> (in fuzz/)"
    exit 1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -n 1)
  echo "$target: ${runs:-?} runs in ${seconds} s, $cov, no crash"
done
