tally merge-file is git's merge driver for task and record files: it merges
field by field against the base, and leaves markers only around a field both
sides changed. tally init installs it; tally setup-git does it for a clone.

  $ mkstore
  $ export TALLY_USER=anna
  $ cat .gitattributes
  # tally merges its task and record files field by field (tally setup-git, tally-sync(1))
  tasks/**/*.yaml merge=tally
  deals/*.yaml merge=tally
  companies/*.yaml merge=tally
  leads/*.yaml merge=tally
  contacts/*.yaml merge=tally
  $ git config merge.tally.driver
  /.*/tally merge-file %O %A %B %P (re)
  $ git ls-files .gitattributes
  .gitattributes
  $ tally setup-git
  the merge driver is already set up: /.*/tally merge-file %O %A %B %P (re)

The driver by hand: one side set the task done by hand (no log entry), the other renamed it.
The rename is kept; the status is what the log leads to (the log is the truth: tally-store(5)).

  $ ID=$(tally task add "Позвонить" --to ivan --due friday --tag звонок | cut -d' ' -f2)
  $ F=$(ls tasks/*/*/$ID.yaml) && M="$CASE_TMP/m" && mkdir "$M"
  $ cp $F "$M/base" && sed 's/^status: new/status: done/' $F > "$M/ours" && sed 's/^title: .*/title: Перезвонить/' $F > "$M/theirs"
  $ tally merge-file "$M/base" "$M/ours" "$M/theirs" $F
  $ grep -E '^(title|status):' "$M/ours"
  title: Перезвонить
  status: new

Both renamed it, differently: a conflict around the title only, exit 1.

  $ sed 's/^title: .*/title: Позвонить утром/' $F > "$M/ours" && sed 's/^title: .*/title: Позвонить вечером/; s/^status: new/status: accepted/' $F > "$M/theirs"
  $ tally merge-file "$M/base" "$M/ours" "$M/theirs" $F
  tally: conflict in tasks/2026/11/T-[0-9A-Z]{10}.yaml: both sides changed title (re)
  [1]
  $ sed -n '2,7p' "$M/ours"
  <<<<<<< ours
  title: Позвонить утром
  =======
  title: Позвонить вечером
  >>>>>>> theirs
  status: new

A file that is not a valid task (here: markers of that conflict) merges as text.

  $ cp "$M/ours" "$M/marked" && cp "$M/ours" "$M/other" && sed -i 's/^status: new/status: done/' "$M/other"
  $ tally merge-file "$M/marked" "$M/ours" "$M/other" $F
  $ grep -c '^<<<<<<<' "$M/ours"
  1
  $ grep '^status' "$M/ours"
  status: done
  $ echo 'a: [1' > "$M/bad" && tally merge-file "$M/base" "$M/bad" "$M/theirs" $F
  tally: conflict in tasks/2026/11/T-[0-9A-Z]{10}.yaml \(merged as text: it is not a valid file\) (re)
  [1]

Through git: a branch where ivan starts the task and comments, and main where
anna renames it and moves the deadline. The merge is clean, every log entry once.

  $ git switch -q -c ivan
  $ TALLY_USER=ivan TALLY_NOW=2026-11-27T11:00:00+03:00 tally task start $ID
  T-[0-9A-Z]{10} is in_progress now (re)
  $ TALLY_USER=ivan TALLY_NOW=2026-11-27T11:30:00+03:00 tally task comment $ID "дозвонился, ждут КП"
  commented on T-[0-9A-Z]{10} (re)
  $ git switch -q main
  $ TALLY_NOW=2026-11-27T11:15:00+03:00 tally task edit $ID --title "Позвонить в «Ромашку»" --tag срочно >/dev/null
  $ TALLY_NOW=2026-11-27T11:45:00+03:00 tally task edit $ID --due 2026-12-01 --reason "клиент в отпуске" >/dev/null
  $ git merge -q --no-edit ivan
  Auto-merging tasks/2026/11/T-[0-9A-Z]{10}.yaml (re)
  $ git status --porcelain
  $ grep -E '^(title|status|deadline):|^  - |event:' $F
  title: Позвонить в «Ромашку»
  status: in_progress
  deadline: 2026-12-01T18:00:00+03:00
    - звонок
    - срочно
    - at: 2026-11-27T10:00:00+03:00
      event: created
    - at: 2026-11-27T11:00:00+03:00
      event: started
    - at: 2026-11-27T11:15:00+03:00
      event: edited
    - at: 2026-11-27T11:30:00+03:00
      event: commented
    - at: 2026-11-27T11:45:00+03:00
      event: deadline
  $ tally check
  checked 5 files: 0 errors, 0 warnings

Both branches end the task differently (ivan finishes it at 12:00, anna cancels it at 12:30):
no conflict. The union of the logs is replayed under the rules: the cancel comes after the task
was done, so it is kept in the log marked rejected and has no effect.

  $ git switch -q ivan && git merge -q main && TALLY_USER=ivan TALLY_NOW=2026-11-27T12:00:00+03:00 tally task done $ID >/dev/null
  $ git switch -q main && TALLY_NOW=2026-11-27T12:30:00+03:00 tally task cancel $ID >/dev/null
  $ git merge -q --no-edit ivan
  Auto-merging tasks/2026/11/T-[0-9A-Z]{10}.yaml (re)
  $ grep -E '^status:|rejected:' $F
  status: done
      rejected: the task was done by then
  $ tally check
  checked 5 files: 0 errors, 0 warnings
  $ git reset -q --hard HEAD~1

A clone without the driver (no setup-git) falls back to git's text merge;
markers committed by mistake are caught by tally check.

  $ cd .. && git clone -q store plain && cd plain && git config --get merge.tally.driver
  [1]
  $ TALLY_NOW=2026-11-28T10:00:00+03:00 tally task comment $ID "из клона" >/dev/null
  $ cd ../store && TALLY_NOW=2026-11-28T10:05:00+03:00 tally task comment $ID "из основного" >/dev/null
  $ cd ../plain && git pull -q --no-rebase --no-edit
  Auto-merging tasks/2026/11/T-[0-9A-Z]{10}.yaml (re)
  CONFLICT \(content\): Merge conflict in tasks/2026/11/T-[0-9A-Z]{10}.yaml (re)
  Automatic merge failed; fix conflicts and then commit the result.
  [1]
  $ git commit -qam "merged without the driver"
  $ tally check | grep -E '^error' | sed 's/T-[0-9A-Z]*/T-X/'
  error: tasks/2026/11/T-X.yaml:.*: leftover git conflict marker (re)
  error: tasks/2026/11/T-X.yaml:.*: leftover git conflict marker (re)
  error: tasks/2026/11/T-X.yaml:.*: leftover git conflict marker (re)

The same pull through the driver merges both comments.

  $ git reset -q --hard HEAD~1 && tally setup-git
  set the merge driver in the clone's git config: /.*/tally merge-file %O %A %B %P (re)
  $ tally setup-git
  the merge driver is already set up: /.*/tally merge-file %O %A %B %P (re)
  $ git pull -q --no-rebase --no-edit && grep -c 'event: commented' $F
  Auto-merging tasks/2026/11/T-[0-9A-Z]{10}.yaml (re)
  3
  $ tally check
  checked 5 files: 0 errors, 0 warnings

setup-git keeps the lines of .gitattributes that are not its own, and adds only what is missing.

  $ printf '*.pdf binary\ntasks/**/*.yaml merge=tally\n' > .gitattributes && tally setup-git
  wrote .gitattributes: task and record files merge with tally
  commit it, so that every clone has it: git add .gitattributes && git commit -m 'merge driver'
  $ cat .gitattributes
  *.pdf binary
  tasks/**/*.yaml merge=tally
  # tally merges its task and record files field by field (tally setup-git, tally-sync(1))
  deals/*.yaml merge=tally
  companies/*.yaml merge=tally
  leads/*.yaml merge=tally
  contacts/*.yaml merge=tally
  $ tally setup-git
  the merge driver is already set up: /.*/tally merge-file %O %A %B %P (re)

Outside a git work tree, setup-git says so.

  $ mkdir "$CASE_TMP/nogit" && cp tally.yaml "$CASE_TMP/nogit/" && cd "$CASE_TMP/nogit" && tally setup-git
  tally: error: the store /tmp/tally-case-.*/nogit is not in a git work tree (re)
  hint: make one with 'git init' there, or clone the team's repository
  [2]
