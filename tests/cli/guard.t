tally guard is the shared bare repository's pre-receive hook: it refuses a push whose commits
break the store's rules, naming the commit, the file and the rule. tally setup-remote installs it.

A store with two tasks, pushed to a bare remote before the guard is installed; then a clone
for anna (head) and one for ivan (manager), each committing as its person.

  $ mkstore
  $ export TALLY_USER=anna
  $ T1=$(tally task add "Позвонить в «Ромашку»" --to ivan --due 30.11 | cut -d' ' -f2)
  $ T2=$(tally task add "Выставить счёт" --to petr --due 30.11 | cut -d' ' -f2)
  $ T3=$(tally task add "Подготовить КП" --to ivan --due 30.11 | cut -d' ' -f2)
  $ unset TALLY_USER
  $ cd .. && git init -q --bare remote.git && git -C store push -q ../remote.git main
  $ clone() { git clone -q remote.git $1 && git -C $1 config user.name $1 && git -C $1 config user.email $1@example.ru && (cd $1 && tally setup-git >/dev/null); }
  $ clone anna && clone ivan
  $ tip() { git -C $CASE_TMP/work/remote.git rev-parse main; }
  $ push() { git push -q origin main 2>&1 | sed -E "s#$CASE_TMP#TMP#g; s/T-[0-9A-Z]{10}/T-ID/g; s/^remote:   [0-9a-f]{10} /remote:   HASH /; s/ +$//"; }

setup-remote installs the hook, and again changes nothing.

  $ tally setup-remote remote.git
  installed the pre-receive hook remote.git/hooks/pre-receive: pushes that break the store's rules are refused
  $ tally setup-remote remote.git
  the pre-receive hook is already tally guard's: remote.git/hooks/pre-receive
  $ before=$(tip)

A manager edits someone's task by hand (cancelled, his own, deadline seven months later) and
pushes with plain git: refused, and the remote's main does not move.

  $ cd ivan && f=$(ls tasks/*/*/$T2.yaml)
  $ sed -i 's/^status: new/status: cancelled/; s/^responsible: petr/responsible: ivan/; s/^deadline: 2026-11/deadline: 2027-06/' $f
  $ git commit -qam "hand edit" && push
  remote: tally: error: push refused: the pushed commits break the store's rules (3 problems in 1 commit)
  remote:   HASH tasks/2026/11/T-ID.yaml: [fields] status is cancelled, but the log leads to new
  remote:   HASH tasks/2026/11/T-ID.yaml: [fields] responsible is ivan, but the log leads to petr
  remote:   HASH tasks/2026/11/T-ID.yaml: [fields] deadline changed from 2026-11-30T18:00:00+03:00 to 2027-06-30T18:00:00+03:00 without a log entry that says so
  remote: hint: make the change with tally, as someone the rules allow (a head for people.yaml, tally.yaml and plans); tally-guard(1) explains each rule
  To TMP/work/remote.git
   ! [remote rejected] main -> main (pre-receive hook declined)
  error: failed to push some refs to 'TMP/work/remote.git'
  $ [ "$(tip)" = "$before" ] && echo unmoved
  unmoved
  $ tally audit origin/main..HEAD | sed -E 's/T-[0-9A-Z]{10}/T-ID/g; s/^[0-9a-f]{10}  [0-9-]{10}/HASH DATE/'
  COMMIT      DATE        AUTHOR                  FILE                             RULE    PROBLEM
  HASH DATE  ivan <ivan@example.ru>  tasks/2026/11/T-ID.yaml  fields  status is cancelled, but the log leads to new
  HASH DATE  ivan <ivan@example.ru>  tasks/2026/11/T-ID.yaml  fields  responsible is ivan, but the log leads to petr
  HASH DATE  ivan <ivan@example.ru>  tasks/2026/11/T-ID.yaml  fields  deadline changed from 2026-11-30T18:00:00+03:00 to 2027-06-30T18:00:00+03:00 without a log entry that says so
  read 1 commits, 0 new log entries: 3 problems
  $ git reset -q --hard origin/main

His own role in people.yaml made head:

  $ sed -i '/login: ivan/,/role:/ s/role: manager/role: head/' people.yaml
  $ git commit -qam "promote myself" && push
  remote: tally: error: push refused: the pushed commits break the store's rules (1 problem in 1 commit)
  remote:   HASH people.yaml: [head-only] changed by ivan, a manager: only a head (as people.yaml stood before) may change it
  remote: hint: make the change with tally, as someone the rules allow (a head for people.yaml, tally.yaml and plans); tally-guard(1) explains each rule
  To TMP/work/remote.git
   ! [remote rejected] main -> main (pre-receive hook declined)
  error: failed to push some refs to 'TMP/work/remote.git'
  $ [ "$(tip)" = "$before" ] && echo unmoved
  unmoved
  $ git reset -q --hard origin/main

A log entry removed: anna comments through tally and syncs (accepted); ivan drops her comment.

  $ cd ../anna && TALLY_USER=anna tally task comment $T1 "Звони после обеда" >/dev/null && tally sync | tail -1
  pushed 1 commit to origin/main
  $ cd ../ivan && git pull -q && f=$(ls tasks/*/*/$T1.yaml)
  $ python3 -c "import sys,re;p=sys.argv[1];s=open(p).read();open(p,'w').write(re.sub(r'  - at: [^\n]*\n    by: anna\n    event: commented\n    text: [^\n]*\n','',s))" $f
  $ git commit -qam "drop the comment" && push
  remote: tally: error: push refused: the pushed commits break the store's rules (1 problem in 1 commit)
  remote:   HASH tasks/2026/11/T-ID.yaml: [append-only] the log entry 'commented' by anna at 2026-11-27T10:00:00+03:00 was removed or changed
  remote: hint: make the change with tally, as someone the rules allow (a head for people.yaml, tally.yaml and plans); tally-guard(1) explains each rule
  To TMP/work/remote.git
   ! [remote rejected] main -> main (pre-receive hook declined)
  error: failed to push some refs to 'TMP/work/remote.git'
  $ git reset -q --hard origin/main

An entry by someone else than the committer: ivan runs tally as anna (TALLY_USER) to cancel.

  $ TALLY_USER=anna tally task cancel $T1 >/dev/null && push
  remote: tally: error: push refused: the pushed commits break the store's rules (1 problem in 1 commit)
  remote:   HASH tasks/2026/11/T-ID.yaml: [author] 'cancelled' recorded as anna but committed by ivan (ivan <ivan@example.ru>)
  remote: hint: make the change with tally, as someone the rules allow (a head for people.yaml, tally.yaml and plans); tally-guard(1) explains each rule
  To TMP/work/remote.git
   ! [remote rejected] main -> main (pre-receive hook declined)
  error: failed to push some refs to 'TMP/work/remote.git'
  $ tally audit origin/main..HEAD --format json | jq -c '.findings[] | [.rule, .message]'
  ["author","'cancelled' recorded as anna but committed by ivan (ivan <ivan@example.ru>)"]
  $ git reset -q --hard origin/main
  $ [ "$(tip)" = "$before" ] && echo unmoved
  [1]

The same changes through tally by a head: accepted.

  $ cd ../anna && git pull -q
  $ export TALLY_USER=anna
  $ tally task cancel $T2 --reason "клиент отказался" >/dev/null
  $ tally task reassign $T1 --to petr >/dev/null
  $ tally task edit $T1 --due 2027-06-30 --reason "клиент в отъезде" >/dev/null
  $ tally person add sveta --name "Светлана Орлова" --email sveta@example.ru --role manager --dept sales >/dev/null
  $ push
  remote: tally guard: 4 commits checked, the store's rules hold
  $ git -C ../remote.git log --format=%s -4 main | sed -E 's/T-[0-9A-Z]{10}/T-ID/g'
  person sveta: added, manager in sales — Светлана Орлова
  task T-ID: deadline 30.11.2026 18:00 → 30.06.2027 18:00 by anna (клиент в отъезде) — Позвонить в «Ромашку»
  task T-ID: reassigned ivan → petr by anna — Позвонить в «Ромашку»
  task T-ID: cancelled by anna, new → cancelled — Выставить счёт
  $ unset TALLY_USER

Two clones race: anna gives T3 to petr, ivan (its old responsible) finishes it meanwhile and
merges with git pull through the merge driver: the merge commit is accepted, ivan's done kept
in the log as rejected.

  $ TALLY_NOW=2026-11-27T10:10:00+03:00 TALLY_USER=anna tally task reassign $T3 --to petr >/dev/null && push
  remote: tally guard: 1 commit checked, the store's rules hold
  $ cd ../ivan && TALLY_NOW=2026-11-27T10:20:00+03:00 TALLY_USER=ivan tally task done $T3 >/dev/null
  $ git pull -q --no-rebase --no-edit >/dev/null 2>&1 && git log -1 --format=%p | wc -w
  2
  $ grep -A3 'event: done' tasks/*/*/$T3.yaml
      event: done
      status: done
      rejected: only the responsible (petr), the creator (anna) or the head (anna) may do that (the responsible is petr)
  $ push && [ "$(tip)" = "$(git rev-parse HEAD)" ] && echo pushed
  remote: tally guard: 2 commits checked, the store's rules hold
  pushed
  $ tally audit $before..HEAD
  read 8 commits, 6 new log entries: 0 problems

The same race through tally sync (a rebase through the driver), the other way round: ivan
finishes first, anna reassigns later on her clone and pushes first; ivan's rebased commit
marks her reassignment rejected (the task was done by then) and is accepted.

  $ cd ../anna && git pull -q && T4=$(TALLY_USER=anna tally task add "Сверить остатки" --to ivan --due 30.11 | cut -d' ' -f2) && push
  remote: tally guard: 1 commit checked, the store's rules hold
  $ cd ../ivan && git pull -q && TALLY_NOW=2026-11-27T11:00:00+03:00 TALLY_USER=ivan tally task done $T4 >/dev/null
  $ cd ../anna && TALLY_NOW=2026-11-27T11:30:00+03:00 TALLY_USER=anna tally task reassign $T4 --to petr >/dev/null && push
  remote: tally guard: 1 commit checked, the store's rules hold
  $ cd ../ivan && tally sync | tail -1 && grep -A1 'status: new' tasks/*/*/$T4.yaml
  pushed 1 commit to origin/main
      status: new
      rejected: the task was done by then
  $ grep -E '^(status|responsible):' tasks/*/*/$T4.yaml
  status: done
  responsible: ivan

A hand edit that marks someone's allowed entry rejected (to undo it) is refused.

  $ f=$(ls tasks/*/*/$T3.yaml) && sed -i '/event: reassigned/,/status: new/ s/    status: new/    status: new\n    rejected: нет/' $f && sed -i 's/^responsible: petr/responsible: ivan/' $f
  $ git commit -qam "undo the reassignment" && push
  remote: tally: error: push refused: the pushed commits break the store's rules (1 problem in 1 commit)
  remote:   HASH tasks/2026/11/T-ID.yaml: [append-only] 'reassigned' by anna at 2026-11-27T10:10:00+03:00 is marked rejected, but the rules allow it
  remote: hint: make the change with tally, as someone the rules allow (a head for people.yaml, tally.yaml and plans); tally-guard(1) explains each rule
  To TMP/work/remote.git
   ! [remote rejected] main -> main (pre-receive hook declined)
  error: failed to push some refs to 'TMP/work/remote.git'
  $ git reset -q --hard origin/main

Recurring tasks: tally recur run by cron with git's own identity makes an instance whose
`created` entry is the template's creator's, and notes missed days in the template as its
creator: both are the machinery's and accepted. The same instance file made by hand with
another title is not.

  $ cd ../anna && git pull -q
  $ TALLY_USER=anna tally task add "Отчёт за день" --to ivan --every weekday --due 17:00 | sed -E 's/T-[0-9A-Z]{10}/T-ID/g'
  created T-ID for ivan, due 27.11.2026 17:00
  created T-ID for ivan, due 27.11.2026 17:00 (today's repetition)
  $ push
  remote: tally guard: 1 commit checked, the store's rules hold
  $ export TALLY_NOW=2026-12-02T12:00:00+03:00
  $ GIT_AUTHOR_NAME=cron GIT_AUTHOR_EMAIL=cron@sales.example tally recur | sed -E 's/T-[0-9A-Z]{10}/T-ID/g'
  created T-ID for ivan, due 02.12.2026 17:00 — Отчёт за день
  $ git log -1 --format='%an %s' | sed -E 's/T-[0-9A-Z]{10}/T-ID/g' && git branch made
  cron recur: 1 recurring tasks up to 2026-12-02, 2 missed (their moment had passed)
  $ new=$(git show --name-only --format= HEAD | grep tasks/ | grep -v "$(git show --format= --name-only HEAD~1)" | head -1)
  $ sed -i 's/^title: .*/title: Отчёт (правка)/' $new && GIT_AUTHOR_NAME=cron GIT_AUTHOR_EMAIL=cron@sales.example git commit -q --amend -a --no-edit && push
  remote: tally: error: push refused: the pushed commits break the store's rules (1 problem in 1 commit)
  remote:   HASH tasks/2026/12/T-ID.yaml: [author] 'created' by anna committed by cron <cron@sales.example>, whose e-mail is nobody's in people.yaml
  remote: hint: make the change with tally, as someone the rules allow (a head for people.yaml, tally.yaml and plans); tally-guard(1) explains each rule
  To TMP/work/remote.git
   ! [remote rejected] main -> main (pre-receive hook declined)
  error: failed to push some refs to 'TMP/work/remote.git'
  $ git reset -q --hard made && push
  remote: tally guard: 1 commit checked, the store's rules hold
  $ unset TALLY_NOW

As an update hook (git runs it with REF OLD NEW, once per ref) it judges the same: a second
bare repository guarded that way refuses ivan's hand edit; bad input is a usage error.

  $ cd .. && git init -q --bare upd.git && git -C anna push -q ../upd.git main
  $ printf '#!/bin/sh\nexec tally guard "$@"\n' > upd.git/hooks/update && chmod +x upd.git/hooks/update
  $ cd ivan && git pull -q && sed -i 's/^priority: normal/priority: high/' $(ls tasks/*/*/$T4.yaml) && git commit -qam "urgent"
  $ git push -q ../upd.git main 2>&1 | sed -E "s#$CASE_TMP#TMP#g; s/T-[0-9A-Z]{10}/T-ID/g; s/^remote:   [0-9a-f]{10} /remote:   HASH /; s/ +$//"
  remote: tally: error: push refused: the pushed commits break the store's rules (1 problem in 1 commit)
  remote:   HASH tasks/2026/11/T-ID.yaml: [fields] priority changed from normal to high without a log entry that says so
  remote: hint: make the change with tally, as someone the rules allow (a head for people.yaml, tally.yaml and plans); tally-guard(1) explains each rule
  remote: error: hook declined to update refs/heads/main
  To ../upd.git
   ! [remote rejected] main -> main (hook declined)
  error: failed to push some refs to '../upd.git'
  $ echo "not a line" | tally guard
  tally: error: 'not a line' is not a line of a pre-receive hook's input
  hint: tally guard reads '<old> <new> <ref>' lines on stdin, as git gives them to a pre-receive hook
  [2]
  $ cd ../remote.git && printf '%s %s refs/heads/main\n' 0000000000000000000000000000000000000000 $(git rev-parse main) | tally guard
  tally guard: 0 commits checked, the store's rules hold
  $ cd .. && tally setup-remote anna
  tally: error: anna is a clone with a work tree, not a bare repository
  hint: the guard belongs in the repository everyone pushes to (git init --bare)
  [2]
  $ tally setup-remote nowhere.git
  tally: error: there is no folder nowhere.git
  hint: name the shared bare repository, such as /srv/git/sales.git
  [2]
  $ git init -q --bare other.git && printf '#!/bin/sh\nexit 0\n' > other.git/hooks/pre-receive
  $ tally setup-remote other.git
  tally: error: other.git already has a pre-receive hook that is not tally's
    other.git/hooks/pre-receive
  hint: --force replaces it (keep a copy first); or call 'tally guard' from it with the same stdin
  [2]
  $ tally setup-remote other.git --force && head -2 other.git/hooks/pre-receive
  installed the pre-receive hook other.git/hooks/pre-receive: pushes that break the store's rules are refused
  #!/bin/sh
  # tally guard: refuses a push that breaks the store's rules (tally setup-remote, tally-guard(1))
