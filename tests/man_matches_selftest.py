#!/usr/bin/env python3
"""Shows that man_matches.py fails where it should: each case copies man/, breaks
it in one way (a page documents something the program does not have, or misses
something it has), and expects man_matches.py to exit 1 naming that problem,
a problem that the unbroken pages do not have.

  man_matches_selftest.py TALLY MAN_DIR
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def insert_after(anchor, text):
    def edit(page):
        assert anchor in page, anchor
        return page.replace(anchor, anchor + text, 1)
    return edit


# (name, page, edit of its text, expected message)
CASES = [
    ("undocumented option", "tally-task.1",
     lambda t: re.sub(r"\\-\\-overdue", "", t),
     "tally-task.1 does not document --overdue of 'tally task list'"),
    ("option the program does not have", "tally-task.1",
     insert_after(".SS Options of add\n", ".TP\n.B \\-\\-bogus\nNot an option of tally.\n"),
     "tally-task.1 documents the option --bogus"),
    ("command in the synopsis the program does not have", "tally-task.1",
     insert_after(".SH SYNOPSIS\n.ad l\n", ".B tally task frobnicate\n.I ID\n.br\n"),
     "tally-task.1 SYNOPSIS documents 'tally task frobnicate'"),
    ("option given to the wrong command", "tally-task.1",
     insert_after(".B tally task show\n.I ID\n", ".RB [ \\-\\-mine ]\n"),
     "SYNOPSIS gives 'tally task show' the option --mine"),
    ("heading of a command the program does not have", "tally-task.1",
     insert_after(".SH EXAMPLES\n", ".SS TALLY TASK ZAP\nNothing.\n"),
     "documents 'tally task zap'"),
    ("command listed in tally.1 that the program does not have", "tally.1",
     insert_after(".SH COMMANDS\n", ".TP\n.B task zap\nNothing.\n"),
     "tally.1 COMMANDS documents 'tally task zap'"),
    ("page of a command the program does not have", "tally-frob.1",
     lambda _: ".TH TALLY\\-FROB 1\n.SH NAME\ntally\\-frob \\- nothing\n.SH SYNOPSIS\n.B tally frob\n",
     "tally-frob.1 is the page of 'tally frob'"),
]


def check(tally, man_dir):
    out = subprocess.run([sys.executable, os.path.join(HERE, "man_matches.py"), tally, man_dir],
                         capture_output=True, text=True)
    return out.returncode, out.stdout


def main():
    tally, man_dir = sys.argv[1], sys.argv[2]
    _, baseline = check(tally, man_dir)
    failed = 0
    for name, page, edit, expected in CASES:
        with tempfile.TemporaryDirectory(prefix="tally-man-") as tmp:
            broken = os.path.join(tmp, "man")
            shutil.copytree(man_dir, broken)
            path = os.path.join(broken, page)
            text = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
            open(path, "w", encoding="utf-8").write(edit(text))
            rc, out = check(tally, broken)
        ok = rc == 1 and expected in out and expected not in baseline
        failed += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {name}")
        if not ok:
            print(f"  expected exit 1 and '{expected}'; got exit {rc}:\n{out}")
    print(f"{len(CASES) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
