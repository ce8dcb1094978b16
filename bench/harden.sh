#!/usr/bin/env bash
# Hardening in one run: every fuzz target of fuzz/ for SECONDS each (600 by
# default), one after the other with one worker, then the crash,
# concurrency, refusal and hostile-input tests of tests/cli/hardening.rs.
# Prints libFuzzer's final stats per target and what the tests counted.
# Usage: bench/harden.sh [SECONDS]
# Needs the nightly toolchain for cargo-fuzz; installs cargo-fuzz if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}

rustup toolchain list | grep -q '^nightly' || {
  echo "error: fuzzing needs the nightly toolchain" >&2
  echo "help: rustup toolchain install nightly" >&2
  exit 2
}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
for target in $(cargo +nightly fuzz list --fuzz-dir fuzz); do
  mkdir -p "fuzz/corpus/$target" "fuzz/regressions/$target"
  dict=()
  [ -f "fuzz/$target.dict" ] && dict=("-dict=fuzz/$target.dict")
  echo "fuzzing $target for ${seconds}s"
  # New inputs go to the first folder, the corpus; the regressions only seed it.
  status=0
  cargo +nightly fuzz run "$target" --fuzz-dir fuzz \
    "fuzz/corpus/$target" "fuzz/regressions/$target" -- \
    -max_total_time="$seconds" -workers=1 -print_final_stats=1 "${dict[@]}" \
    > "$logs/$target.log" 2>&1 || status=$?
  grep -E '^(Done|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb|SUMMARY)' "$logs/$target.log" | sed "s/^/  $target: /"
  if [ "$status" -ne 0 ]; then
    grep -E 'panicked|Test unit written' "$logs/$target.log" | sed "s/^/  $target: /"
    echo "error: $target found a crash; minimise it with cargo +nightly fuzz tmin, fix it, and keep it in fuzz/regressions/$target" >&2
    exit 1
  fi
done

echo "crash, concurrency, refusal and hostile-input tests"
cargo test --locked --test cli hardening:: -- --nocapture 2>&1 \
  | grep -E 'kills survived|concurrent edits|skipped|took|test result|FAILED|panicked'
