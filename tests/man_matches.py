#!/usr/bin/env python3
"""Fails when the program has a command or option that its man page does not
document: walks `tally ... --help` recursively and looks for every subcommand
name and every --option in the command group's page (man/tally-<group>.1).

  man_matches.py TALLY MAN_DIR
"""
import os
import re
import subprocess
import sys

PAGE = {"deal": "tally-crm.1", "company": "tally-crm.1", "lead": "tally-crm.1", "contact": "tally-crm.1"}


def help_of(tally, path):
    out = subprocess.run([tally, *path, "--help"], capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
    return out.stdout


def parse(text):
    options, subs, section = [], [], None
    for line in text.splitlines():
        if re.match(r"^(Options|Subcommands):", line):
            section = line.split(":")[0]
            continue
        if not line.startswith("  "):
            section = None if line.strip() == "" else section
            continue
        words = line.split()
        if not words:
            continue
        if section == "Options":
            options += [o for o in re.findall(r"--[a-z][a-z-]*", words[0]) if o not in ("--help",)]
        elif section == "Subcommands":
            subs.append(words[0])
    return options, subs


def roff(text):
    return text.replace("\\-", "-").replace("\\(em", "—")


def main():
    tally, man_dir = sys.argv[1], sys.argv[2]
    problems = []
    top_options, groups = parse(help_of(tally, []))
    pages = {}

    def page_text(name):
        if name not in pages:
            path = os.path.join(man_dir, name)
            pages[name] = roff(open(path, encoding="utf-8").read()) if os.path.exists(path) else None
        return pages[name]

    overview = page_text("tally.1")
    for opt in top_options:
        if opt not in overview:
            problems.append(f"tally.1 does not document the global option {opt}")
    checked = 0
    for group in groups:
        name = PAGE.get(group, f"tally-{group}.1")
        text = page_text(name)
        if text is None:
            problems.append(f"the command group '{group}' has no man page {name}")
            continue
        if group not in overview:
            problems.append(f"tally.1 does not mention the command group '{group}'")
        stack = [[group]]
        while stack:
            path = stack.pop()
            options, subs = parse(help_of(tally, path))
            if len(path) > 1 and not re.search(r"\b" + re.escape(path[-1]) + r"\b", text):
                problems.append(f"{name} does not document '{' '.join(path)}'")
            for opt in options:
                checked += 1
                if opt not in text:
                    problems.append(f"{name} does not document {opt} of 'tally {' '.join(path)}'")
            stack += [path + [s] for s in subs]
    for p in problems:
        print(p)
    print(f"{checked} options checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
