Two clones racing on one task: the log is the truth. Each race syncs through a bare remote with
the merge driver; the union of both logs is replayed under the rules, what they refuse is kept
marked rejected and told to its author, and no clone is ever stuck.

  $ git init -q --bare remote.git
  $ mkstore
  $ export TALLY_USER=anna
  $ git remote add origin ../remote.git && git push -q -u origin main
  $ cd .. && git clone -q remote.git b && (cd b && tally setup-git >/dev/null) && cd store
  $ new_task() { tally task add "$1" --to ivan --due 2026-12-04 | cut -d' ' -f2; }
  $ race() { tally sync >/dev/null 2>&1; (cd ../b && tally sync >/dev/null 2>&1); }
  $ field() { grep "^$1:" $(ls tasks/*/*/$2.yaml) | cut -d' ' -f2-; }

Reassign against done: anna gives the task to petr at 11:00; ivan, on his clone, still sees it
as his and finishes it at 11:10. The done comes after the reassignment: refused, kept, no effect.
petr has a new task; ivan's next digest says his action was not applied.

  $ T=$(new_task "Подготовить КП") && race
  $ TALLY_NOW=2026-11-27T11:00:00+03:00 tally task reassign $T --to petr >/dev/null
  $ (cd ../b && TALLY_USER=ivan TALLY_NOW=2026-11-27T11:10:00+03:00 tally task done $T >/dev/null)
  $ race; tally sync >/dev/null; echo $?
  0
  $ field status $T; field responsible $T
  new
  petr
  $ grep -B3 "rejected:" $(ls tasks/*/*/$T.yaml) | grep -E "by:|event:|rejected:"
      by: ivan
      event: done
      rejected: only the responsible (petr), the creator (anna) or the head (anna) may do that (the responsible is petr)
  $ tally counters --person petr --format json | jq '.people[0].counters.new'
  1
  $ TALLY_NOW=2026-11-27T12:00:00+03:00 tally remind --no-recur --person ivan --format json | jq -c '.[0].overruled | map([.event, .rejected])'
  [["done","only the responsible (petr), the creator (anna) or the head (anna) may do that (the responsible is petr)"]]
  $ TALLY_NOW=2026-11-27T12:00:00+03:00 tally remind --no-recur --person ivan | grep -A1 "не применены" | sed -E 's/T-[0-9A-Z]{4}/T-____/'
  Ваши действия не применены (1):
    T-____  Подготовить КП: «done» от 27.11.2026 11:10 не применено: only the responsible (petr), the creator (anna) or the head (anna) may do that (the responsible is petr)

Acknowledged before the reassignment, on the other clone: allowed at its point, then the
reassignment makes the task new for petr.

  $ T=$(new_task "Позвонить") && race
  $ (cd ../b && TALLY_USER=ivan TALLY_NOW=2026-11-27T11:00:00+03:00 tally task ack $T >/dev/null)
  $ TALLY_NOW=2026-11-27T11:05:00+03:00 tally task reassign $T --to petr >/dev/null
  $ race; tally sync >/dev/null
  $ field status $T; field responsible $T; grep -c "rejected:" $(ls tasks/*/*/$T.yaml)
  new
  petr
  0
  [1]

Done against cancel: ivan finishes at 11:00, anna cancels at 11:20 on her clone: a second
terminal transition, refused.

  $ T=$(new_task "Отправить счёт") && race
  $ (cd ../b && TALLY_USER=ivan TALLY_NOW=2026-11-27T11:00:00+03:00 tally task done $T >/dev/null)
  $ TALLY_NOW=2026-11-27T11:20:00+03:00 tally task cancel $T >/dev/null
  $ race; tally sync >/dev/null
  $ field status $T; grep "rejected:" $(ls tasks/*/*/$T.yaml)
  done
      rejected: the task was done by then

A deadline move against done: anna moves the deadline at 11:30 after ivan finished at 11:00;
the move is refused, the deadline stays.

  $ T=$(new_task "Сверить остатки") && race
  $ (cd ../b && TALLY_USER=ivan TALLY_NOW=2026-11-27T11:00:00+03:00 tally task done $T >/dev/null)
  $ TALLY_NOW=2026-11-27T11:30:00+03:00 tally task edit $T --due 2026-12-11 --reason "ждём склад" >/dev/null
  $ race; tally sync >/dev/null
  $ field status $T; field deadline $T; grep "rejected:" $(ls tasks/*/*/$T.yaml)
  done
  2026-12-04T18:00:00+03:00
      rejected: the task was done by then

A comment against cancel: a comment on a cancelled task is still a comment (anyone involved may
comment at any time); both are kept, the task is cancelled.

  $ T=$(new_task "Уточнить адрес") && race
  $ TALLY_NOW=2026-11-27T11:00:00+03:00 tally task cancel $T >/dev/null
  $ (cd ../b && TALLY_USER=ivan TALLY_NOW=2026-11-27T11:10:00+03:00 tally task comment $T "адрес: Ленина 5" >/dev/null)
  $ race; tally sync >/dev/null
  $ field status $T; grep -c "event: commented" $(ls tasks/*/*/$T.yaml); grep -c "rejected:" $(ls tasks/*/*/$T.yaml)
  cancelled
  1
  0
  [1]

Title against title: the later edit wins, the other stays in the log.

  $ T=$(new_task "Встреча") && race
  $ (cd ../b && TALLY_NOW=2026-11-27T11:00:00+03:00 tally task edit $T --title "Встреча во вторник" >/dev/null)
  $ TALLY_NOW=2026-11-27T11:05:00+03:00 tally task edit $T --title "Встреча в среду" >/dev/null
  $ race; tally sync >/dev/null
  $ field title $T; grep "  title:" $(ls tasks/*/*/$T.yaml)
  Встреча в среду
      title: Встреча во вторник
      title: Встреча в среду

After all the races both clones hold the same files, git is clean, and tally check finds nothing.

  $ (cd ../b && tally sync >/dev/null) && git diff --stat HEAD $(git -C ../b rev-parse HEAD) | wc -l
  0
  $ git status --porcelain && (cd ../b && git status --porcelain)
  $ tally check | tail -1
  checked 10 files: 0 errors, 0 warnings

A hand edit that contradicts the log, or a log entry the rules never allowed, is an error for
tally check, with the line.

  $ F=$(ls tasks/*/*/$T.yaml)
  $ sed -i 's/^status: .*/status: cancelled/; s/^responsible: .*/responsible: petr/' $F
  $ tally check | grep "^error" | sed -E 's/T-[0-9A-Z]{10}/T-X/'
  error: tasks/2026/11/T-X.yaml:3:9: status is 'cancelled' but its log leads to 'new'
  error: tasks/2026/11/T-X.yaml:5:14: responsible is 'petr' but its log leads to 'ivan'
  $ git checkout -q $F
  $ printf '  - at: 2026-11-27T13:00:00+03:00\n    by: petr\n    event: cancelled\n    status: cancelled\n' >> $F
  $ tally check | grep "^error" | sed -E 's/T-[0-9A-Z]{10}/T-X/'
  error: tasks/2026/11/T-X.yaml:24:5: log entry 4 ('cancelled' by petr at 2026-11-27T13:00:00+03:00) was not allowed: only the creator (anna) or the head (anna) may do that (the responsible is ivan)
  $ git checkout -q $F
