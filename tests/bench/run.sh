#!/usr/bin/env bash
# make bench: times tally's main read commands on a generated store with public
# tools (hyperfine for medians, /usr/bin/time for peak memory).
#   TASKS=10000 DEALS=20000 tests/bench/run.sh [BUILD_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build}
tally=$(cd "$build/cli" && pwd)/tally
tasks=${TASKS:-10000}
deals=${DEALS:-20000}
store=$(mktemp -d /tmp/tally-bench.XXXXXX)
trap 'rm -rf "$store"' EXIT
export PATH="$(dirname "$tally"):$PATH" TALLY_NOW=2026-11-27T10:00:00+03:00 TALLY_USER=head NO_COLOR=1

echo "store: $tasks tasks, $deals deals, 24 monthly plans in $store"
python3 "$here/gen_store.py" "$store" --tasks "$tasks" --deals "$deals"
cd "$store"
months="2026-01 2026-02 2026-03 2026-04 2026-05 2026-06 2026-07 2026-08 2026-09 2026-10 2026-11 2026-12"

# plan check exits 1 when a segment deviates, as it will on random data: -i.
hyperfine -i --style basic --warmup 0 --runs 3 --prepare "rm -rf $store/.tally" \
  --command-name "plan check, 12 plans, cold cache" "tally plan check $months --final --format json"
hyperfine -i --style basic --warmup 2 --runs 10 \
  --command-name "plan check, 12 plans, warm cache" "tally plan check $months --final --format json" \
  --command-name "task list --to m01" "tally task list --to m01 --format json" \
  --command-name "counters (team)" "tally counters --format json"

echo
echo "peak memory (maximum resident set size):"
for cmd in "tally plan check $months --final --format json" "tally task list --to m01" "tally counters"; do
  kb=$( { /usr/bin/time -f %M $cmd >/dev/null || true; } 2>&1 | tail -1)
  printf '  %-60s %6d KiB\n' "$cmd" "$kb"
done
