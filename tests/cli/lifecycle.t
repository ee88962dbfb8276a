A task's life: each move appends to the log, commits one file, and is allowed only to the right people.

  $ mkstore
  $ export TALLY_USER=anna
  $ tally task add "Подготовить КП" --deal 1042 --due "пн 12:00" --review --result-required --check "Цены" --check "Сроки поставки" >/dev/null
  $ T=$(tally task list --format json | jq -r '.[0].id')
  $ commits() { git rev-list --count HEAD; }
  $ c0=$(commits)

Anyone but the responsible may look without changing anything; the responsible's first look records it.

  $ tally task show $T --format json | jq -r .status
  new
  $ [ $(commits) = $c0 ] && echo no commit
  no commit
  $ TALLY_USER=ivan tally task show $T --format json | jq -r .status
  accepted
  $ git log -1 --format=%s | sed "s/$T/T/"
  task T: acknowledged by ivan, new → accepted — Подготовить КП
  $ TALLY_USER=ivan tally task show $T >/dev/null && git log -1 --format=%s | sed "s/$T/T/"
  task T: acknowledged by ivan, new → accepted — Подготовить КП

Refusals name who may, or the current status; they change nothing.

  $ snapshot
  $ TALLY_USER=petr tally task start $T
  tally: error: petr cannot start T-.* (re)
  hint: only the responsible (ivan) may
  [2]
  $ tally task accept $T
  tally: error: cannot accept T-.*: it is accepted (re)
  hint: 'accept' works on a task that is review
  [2]
  $ TALLY_USER=ivan tally task accept $T
  tally: error: ivan cannot accept T-.* (re)
  hint: only the creator (anna) or the head (anna) may
  [2]
  $ TALLY_USER=ivan tally task done $T
  tally: error: T-.* needs a result to be finished (re)
  hint: add --result "what was done"
  [2]
  $ TALLY_USER=ivan tally task decline $T
  tally: error: --reason is required
  hint: run 'tally task decline --help'
  [2]
  $ TALLY_USER=ivan tally task decline $T --reason " "
  tally: error: say why: --reason is required to decline a task
  hint: the creator and the head see it and decide
  [2]
  $ TALLY_USER=ivan tally task edit $T --due "вт 12:00" --reason "жду цены"
  tally: error: ivan cannot move the deadline of T-.* (re)
  hint: only the creator (anna) or the head (anna) may; ask them to move it, or to allow you to (--may-move-deadline)
  [2]
  $ tally task edit $T --due "вт 12:00"
  tally: error: say why the deadline moves: --reason is required
  hint: such as --reason "клиент в отпуске до 2 декабря"
  [2]
  $ TALLY_USER=ivan tally task edit $T --title "Другое"
  tally: error: ivan cannot edit T-.* (re)
  hint: only the creator (anna) or the head (anna) may
  [2]
  $ tally task reassign $T --to olga
  tally: error: olga is not active
  hint: give the task to someone active
  [2]
  $ TALLY_USER=olga tally task comment $T "привет"
  tally: error: olga is not active in people.yaml, so cannot change the store
  hint: a head can set 'active: true' on their entry
  [2]
  $ TALLY_USER=petr tally task comment $T "не моё, но скажу"
  tally: error: petr cannot comment on T-.* (re)
  hint: only the responsible (ivan), the creator (anna), the head (anna), a participant or an observer may
  [2]
  $ TALLY_USER=ivan tally task check $T 3
  tally: error: T-.* has no checklist item 3 (re)
  hint: items are numbered 1 to 2
  [2]
  $ unchanged

The work: start, tick, finish with a result; the creator returns it, the deadline moves with a reason, then accepts.

  $ TALLY_USER=ivan tally task start $T | sed "s/$T/T/"
  T is in_progress now
  $ TALLY_USER=ivan tally task check $T 1 | sed "s/$T/T/"
  T: 1 of 2 checklist items done
  $ TALLY_USER=ivan tally task done $T --result "КП отправлено" | sed "s/$T/T/"
  T is review now: waits for anna to accept it
  $ tally task return $T --reason "Нет сроков поставки" | sed "s/$T/T/"
  T is in_progress now
  $ tally task edit $T --due "вт 12:00" --reason "поставщик ответит в понедельник" --may-move-deadline | sed "s/$T/T/"
  changed T, due 01.12.2026 12:00
  $ TALLY_USER=ivan tally task edit $T --due "ср 12:00" --reason "поставщик задерживает ответ" | sed "s/$T/T/"
  changed T, due 02.12.2026 12:00
  $ TALLY_USER=ivan tally task comment $T "Сроки добавил, КП отправил повторно" | sed "s/$T/T/"
  commented on T
  $ TALLY_USER=ivan tally task done $T --result "КП со сроками отправлено" | sed "s/$T/T/"
  T is review now: waits for anna to accept it
  $ tally task accept $T | sed "s/$T/T/"
  T is done now
  $ TALLY_USER=ivan tally task start $T
  tally: error: cannot start T-.*: it is done (re)
  hint: 'start' works on a task that is new or accepted
  [2]
  $ tally task log $T --format json | jq -r '.log[] | [.by, .event, .status // "", .from // "", .to // "", .reason // .result // .text // .item // .fields // ""] | join("|")'
  anna|created|||ivan|
  ivan|acknowledged|accepted|||
  ivan|started|in_progress|||
  ivan|checked||||Цены
  ivan|done|review|||КП отправлено
  anna|returned|in_progress|||Нет сроков поставки
  anna|edited||||may_move_deadline
  anna|deadline||2026-11-30T12:00:00+03:00|2026-12-01T12:00:00+03:00|поставщик ответит в понедельник
  ivan|deadline||2026-12-01T12:00:00+03:00|2026-12-02T12:00:00+03:00|поставщик задерживает ответ
  ivan|commented||||Сроки добавил, КП отправил повторно
  ivan|done|review|||КП со сроками отправлено
  anna|accepted|done|||
  $ tally task log $T --format json | jq '.commits | length'
  11
  $ git log --format=%s -3 | sed "s/$T/T/"
  task T: accepted by anna, review → done — Подготовить КП
  task T: done by ivan, in_progress → review — Подготовить КП
  task T: comment by ivan — Подготовить КП
  $ git status --porcelain

Reopen, defer and resume, decline, cancel, reassign.

  $ tally task reopen $T | sed "s/$T/T/"
  T is in_progress now
  $ TALLY_USER=ivan tally task defer $T --reason "ждём бюджет" | sed "s/$T/T/"
  T is deferred now
  $ TALLY_USER=ivan tally task resume $T | sed "s/$T/T/"
  T is in_progress now
  $ tally task reassign $T --to petr | sed "s/$T/T/"
  T now answers to petr
  $ tally task show $T --format json | jq -r '.status + " " + .responsible'
  new petr
  $ TALLY_USER=petr tally task decline $T --reason "это клиент Ивана" | sed "s/$T/T/"
  T is declined now
  $ tally task reopen $T | sed "s/$T/T/"
  T is new now
  $ tally task cancel $T --reason "клиент передумал" | sed "s/$T/T/"
  T is cancelled now
  $ tally task list --status cancelled --format json | jq -r '.[0].result'
  КП со сроками отправлено
  $ tally task edit $T --title "x"
  tally: error: T-.* is cancelled (re)
  hint: reopen it first: tally task reopen T-.* (re)
  [2]

A controller who finishes a task with review has controlled it: done at once. Edits touch only named fields.

  $ tally task add "Сверить остатки" --to ivan --review >/dev/null
  $ U=$(tally task list --format json | jq -r '.[] | select(.title == "Сверить остатки") | .id')
  $ tally task edit $U --tag склад --observer petr --check "Склад 1" --priority high -m "Два склада" | sed "s/$U/U/"
  changed U
  $ tally task show $U --format json | jq -c '[.tags, .observers, .checklist, .priority, .description]'
  [["склад"],["petr"],[{"text":"Склад 1","done":false}],"high","Два склада"]
  $ TALLY_USER=petr tally task comment $U "вижу" | sed "s/$U/U/"
  commented on U
  $ tally task done $U | sed "s/$U/U/"
  U is done now
  $ tally task edit $U --drop-tag склад
  tally: error: T-.* is done (re)
  hint: reopen it first: tally task reopen T-.* (re)
  [2]
