tally sync shares a store between clones of one remote: it commits what is
pending, pulls with rebase through the merge driver, checks the store and pushes.

A bare remote and three clones: ./store (anna's), b (ivan's), c (petr's).

  $ git init -q --bare remote.git
  $ mkstore
  $ export TALLY_USER=anna
  $ ID=$(tally task add "Позвонить в «Ромашку»" --to ivan --due friday --tag звонок | cut -d' ' -f2)
  $ F=$(ls tasks/*/*/$ID.yaml)
  $ git remote add origin ../remote.git && git push -q -u origin main
  $ cd .. && git clone -q remote.git b && git clone -q remote.git c
  $ (cd b && tally setup-git >/dev/null) && (cd c && tally setup-git >/dev/null)

Nothing to do yet.

  $ cd store && tally sync
  nothing new on origin/main
  checked 5 files: no errors
  nothing to push

Concurrent changes to the same task: anna comments and tags it, ivan starts
it and tags it too, anna moves its deadline from c.

  $ TALLY_NOW=2026-11-27T11:00:00+03:00 tally task comment $ID "как успехи?" >/dev/null
  $ TALLY_NOW=2026-11-27T11:10:00+03:00 tally task edit $ID --tag x >/dev/null
  $ cd ../b && TALLY_USER=ivan TALLY_NOW=2026-11-27T11:30:00+03:00 tally task start $ID >/dev/null
  $ TALLY_USER=ivan TALLY_NOW=2026-11-27T11:35:00+03:00 tally task comment $ID "звоню" >/dev/null
  $ TALLY_NOW=2026-11-27T11:40:00+03:00 tally task edit $ID --tag y --drop-tag звонок >/dev/null
  $ cd ../c && TALLY_NOW=2026-11-27T12:00:00+03:00 tally task edit $ID --due 2026-12-01 --reason "клиент в отпуске" >/dev/null

Each syncs in turn; then the first two once more to get the rest.

  $ cd ../store && tally sync
  nothing new on origin/main
  checked 5 files: no errors
  pushed 2 commits to origin/main
  $ cd ../b && tally sync
  pulled 2 commits from origin/main
  checked 5 files: no errors
  pushed 3 commits to origin/main
  $ cd ../c && tally sync
  pulled 5 commits from origin/main
  checked 5 files: no errors
  pushed 1 commit to origin/main
  $ cd ../store && tally sync >/dev/null && cd ../b && tally sync >/dev/null && cd ..

Nothing lost, nothing duplicated: the three clones hold the same file, with
every change and every log entry once, in time order.

  $ cmp store/$F b/$F && cmp store/$F c/$F
  $ ls store/tasks/*/*/ | wc -l
  1
  $ grep -E '^(status|deadline):|^  - [^a]|^    (event|text):' store/$F
  status: in_progress
  deadline: 2026-12-01T18:00:00+03:00
    - x
    - "y"
      event: created
      event: commented
      text: как успехи?
      event: edited
      event: started
      event: commented
      text: звоню
      event: edited
      event: deadline
  $ grep '^  - at:' store/$F | sort -c && grep '^  - at:' store/$F | sort | uniq -d
  $ cd c && tally check && git status --porcelain
  checked 5 files: 0 errors, 0 warnings

Pending changes to store files are committed first; the user's other work is not.

  $ echo "мои заметки" > notes.txt
  $ TALLY_USER=ivan TALLY_NOW=2026-11-27T13:00:00+03:00 tally --no-commit task comment $ID "беру на себя" >/dev/null
  $ tally sync
  committed 1 pending file (sync: pending changes)
  nothing new on origin/main
  checked 5 files: no errors
  pushed 1 commit to origin/main
  $ git status --porcelain && git show --stat --format=%s HEAD | grep -v '^$'
  ?? notes.txt
  sync: pending changes
   tasks/2026/11/T-[0-9A-Z]{10}.yaml \| 4 \+\+\+\+ (re)
   1 file changed, 4 insertions(+)

Both rename the task differently through tally: no conflict, the later edit wins and both are
in the log (the log is the truth: tally-store(5)).

  $ cd ../store && tally sync >/dev/null && TALLY_NOW=2026-11-27T14:00:00+03:00 tally task edit $ID --title "Позвонить утром" >/dev/null
  $ cd ../b && tally sync >/dev/null && TALLY_NOW=2026-11-27T14:05:00+03:00 tally task edit $ID --title "Позвонить вечером" >/dev/null
  $ cd ../store && tally sync | tail -1
  pushed 1 commit to origin/main
  $ cd ../b && tally sync | tail -1
  pushed 1 commit to origin/main
  $ cd ../store && tally sync >/dev/null && grep '^title' $F && grep -c 'title: Позвонить' $F
  title: Позвонить вечером
  3
  $ cd ../b

A field no log decides (a deal's title, edited by hand on both sides): the second sync stops on
the conflict, names the file and the field, and leaves the rebase for a person to resolve; the
next `tally sync` finishes it, no git command needed.

  $ cd ../store && sed -i 's/^title: .*/title: Поставка утром/' deals/1042.yaml && git commit -qam "deal title" && tally sync | tail -1
  pushed 1 commit to origin/main
  $ cd ../b && sed -i 's/^title: .*/title: Поставка вечером/' deals/1042.yaml && git commit -qam "deal title"
  $ tally sync
  tally: error: the pull from origin/main stopped on a conflict in 1 file: both sides changed the same field
    deals/1042.yaml: title
  hint: keep the right lines between <<<<<<< and >>>>>>> and delete the markers, then run 'tally sync' again: it finishes the pull; 'tally sync --abort' goes back to where you were
  [3]
  $ grep -A4 '^<<<<<<<' deals/1042.yaml
  <<<<<<< ours
  title: Поставка утром
  =======
  title: Поставка вечером
  >>>>>>> theirs
  $ tally sync 2>&1 | head -2
  tally: error: the pull from origin/main stopped on a conflict in 1 file: both sides changed the same field
    deals/1042.yaml: title
  $ sed -i '/^<<<<<<< ours$/,/^=======$/d; /^>>>>>>> theirs$/d' deals/1042.yaml
  $ tally sync
  finished the pull that had stopped on a conflict, with your resolution of deals/1042.yaml
  nothing new on origin/main
  checked 5 files: no errors
  pushed 1 commit to origin/main
  $ git status --porcelain; ls .git/rebase-merge .tally/sync 2>&1
  ls: cannot access '.git/rebase-merge': No such file or directory
  ls: cannot access '.tally/sync': No such file or directory
  [2]
  $ grep '^title' deals/1042.yaml
  title: Поставка вечером

A push rejected because another clone pushed at that moment is retried once
after another pull. (A pre-push hook makes c push first.)

  $ cd ../c && tally sync >/dev/null && TALLY_USER=ivan TALLY_NOW=2026-11-27T15:00:00+03:00 tally task comment $ID "из c" >/dev/null
  $ cd ../b && TALLY_USER=ivan TALLY_NOW=2026-11-27T15:05:00+03:00 tally task comment $ID "из b" >/dev/null
  $ printf '#!/bin/sh\n[ -e "$CASE_TMP/raced" ] || { touch "$CASE_TMP/raced"; env -u GIT_DIR git -C ../c push -q; }\n' > .git/hooks/pre-push && chmod +x .git/hooks/pre-push
  $ tally sync
  pulled 1 commit from origin/main
  the first push was rejected (someone pushed meanwhile); pulled again
  checked 5 files: no errors
  pushed 1 commit to origin/main
  $ rm .git/hooks/pre-push && git log --format=%s -2
  task T-[0-9A-Z]{10}: comment by ivan — Позвонить вечером (re)
  task T-[0-9A-Z]{10}: comment by ivan — Позвонить вечером (re)
  $ grep -c 'text: из' $F
  2

A store with errors after the pull is not pushed.

  $ cd ../c && sed -i 's/^title:/titel:/' $F && git commit -qam "hand edit"
  $ tally sync
  pulled 1 commit from origin/main
  error: tasks/2026/11/T-[0-9A-Z]{10}.yaml:.*: the task has no 'title' (re)
  .* (re)
  .* (re)
  tally: error: the store has 1 error after the pull, so nothing was pushed
  hint: fix them ('tally check' lists them), commit, then run 'tally sync' again
  [1]
  $ git status --porcelain -b | head -1
  ## main...origin/main [ahead 1]

Without an upstream there is nothing to sync with.

  $ cd .. && tally init solo >/dev/null && cd solo && tally sync
  tally: error: the branch main has no upstream to sync with
  hint: push it once with 'git push -u origin main', or name one with 'git branch --set-upstream-to origin/main'
  [2]
