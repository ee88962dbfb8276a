Counters in every format and scope; group progress; a responsible who left is flagged.

  $ mkstore
  $ export TALLY_USER=anna
  $ tally person add masha --name "Мария Кузнецова" --email masha@example.ru --role manager --dept tender >/dev/null
  $ tally task add "Обновить прайс" --to dept:sales --due "пн 18:00" --review >/dev/null
  $ G=$(tally task list --format json | jq -r '.[0].group')
  $ tally task add "Подготовить тендер" --to masha --due 2026-11-26 --allow-past >/dev/null
  $ tally task add "Запланировать встречи" --to ivan >/dev/null

Only the named person, or a department; everyone active when nobody can be identified (cron, CI).

  $ tally counters --person masha
  WHO                      DEPT    OVERDUE  NEW  REVIEW  COMMENTS  DEFERRED  TOTAL  DUE SOON  NO DEADLINE
  Мария Кузнецова (masha)  tender        1    1       0         0         0      2         0            0
  $ tally counters --dept sales --format csv
  WHO,DEPT,OVERDUE,NEW,REVIEW,COMMENTS,DEFERRED,TOTAL,DUE SOON,NO DEADLINE\r (esc)
  anna,sales,0,0,0,0,0,0,0,1\r (esc)
  ivan,sales,0,2,0,0,0,2,1,0\r (esc)
  petr,sales,0,1,0,0,0,1,1,0\r (esc)
  total,sales,0,3,0,0,0,3,2,1\r (esc)
  $ TALLY_USER= tally counters --format json | jq -c '.people[].login, .departments'
  "anna"
  "ivan"
  "petr"
  "masha"
  [{"department":"sales","counters":{"overdue":0,"new":3,"review":0,"comments":0,"deferred":0,"total":3,"due_soon":2,"no_deadline":1}},{"department":"tender","counters":{"overdue":1,"new":1,"review":0,"comments":0,"deferred":0,"total":2,"due_soon":0,"no_deadline":0}}]
  $ TALLY_USER=ivan tally counters --format yaml
  now: "2026-11-27T10:00:00+03:00"
  people:
    - login: ivan
      name: Иван Петров
      department: sales
      counters:
        overdue: 0
        new: 2
        review: 0
        comments: 0
        deferred: 0
        total: 2
        due_soon: 1
        no_deadline: 0
  departments:
    - department: sales
      counters:
        overdue: 0
        new: 2
        review: 0
        comments: 0
        deferred: 0
        total: 2
        due_soon: 1
        no_deadline: 0
  needs_reassignment: []

--fail-on names the counters that must be zero.

  $ tally counters --fail-on review >/dev/null; echo $?
  0
  $ tally counters --fail-on new >/dev/null; echo $?
  1
  $ tally counters --fail-on late
  tally: error: --fail-on: late not in {overdue,new,review,comments,deferred,total,due_soon,no_deadline}
  hint: run 'tally counters --help'
  [2]
  $ tally counters --period 2026-13
  tally: error: '2026-13' is not a month such as 2026-11
  [2]
  $ tally counters --person vasya
  tally: error: unknown person 'vasya'
  hint: known people: anna, ivan, petr, olga, masha
  [2]

A department-wide assignment: n of m done, who is late.

  $ TALLY_USER=ivan tally task done $(tally task list --group $G --to ivan --format json | jq -r '.[0].id') >/dev/null
  $ tally task accept $(tally task list --group $G --to ivan --format json | jq -r '.[0].id') >/dev/null
  $ TALLY_NOW=2026-12-01T09:00:00+03:00 tally task list --group $G --status all | tail -1 | sed 's/G-[0-9A-Z]*/G/'
  G: 1 of 2 done; late: petr

petr leaves: his open tasks are flagged for reassignment until someone takes them over.

  $ sed -i '/login: petr/,/active/ s/active: true/active: false/' people.yaml && git commit -qam "petr left"
  $ tally counters --dept sales | tail -3
  
  needs reassignment (the responsible is inactive):
    T-[0-9A-Z]{10}  petr  Обновить прайс (re)
  $ tally task list --to petr --format table | tail -1
  T-[0-9A-Z]{4}  new     30\.11\.2026 18:00        petr \(inactive\)        Обновить прайс (re)
  $ P=$(tally task list --to petr --format json | jq -r '.[0].id')
  $ tally task reassign $P --to ivan >/dev/null
  $ tally counters --format json | jq '.needs_reassignment | length'
  0

Someone who is not in people.yaml cannot act on a task.

  $ snapshot
  $ TALLY_USER=zed tally task ack $P
  tally: error: TALLY_USER is 'zed', who is not in people.yaml
  hint: known people: anna, ivan, petr, olga, masha
  [2]
  $ TALLY_USER=petr tally task ack $P
  tally: error: petr is not active in people.yaml, so cannot change the store
  hint: a head can set 'active: true' on their entry
  [2]
  $ unchanged
