#!/usr/bin/env python3
"""Many hands on one store, through the real binary in a throw-away git store:

  concurrency  PROCS processes add tasks, comment on one shared task and move
               their own tasks through their life, all at once; afterwards every
               change is there, each in its own commit, every file parses, the
               index is intact (git status clean) and `tally check` passes.
  kills        KILLS times a writer is killed with SIGKILL at a random moment;
               after each, the next command finds a valid store: the task whole
               and committed or not there at all, no temporary files, no journal.
  lock         a held lock makes a writer wait, then fail naming the holder's
               PID; a lock file left by a dead process is taken over.

  many_hands.py --tally BIN [--procs 8] [--ops 6] [--kills 40] [--seed 1]
Prints the figures and ends with 'N passed, N failed'.
"""
import argparse
import fcntl
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

NOW = "2026-11-27T10:00:00+03:00"


class Store:
    def __init__(self, tally, root):
        self.tally, self.root = tally, root
        self.env = {**os.environ, "TALLY_NOW": NOW, "NO_COLOR": "1", "TALLY_LOCK_TIMEOUT": "120",
                    "HOME": os.path.dirname(root), "GIT_CONFIG_NOSYSTEM": "1", "LC_ALL": "C.UTF-8"}

    def run(self, *args, user="anna", check=True, timeout=120):
        env = {**self.env, "TALLY_USER": user}
        p = subprocess.run([self.tally, *args], cwd=self.root, env=env, capture_output=True, text=True,
                           timeout=timeout)
        if check and p.returncode != 0:
            raise AssertionError(f"tally {' '.join(args)} exited {p.returncode}: {p.stderr}")
        return p

    def popen(self, *args, user="anna"):
        return subprocess.Popen([self.tally, *args], cwd=self.root, env={**self.env, "TALLY_USER": user},
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def git(self, *args):
        return subprocess.run(["git", *args], cwd=self.root, capture_output=True, text=True, check=True).stdout

    def tasks(self):
        return json.loads(self.run("task", "list", "--status", "all", "--format", "json").stdout)


def make_store(tally, tmp):
    home = os.path.join(tmp, "home")
    os.makedirs(home)
    with open(os.path.join(home, ".gitconfig"), "w") as f:
        f.write("[user]\n\tname = Stress\n\temail = stress@example.org\n[init]\n\tdefaultBranch = main\n")
    root = os.path.join(home, "store")
    s = Store(tally, root)
    subprocess.run([tally, "init", root, "--name", "Отдел продаж"], env={**s.env}, check=True,
                   capture_output=True)
    s.run("person", "add", "anna", "--name", "Анна Смирнова", "--email", "anna@example.ru", "--role", "head",
          "--dept", "sales")
    return s


def add_people(s, n):
    for i in range(n):
        s.run("person", "add", f"m{i}", "--name", f"Менеджер {i}", "--email", f"m{i}@example.ru",
              "--role", "manager", "--dept", "sales")


def assert_valid(s, what):
    check = s.run("check", "--strict", check=False)
    if check.returncode != 0:
        raise AssertionError(f"{what}: tally check failed:\n{check.stdout}{check.stderr}")
    status = s.git("status", "--porcelain", "--untracked-files=all")
    if status.strip():
        raise AssertionError(f"{what}: git status is not clean:\n{status}")
    s.git("fsck", "--no-progress", "--connectivity-only")


def concurrency(s, procs, ops):
    add_people(s, procs)
    watchers = [a for i in range(1, procs) for a in ("--observer", f"m{i}")]
    s.run("task", "add", "Общая задача: сверка по «Ромашке»", "--to", "m0", "--due", "31.12", *watchers)
    shared_id = s.tasks()[0]["id"]
    commits_before = int(s.git("rev-list", "--count", "HEAD"))
    # Each worker: add `ops` tasks for itself, comment on the shared task, take its first task
    # through ack → start → done, and change one deadline. A shell loop per process.
    script = []
    for i in range(procs):
        lines = [f'set -e; u=m{i}']
        for k in range(ops):
            lines.append(f'TALLY_USER=anna "$T" task add "Задача {i}-{k}: позвонить клиенту" --to m{i} --due 30.12 >/dev/null')
            lines.append(f'TALLY_USER=m{i} "$T" task comment {shared_id} "комментарий {i}-{k}" >/dev/null')
        script.append("\n".join(lines))
    started = time.monotonic()
    workers = [subprocess.Popen(["bash", "-c", body], cwd=s.root, env={**s.env, "T": s.tally},
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for body in script]
    failures = [(w.wait(), w.stderr.read()) for w in workers]
    elapsed = time.monotonic() - started
    bad = [err for code, err in failures if code != 0]
    if bad:
        raise AssertionError("a worker failed:\n" + bad[0])
    # Second round at once: each worker moves its own tasks through their life.
    by_owner = {}
    for t in s.tasks():
        by_owner.setdefault(t["responsible"], []).append(t["id"])
    script = []
    for i in range(procs):
        own = [t for t in by_owner.get(f"m{i}", []) if t != shared_id][:3]
        lines = ['set -e', f'export TALLY_USER=m{i}']
        for tid in own:
            lines += [f'"$T" task ack {tid} >/dev/null', f'"$T" task start {tid} >/dev/null',
                      f'"$T" task done {tid} >/dev/null']
        script.append("\n".join(lines))
    workers = [subprocess.Popen(["bash", "-c", body], cwd=s.root, env={**s.env, "T": s.tally},
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for body in script]
    bad = [err for code, err in [(w.wait(), w.stderr.read()) for w in workers] if code != 0]
    if bad:
        raise AssertionError("a worker failed:\n" + bad[0])
    transitions = sum(min(3, len([t for t in by_owner.get(f"m{i}", []) if t != shared_id])) * 3
                      for i in range(procs))
    tasks = s.tasks()
    titles = sorted(t["title"] for t in tasks if t["id"] != shared_id)
    want = sorted(f"Задача {i}-{k}: позвонить клиенту" for i in range(procs) for k in range(ops))
    assert titles == want, f"tasks lost or duplicated: {len(titles)} of {len(want)}"
    shown = json.loads(s.run("task", "show", shared_id, "--format", "json").stdout)
    comments = sorted(e.get("text", "") for e in shown["log"] if e["event"] == "commented")
    assert comments == sorted(f"комментарий {i}-{k}" for i in range(procs) for k in range(ops)), \
        f"comments lost: {len(comments)} of {procs * ops}"
    done = sum(1 for t in tasks if t["status"] == "done")
    assert done == transitions // 3, f"{done} tasks done, {transitions // 3} expected"
    commits = int(s.git("rev-list", "--count", "HEAD")) - commits_before
    expected = procs * ops * 2 + transitions
    assert commits == expected, f"{commits} commits for {expected} changes"
    assert_valid(s, "after the concurrent writers")
    print(f"concurrency: {procs} processes x {ops * 2} changes at once, then {transitions} transitions: "
          f"{expected} changes, {commits} commits, nothing lost ({elapsed:.1f} s for the first round)")


def kills(s, count, rng):
    s.run("person", "add", "ivan", "--name", "Иван Петров", "--email", "ivan@example.ru", "--role", "manager",
          "--dept", "sales", check=False)
    # How long one write takes here, so that the kills spread over its whole life.
    t0 = time.monotonic()
    s.run("task", "add", "Замер", "--to", "ivan", "--due", "31.12")
    span = time.monotonic() - t0
    outcomes = {"finished": 0, "undone": 0}
    for n in range(count):
        before = {t["title"] for t in s.tasks()}
        title = f"Убитая запись {n}"
        # Half the kills hit a task add, half a department-wide add (many files, one commit).
        args = ["task", "add", title, "--to", "ivan", "--due", "31.12"] if n % 2 == 0 else \
               ["task", "add", title, "--to", "dept:sales", "--due", "31.12"]
        p = s.popen(*args)
        time.sleep(rng.uniform(0, span * 1.3))
        p.send_signal(signal.SIGKILL)
        p.wait()
        # The next command, of any kind, finds a valid store.
        after = s.tasks()
        made = [t for t in after if t["title"] == title]
        if made:
            outcomes["finished"] += 1
        else:
            outcomes["undone"] += 1
        assert {t["title"] for t in after} - before <= {title}
        assert_valid(s, f"after kill {n}")
        log = s.git("log", "-1", "--format=%s")
        if made:
            assert title in log or "Убитая" in log, f"kill {n}: task there but its commit is not: {log}"
    if n_dept := [t for t in s.tasks() if t["title"].startswith("Убитая запись") and
                  int(t["title"].split()[-1]) % 2 == 1]:
        # A department-wide task is all or nothing: every member or none.
        per_title = {}
        for t in n_dept:
            per_title[t["title"]] = per_title.get(t["title"], 0) + 1
        assert len(set(per_title.values())) == 1, f"a department-wide task reached only some: {per_title}"
    print(f"kills: {count} writers killed with SIGKILL at random moments over {span * 1000:.0f} ms: "
          f"{outcomes['finished']} finished by the next command or before the kill, "
          f"{outcomes['undone']} never started; the store valid after every one")


def lock(s):
    lock_file = os.path.join(s.root, ".tally", "lock")
    os.makedirs(os.path.dirname(lock_file), exist_ok=True)
    holder = subprocess.Popen([sys.executable, "-c", f"""
import fcntl, os, sys, time
f = open({lock_file!r}, "r+" if os.path.exists({lock_file!r}) else "w+")
fcntl.flock(f, fcntl.LOCK_EX)
f.seek(0); f.truncate(); f.write(str(os.getpid()) + "\\n"); f.flush()
print("held", flush=True)
time.sleep(30)
"""], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    try:
        env_timeout = s.env["TALLY_LOCK_TIMEOUT"]
        s.env["TALLY_LOCK_TIMEOUT"] = "1"
        t0 = time.monotonic()
        p = s.run("task", "add", "Ждёт замка", "--to", "anna", "--due", "31.12", check=False)
        waited = time.monotonic() - t0
        s.env["TALLY_LOCK_TIMEOUT"] = env_timeout
        assert p.returncode == 3, p
        assert f"locked by another tally (pid {holder.pid})" in p.stderr, p.stderr
        assert waited >= 0.9, waited
    finally:
        holder.kill()
        holder.wait()
    # A dead holder's PID in the file and no flock: taken over at once.
    with open(lock_file, "w") as f:
        f.write("999999\n")
    s.run("task", "add", "После мёртвого замка", "--to", "anna", "--due", "31.12")
    assert_valid(s, "after a stale lock")
    print(f"lock: a held lock made a writer wait {waited:.1f} s and fail naming pid {holder.pid}; "
          "a stale lock was taken over")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tally", required=True)
    ap.add_argument("--procs", type=int, default=8)
    ap.add_argument("--ops", type=int, default=6)
    ap.add_argument("--kills", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    passed = failed = 0
    for name, fn in [("concurrency", lambda s: concurrency(s, args.procs, args.ops)),
                     ("kills", lambda s: kills(s, args.kills, rng)),
                     ("lock", lock)]:
        tmp = tempfile.mkdtemp(prefix="tally-stress-")
        try:
            fn(make_store(os.path.abspath(args.tally), tmp))
            passed += 1
        except Exception as e:  # noqa: BLE001 - every failure is reported, then the next part runs
            failed += 1
            print(f"FAIL {name}: {e}")
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
