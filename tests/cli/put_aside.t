Control that cannot be escaped: a working week (Mon 23.11 – Fri 27.11.2026) replayed. A task put
aside stays in the head's sight, one broken file never silences the others, a recurring task is
never born late.

  $ mkstore
  $ export TALLY_USER=anna
  $ check_mail() { /usr/bin/python3 "$SCHEMAS/../mail/check_message.py" "$@"; }
  $ tally person add boris --name "Борис Орлов" --email boris@example.ru --role head --dept tender >/dev/null
  $ tally person add masha --name "Мария Кузнецова" --email masha@example.ru --role manager --dept tender >/dev/null
  $ TALLY_NOW=2026-11-16T10:00:00+03:00 tally task add "Отправить КП в «Ромашку»" --deal 1042 --due 2026-11-18 >/dev/null
  $ TALLY_NOW=2026-11-16T10:00:00+03:00 tally task add "Собрать отзывы клиентов" --to petr --due 2026-11-30 >/dev/null
  $ TALLY_NOW=2026-11-16T10:00:00+03:00 tally task add "Проверить договор" --to ivan --review >/dev/null
  $ K=$(tally task list --to ivan --format json | jq -r '.[] | select(.title | startswith("Отправить")) | .id')
  $ R=$(tally task list --to petr --format json | jq -r '.[0].id')
  $ D=$(tally task list --to ivan --format json | jq -r '.[] | select(.title == "Проверить договор") | .id')
  $ export TALLY_NOW=2026-11-25T10:00:00+03:00

Wednesday: the offer is 7 days late and already escalated. Putting it aside needs a reason, and a
blank one is no reason; nothing is written.

  $ tally counters --person ivan --format json | jq -c '.people[0].counters | [.overdue, .deferred]'
  [1,0]
  $ snapshot
  $ TALLY_USER=ivan tally task defer $K
  tally: error: --reason is required
  hint: run 'tally task defer --help'
  [2]
  $ TALLY_USER=ivan tally task defer $K --reason "  "
  tally: error: say why: --reason is required to defer a task
  hint: the creator and the head see it and decide
  [2]
  $ unchanged
  $ TALLY_USER=ivan tally task defer $K --reason "клиент на больничном до 7 декабря" | sed "s/$K/K/"
  K is deferred now

The overdue counter drops, but the head now counts it as put aside, `--fail-on deferred` fails,
the dashboard shows it, and the head's digest lists it and keeps it among the escalations.

  $ tally counters
  WHO                   DEPT   OVERDUE  NEW  REVIEW  COMMENTS  DEFERRED  TOTAL  DUE SOON  NO DEADLINE
  Анна Смирнова (anna)  sales        0    0       0         0         1      1         0            1
  Иван Петров (ivan)    sales        0    1       0         0         0      1         0            0
  Пётр Сидоров (petr)   sales        0    1       0         0         0      1         0            0
  total                 sales        0    2       0         0         1      3         0            1
  $ tally counters --fail-on deferred >/dev/null; echo $?
  1
  $ TALLY_USER=ivan tally counters --fail-on deferred >/dev/null; echo $?
  0
  $ tally | sed "s/$K/K/; s/T-[0-9A-Z]\{4\}/T-____/g"
  WHO                   DEPT   OVERDUE  NEW  REVIEW  COMMENTS  DEFERRED  TOTAL  DUE SOON  NO DEADLINE
  Анна Смирнова (anna)  sales        0    0       0         0         1      1         0            1
  Иван Петров (ivan)    sales        0    1       0         0         0      1         0            0
  Пётр Сидоров (petr)   sales        0    1       0         0         0      1         0            0
  total                 sales        0    2       0         0         1      3         0            1
  
  Анна Смирнова (anna), 25.11.2026 10:00: overdue 0 · new 0 · review 0 · comments 0 · deferred 1 · due soon 0 · no deadline 1
  
  ID      STATUS    DUE               LATE  TITLE
  put aside, waiting for my decision
  T-____  deferred  18.11.2026 18:00        Отправить КП в «Ромашку» (deferred by ivan: клиент на больничном до 7 декабря)
  $ tally remind --no-recur --person anna | sed "s/T-[0-9A-Z]\{4\}/T-____/g"
  Анна Смирнова (anna), 25.11.2026 10:00
  просрочено 0 · новых 0 · на проверке 0 · комментариев 0 · ждут решения 1 · скоро срок 0
  
  Отложены исполнителем, ждут вашего решения (1):
    T-____  18.11.2026 18:00  Отправить КП в «Ромашку» [deal/1042], ivan: клиент на больничном до 7 декабря
  
  Эскалация: просрочено дольше порога (1):
    T-____  18.11.2026 18:00  Отправить КП в «Ромашку» [deal/1042], ivan, 5 раб. дн., срок переносили 0 раз
  $ tally remind --no-recur --format json | jq -c '.[] | select(.login == "anna") | [.counters.deferred, (.deferred | map(.title)), (.escalations | map(.title))]'
  [1,["Отправить КП в «Ромашку»"],["Отправить КП в «Ромашку»"]]
  $ tally remind --no-recur --outbox out >/dev/null
  $ check_mail out/anna-2026-11-25.eml --to anna@example.ru --subject "Задачи на 25.11: 1 отложена, 1 эскалация" --body-contains "Отложены исполнителем, ждут вашего решения (1)"
  ok
  $ rm -r out

The violation that happened before the deferral still counts in efficiency.

  $ tally counters --person ivan --period 2026-11 --format json | jq -c '.people[0].efficiency | [.in_work, .violations, .percent]'
  [2,1,50]

Who may do what with a task put aside: the responsible cannot defer it again, another department's
head cannot resume it, a task in review cannot be deferred.

  $ snapshot
  $ TALLY_USER=ivan tally task defer $K --reason "ещё раз"
  tally: error: T-[0-9A-Z]{10} is deferred already (re)
  hint: the decision is the creator (anna) or the head (anna)'s now: resume, cancel, or defer again to keep it aside
  [2]
  $ TALLY_USER=boris tally task resume $K
  tally: error: boris cannot resume T-[0-9A-Z]{10} (re)
  hint: only the responsible (ivan), the creator (anna) or the head (anna) may
  [2]
  $ TALLY_USER=ivan tally task done $D --result "проверен" >/dev/null
  $ TALLY_USER=ivan tally task defer $D --reason "потом"
  tally: error: cannot defer T-[0-9A-Z]{10}: it is review (re)
  hint: 'defer' works on a task that is new or accepted or in_progress or deferred
  [2]
  $ git reset -q --hard HEAD~1 && unchanged

The head decides: keeping it aside (with a reason) is a decision, and the counter goes back to 0;
the log tells the story.

  $ tally task defer $K --reason "согласовано: ждём клиента" | sed "s/$K/K/"
  K is deferred now
  $ tally counters --person anna --format json | jq '.people[0].counters.deferred'
  0
  $ tally task log $K | grep -v " commit " | sed "s/$K/K/"
  WHEN              WHO          EVENT           DETAILS
  16.11.2026 10:00  anna         created         to: ivan
  25.11.2026 10:00  ivan         deferred        from: new; status: deferred; reason: клиент на больничном до 7 декабря
  25.11.2026 10:00  anna         deferred        from: deferred; status: deferred; reason: согласовано: ждём клиента
  $ tally task resume $K | sed "s/$K/K/"
  K is new now

Declined: petr refuses his task; anna (its creator) sees it until she reassigns, reopens or
cancels it, in the counter and in the digest.

  $ TALLY_USER=petr tally task decline $R
  tally: error: --reason is required
  hint: run 'tally task decline --help'
  [2]
  $ TALLY_USER=petr tally task decline $R --reason "это клиент Ивана" | sed "s/$R/R/"
  R is declined now
  $ tally counters --person anna --format json | jq '.people[0].counters.deferred'
  1
  $ tally remind --no-recur --person anna | grep -A1 "Отклонены"
  Отклонены, ждут вашего решения (1):
    T-[0-9A-Z]{4}  30.11.2026 18:00  Собрать отзывы клиентов, petr: это клиент Ивана (re)
  $ tally task reassign $R --to ivan | sed "s/$R/R/"
  R now answers to ivan
  $ tally counters --person anna --format json | jq '.people[0].counters.deferred'
  0
  $ TALLY_USER=ivan tally task decline $R --reason "нет времени" >/dev/null
  $ tally task cancel $R --reason "не нужно" | sed "s/$R/R/"
  R is cancelled now
  $ tally counters --person anna --format json | jq '.people[0].counters.deferred'
  0

One broken file never silences the others. A hand edit breaks one task among a thousand good
ones: every reading command lists the others, names the file with its line and column on stderr,
and exits 4; remind still sends every digest, and the heads' digests name the file.

  $ for i in $(seq -f %04g 0 999); do
  >   f=tasks/2026/11/T-AAAAAA$i.yaml
  >   sed -e "s/^id: .*/id: T-AAAAAA$i/" -e '/^log:/,$d' "$(ls tasks/2026/11/$R.yaml)" > $f
  >   printf 'log:\n  - at: "2026-11-16T10:00:00+03:00"\n    by: anna\n    event: created\n' >> $f
  > done
  $ sed -i 's/^status: .*/status: в работе/' tasks/2026/11/T-AAAAAA0500.yaml
  $ git add -A && git commit -qm "a thousand tasks, one hand-broken"
  $ tally task list --status all --format json > list.json; echo $?
  tally: warning: tasks/2026/11/T-AAAAAA0500.yaml:3:9: unknown status 'в работе'; statuses are new, accepted, in_progress, review, done, deferred, declined, cancelled (skipped)
  hint: 'tally check' lists every problem; the other files were read
  4
  $ jq length list.json
  1002
  $ rm list.json
  $ tally counters --person anna >/dev/null; echo $?
  tally: warning: tasks/2026/11/T-AAAAAA0500.yaml:3:9: unknown status 'в работе'; statuses are new, accepted, in_progress, review, done, deferred, declined, cancelled (skipped)
  hint: 'tally check' lists every problem; the other files were read
  4
  $ tally >/dev/null; echo $?
  tally: warning: tasks/2026/11/T-AAAAAA0500.yaml:3:9: unknown status 'в работе'; statuses are new, accepted, in_progress, review, done, deferred, declined, cancelled (skipped)
  hint: 'tally check' lists every problem; the other files were read
  4
  $ tally calendar ivan >/dev/null; echo $?
  tally: warning: tasks/2026/11/T-AAAAAA0500.yaml:3:9: unknown status 'в работе'; statuses are new, accepted, in_progress, review, done, deferred, declined, cancelled (skipped)
  hint: 'tally check' lists every problem; the other files were read
  4
  $ tally export tasks --format csv | wc -l
  tally: warning: tasks/2026/11/T-AAAAAA0500.yaml:3:9: unknown status 'в работе'; statuses are new, accepted, in_progress, review, done, deferred, declined, cancelled (skipped)
  hint: 'tally check' lists every problem; the other files were read
  1003
  $ tally remind --no-recur --outbox out
  wrote out/anna-2026-11-25.eml
  wrote out/ivan-2026-11-25.eml
  wrote out/boris-2026-11-25.eml
  tally: warning: tasks/2026/11/T-AAAAAA0500.yaml:3:9: unknown status 'в работе'; statuses are new, accepted, in_progress, review, done, deferred, declined, cancelled (skipped)
  hint: 'tally check' lists every problem; the other files were read
  [4]
  $ check_mail out/anna-2026-11-25.eml --to anna@example.ru --subject "Задачи на 25.11: 1 эскалация, файлы с ошибками" --body-contains "Хранилище: файлы с ошибками (1)" --body-contains "T-AAAAAA0500.yaml:3:9"
  ok
  $ check_mail out/boris-2026-11-25.eml --to boris@example.ru --subject "Задачи на 25.11: файлы с ошибками" --body-contains "Хранилище: файлы с ошибками (1)"
  ok
  $ grep -c "файлы с ошибками" out/ivan-2026-11-25.eml || echo none for a manager
  0
  none for a manager
  $ rm -r out

A command that must change the broken file refuses with its place; `tally check` lists it, strict.

  $ snapshot
  $ tally task comment T-AAAAAA0500 "что тут?"
  tally: error: tasks/2026/11/T-AAAAAA0500.yaml:3:9: unknown status 'в работе'; statuses are new, accepted, in_progress, review, done, deferred, declined, cancelled
      status: в работе
              ^
  [2]
  $ tally task show T-AAAAAA0500
  tally: error: tasks/2026/11/T-AAAAAA0500.yaml:3:9: unknown status 'в работе'; statuses are new, accepted, in_progress, review, done, deferred, declined, cancelled
      status: в работе
              ^
  [2]
  $ unchanged
  $ tally check | grep -c "T-AAAAAA0500"
  1

A merge left half-done is named as such, and skipped by reads.

  $ git checkout -q tasks/2026/11/T-AAAAAA0500.yaml
  $ printf '<<<<<<< HEAD\ntitle: a\n=======\ntitle: b\n>>>>>>> other\n' >> tasks/2026/11/T-AAAAAA0501.yaml
  $ tally task list --to ivan >/dev/null
  tally: warning: tasks/2026/11/T-AAAAAA0500.yaml:3:9: unknown status 'в работе'; statuses are new, accepted, in_progress, review, done, deferred, declined, cancelled (skipped)
  tally: warning: tasks/2026/11/T-AAAAAA0501.yaml:13:1: unresolved git conflict marker (skipped)
  hint: 'tally check' lists every problem; the other files were read
  [4]
  $ git checkout -q tasks/2026/11/T-AAAAAA0501.yaml
  $ git rm -q tasks/2026/11/T-AAAAAA*.yaml && git commit -qm "drop the thousand"

A broken deal is skipped by deal listings and exports the same way.

  $ printf 'stage: [\n' >> deals/1042.yaml
  $ tally export deals --format csv | wc -l
  tally: warning: deals/1042.yaml:11:1: the key 'stage' is repeated (first on line 5) (skipped)
  hint: 'tally check' lists every problem; the other files were read
  1
  $ tally deal list >/dev/null
  tally: warning: deals/1042.yaml:11:1: the key 'stage' is repeated (first on line 5) (skipped)
  hint: 'tally check' lists every problem; the other files were read
  [4]
  $ git checkout -q deals/1042.yaml

Recurring: a template given on Tuesday at 11:05 for 17:30 every working day makes today's task at
once, due today 17:30, not late. No tally runs on Wednesday; on Thursday morning Wednesday's
occurrence is not made (it would be born late), the template's log says so, and anna's digest tells
her. Efficiency does not suffer for it.

  $ TALLY_NOW=2026-11-24T11:05:00+03:00 tally task add "Отчёт по звонкам" --to petr --every weekday --due 17:30 | sed -E 's/T-[0-9A-Z]{10}/T-__________/'
  created T-__________ for petr, due 24.11.2026 17:30
  created T-__________ for petr, due 24.11.2026 17:30 (today's repetition)
  $ TPL=$(tally task list --templates --format json | jq -r '.[0].id')
  $ TODAY=$(tally task list --to petr --format json | jq -r '.[] | select(.title == "Отчёт по звонкам") | .id')
  $ TALLY_NOW=2026-11-24T17:00:00+03:00 TALLY_USER=petr tally task done $TODAY >/dev/null
  $ TALLY_NOW=2026-11-26T08:00:00+03:00 tally remind --person anna | sed -E 's/T-[0-9A-Z]{4,10}/T-____/g'
  Анна Смирнова (anna), 26.11.2026 08:00
  просрочено 0 · новых 0 · на проверке 0 · комментариев 0 · ждут решения 0 · скоро срок 0
  
  Эскалация: просрочено дольше порога (1):
    T-____  18.11.2026 18:00  Отправить КП в «Ромашку» [deal/1042], ivan, 6 раб. дн., срок переносили 0 раз
  
  Пропущены повторения (1):
    T-____  Отчёт по звонкам: пропущены повторения: 25.11 (не созданы: срок уже прошёл)
  $ git log -1 --format=%s | sed -E 's/T-[0-9A-Z]{10}/T-__________/'
  recur: 1 recurring tasks up to 2026-11-26, 1 missed (their moment had passed)
  $ tally task log $TPL | grep skipped
  26.11.2026 08:00  anna         skipped         day: 2026-11-25; reason: its moment had passed when tally got to make it
  $ TALLY_NOW=2026-11-26T08:00:00+03:00 tally recur
  $ TALLY_NOW=2026-11-26T17:00:00+03:00 TALLY_USER=petr tally task done $(tally task list --to petr --format json | jq -r '.[] | select(.deadline == "2026-11-26T17:30:00+03:00") | .id') >/dev/null
  $ TALLY_NOW=2026-11-27T10:00:00+03:00 tally remind --person anna | grep -c "Пропущены" || echo told once
  0
  told once
  $ TALLY_NOW=2026-11-27T10:00:00+03:00 tally counters --person petr --period 2026-11 --format json | jq -c '.people[0].efficiency | [.in_work, .violations]'
  [4,0]
  $ tally task list --to petr --status all --format json | jq -c '[.[] | select(.title == "Отчёт по звонкам") | .deadline]'
  ["2026-11-24T17:30:00+03:00","2026-11-26T17:30:00+03:00","2026-11-27T17:30:00+03:00"]
