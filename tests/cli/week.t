A working week of a head (anna) and two managers (ivan, petr), 23–27.11.2026, with the clock in TALLY_NOW.
One task is ignored (stays new), one is late, one is returned then accepted, one is accepted at once.

  $ mkstore
  $ at() { export TALLY_NOW="2026-11-$1:00+03:00"; }
  $ id() { tally task list --status all --format json | jq -r --arg t "$1" '.[] | select(.title == $t) | .id'; }

Monday 09:00: anna assigns.

  $ at 23T09:00
  $ export TALLY_USER=anna
  $ tally task add "Обзвонить базу клиентов" --to petr --due "вт 18:00" >/dev/null
  $ tally task add "Отправить акт сверки" --deal 1042 --due "вт 18:00" >/dev/null
  $ tally task add "Подготовить КП" --to ivan --due "пт 18:00" --review >/dev/null
  $ tally task add "Обновить прайс" --to petr --due "ср 18:00" --review >/dev/null
  $ tally task add "Сверить остатки на складе" --to petr --due "чт 18:00" >/dev/null
  $ tally counters
  WHO                   DEPT   OVERDUE  NEW  REVIEW  COMMENTS  DEFERRED  TOTAL  DUE SOON  NO DEADLINE
  Анна Смирнова (anna)  sales        0    0       0         0         0      0         0            0
  Иван Петров (ivan)    sales        0    2       0         0         0      2         1            0
  Пётр Сидоров (petr)   sales        0    3       0         0         0      3         1            0
  total                 sales        0    5       0         0         0      5         2            0

Monday: ivan looks at his tasks and starts the act; petr finishes the price list, which anna accepts at once.

  $ at 23T11:00
  $ TALLY_USER=ivan tally task show $(id "Отправить акт сверки") >/dev/null
  $ TALLY_USER=ivan tally task start $(id "Отправить акт сверки") >/dev/null
  $ TALLY_USER=ivan tally task ack $(id "Подготовить КП") >/dev/null
  $ TALLY_USER=petr tally task done $(id "Обновить прайс") --result "Прайс обновлён" >/dev/null
  $ TALLY_USER=anna tally counters --person anna --format json | jq -c '.people[0].counters'
  {"overdue":0,"new":0,"review":1,"comments":0,"deferred":0,"total":1,"due_soon":0,"no_deadline":0}
  $ TALLY_USER=anna tally task accept $(id "Обновить прайс") >/dev/null

Wednesday 10:00: the act and the calls are late; the counters say so and --fail-on fails.

  $ at 25T10:00
  $ TALLY_USER=ivan tally
  Иван Петров (ivan), 25.11.2026 10:00: overdue 1 · new 0 · review 0 · comments 0 · deferred 0 · due soon 0 · no deadline 0
  
  ID      STATUS       DUE               LATE  TITLE
  deal 1042 — Поставка оборудования [В работе]
  T-[0-9A-Z]{4}  in_progress  24\.11\.2026 18:00  16h   Отправить акт сверки (re)
  general
  T-[0-9A-Z]{4}  accepted     27\.11\.2026 18:00        Подготовить КП (re)
  $ tally counters --fail-on overdue --format json | jq -c '.people[] | [.login, .counters.overdue, .counters.new]'
  ["anna",0,0]
  ["ivan",1,0]
  ["petr",1,2]
  $ tally counters --fail-on overdue >/dev/null
  [1]

anna moves the act's deadline to Thursday; the violation stays. ivan finishes the КП, anna returns it.

  $ tally task edit $(id "Отправить акт сверки") --due "чт 18:00" --reason "бухгалтерия клиента на больничном" >/dev/null
  $ at 25T15:00
  $ TALLY_USER=ivan tally task start $(id "Подготовить КП") >/dev/null
  $ TALLY_USER=ivan tally task done $(id "Подготовить КП") --result "КП готово" >/dev/null
  $ tally task return $(id "Подготовить КП") --reason "нет сроков поставки" >/dev/null
  $ TALLY_USER=petr tally task comment $(id "Обзвонить базу клиентов") "Начну завтра" >/dev/null
  $ tally counters --person anna --format json | jq -c '.people[0].counters'
  {"overdue":0,"new":0,"review":0,"comments":1,"deferred":0,"total":1,"due_soon":0,"no_deadline":0}

Thursday: ivan finishes both; petr checks the stock; anna accepts the КП.

  $ at 26T12:00
  $ TALLY_USER=ivan tally task done $(id "Отправить акт сверки") --result "Акт отправлен" >/dev/null
  $ TALLY_USER=ivan tally task done $(id "Подготовить КП") --result "КП со сроками" >/dev/null
  $ TALLY_USER=petr tally task start $(id "Сверить остатки на складе") >/dev/null
  $ TALLY_USER=petr tally task done $(id "Сверить остатки на складе") >/dev/null
  $ tally task accept $(id "Подготовить КП") >/dev/null
  $ tally counters --fail-on overdue --format json | jq -c '.people[] | [.login, .counters.overdue]'
  ["anna",0]
  ["ivan",0]
  ["petr",1]
  $ tally counters --fail-on overdue >/dev/null
  [1]

Friday 10:00: petr finally does the calls; the work is done and --fail-on passes.

  $ at 27T10:00
  $ TALLY_USER=petr tally task done $(id "Обзвонить базу клиентов") --result "Обзвонил 40 клиентов" >/dev/null
  $ tally counters --fail-on overdue,new,review
  WHO                   DEPT   OVERDUE  NEW  REVIEW  COMMENTS  DEFERRED  TOTAL  DUE SOON  NO DEADLINE
  Анна Смирнова (anna)  sales        0    0       0         0         0      0         0            0
  Иван Петров (ivan)    sales        0    0       0         0         0      0         0            0
  Пётр Сидоров (petr)   sales        0    0       0         0         0      0         0            0
  total                 sales        0    0       0         0         0      0         0            0
  $ echo exit $?
  exit 0

Efficiency over November, by hand:
  ivan works on 2 tasks he did not create (the act, the КП); the act was overdue from Tue 18:00 until
  anna moved its deadline on Wednesday: 1 violation of 2 → 100 × (1 − 1/2) = 50; one deadline move.
  petr works on 3 (the calls, the price list, the stock); the calls were overdue from Tue 18:00 to
  Fri 10:00: 1 violation of 3 → 100 × (1 − 1/3) = 66.7, shown as 67.
  anna created every task and answers for none: 0 of 0 → 100.

  $ tally counters --period 2026-11 --format json | jq -c '.people[] | [.login, .efficiency.in_work, .efficiency.violations, .efficiency.percent, .efficiency.deadline_moves]'
  ["anna",0,0,100,0]
  ["ivan",2,1,50,1]
  ["petr",3,1,67,0]
  $ tally counters --period 2026-11
  WHO                   DEPT   OVERDUE  NEW  REVIEW  COMMENTS  DEFERRED  TOTAL  DUE SOON  NO DEADLINE  EFFICIENCY  IN WORK  VIOLATIONS  MOVED
  Анна Смирнова (anna)  sales        0    0       0         0         0      0         0            0        100%        0           0      0
  Иван Петров (ivan)    sales        0    0       0         0         0      0         0            0         50%        2           1      1
  Пётр Сидоров (petr)   sales        0    0       0         0         0      0         0            0         67%        3           1      0
  total                 sales        0    0       0         0         0      0         0            0         60%        5           2      1
