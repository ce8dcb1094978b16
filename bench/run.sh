#!/usr/bin/env bash
# Measures okr at the scale of a large company, as ratios, in one run:
#   okr check against a bare parse of every file on all cores, and against cat;
#   okr report --period against okr check;
#   okr checkin on the large workspace against one on a 10-file workspace,
#   and the same with --by, which reads the people to check the name;
#   peak memory of okr check against the bytes of the files.
# Usage: bench/run.sh [RUNS]   (at least 5 runs each; medians are compared)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}

need() { command -v "$1" >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q "$2" >/dev/null; }; }
need hyperfine hyperfine
[ -x /usr/bin/time ] || { apt-get update -q >/dev/null && apt-get install -y -q time >/dev/null; }

cargo build --release --quiet --bin okr --example generate --example bare_parse
okr=$PWD/target/release/okr
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

./target/release/examples/generate "$work/large"
./target/release/examples/generate "$work/small" --teams 1 --departments 1 --people 2 --periods 2 --objectives 2 --key-results 2 --checkins 2 --initiatives 1
as_of=2026-11-20
files=$(find "$work/large" -name '*.toml' | wc -l)
bytes=$(find "$work/large" -name '*.toml' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
small_files=$(find "$work/small" -name '*.toml' | wc -l)
echo "large workspace: $files files, $bytes bytes; small workspace: $small_files files; $(nproc) cores"

# Each check-in run appends one; the file is put back before every run.
objective="groups/t0/2026-Q4/objective-0.toml"
cp "$work/large/$objective" "$work/large-objective"
small_objective=$(cd "$work/small" && find groups -path '*objective-0.toml' | sort | tail -1)
cp "$work/small/$small_objective" "$work/small-objective"
small_kr="${small_objective#groups/}"; small_kr="${small_kr%.toml}/kr-0"

hyperfine --runs "$runs" --warmup 1 --style basic --export-json "$work/reads.json" \
  -n bare-parse "./target/release/examples/bare_parse $work/large" \
  -n cat "find $work/large -name '*.toml' -exec cat {} + > /dev/null" \
  -n check "$okr -C $work/large check --as-of $as_of --format json > /dev/null" \
  -n report "$okr -C $work/large report --period 2026-Q4 --as-of $as_of --format json > /dev/null" \
  > "$work/reads.log"
# No shell (-N): a check-in takes a few milliseconds, as much as a shell's start.
hyperfine -N --runs "$((runs * 4))" --warmup 3 --style basic --export-json "$work/writes.json" \
  --prepare "cp $work/large-objective $work/large/$objective" \
  --prepare "cp $work/large-objective $work/large/$objective" \
  --prepare "cp $work/small-objective $work/small/$small_objective" \
  -n checkin-large "$okr -C $work/large checkin t0/2026-Q4/objective-0/kr-0 50 --as-of $as_of -q" \
  -n checkin-large-by "$okr -C $work/large checkin t0/2026-Q4/objective-0/kr-0 50 --by p0-0 --as-of $as_of -q" \
  -n checkin-small "$okr -C $work/small checkin $small_kr 50 --as-of $as_of -q" \
  > "$work/writes.log"

peak_kb=$( { /usr/bin/time -v "$okr" -C "$work/large" check --as-of $as_of --format json > /dev/null; } 2>&1 | awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}')

python3 - "$work/reads.json" "$work/writes.json" "$peak_kb" "$bytes" <<'PY'
import json, sys
times = {r["command"]: r["median"] for path in sys.argv[1:3] for r in json.load(open(path))["results"]}
peak = int(sys.argv[3]) * 1024
size = int(sys.argv[4])
for name, seconds in times.items():
    print(f"{name:14} median {seconds * 1000:9.1f} ms")
def ratio(label, value, target=None):
    if target is None:
        print(f"{label:44} {value:6.2f}")
        return
    verdict = "ok" if value <= target else "over"
    print(f"{label:44} {value:6.2f}  (target at most {target}: {verdict})")
ratio("okr check / bare parse", times["check"] / times["bare-parse"], 1.2)
ratio("okr check / cat", times["check"] / times["cat"])
ratio("okr report --period / okr check", times["report"] / times["check"], 0.25)
ratio("okr checkin large / small", times["checkin-large"] / times["checkin-small"], 2.0)
ratio("okr checkin --by (reads 5,000 people) large / small", times["checkin-large-by"] / times["checkin-small"])
ratio("peak memory of okr check / bytes of files", peak / size, 2.0)
PY
