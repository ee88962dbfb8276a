#!/usr/bin/env bash
# make bench: tally side by side with taskwarrior (and hledger, when installed) on the same data,
# in one run, with public tools: hyperfine for the medians, /usr/bin/time for peak memory.
#
#   BENCH_TASKS=10000 tests/bench/run.sh [BUILD_DIR]        (make bench BENCH_TASKS=100000)
#
# Set-up, not timed: tests/bench/gen_store.py writes a store of BENCH_TASKS tasks (TASKS works
# too), DEALS deals and 24 monthly plans, committed to git, plus the same tasks as a taskwarrior
# import file and the won deals and plans as an hledger journal; taskwarrior imports them into a
# throw-away TASKDATA. Then, in this order:
#   one person's open tasks  tally task list --to P        task project:P list
#   team counters            tally counters                task +OVERDUE count
#   plan check, 24 months    tally plan check ... --final  hledger balance --budget -M
#   mark one task done       tally task done ID (commit)   task N done
#   add one task             tally task add (its commit)   task add
#   cold first run           rm -rf .tally; tally task list --to P
# (hyperfine -N: no shell in between, so the times are the programs' own), then a table of
# medians, the ratio tally / other, peak memory, and whether each target of
# issue 7 is met. Other knobs: DEALS (20000), PERSON (m05), RUNS (10 per read command),
# WRITE_RUNS (10 per write command), COLD_RUNS (3), KEEP=1 keeps the work folder.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build}
tally=$(cd "$build/cli" && pwd)/tally
tasks=${BENCH_TASKS:-${TASKS:-10000}}
deals=${DEALS:-20000}
person=${PERSON:-m05}
runs=${RUNS:-10}
write_runs=${WRITE_RUNS:-10}
cold_runs=${COLD_RUNS:-3}

for tool in hyperfine /usr/bin/time task python3 jq; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (make bench installs it)" >&2; exit 2; }
done
hledger=${HLEDGER:-hledger}  # HLEDGER=none runs the bench as where hledger is not installed
have_hledger=$(command -v "$hledger" >/dev/null && echo yes || echo no)

work=$(mktemp -d /tmp/tally-bench.XXXXXX)
if [ "${KEEP:-}" = 1 ]; then echo "work folder (kept): $work"; else trap 'rm -rf "$work"' EXIT; fi
store=$work/store
results=$work/results
mkdir -p "$results"

# taskwarrior and hledger only know the clock, so tally is given the same moment; the data is
# generated around it.
now=$(TZ=Europe/Moscow date +%Y-%m-%dT%H:%M:%S+03:00)
due=$(TZ=Europe/Moscow date -d '+7 days' +%Y-%m-%d)
PATH="$(dirname "$tally"):$PATH"
export PATH TALLY_NOW=$now TALLY_USER=head NO_COLOR=1 LC_ALL=C.UTF-8

# taskwarrior's settings, chosen to be fair to it: a throw-away data folder and rc file; no
# confirmation prompts and no verbose headers, footnotes or nag lines (scripts use it so);
# no hooks (none are installed; this skips looking for them); colour off (the output is not a
# terminal anyway). Garbage collection and recurrence stay at their defaults: they are what a
# user runs with, and gc is what keeps completed tasks out of pending.data.
export TASKDATA=$work/taskwarrior TASKRC=$work/taskrc
mkdir -p "$TASKDATA"
cat >"$TASKRC" <<EOF
data.location=$TASKDATA
confirmation=off
verbose=nothing
nag=
hooks=off
color=off
EOF

elapsed() { # seconds since START (date +%s%N), one decimal
  local ds=$((($(date +%s%N) - $1) / 100000000))
  echo "$((ds / 10)).$((ds % 10))"
}

echo "== set-up: $tasks tasks, $deals deals, 24 monthly plans; now is $now"
t0=$(date +%s%N)
python3 "$here/gen_store.py" "$store" --tasks "$tasks" --deals "$deals" --now "$now" \
  --taskwarrior "$work/tasks.tw.json" --ledger "$work/deals.journal"
echo "   total generation and git commit: $(elapsed "$t0") s"

# taskwarrior imports in chunks, to show progress
t1=$(date +%s%N)
mkdir -p "$work/tw-chunks"
python3 - "$work/tasks.tw.json" "$work/tw-chunks" <<'EOF'
import json, sys
tasks = json.load(open(sys.argv[1], encoding="utf-8"))
for n in range(0, len(tasks), 10000):
    with open(f"{sys.argv[2]}/{n // 10000:04}.json", "w", encoding="utf-8") as f:
        json.dump(tasks[n:n + 10000], f, ensure_ascii=False)
EOF
imported=0
for chunk in "$work"/tw-chunks/*.json; do
  task import "$chunk" >>"$work/tw-import.log"
  imported=$((imported + $(jq length "$chunk")))
  echo "   task import: $imported / $tasks ($(elapsed "$t1") s)"
done
echo "   taskwarrior $(task --version) import: $(elapsed "$t1") s"
echo "   set-up took $(elapsed "$t0") s"

cd "$store"
open_tally=$(tally task list --to "$person" --format json | jq length)
open_tw=$(task project:"$person" status:pending count)
echo "   $person has $open_tally open tasks in tally and $open_tw pending in taskwarrior"
[ "$open_tally" = "$open_tw" ] || echo "   WARNING: the two lists differ" >&2

peak() { # NAME WHO COMMAND: peak resident memory in KiB of one run, into $results/NAME.WHO.rss;
  # COMMAND is split at spaces (hyperfine -N takes the same strings)
  local argv
  read -ra argv <<<"$3"
  /usr/bin/time -f %M -o "$results/$1.$2.rss" "${argv[@]}" >/dev/null 2>&1 || true
}

hf() { hyperfine -N --style basic "$@" 2>&1 | grep -v '^ *$' | sed 's/^/   /'; }

echo "== read commands: warm medians of $runs runs (2 warm-up runs)"
mapfile -t periods < <(for f in plans/*.yaml; do basename "$f" .yaml; done)
months="${periods[*]}"
read_pair() { # NAME TALLY_CMD OTHER_CMD [HYPERFINE OPTIONS...]; tlabel= olabel= name long ones
  local name=$1 tcmd=$2 ocmd=$3
  shift 3
  hf "$@" --warmup 2 --runs "$runs" --export-json "$results/$name.json" \
    -n "${tlabel:-$tcmd}" "$tcmd" -n "${olabel:-$ocmd}" "$ocmd"
  peak "$name" tally "$tcmd"
  peak "$name" other "$ocmd"
}
# -i: taskwarrior exits 1 when it lists nothing (tally's list already ran above, without -i)
read_pair list "tally task list --to $person" "task project:$person list" -i
read_pair counters "tally counters" "task +OVERDUE count"
journal=$work/deals.journal
first=${periods[0]}-01
end=$(TZ=Europe/Moscow date -d "${periods[-1]}-01 +1 month" +%Y-%m-%d)
if [ "$have_hledger" = yes ]; then
  # plan check exits 1 when a segment deviates, as it does on random data: -i
  tlabel="tally plan check (24 months) --final" olabel="hledger balance --budget -M" \
    read_pair plan "tally plan check $months --final" \
    "$hledger -f $journal balance --budget -M -b $first -e $end" -i
  # the same figures: won deals of the 24 months, summed over the segments by each tool
  won_tally=$({ tally plan check "${periods[@]}" --final --format json || true; } |
    jq -r '[.plans[].segments[].actual] | add * 100 | round / 100 | tostring')
  won_hledger=$("$hledger" -f "$journal" balance продажи -b "$first" -e "$end" --depth 1 -N -O csv |
    tail -n 1 | tr -d '"' | cut -d, -f2)
  echo "   won deals over the plans: tally $won_tally, hledger $won_hledger"
else
  echo "   hledger not installed: skipped (tally plan check alone)"
  hf -i --warmup 2 --runs "$runs" --export-json "$results/plan.json" \
    -n "tally plan check (24 months) --final" "tally plan check $months --final"
  peak plan tally "tally plan check $months --final"
fi

echo "== write commands: medians of $write_runs runs, each a new task or a different task"
# tally: open tasks not yet finished, any person; taskwarrior: the highest pending IDs, done
# from the top, so that its garbage collection never renumbers the ones still to come
want=$((write_runs + 1))
tally task list --status new,accepted,in_progress --format json |
  jq -r --argjson n "$want" '.[:$n][].id' >"$work/done.tally"
# (awk, not head: head would leave sort writing into a closed pipe, which pipefail reports)
task status:pending _ids | tr ' ' '\n' | sort -rn | awk -v n="$want" 'NR <= n' >"$work/done.tw"
n=$(wc -l <"$work/done.tally")
[ "$(wc -l <"$work/done.tw")" -ge "$n" ] || n=$(wc -l <"$work/done.tw")
if [ "$n" -lt 2 ]; then
  echo "   too few open tasks to time done: skipped"
else
  hyperfine -N --style none --runs 1 --export-json "$results/done.tally.json" \
    -L id "$(head -n $((n - 1)) "$work/done.tally" | paste -sd,)" "tally task done {id}"
  hyperfine -N --style none --runs 1 --export-json "$results/done.other.json" \
    -L id "$(head -n $((n - 1)) "$work/done.tw" | paste -sd,)" "task {id} done"
  echo "   tally task done ID and task N done: $((n - 1)) runs each, a different task each time"
  peak "done" tally "tally task done $(sed -n "${n}p" "$work/done.tally")"
  peak "done" other "task $(sed -n "${n}p" "$work/done.tw") done"
fi

title="Позвонить ООО «Ромашка» по счёту"
hf --warmup 1 --runs "$write_runs" --export-json "$results/add.json" \
  "tally task add \"$title\" --to $person --due $due" \
  "task add \"$title\" project:$person due:${due}T18:00"
# (peak splits at spaces: the same task with a one-word title)
peak add tally "tally task add Позвонить --to $person --due $due"
peak add other "task add Позвонить project:$person due:${due}T18:00"

echo "== cold first run: rm -rf .tally, then tally task list --to $person (runs: $cold_runs)"
hf --runs "$cold_runs" --prepare "rm -rf $store/.tally" --export-json "$results/cold.json" \
  "tally task list --to $person"
rm -rf "$store/.tally"
peak cold tally "tally task list --to $person"

echo
python3 "$here/summary.py" "$results" "$tasks" "$person" "$have_hledger"
