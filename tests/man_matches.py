#!/usr/bin/env python3
"""Fails when the program and its man pages disagree, in either direction.

  man_matches.py TALLY MAN_DIR

The program's side is read from `tally ... --help`, walked recursively: every
command path ("task list") with its options.

Program -> pages: every command group has its page (man/tally-<group>.1, or
the page named in PAGE), tally.1 mentions it, and every subcommand name and
every --option appears in the group's page; global options in tally.1.

Pages -> program: in every section-1 page,
  - the page itself names a command group the program has (tally-X.1 is the
    page of `tally X`, unless PAGE maps X's commands to another page);
  - every command in the SYNOPSIS (`tally task add ...`, with a|b|c
    alternatives expanded) exists, and so does every option the synopsis gives
    it;
  - every command named in tally.1's COMMANDS list and in a heading such as
    "TALLY TASK EDIT" exists;
  - every option that a tagged paragraph (.TP) or a heading defines belongs to
    one of the page's commands (or is global).
Options merely mentioned in running text are not checked: pages refer to other
commands' options on purpose.
"""
import itertools
import os
import re
import subprocess
import sys

# Command groups whose page is not tally-<group>.1.
PAGE = {
    "deal": "tally-crm.1",
    "company": "tally-crm.1",
    "lead": "tally-crm.1",
    "contact": "tally-crm.1",
    "completion": "tally.1",
    "setup-git": "tally-sync.1",
    "merge-file": "tally-sync.1",
    "setup-remote": "tally-guard.1",
}

NAME = r"[a-z][a-z0-9-]*"
HELP = ("-h", "--help")  # every command has them; tally.1 documents them once
OPTION = re.compile(r"(?<![\w-])(--[a-z][a-z0-9-]*|-[a-zA-Z])(?![\w-])")


# ---- the program -------------------------------------------------------------------------------


def help_of(tally, path):
    out = subprocess.run(
        [tally, *path, "--help"], capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"}
    )
    return out.stdout


def parse_help(text):
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
            options += [o for o in OPTION.findall(words[0].replace(",", " ")) if o not in HELP]
        elif section == "Subcommands":
            subs.append(words[0])
    return options, subs


def program_tree(tally):
    """{("task", "list"): (options, subcommands)} for every command path, () for tally itself."""
    tree, stack = {}, [()]
    while stack:
        path = stack.pop()
        options, subs = parse_help(help_of(tally, list(path)))
        tree[path] = (options, subs)
        stack += [path + (s,) for s in subs]
    return tree


# ---- roff --------------------------------------------------------------------------------------

ESCAPES = [("\\-", "-"), ("\\(em", "—"), ("\\(en", "–"), ("\\(aq", "'"), ("\\(dq", '"'),
           ("\\(bu", "•"), ("\\e", "\\"), ("\\&", ""), ("\\|", ""), ("\\ ", " "), ("\\~", " ")]


def roff(text):
    for a, b in ESCAPES:
        text = text.replace(a, b)
    return text


def macro_args(rest):
    return [q.replace('""', '"') if b == "" else b for q, b in re.findall(r'"((?:[^"]|"")*)"|(\S+)', rest)]


def styled(line):
    """The text of one roff line as [(char, font)], font one of B, I, R."""
    pieces = []  # (text, starting font)
    m = re.match(r"^\.(\w+)\s*(.*)$", line)
    if m:
        macro, args = m.group(1), macro_args(m.group(2))
        if macro in ("B", "I", "SH", "SS"):
            pieces = [(" ".join(args), {"B": "B", "I": "I"}.get(macro, "R"))]
        elif len(macro) == 2 and set(macro) <= set("BIR"):
            pieces = [(a, macro[i % 2]) for i, a in enumerate(args)]
        else:
            return []
    elif not line.startswith(("'", '.\\"')):
        pieces = [(line, "R")]
    out = []
    for text, font in pieces:
        current = font
        for part in re.split(r"(\\f(?:\[[^\]]*\]|\(..|.))", text):
            if part.startswith("\\f"):
                code = part[2:].strip("[]")
                current = font if code in ("P", "") else {"B": "B", "I": "I"}.get(code, "R")
            else:
                out += [(c, current) for c in roff(part)]
    return out


def words_of(chars):
    """Whitespace-separated words of styled text, each (text, font): B when all of it is bold,
    I when any of it is italic, else R."""
    words, word = [], []
    for c, f in chars + [(" ", "R")]:
        if c.isspace():
            if word:
                text = "".join(ch for ch, _ in word)
                fonts = {ff for ch, ff in word if ch not in "|[]().,…"}
                words.append((text, "B" if fonts == {"B"} else "I" if "I" in fonts else "R"))
            word = []
        else:
            word.append((c, f))
    return words


def bold_options(chars):
    runs, run = [], ""
    for c, f in chars:
        run = run + c if f == "B" else (runs.append(run) or "")
    runs.append(run)
    return [o for r in runs for o in OPTION.findall(r)]


def command_paths(words, need_tally=True):
    """Command paths at the start of words: "tally deal|lead list" -> [(deal, list), (lead, list)]."""
    if need_tally:
        if not words or words[0] != ("tally", "B"):
            return None
        words = words[1:]
    parts, depth = [], 0
    for text, font in words:
        if depth or text.startswith("["):  # a bracketed global option before the command
            depth += text.count("[") - text.count("]")
            continue
        if font != "B" or not re.fullmatch(rf"{NAME}(\|{NAME})*", text):
            break
        parts.append(text.split("|"))
    return [tuple(p) for p in itertools.product(*parts)]


class Page:
    def __init__(self, path):
        self.name = os.path.basename(path)
        self.raw = open(path, encoding="utf-8").read()
        self.text = roff(self.raw)
        self.lines = self.raw.splitlines()

    def section(self, title):
        """Lines of the .SH section with this title."""
        out, inside = [], False
        for line in self.lines:
            if line.startswith(".SH"):
                inside = roff(line[3:]).strip().strip('"') == title
            elif inside:
                out.append(line)
        return out

    def synopsis_entries(self):
        """Each command form in SYNOPSIS as styled text; .br or a line of .nf text ends one."""
        entries, current, fill = [], [], True
        for line in self.section("SYNOPSIS"):
            if line.startswith((".nf", ".fi")):
                fill = line.startswith(".fi")
                continue
            if line.startswith((".br", ".PP", ".sp")):
                entries.append(current)
                current = []
                continue
            current += styled(line) + [(" ", "R")]
            if not fill and not line.startswith("."):
                entries.append(current)
                current = []
        entries.append(current)
        return [e for e in entries if e]

    def tags(self, section=None):
        """The tag line of every .TP paragraph (in one .SH section, or anywhere)."""
        lines = self.section(section) if section else self.lines
        return [lines[i + 1] for i, line in enumerate(lines[:-1]) if line.startswith(".TP")]

    def headings(self):
        return [line for line in self.lines if line.startswith((".SH", ".SS"))]


# ---- the checks --------------------------------------------------------------------------------


def heading_paths(line):
    """"TALLY PLAN ADD AND EDIT" -> [("plan", "add"), ("plan", "edit")]."""
    words = [(t.lower(), f != "I") for t, f in words_of(styled(line))]  # (word, not italic)
    if not words or words[0][0] != "tally":
        return []
    names = []
    for text, plain in words[1:]:
        if not plain or not re.fullmatch(NAME, text):
            break
        names.append(text)
    parts = []
    for i, n in enumerate(names):
        if n == "and" and parts and i + 1 < len(names):
            continue
        if i > 0 and names[i - 1] == "and" and parts:
            parts[-1].append(n)
        else:
            parts.append([n])
    return [tuple(p) for p in itertools.product(*parts)]


def check_program_against_pages(tree, page_of_group, pages, problems):
    overview = pages["tally.1"].text
    for opt in tree[()][0]:
        if opt not in overview:
            problems.append(f"tally.1 does not document the global option {opt}")
    checked = 0
    for group in tree[()][1]:
        name = page_of_group(group)
        if name not in pages:
            problems.append(f"the command group '{group}' has no man page {name}")
            continue
        text = pages[name].text
        if not re.search(r"\b" + re.escape(group) + r"\b", overview):
            problems.append(f"tally.1 does not mention the command group '{group}'")
        for path, (options, _) in tree.items():
            if path[:1] != (group,):
                continue
            if len(path) > 1 and not re.search(r"\b" + re.escape(path[-1]) + r"\b", text):
                problems.append(f"{name} does not document '{' '.join(path)}'")
            for opt in options:
                checked += 1
                if opt not in text:
                    problems.append(f"{name} does not document {opt} of 'tally {' '.join(path)}'")
    return checked


def check_pages_against_program(tree, page_of_group, pages, problems):
    groups = tree[()][1]
    global_options = set(tree[()][0]) | set(HELP)

    def leaf(path):
        """A bold word after a command without subcommands is a value (`completion bash`)."""
        for i in range(len(path)):
            if path[:i] in tree and not tree[path[:i]][1]:
                return path[:i]
        return path

    def exists(path, where):
        if path in tree:
            return True
        problems.append(f"{where} documents 'tally {' '.join(path)}', which the program does not have")
        return False

    checked = 0
    for name, page in sorted(pages.items()):
        if not name.endswith(".1"):
            continue
        owned = {p for p in tree if p and page_of_group(p[0]) == name}
        if name != "tally.1" and not owned:
            stem = name[len("tally-"):-2] if name.startswith("tally-") else name
            problems.append(f"{name} is the page of 'tally {stem}', which the program does not have")
        commands = set(owned) | {()}
        for entry in page.synopsis_entries():
            paths = command_paths(words_of(entry))
            if paths is None:
                continue
            options = bold_options(entry)
            for path in dict.fromkeys(leaf(p) for p in paths):
                if not exists(path, f"{name} SYNOPSIS"):
                    continue
                commands.add(path)
                for opt in options:
                    checked += 1
                    if opt not in tree[path][0] and opt not in global_options:
                        problems.append(
                            f"{name} SYNOPSIS gives 'tally {' '.join(path)}' the option {opt}, "
                            f"which it does not have")
        for line in page.headings():
            for path in dict.fromkeys(leaf(p) for p in heading_paths(line)):
                if exists(path, f"{name} (heading '{roff(line[4:]).strip()}')"):
                    commands.add(path)
        if name == "tally.1":
            for tag in page.tags("COMMANDS"):
                paths = command_paths(words_of(styled(tag)), need_tally=False) or []
                for path in dict.fromkeys(leaf(p) for p in paths):
                    exists(path, "tally.1 COMMANDS")
        known = set(global_options)
        for path in commands:
            known |= set(tree.get(path, ([], []))[0])
        defined = [t for t in page.tags() if t.startswith(".")] + [
            h for h in page.headings() if re.match(r"^\.S[HS]\s+\\-\\-", h)]
        for line in defined:
            chars = styled(line)
            first = "".join(c for c, _ in chars).split()
            if not first or not OPTION.fullmatch(first[0].split("=")[0].rstrip(",;")):
                continue  # a tag that defines a value or a term, not an option
            for opt in bold_options(chars) or OPTION.findall(first[0]):
                checked += 1
                if opt not in known:
                    problems.append(f"{name} documents the option {opt}, which none of its "
                                    f"commands ({', '.join(sorted(' '.join(p) or 'tally' for p in commands))}) has")
    return checked


def main():
    tally, man_dir = sys.argv[1], sys.argv[2]
    tree = program_tree(tally)
    pages = {f: Page(os.path.join(man_dir, f)) for f in sorted(os.listdir(man_dir))
             if re.fullmatch(r"tally.*\.[1-9]", f)}
    if "tally.1" not in pages:
        print(f"no tally.1 in {man_dir}")
        return 1

    def page_of_group(group):
        return PAGE.get(group, f"tally-{group}.1")

    problems = []
    checked = check_program_against_pages(tree, page_of_group, pages, problems)
    checked += check_pages_against_program(tree, page_of_group, pages, problems)
    for p in problems:
        print(p)
    print(f"{len(tree)} commands, {checked} options checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
