tally sync gets a clone out of whatever an earlier sync left, by itself: a
pull killed after git set the uncommitted changes aside (the autostash-only
state that `git rebase --abort` cannot undo), a rebase of its own killed half
way, a pull stopped on a conflict (undone with --abort). A rebase that sync did
not start is the person's, and is left alone.

  $ git init -q --bare remote.git
  $ mkstore
  $ export TALLY_USER=anna
  $ ID=$(tally task add "Позвонить в «Ромашку»" --to ivan --due friday | cut -d' ' -f2)
  $ F=$(ls tasks/*/*/$ID.yaml)
  $ echo "заметки" > notes.md && git add notes.md && git commit -qm notes
  $ git remote add origin ../remote.git && git push -q -u origin main
  $ cd .. && git clone -q remote.git b && (cd b && tally setup-git >/dev/null) && cd store

The autostash-only state, as a pull killed 5-250 ms in leaves it: the user's
uncommitted work is only in a stash that git's rebase folder names; HEAD and
the work tree are clean. git itself cannot get out of it.

  $ echo "мои правки" >> notes.md
  $ S=$(git stash create) && git reset -q --hard && mkdir .git/rebase-merge && echo $S > .git/rebase-merge/autostash
  $ git rebase --abort >/dev/null 2>&1 || echo "git rebase --abort failed"; cat notes.md
  git rebase --abort failed
  заметки
  $ tally sync
  an interrupted sync had set your uncommitted changes aside \(autostash [0-9a-f]{10}\): put them back (re)
  nothing new on origin/main
  checked 5 files: no errors
  nothing to push
  $ cat notes.md; git status --porcelain; ls .git/rebase-merge 2>/dev/null
  заметки
  мои правки
   M notes.md
  [2]

A rebase of sync's own, killed half way (here: stopped by an --exec that fails,
with the mark sync leaves while it pulls): undone, then the sync is made anew
(the fetch above already brought b's commit, hence "nothing new").
Nothing is lost: the local comment and the one from b both land.

  $ cd ../b && TALLY_USER=ivan TALLY_NOW=2026-11-27T11:00:00+03:00 tally task comment $ID "из b" >/dev/null && tally sync >/dev/null
  $ cd ../store && TALLY_NOW=2026-11-27T11:05:00+03:00 tally task comment $ID "из store" >/dev/null
  $ git fetch -q && git rebase -q --autostash --exec false origin/main >/dev/null 2>&1; ls .git/rebase-merge/head-name
  .git/rebase-merge/head-name
  $ printf 'pulling\norigin/main\n' > .tally/sync
  $ tally sync
  undid a pull that was interrupted (its rebase): your changes are as they were before it
  nothing new on origin/main
  checked 5 files: no errors
  pushed 1 commit to origin/main
  $ grep -c 'text: из' $F; git status --porcelain; ls .tally/sync 2>/dev/null
  2
   M notes.md
  [2]

The same state without sync's mark is someone's own rebase: refused, untouched.

  $ TALLY_NOW=2026-11-27T11:10:00+03:00 tally task comment $ID "ещё" >/dev/null && git stash -q
  $ (cd ../b && TALLY_USER=ivan TALLY_NOW=2026-11-27T11:12:00+03:00 tally task comment $ID "и ещё" >/dev/null && tally sync >/dev/null)
  $ git fetch -q && git rebase -q --autostash --exec false origin/main >/dev/null 2>&1; tally sync
  tally: error: git is in the middle of a rebase or a merge in /tmp/tally-case-.*/work/store that tally sync did not start (re)
  hint: finish it ('git status' says how) or abort it ('git rebase --abort' or 'git merge --abort'), then run 'tally sync' again
  [2]
  $ git rebase --abort && git stash pop -q && tally sync | tail -1
  pushed 1 commit to origin/main

A pull stopped on a conflict: `tally sync --abort` puts the clone back as it
was before it (the local commit kept, not pushed); run again, nothing to undo.

  $ (cd ../b && tally sync >/dev/null && sed -i 's/^title: .*/title: Поставка утром/' deals/1042.yaml && git commit -qam "deal title" && tally sync >/dev/null)
  $ sed -i 's/^title: .*/title: Поставка вечером/' deals/1042.yaml && git commit -qm "deal title" deals/1042.yaml
  $ tally sync >/dev/null 2>&1; ls .git/rebase-merge/head-name
  .git/rebase-merge/head-name
  $ tally sync --abort
  undid the pull that had stopped on a conflict: the clone is as it was before it
  $ grep '^title' deals/1042.yaml; git status --porcelain; git log -1 --format=%s; ls .tally/sync .git/rebase-merge 2>/dev/null
  title: Поставка вечером
   M notes.md
  deal title
  [2]
  $ tally sync --abort
  no sync of tally's is in progress: nothing to undo
