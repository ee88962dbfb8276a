#!/usr/bin/env python3
"""Runs one end-to-end case file (tests/cli/*.t) against the real tally binary.

The format is cram's: unindented lines are comments; "  $ cmd" is a command
("  > more" continues it); the indented lines after it are its expected output,
stdout and stderr together; "  [N]" is its exit code when not 0; a line ending
in " (re)" is a regular expression. Every case runs in a fresh temporary folder
with a controlled clock (TALLY_NOW), git identity and environment.

  run_case.py --tally BIN --examples DIR case.t [--update] [--locale ru_RU.UTF-8]

With --locale, tally (and so every git it runs) runs in that locale, made for
the test with localedef into a LOCPATH kept under the temporary folder (the
`locales` package has the sources); the shell and its tools stay in C.UTF-8,
so the expected output is the same: what tally shows must not depend on the
language git speaks.
"""
import argparse
import difflib
import errno
import os
import re
import shutil
import subprocess
import sys
import tempfile

PRELUDE = r"""
snapshot() { git rev-parse HEAD 2>/dev/null > "$CASE_TMP/.snap-head"; git status --porcelain --untracked-files=all > "$CASE_TMP/.snap-status"; }
unchanged() {
  local head status
  head=$(git rev-parse HEAD 2>/dev/null); status=$(git status --porcelain --untracked-files=all)
  [ "$head" = "$(cat "$CASE_TMP/.snap-head")" ] || echo "changed: a new commit $head"
  [ "$status" = "$(cat "$CASE_TMP/.snap-status")" ] || { echo "changed: the work tree"; echo "$status"; }
}
# A small team in ./store: anna (head), ivan and petr (managers), olga (inactive); company 17, deal 1042.
mkstore() {
  tally init store --name "Отдел продаж" --timezone Europe/Moscow >/dev/null && cd store &&
  tally person add anna --name "Анна Смирнова" --email anna@example.ru --role head --dept sales >/dev/null &&
  TALLY_USER=anna tally person add ivan --name "Иван Петров" --email ivan@example.ru --role manager --dept sales >/dev/null &&
  TALLY_USER=anna tally person add petr --name "Пётр Сидоров" --email petr@example.ru --role manager --dept sales >/dev/null &&
  TALLY_USER=anna tally person add olga --name "Ольга Васильева" --email olga@example.ru --role manager --dept sales >/dev/null &&
  sed -i '/login: olga/,$ s/active: true/active: false/' people.yaml && git commit -qam "olga left" &&
  TALLY_USER=anna tally company add "ООО «Ромашка»" --id 17 --owner ivan >/dev/null &&
  TALLY_USER=anna tally deal add "Поставка оборудования" --id 1042 --company 17 --owner ivan --amount "12 000 000" --stage negotiation --field region=msk >/dev/null
}
sample() { cp -r "$EXAMPLES/store/." "${1:-.}" && git init -q "${1:-.}" && git -C "${1:-.}" add -A && git -C "${1:-.}" commit -qm sample; }
"""


def parse(path):
    """Returns a list of items: ('comment', line) or ('cmd', [lines], [expected])."""
    items = []
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("  $ "):
            cmd = [line[4:]]
            i += 1
            while i < len(lines) and lines[i].startswith("  > "):
                cmd.append(lines[i][4:])
                i += 1
            expected = []
            while i < len(lines) and lines[i].startswith("  ") and not lines[i].startswith("  $ "):
                expected.append(lines[i][2:])
                i += 1
            while i < len(lines) and lines[i] == "  ":
                i += 1
            items.append(("cmd", cmd, expected))
        else:
            items.append(("comment", line))
            i += 1
    return items


def escape(line):
    """cram's (esc): a line with control characters is shown with them escaped."""
    if not any((ord(c) < 32 and c != "\t") or ord(c) == 127 for c in line):
        return line
    out = "".join(c if ord(c) >= 32 and ord(c) != 127 or c == "\t" else
                  {"\r": "\\r", "\x1b": "\\x1b"}.get(c, "\\x%02x" % ord(c)) for c in line)
    return out + " (esc)"


def matches(expected, actual):
    if expected == actual:
        return True
    if expected.endswith(" (re)"):
        try:
            return re.fullmatch(expected[:-5], actual) is not None
        except re.error:
            return False
    return False


def make_locale(name):
    """A LOCPATH folder holding the locale `name` (such as ru_RU.UTF-8), made once per user."""
    base = os.path.join(tempfile.gettempdir(), "tally-test-locales-%d" % os.getuid())
    if os.path.exists(os.path.join(base, name, "LC_CTYPE")):
        return base
    os.makedirs(base, exist_ok=True)
    lang, _, charset = name.partition(".")
    work = tempfile.mkdtemp(dir=base)
    subprocess.run(["localedef", "-i", lang, "-f", charset or "UTF-8", os.path.join(work, name)],
                   check=True, stdout=subprocess.DEVNULL)
    try:
        os.rename(os.path.join(work, name), os.path.join(base, name))
    except OSError as e:  # another case made it meanwhile
        if e.errno not in (errno.EEXIST, errno.ENOTEMPTY):
            raise
    shutil.rmtree(work, ignore_errors=True)
    return base


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tally", required=True)
    ap.add_argument("--examples", required=True)
    ap.add_argument("--update", action="store_true")
    ap.add_argument("--locale", help="run tally in this locale, such as ru_RU.UTF-8")
    ap.add_argument("case")
    args = ap.parse_args()

    items = parse(args.case)
    commands = [it for it in items if it[0] == "cmd"]
    tmp = tempfile.mkdtemp(prefix="tally-case-")
    try:
        work = os.path.join(tmp, "work")
        home = os.path.join(tmp, "home")
        os.makedirs(work)
        os.makedirs(home)
        with open(os.path.join(home, ".gitconfig"), "w") as f:
            f.write("[user]\n\tname = Test Runner\n\temail = runner@example.org\n"
                    "[init]\n\tdefaultBranch = main\n[advice]\n\tdetachedHead = false\n")
        bindir = os.path.join(tmp, "bin")
        os.makedirs(bindir)
        if args.locale:
            locpath = make_locale(args.locale)
            with open(os.path.join(bindir, "tally"), "w") as f:
                f.write("#!/bin/sh\nexec /usr/bin/env LOCPATH=%s LANG=%s LC_ALL=%s %s \"$@\"\n"
                        % (locpath, args.locale, args.locale, os.path.abspath(args.tally)))
            os.chmod(os.path.join(bindir, "tally"), 0o755)
        else:
            os.symlink(os.path.abspath(args.tally), os.path.join(bindir, "tally"))
        keep = {k: v for k, v in os.environ.items() if k in ("PATH", "LD_LIBRARY_PATH")}
        env = dict(keep)
        env.update({
            "PATH": bindir + ":" + keep.get("PATH", "/usr/bin:/bin"),
            "HOME": home,
            "CASE_TMP": tmp,
            "EXAMPLES": os.path.abspath(args.examples),
            "SCHEMAS": os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "schema"),
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "TZ": "Europe/Moscow",
            "NO_COLOR": "1",
            "TALLY_NOW": "2026-11-27T10:00:00+03:00",
            "GIT_CONFIG_NOSYSTEM": "1",
        })
        script = [PRELUDE]
        for n, (_, cmd, _) in enumerate(commands):
            # Braces, not a subshell: cd and variables carry on to the next command.
            script.append("{ " + "\n".join(cmd) + "\n} 2>&1")
            script.append(f"printf '\\n@@@ {n} %d\\n' $?")
        proc = subprocess.run(["bash", "-c", "\n".join(script)], cwd=work, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=600)
        out = proc.stdout.decode("utf-8", errors="replace")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    actual = {}
    pos = 0
    for n in range(len(commands)):
        m = re.compile(r"\n@@@ %d (\d+)\n" % n).search(out, pos)
        if not m:
            actual[n] = (out[pos:].split("\n"), "[the case stopped before this command]")
            break
        text = out[pos:m.start()]
        if text.endswith("\n"):
            lines = text[:-1].split("\n")
        elif text:
            lines = text.split("\n")
            lines[-1] += " (no-eol)"
        else:
            lines = []
        code = int(m.group(1))
        if code:
            lines.append(f"[{code}]")
        actual[n] = ([escape(l) for l in lines], None)
        pos = m.end()

    failed = False
    result_lines = []
    diff_lines = []
    for n, (_, cmd, expected) in enumerate(commands):
        got, problem = actual.get(n, ([], "[not run]"))
        if problem:
            got = got + [problem]
        merged = []
        for i, line in enumerate(got):
            if i < len(expected) and matches(expected[i], line):
                merged.append(expected[i])
            else:
                merged.append(line)
        if merged != expected:
            failed = True
            diff_lines.append("$ " + "\n> ".join(cmd))
            diff_lines.extend(difflib.unified_diff(expected, merged, "expected", "actual", lineterm="", n=2))
        result_lines.append((cmd, merged))

    if args.update:
        out_lines = []
        k = 0
        for it in items:
            if it[0] == "comment":
                out_lines.append(it[1])
            else:
                cmd, merged = result_lines[k]
                k += 1
                out_lines.append("  $ " + cmd[0])
                out_lines.extend("  > " + c for c in cmd[1:])
                out_lines.extend(("  " + l) if l else "  " for l in merged)
        with open(args.case, "w", encoding="utf-8") as f:
            f.write("\n".join(out_lines) + "\n")
        print(f"updated {args.case}")
        return 0
    name = os.path.basename(args.case)
    if failed:
        print(f"FAIL {name}")
        print("\n".join(diff_lines))
        return 1
    print(f"ok {name}: {len(commands)} commands")
    return 0


if __name__ == "__main__":
    sys.exit(main())
