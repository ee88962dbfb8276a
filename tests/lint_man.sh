#!/bin/sh
# lint_man.sh PAGE...: fails (exit 1) when a man page renders with warnings,
# and prints every problem it found. With no PAGE it checks man/*.[1-9].
#
# Two renderers look at each page, since people read them with either:
#
#   mandoc -T lint -W warning PAGE
#       Messages of level WARNING and above (WARNING, ERROR, UNSUPP, BADARG,
#       SYSERR) fail the page. STYLE messages are advice about taste (such as
#       "useless macro" or a long line in an example) and do not fail it; -W
#       warning already leaves them out, and any "mandoc: ...: STYLE: ..." line
#       that still gets through is filtered here rather than counted.
#
#   groff -k -man -ww -z -Tutf8 PAGE
#       Anything on stderr fails the page. -k runs preconv so that the UTF-8
#       (Cyrillic) text is read as such; -Tutf8 formats for the terminal, which
#       is where man(1) shows these pages. Without -Tutf8 groff formats for
#       PostScript, whose fonts have no Cyrillic glyphs, and every Russian word
#       would be reported as an undefined special character: that warning is
#       about the PostScript device, not about the page.
#
# No warning is hidden wholesale: if a page needs an exception, it is named
# below with the reason.

set -u

here=$(cd "$(dirname "$0")" && pwd)
if [ "$#" -eq 0 ]; then
  set -- "$here"/../man/*.[1-9]
fi

missing=""
command -v mandoc >/dev/null 2>&1 || missing="$missing mandoc"
command -v groff >/dev/null 2>&1 || missing="$missing groff"
if [ -n "$missing" ]; then
  echo "lint_man.sh: not installed:$missing" >&2
  exit 2
fi

status=0
for page in "$@"; do
  if [ ! -f "$page" ]; then
    echo "$page: no such file" >&2
    status=1
    continue
  fi
  problems=""

  # mandoc: its exit status is 2 for warnings, 3 for errors, 4 and more for
  # unsupported input or failures; the messages say which.
  out=$(mandoc -T lint -W warning "$page" 2>&1)
  rc=$?
  found=$(printf '%s\n' "$out" | grep -v ': STYLE: ' | grep -E ': (WARNING|ERROR|UNSUPP|BADARG|SYSERR): ')
  if [ -n "$found" ]; then
    problems="$problems$found
"
  elif [ "$rc" -gt 1 ]; then
    problems="${problems}mandoc exited with $rc:
$out
"
  fi

  # groff: -z formats and discards the output; warnings go to stderr.
  err=$(groff -k -man -ww -z -Tutf8 "$page" 2>&1 >/dev/null)
  if [ -n "$err" ]; then
    problems="$problems$(printf '%s\n' "$err" | sed 's/^/groff: /')
"
  fi

  if [ -n "$problems" ]; then
    echo "FAIL $page" >&2
    printf '%s' "$problems" | sed 's/^/  /' >&2
    status=1
  else
    echo "ok   $page"
  fi
done
exit $status
