Every bad input: a clear message on stderr, exit 2, and nothing changed (no file, no commit).

  $ mkstore
  $ export TALLY_USER=anna
  $ tally deal add "Вторая поставка" --id 1043 --owner petr >/dev/null
  $ snapshot

Unknown person, with the known ones listed (nearest first).

  $ tally task add "Позвонить" --to nobody --due friday
  tally: error: unknown person 'nobody'
  hint: known people: anna, ivan, petr, olga
  [2]
  $ tally task add "Позвонить" --to ivn --due friday
  tally: error: unknown person 'ivn'
  hint: did you mean ivan? known people: anna, ivan, petr, olga
  [2]
  $ tally task add "Позвонить" --to olga --due friday
  tally: error: olga is not active
  hint: give the task to someone active
  [2]
  $ tally task add "Позвонить" --to dept:slaes
  tally: error: no active people in department 'slaes'
  hint: did you mean dept:sales? departments: sales
  [2]

Unknown and ambiguous record IDs list the candidates.

  $ tally task add "Позвонить" --deal 99
  tally: error: no deal 99
  hint: known: 1042, 1043
  [2]
  $ tally task add "Позвонить" --deal 104
  tally: error: deal 104 is ambiguous
  hint: it matches 1042, 1043; type more characters
  [2]
  $ tally task add "Позвонить" --deal 1042 --company 17
  tally: error: a task links to one record at most
  hint: give one of --deal, --company, --lead, --contact
  [2]
  $ tally task add "Позвонить" --lead 5
  tally: error: no lead 5
  hint: there are no leads yet; add one with 'tally lead add'
  [2]
  $ tally task add "Позвонить" --deal ../people
  tally: error: '../people' is not a valid deal ID
  [2]

Deadlines: in the past (unless --allow-past), or unreadable.

  $ tally task add "Позвонить" --to ivan --due 26.11.2026
  tally: error: the deadline 26.11.2026 18:00 is in the past (now is 27.11.2026 10:00)
  hint: give a later date, or --allow-past to record a task that is already late
  [2]
  $ tally task add "Позвонить" --to ivan --due "сегодня 09:00"
  tally: error: the deadline 27.11.2026 09:00 is in the past (now is 27.11.2026 10:00)
  hint: give a later date, or --allow-past to record a task that is already late
  [2]
  $ tally task add "Позвонить" --to ivan --due "в следующую пятницу"
  tally: error: cannot read the date 'в следующую пятницу'
  hint: accepted forms: 2026-11-28, 2026-11-28 18:00, 28.11.2026, 28.11, today, tomorrow, friday, пт 18:00, завтра, +3d, +2w, +4h, eod, eow, eom
  [2]
  $ tally task add "Позвонить" --to ivan --due 31.02.2027
  tally: error: cannot read the date '31.02.2027'
  hint: accepted forms: 2026-11-28, 2026-11-28 18:00, 28.11.2026, 28.11, today, tomorrow, friday, пт 18:00, завтра, +3d, +2w, +4h, eod, eow, eom
  [2]

Titles: empty, blank or more than one line.

  $ tally task add "" --to ivan
  tally: error: the task has no title
  hint: say what to do: tally task add "Позвонить клиенту" --to ivan
  [2]
  $ tally task add "   " --to ivan
  tally: error: the task has no title
  hint: say what to do: tally task add "Позвонить клиенту" --to ivan
  [2]
  $ tally task add "Позвонить
  > и написать" --to ivan
  tally: error: the title must be one line
  hint: put the details in the description with -m
  [2]

Who is acting must be known.

  $ TALLY_USER= tally task add "Позвонить" --to ivan
  tally: error: cannot tell who you are: git's user.email runner@example.org is nobody's e-mail in people.yaml
  hint: set TALLY_USER to your login, or put that e-mail on your entry in people.yaml
  [2]
  $ TALLY_USER= HOME=/nonexistent tally task add "Позвонить" --to ivan
  tally: error: cannot tell who you are
  hint: set TALLY_USER to your login, or set 'git config user.email' to your e-mail in people.yaml
  [2]
  $ TALLY_USER=vasya tally task add "Позвонить" --to ivan
  tally: error: TALLY_USER is 'vasya', who is not in people.yaml
  hint: known people: anna, ivan, petr, olga
  [2]

Other bad usage.

  $ tally task add "Позвонить" --to ivan --priority urgent
  tally: error: --priority: urgent not in {normal,high}
  hint: run 'tally task add --help'
  [2]
  $ tally task list --status finished
  tally: error: unknown status 'finished'
  hint: statuses: new, accepted, in_progress, review, done, deferred, declined, cancelled, all
  [2]
  $ tally task fly
  tally: error: A subcommand is required
  hint: run 'tally task --help'
  [2]
  $ tally task list --mine --to ivan
  tally: error: --mine excludes --to
  hint: run 'tally task list --help'
  [2]
  $ TALLY_NOW=tomorrow tally task list
  tally: error: TALLY_NOW is not a timestamp: 'tomorrow'
  hint: use ISO 8601, such as 2026-11-27T10:00:00+03:00
  [2]
  $ unchanged

Unknown and ambiguous task IDs.

  $ tally task add "Первая" --to ivan >/dev/null && tally task add "Вторая" --to ivan >/dev/null
  $ for n in 1 2; do sed "s/^id: .*/id: T-AAAA00000$n/" $(ls tasks/2026/11/*.yaml | head -1) > tasks/2026/11/T-AAAA00000$n.yaml; done
  $ git add tasks && git commit -qm "two hand-made tasks"
  $ snapshot
  $ tally task show T-AAAA
  tally: error: task T-AAAA is ambiguous
  hint: it matches T-AAAA000001, T-AAAA000002; type more characters
  [2]
  $ tally task show aaaa00000
  tally: error: task T-AAAA00000 is ambiguous
  hint: it matches T-AAAA000001, T-AAAA000002; type more characters
  [2]
  $ tally task show T-AAAB
  tally: error: no task T-AAAB
  hint: did you mean T-AAAA000001, T-AAAA000002?
  [2]
  $ tally task show T-AA
  tally: error: 'T-AA' is too short for a task ID
  hint: type at least 4 characters after T-
  [2]
  $ tally task show aaaa000001 --format json | jq -r .id
  T-AAAA000001
  $ unchanged

Malformed store files: file:line:column, the line, a caret under the column; every problem at once.

  $ f=tasks/2026/11/T-AAAA000001.yaml
  $ sed -i 's/^status: new/status: neww/; s/^priority: normal/priority: urgent/' $f
  $ tally task show T-AAAA000001
  tally: error: tasks/2026/11/T-AAAA000001.yaml:3:9: unknown status 'neww'; statuses are new, accepted, in_progress, review, done, deferred, declined, cancelled
      status: neww
              ^
    tasks/2026/11/T-AAAA000001.yaml:7:11: 'priority' is normal or high
      priority: urgent
                ^
  [2]
  $ tally task list --format json | jq length
  tally: warning: tasks/2026/11/T-AAAA000001.yaml:3:9: unknown status 'neww'; statuses are new, accepted, in_progress, review, done, deferred, declined, cancelled (skipped)
  hint: 'tally check' lists every problem; the other files were read
  3
  $ sed -i 's/^title: .*/title: [Первая/' $f
  $ tally task show T-AAAA000001
  tally: error: tasks/2026/11/T-AAAA000001.yaml:3:7: end of sequence flow not found
      status: neww
            ^
  [2]
  $ sed -i 's/^id: .*/id: T-BBBB000001/; s/^title: .*/title: Первая/; s/neww/new/; s/urgent/normal/' $f
  $ tally task show T-AAAA000001
  tally: error: tasks/2026/11/T-AAAA000001.yaml:1:5: 'id' is T-BBBB000001 but the file is named T-AAAA000001.yaml
      id: T-BBBB000001
          ^
  [2]
  $ tally task list >/dev/null
  tally: warning: tasks/2026/11/T-AAAA000001.yaml:1:5: 'id' is T-BBBB000001 but the file is named T-AAAA000001.yaml (skipped)
  hint: 'tally check' lists every problem; the other files were read
  [4]
  $ git checkout -q -- $f
  $ sed -i 's/^timezone: .*/timezone: Europe\/Moskva/; s/^tolerance: .*/tolerance: twenty/' tally.yaml
  $ tally task list
  tally: error: tally.yaml:2:11: unknown time zone 'Europe/Moskva'; use a name such as Europe/Moscow
      timezone: Europe/Moskva
                ^
    tally.yaml:14:12: 'tolerance' must be a percentage such as 20%
      tolerance: twenty
                 ^
  [2]
  $ git checkout -q -- tally.yaml
  $ printf 'people:\n  - login: anna\n    name: Анна: Смирнова\n' > people.yaml
  $ tally task add "Позвонить" --to ivan
  tally: error: people.yaml:3:15: illegal map value
          name: Анна: Смирнова
                    ^
  [2]
  $ printf '\xff\xfe' > people.yaml
  $ tally task add "Позвонить" --to ivan
  tally: error: people.yaml:1:1: the file is not valid UTF-8
      ��
      ^
  hint: save it as UTF-8
  [2]
  $ git checkout -q -- people.yaml
  $ unchanged

Someone who left the team (active: false) cannot change the store.

  $ TALLY_USER=olga tally task add "Позвонить" --to ivan
  tally: error: olga is not active in people.yaml, so cannot change the store
  hint: a head can set 'active: true' on their entry
  [2]
  $ unchanged
