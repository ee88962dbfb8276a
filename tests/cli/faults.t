A failure is a failure: a command that exits non-zero has changed nothing, so
that running it again makes the change once. Only a command killed from
outside leaves a journal, and the next command finishes it and says so.

  $ mkstore
  $ export TALLY_USER=anna
  $ ID=$(tally task add "Позвонить в «Ромашку»" --to ivan --due friday | cut -d' ' -f2)
  $ F=$(ls tasks/*/*/$ID.yaml)
  $ snapshot

A full disk (the test hook TALLY_TEST_DISK_FREE makes writes fail with ENOSPC
once that many bytes are written): at once, while the journal is written, and
after the journal, while the new file is written.

  $ TALLY_TEST_DISK_FREE=0 tally task comment $ID "раз"
  tally: error: cannot write /tmp/tally-case-.*/work/store/.tally/journal: No space left on device (re)
  [3]
  $ unchanged; ls -A .tally | grep journal
  [1]
  $ TALLY_TEST_DISK_FREE=$(( 2 * $(wc -c < $F) + 600 )) tally task comment $ID "раз"
  tally: error: cannot write /tmp/tally-case-.*/work/store/tasks/2026/11/T-[0-9A-Z]{10}.yaml: No space left on device (re)
  [3]
  $ unchanged; ls -A .tally | grep journal; ls -A tasks/2026/11
  T-[0-9A-Z]{10}.yaml (re)

The retry, with room on the disk: one comment, one commit.

  $ tally task comment $ID "раз" && grep -c 'text: раз' $F && git log --oneline | wc -l
  commented on T-[0-9A-Z]{4,} (re)
  1
  10
  $ snapshot

git missing from PATH: said before anything is written.

  $ PATH=$CASE_TMP/bin tally task comment $ID "два"
  tally: error: cannot run git: No such file or directory
  hint: tally commits and syncs with git: install it or put it on PATH (or write with --no-commit)
  [3]
  $ unchanged; ls -A .tally | grep journal
  [1]

git refusing the commit at its last step (a git that fails update-ref): the
file is put back and unstaged, the journal removed.

  $ mkdir -p $CASE_TMP/shim && printf '#!/bin/sh\ncase " $* " in *" update-ref "*) echo "fatal: refused by the test" >&2; exit 1;; esac\nexec /usr/bin/git "$@"\n' > $CASE_TMP/shim/git && chmod +x $CASE_TMP/shim/git
  $ PATH=$CASE_TMP/shim:$PATH tally task comment $ID "два"
  tally: error: git update-ref failed (exit 1)
    fatal: refused by the test
  [3]
  $ unchanged; ls -A .tally | grep journal; git diff --cached --stat

A broken repository is an error before anything is written: a corrupt HEAD,
and .git moved away while tally.yaml says to commit.

  $ cp .git/HEAD $CASE_TMP/HEAD && echo "garbage" > .git/HEAD
  $ tally task comment $ID "два"
  tally: error: the git repository /tmp/tally-case-.*/work/store/.git is broken: git does not take it for a repository (re)
    fatal: not a git repository (or any of the parent directories): .git
  hint: repair it (a HEAD file holds a line such as 'ref: refs/heads/main'), or write without committing with --no-commit
  [3]
  $ cp $CASE_TMP/HEAD .git/HEAD && unchanged
  $ mv .git $CASE_TMP/git.away && tally task comment $ID "два"
  tally: error: the store /tmp/tally-case-.*/work/store is in no git repository, but tally.yaml says to commit every change (re)
  hint: run 'git init' there, set 'commit: false' in tally.yaml, or pass --no-commit
  [3]
  $ mv $CASE_TMP/git.away .git && unchanged && grep -c 'text: два' $F
  0
  [1]

A writer killed from outside (SIGKILL while its git child makes the commit)
leaves the journal; the next command, even a listing, finishes the change and
says so on stderr. Run again, nothing more happens: one comment, one commit.

  $ printf '#!/bin/sh\ncase " $* " in *" update-ref "*) echo $$ > "$CASE_TMP/reached.tmp"; mv "$CASE_TMP/reached.tmp" "$CASE_TMP/reached"; exec sleep 30;; esac\nexec /usr/bin/git "$@"\n' > $CASE_TMP/shim/git
  $ (PATH=$CASE_TMP/shim:$PATH exec tally task comment $ID "три" >/dev/null 2>&1) & PID=$!
  $ while [ ! -e $CASE_TMP/reached ]; do sleep 0.05; done; kill -9 $PID; wait $PID 2>/dev/null; kill $(cat $CASE_TMP/reached); ls .tally/journal
  .tally/journal
  $ tally task list >/dev/null
  tally: finished a change that an interrupted tally command had begun: task T-[0-9A-Z]{10}: comment by anna — Позвонить в «Ромашку» (re)
  $ tally task list >/dev/null && ls -A .tally | grep journal; grep -c 'text: три' $F; git log -1 --format=%s; git status --porcelain
  1
  task T-[0-9A-Z]{10}: comment by anna — Позвонить в «Ромашку» (re)

A journal that is not one tally wrote is reported and set aside, never
replayed and never dropped without a word; check reports it.

  $ snapshot && printf 'tally-journal 2\nnonsense\n' > .tally/journal
  $ tally task list >/dev/null
  tally: warning: .tally/journal is not a journal this tally can read; it was set aside as .tally/journal.bad and not replayed
  $ unchanged && ls -A .tally | grep journal && tally check
  journal.bad
  warning: a journal tally could not read was set aside here and not replayed
    hint: look at it, then delete it
  checked 5 files: 0 errors, 1 warning

A held index.lock (another git at work) is waited for, told by the lock file,
not by git's words, which differ by language (this case runs under ru_RU too).

  $ rm .tally/journal.bad && touch .git/index.lock && (sleep 1; rm .git/index.lock) & 
  $ tally task comment $ID "четыре" && grep -c 'text: четыре' $F
  commented on T-[0-9A-Z]{4,} (re)
  1
