tally check reads every file and reports every problem at once, with file:line:column;
exit 1 on errors, 0 when the store is valid.

  $ sample
  $ tally check
  checked 98 files: 0 errors, 0 warnings

Break the sample in ten ways at once (what hand edits and text merges leave behind).

  $ t() { ls tasks/2026/11/*.yaml | sed -n "$1p"; }
  $ a=$(t 1) b=$(t 2) c=$(t 3) d=$(t 4) e=$(t 5) f=$(t 6) g=$(t 7)
  $ printf 'status: done\n<<<<<<< HEAD\ntitle: one\n=======\ntitle: two\n>>>>>>> theirs\n' >> $a
  $ sed -i 's/^responsible: .*/responsible: nobody/' $b
  $ sed -i 's/^deadline: .*/deadline: 2020-01-01T10:00:00+03:00/' $c
  $ sed -i 's/^link: .*/link: deal\/999999/' $d
  $ tail -1 $e && printf '  - at: 2026-11-01T10:00:00+03:00\n    by: anna\n    event: comment\n    text: раньше\n' >> $e
      event: created
  $ printf 'color: red\n' >> $f
  $ mkdir -p tasks/2026/10 && cp $g tasks/2026/10/ && cp $g tasks/stray.yaml
  $ printf 'title: [unclosed\n' > deals/1029.yaml
  $ touch tasks/2026/11/.T-X.yaml.AbC123.tmp
  $ tally check > out.txt; echo "exit $?"
  exit 1
  $ grep -E '^(error|warning):' out.txt | sed -E 's/T-[0-9A-Z]{10}/T-ID/g'
  warning: tasks/2026/11/.T-X.yaml.AbC123.tmp: temporary file left by an interrupted write
  error: deals/1029.yaml:2:1: end of sequence flow not found
  warning: tasks/2026/10/T-ID.yaml:6:10: the task lies in tasks/2026/10 but its creation month says tasks/2026/11
  error: tasks/2026/11/T-ID.yaml:21:1: leftover git conflict marker
  error: tasks/2026/11/T-ID.yaml:23:1: leftover git conflict marker
  error: tasks/2026/11/T-ID.yaml:25:1: leftover git conflict marker
  error: tasks/2026/11/T-ID.yaml:5:14: 'nobody' is not in people.yaml
  error: tasks/2026/11/T-ID.yaml:7:11: the deadline 2020-01-01T10:00:00+03:00 is before the task was created (2026-11-20T11:40:00+03:00)
  error: tasks/2026/11/T-ID.yaml:9:7: link 'deal/999999': there is no deal 999999 in deals/
  error: tasks/2026/11/T-ID.yaml:20:9: log entry at 2026-11-01T10:00:00+03:00 comes after one at 2026-11-23T10:00:00+03:00: the log must be in time order
  warning: tasks/2026/11/T-ID.yaml:17:8: unknown key 'color' (kept as it is; this version of tally does not use it)
  error: tasks/2026/11/T-ID.yaml:1:5: duplicate task ID T-ID: tasks/2026/10/T-ID.yaml has it too
  error: tasks/stray.yaml: a task file belongs in tasks/YYYY/MM/ (tally does not see it here)
  $ tail -1 out.txt
  checked 100 files: 10 errors, 3 warnings

JSON for scripts, checked by jq.

  $ tally check --format json | jq -c '{files, errors, warnings, first: .findings[1].message}'
  {"files":100,"errors":10,"warnings":3,"first":"deals/1029.yaml:2:1: end of sequence flow not found"}

--fix rewrites what is safe (formatting, key order) as one commit, removes temporary files,
and leaves what needs a person.

  $ git stash -q -u && tally check --strict
  checked 98 files: 0 errors, 0 warnings
  $ t=$(ls tasks/2026/11/*.yaml | head -1)
  $ sed -i 's/^title: \(.*\)/title:   "\1"/; s/^priority: normal/priority: "normal"/' $t && touch tasks/2026/11/.x.yaml.q1w2e3.tmp
  $ tally check --strict; echo "exit $?"
  warning: tasks/2026/11/.x.yaml.q1w2e3.tmp: temporary file left by an interrupted write
    hint: the next tally command that writes removes it; or delete it
  checked 98 files: 0 errors, 1 warning
  exit 1
  $ tally check --fix | sed -E 's/T-[0-9A-Z]{10}/T-ID/g'
  rewrote tally.yaml in canonical form
  rewrote tasks/2026/11/T-ID.yaml in canonical form
  removed tasks/2026/11/.x.yaml.q1w2e3.tmp
  checked 98 files: 0 errors, 0 warnings
  $ git log -1 --format=%s && git status --porcelain
  check --fix: 2 files rewritten in canonical form

A store that is not one: exit 2.

  $ tally --store /nonexistent check
  tally: error: /nonexistent is not a tally store (no tally.yaml in it, given by --store)
  hint: create one with 'tally init /nonexistent'
  [2]
