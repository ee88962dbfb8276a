Tasks: assigned in one command, tied to a deal or general, one file each, one commit each.

  $ mkstore
  $ export TALLY_USER=anna
  $ ids() { sed -E 's/T-[0-9A-Z]{4}( |$)/T-____\1/; s/T-[0-9A-Z]{10}/T-__________/g; s/G-[0-9A-Z]{10}/G-__________/g'; }

A task linked to a deal goes to the deal's owner when --to is not given.

  $ tally task add "Позвонить ЛПР и согласовать спецификацию" --deal 1042 --due "пт 18:00" | ids
  created T-__________ for ivan, due 27.11.2026 18:00
  $ T1=$(tally task list --format json | jq -r '.[0].id')
  $ cat tasks/2026/11/$T1.yaml | ids
  id: T-__________
  title: Позвонить ЛПР и согласовать спецификацию
  status: new
  creator: anna
  responsible: ivan
  created: 2026-11-27T10:00:00+03:00
  deadline: 2026-11-27T18:00:00+03:00
  priority: normal
  link: deal/1042
  log:
    - at: 2026-11-27T10:00:00+03:00
      by: anna
      event: created
      to: ivan
  $ git log -1 --format='%an|%s' | ids
  Test Runner|task T-__________: assigned to ivan, due 27.11.2026 18:00 — Позвонить ЛПР и согласовать спецификацию [deal/1042]
  $ git show --stat --format= HEAD | ids
   tasks/2026/11/T-__________.yaml | 14 ++++++++++++++
   1 file changed, 14 insertions(+)
  $ git status --porcelain

A whole department: one task per active member (not the head who assigns, not olga who left), one group.

  $ tally task add "Обновить прайс в CRM" --to dept:sales --due 2026-12-01 --review --priority high --tag прайс -m "Новые цены с 1 декабря.
  > Проверить скидки." | ids
  created T-__________ for ivan, due 01.12.2026 18:00
  created T-__________ for petr, due 01.12.2026 18:00
  group G-__________: 2 tasks
  $ G=$(tally task list --format json | jq -r '[.[] | select(.group != null)][0].group')
  $ tally task list --group $G --format json | jq -r '.[] | [.responsible, .review, .priority, (.tags|join(",")), .description] | @tsv'
  ivan	true	high	прайс	Новые цены с 1 декабря.\nПроверить скидки.
  petr	true	high	прайс	Новые цены с 1 декабря.\nПроверить скидки.
  $ git log -1 --format=%s | ids
  tasks G-__________: assigned to 2 (ivan, petr), due 01.12.2026 18:00 — Обновить прайс в CRM
  $ git show --stat --format= HEAD | tail -1
   2 files changed, 40 insertions(+)
  $ sed -n '/^description/,/^log/p' tasks/2026/11/$(tally task list --group $G --format json | jq -r '.[0].id').yaml
  description: |-
    Новые цены с 1 декабря.
    Проверить скидки.
  log:

Several logins, observers and helpers; a general task without a deadline.

  $ tally task add "Собрать отчёт по отгрузкам" --to ivan,petr --with petr --observer anna | ids
  created T-__________ for ivan
  created T-__________ for petr
  group G-__________: 2 tasks
  $ tally task add "Сверить акты с бухгалтерией" --to petr --due +2w | ids
  created T-__________ for petr, due 11.12.2026 18:00

Listing: open tasks by deadline (those without one last), in every format.

  $ tally task list | ids
  ID      STATUS  DUE               LATE  TO    LINK       TITLE
  T-____  new     27.11.2026 18:00        ivan  deal/1042  Позвонить ЛПР и согласовать спецификацию
  T-____  new     01.12.2026 18:00        ivan             ‼ Обновить прайс в CRM
  T-____  new     01.12.2026 18:00        petr             ‼ Обновить прайс в CRM
  T-____  new     11.12.2026 18:00        petr             Сверить акты с бухгалтерией
  T-____  new                             ivan             Собрать отчёт по отгрузкам
  T-____  new                             petr             Собрать отчёт по отгрузкам
  $ tally task list --to petr --format csv | ids
  ID,STATUS,DUE,LATE,TO,LINK,TITLE\r (esc)
  T-__________,new,2026-12-01T18:00:00+03:00,,petr,,Обновить прайс в CRM\r (esc)
  T-__________,new,2026-12-11T18:00:00+03:00,,petr,,Сверить акты с бухгалтерией\r (esc)
  T-__________,new,,,petr,,Собрать отчёт по отгрузкам\r (esc)
  $ tally task list --deal 1042 --format yaml | ids
  - id: T-__________
    title: Позвонить ЛПР и согласовать спецификацию
    status: new
    overdue: false
    creator: anna
    responsible: ivan
    participants: []
    observers: []
    created: "2026-11-27T10:00:00+03:00"
    deadline: "2026-11-27T18:00:00+03:00"
    priority: normal
    review: false
    may_move_deadline: false
    result_required: false
    link: deal/1042
    group: null
    recur: null
    tags: []
    checklist: []
    description: null
    result: null
  $ tally task list --format json | jq length
  6
  $ TALLY_USER=petr tally task list --mine --format json | jq -r '.[].title'
  Обновить прайс в CRM
  Сверить акты с бухгалтерией
  Собрать отчёт по отгрузкам
  Собрать отчёт по отгрузкам
  $ tally task list --by anna --format json | jq length
  6
  $ tally task list --status done
  ID  STATUS  DUE  LATE  TO  LINK  TITLE

Moving the clock past a deadline makes a task overdue.

  $ TALLY_NOW=2026-11-30T09:30:00+03:00 tally task list --overdue | ids
  ID      STATUS  DUE               LATE    TO    LINK       TITLE
  T-____  new     27.11.2026 18:00  2d 15h  ivan  deal/1042  Позвонить ЛПР и согласовать спецификацию
  $ TALLY_NOW=2026-11-30T09:30:00+03:00 tally task list --overdue --format json | jq '.[0].overdue'
  true

show takes any unique prefix, in any case.

  $ tally task show $(echo ${T1:2:5} | tr A-Z a-z) | ids
  FIELD        VALUE
  id           T-__________
  title        Позвонить ЛПР и согласовать спецификацию
  status       new
  responsible  ivan (Иван Петров)
  creator      anna (Анна Смирнова)
  created      27.11.2026 10:00
  deadline     27.11.2026 18:00
  priority     normal
  link         deal/1042 — Поставка оборудования [В работе]
  log          27.11.2026 10:00  anna created to=ivan
  $ tally task show $T1 --format json | jq -c '.log'
  [{"at":"2026-11-27T10:00:00+03:00","by":"anna","event":"created","to":"ivan"}]
