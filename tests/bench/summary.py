#!/usr/bin/env python3
"""The last part of `make bench` (tests/bench/run.sh): reads the hyperfine JSON exports and the
/usr/bin/time peak memory files of one run and prints the side-by-side table (medians, ratio
tally / other, peak memory) and, for each target of issue 7, whether this run meets it.

  summary.py RESULTS_DIR TASKS PERSON HLEDGER(yes|no)
"""
import json
import os
import statistics
import sys

results, tasks, person, have_hledger = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4] == "yes"


def times(name):
    """All run times (seconds) of each side: in NAME.json the first command is tally's and the
    second the other tool's; NAME.tally.json and NAME.other.json hold one side's parameter runs
    (hyperfine -L), all of which count. {} when there is no file."""
    out = {}
    path = os.path.join(results, name + ".json")
    if os.path.exists(path):
        for who, r in zip(("tally", "other"), json.load(open(path))["results"]):
            out[who] = r["times"]
    for who in ("tally", "other"):
        path = os.path.join(results, f"{name}.{who}.json")
        if os.path.exists(path):
            out[who] = [t for r in json.load(open(path))["results"] for t in r["times"]]
    return out


def median(name, who):
    t = times(name).get(who)
    return statistics.median(t) if t else None


def rss_mb(name, who):
    """Peak resident memory of one run, in MB (MiB: /usr/bin/time's %M is in KiB)."""
    path = os.path.join(results, f"{name}.{who}.rss")
    try:
        return int(open(path).read().split()[-1]) / 1024
    except (OSError, ValueError, IndexError):
        return None


def secs(t):
    return "-" if t is None else f"{t * 1000:.0f} ms" if t < 1 else f"{t:.2f} s"


def mb(m):
    return "-" if m is None else f"{m:.0f} MB"


ROWS = [
    ("list", "one person's open tasks", f"tally task list --to {person}", f"task project:{person} list"),
    ("counters", "team counters", "tally counters", "task +OVERDUE count"),
    ("plan", "plan check, 24 months", "tally plan check ... --final",
     "hledger balance --budget -M" if have_hledger else "(hledger not installed: skipped)"),
    ("add", "add one task (+ commit)", f"tally task add ... --to {person}", "task add ..."),
    ("done", "mark one task done", "tally task done ID", "task N done"),
    ("cold", "cold first run (no cache)", f"tally task list --to {person}", ""),
]

print(f"tally vs taskwarrior{' and hledger' if have_hledger else ''} at {tasks} tasks "
      "(medians; ratio = tally / other; peak = maximum resident memory of one run)")
header = ("WHAT", "TALLY", "OTHER", "RATIO", "TALLY PEAK", "OTHER PEAK")
rows = []
for name, what, _, _ in ROWS:
    t, o = median(name, "tally"), median(name, "other")
    ratio = f"{t / o:.2f}" if t is not None and o else "-"
    rows.append((what, secs(t), secs(o), ratio, mb(rss_mb(name, "tally")), mb(rss_mb(name, "other"))))
widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
for r in [header] + rows:
    print("  ".join(c.ljust(widths[i]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(r)))
print()
for _, what, tcmd, ocmd in ROWS:
    print(f"  {what}: {tcmd}" + (f"  vs  {ocmd}" if ocmd else ""))
print()


def verdict(text, ok, value, at):
    """One target line; `at` is the number of tasks the issue sets the target at."""
    note = "" if at == tasks else f"  (the issue sets it at {at} tasks; this run has {tasks})"
    state = "not measured" if ok is None else "yes" if ok else "NO"
    print(f"  {text}: {state}" + (f" ({value})" if value else "") + note)


print("targets of issue 7:")
lt, lo = median("list", "tally"), median("list", "other")
verdict("list ≤ 1/5 of taskwarrior", None if lt is None or not lo else lt / lo <= 0.2,
        f"{lt / lo:.2f}" if lt is not None and lo else "", 100000)
verdict("list ≤ 300 ms", None if lt is None else lt <= 0.3, secs(lt), 100000)
ct, co = median("counters", "tally"), median("counters", "other")
verdict("team counters ≤ 1/5 of task +OVERDUE count", None if ct is None or not co else ct / co <= 0.2,
        f"{ct / co:.2f}" if ct is not None and co else "", 100000)
at = median("add", "tally")
verdict("add with its commit ≤ 200 ms", None if at is None else at <= 0.2, secs(at), 100000)
reads = {n: rss_mb(n, "tally") for n in ("list", "counters", "plan", "cold")}
known = [m for m in reads.values() if m is not None]
verdict("peak memory of every read command ≤ 150 MB", max(known) <= 150 if known else None,
        f"at most {mb(max(known))}" if known else "", 100000)
cold = median("cold", "tally")
verdict("cold first run ≤ 15 s", None if cold is None else cold <= 15, secs(cold), 100000)
warm = {n: median(n, "tally") for n in ("list", "counters", "plan")}
slowest = max((t, n) for n, t in warm.items() if t is not None) if any(warm.values()) else None
verdict("every read command ≤ 60 ms", None if slowest is None else slowest[0] <= 0.06,
        f"slowest {slowest[1]} {secs(slowest[0])}" if slowest else "", 10000)
