#!/usr/bin/env python3
"""SIGKILL of `tally sync` at several moments, then the next `tally sync` recovers.

For each delay, clone b pushes a comment first, clone a has a committed change
of its own, a pending one (written with --no-commit) and uncommitted work in a
file outside the store (what git's autostash sets aside); `tally sync` in a is
killed after the delay (tally alone, or its whole process group). Then one
`tally sync` must succeed with no raw git command, and afterwards: no rebase in
progress, the pending comment and the other work are still there, every
comment is in the file exactly once, and b gets the same file.

  sync_kill.py --tally BIN [--delays 5,20,50,80,100,150,250]
"""
import argparse
import glob
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time


def run(args, cwd, env, check=True):
    p = subprocess.run(args, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True)
    if check and p.returncode != 0:
        raise AssertionError(f"{' '.join(args)} in {cwd}: exit {p.returncode}\n{p.stdout}{p.stderr}")
    return p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tally", required=True)
    ap.add_argument("--delays", default="5,20,50,80,100,150,250")
    args = ap.parse_args()
    tally = os.path.abspath(args.tally)
    tmp = tempfile.mkdtemp(prefix="tally-sync-kill-")
    try:
        home = os.path.join(tmp, "home")
        os.makedirs(home)
        with open(os.path.join(home, ".gitconfig"), "w") as f:
            f.write("[user]\n\tname = Runner\n\temail = runner@example.org\n"
                    "[init]\n\tdefaultBranch = main\n")
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "LANG": "C.UTF-8",
               "TZ": "Europe/Moscow", "TALLY_NOW": "2026-11-27T10:00:00+03:00",
               "GIT_CONFIG_NOSYSTEM": "1", "TALLY_USER": "anna"}
        remote, a, b = (os.path.join(tmp, n) for n in ("remote.git", "a", "b"))
        run(["git", "init", "-q", "--bare", remote], tmp, env)
        run([tally, "init", a, "--timezone", "Europe/Moscow"], tmp, env)
        run([tally, "person", "add", "anna", "--name", "Анна", "--email", "anna@example.ru",
             "--role", "head"], a, env)
        tid = run([tally, "task", "add", "Позвонить", "--to", "anna", "--due", "friday"], a,
                  env).stdout.split()[1]
        with open(os.path.join(a, "notes.md"), "w") as f:
            f.write("notes\n")
        run(["git", "add", "notes.md"], a, env)
        run(["git", "commit", "-qm", "notes"], a, env)
        run(["git", "remote", "add", "origin", remote], a, env)
        run(["git", "push", "-q", "-u", "origin", "main"], a, env)
        run(["git", "clone", "-q", remote, b], tmp, env)
        run([tally, "setup-git"], b, env)
        task_file = lambda root: glob.glob(os.path.join(root, "tasks", "*", "*", tid + ".yaml"))[0]
        minute = 0
        results = []
        for round_, delay in enumerate(int(d) for d in args.delays.split(",")):
            for group in (False, True):
                minute += 1
                stamp = lambda m: f"2026-11-27T{10 + m // 60:02d}:{m % 60:02d}:00+03:00"
                tag = f"{delay}ms{'-group' if group else ''}"
                e = dict(env, TALLY_NOW=stamp(minute))
                run([tally, "task", "comment", tid, f"b {tag}"], b, e)
                run([tally, "sync"], b, e)
                run([tally, "task", "comment", tid, f"a {tag}"], a, e)
                run([tally, "--no-commit", "task", "comment", tid, f"pending {tag}"], a,
                    dict(e, TALLY_NOW=stamp(minute) .replace(":00+", ":30+")))
                with open(os.path.join(a, "notes.md"), "a") as f:
                    f.write(f"work {tag}\n")
                p = subprocess.Popen([tally, "sync"], cwd=a, env=e, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, start_new_session=True)
                time.sleep(delay / 1000)
                if group:
                    os.killpg(p.pid, signal.SIGKILL)
                else:
                    p.kill()
                out, err = p.communicate()
                killed = p.returncode == -signal.SIGKILL
                time.sleep(0.2)  # a git child left to itself ends (or dies on its broken pipe)
                state = sorted(os.listdir(os.path.join(a, ".git", "rebase-merge"))) if \
                    os.path.isdir(os.path.join(a, ".git", "rebase-merge")) else None
                r = run([tally, "sync"], a, e, check=False)
                assert r.returncode == 0, f"{tag}: the sync after the kill failed:\n{r.stdout}{r.stderr}"
                assert not os.path.exists(os.path.join(a, ".git", "rebase-merge")), tag
                assert not os.path.exists(os.path.join(a, ".tally", "sync")), tag
                text = open(task_file(a), encoding="utf-8").read()
                for who in ("a", "b", "pending"):
                    n = text.count(f"text: {who} {tag}\n")
                    assert n == 1, f"{tag}: the comment '{who} {tag}' is there {n} times"
                notes = open(os.path.join(a, "notes.md")).read()
                assert f"work {tag}\n" in notes, f"{tag}: the uncommitted work is lost"
                assert run(["git", "stash", "list"], a, e).stdout == "", f"{tag}: a stash is left"
                run([tally, "sync"], b, e)
                assert open(task_file(b), encoding="utf-8").read() == text, f"{tag}: b differs"
                recovered = [l for l in r.stdout.splitlines() if "interrupted" in l or "put" in l]
                results.append((tag, killed, state, recovered))
        for tag, killed, state, recovered in results:
            print(f"{tag:>12}: {'killed' if killed else 'done before the kill'}; "
                  f"left {'rebase-merge/' + ','.join(state) if state is not None else 'no rebase'}; "
                  f"next sync: {recovered[0] if recovered else 'nothing to recover'}")
        print(f"sync_kill: {len(results)} kills, every next sync recovered, nothing lost or doubled")
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
