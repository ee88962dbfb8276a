Sales plans: the check that CI runs. Exit 1 when a segment is out of tolerance, 0 when none, 2 on bad data.

  $ sample
  $ export TALLY_USER=anna

The sample's November plan, as of Friday 27.11 (19 of 20 working days): judged by pace.

  $ tally plan check
  plan 2026-11 · amount, RUB · tolerance 20% · 19 of 20 working days, judged by pace
  SEGMENT                               TARGET       PACE     ACTUAL  DEVIATION    PROJECTION  STATUS     ACTUAL vs │PACE
  Москва, малый бизнес               1 500 000  1 425 000  1 356 000      -4.8%  1 427 368,42  ok         ███████████████████░│
  Москва, госсектор                  1 500 000  1 425 000  2 145 000     +50.5%  2 257 894,74  over       █████████████│███████
  Москва, корпоративные              3 000 000  2 850 000    312 400     -89.0%    328 842,11  under      ██░░░░░░░░░░░░░░░░░░│
  Санкт-Петербург                      700 000    665 000    684 000      +2.9%       720 000  ok         ███████████████████│█
  POS-терминалы (новое направление)          0          0    684 000                  720 000  unplanned  │████████████████████
  Иван Петров                        1 000 000    950 000    312 400     -67.1%    328 842,11  under      ███████░░░░░░░░░░░░░│
  note: deals 1029, 1035 are in more than one segment, so a total of the segments would count these 2 deals 4 times; shared deals per segment: «Москва, корпоративные» 1, «Санкт-Петербург» 1, «POS-терминалы (новое направление)» 1, «Иван Петров» 1
  
  plan 2026-Q4 · count of won deals · tolerance 25% · 41 of 64 working days, judged by pace
  SEGMENT                     TARGET  PACE  ACTUAL  DEVIATION  PROJECTION  STATUS  ACTUAL vs │PACE
  Все выигранные сделки           12     8       7      -8.9%          11  ok      ██████████████████░░│
  Отдел продаж, малый бизнес       4     3       3     +17.1%           5  ok      ████████████████████│
  note: deals 1021, 1035, 1038 are in more than one segment, so a total of the segments would count these 3 deals 6 times; shared deals per segment: «Все выигранные сделки» 3, «Отдел продаж, малый бизнес» 3
  [1]
  $ echo $?
  0
  $ tally plan check 2026-11 --format json | jq -c '.plans[0].segments[] | [.name, .target, .pace, .actual, .deviation_percent, .pace_deviation_percent, .status]'
  ["Москва, малый бизнес",1500000,1425000,1356000,-9.6,-4.84,"ok"]
  ["Москва, госсектор",1500000,1425000,2145000,43,50.53,"over"]
  ["Москва, корпоративные",3000000,2850000,312400,-89.59,-89.04,"under"]
  ["Санкт-Петербург",700000,665000,684000,-2.29,2.86,"ok"]
  ["POS-терминалы (новое направление)",0,0,684000,null,null,"unplanned"]
  ["Иван Петров",1000000,950000,312400,-68.76,-67.12,"under"]
  $ tally plan check 2026-11 --format csv
  PERIOD,SEGMENT,TARGET,PACE,ACTUAL,DEVIATION,PROJECTION,TOLERANCE,STATUS,FAILS\r (esc)
  2026-11,"Москва, малый бизнес",1500000.00,1425000.00,1356000.00,-4.84,1427368.42,20,ok,false\r (esc)
  2026-11,"Москва, госсектор",1500000.00,1425000.00,2145000.00,50.53,2257894.74,20,over,true\r (esc)
  2026-11,"Москва, корпоративные",3000000.00,2850000.00,312400.00,-89.04,328842.11,20,under,true\r (esc)
  2026-11,Санкт-Петербург,700000.00,665000.00,684000.00,2.86,720000.00,20,ok,false\r (esc)
  2026-11,POS-терминалы (новое направление),0.00,0.00,684000.00,,720000.00,20,unplanned,true\r (esc)
  2026-11,Иван Петров,1000000.00,950000.00,312400.00,-67.12,328842.11,20,under,true\r (esc)
  [1]
  $ tally plan check 2026-11 --format md
  ### ❌ plan 2026-11 · amount, RUB · tolerance 20% · 19 of 20 working days, judged by pace
  
  | Segment | Target | Pace | Actual | Deviation | Status |
  | --- | ---: | ---: | ---: | ---: | --- |
  | Москва, малый бизнес | 1 500 000 | 1 425 000 | 1 356 000 | -4.8% | ok |
  | Москва, госсектор | 1 500 000 | 1 425 000 | 2 145 000 | +50.5% | **over** |
  | Москва, корпоративные | 3 000 000 | 2 850 000 | 312 400 | -89.0% | **under** |
  | Санкт-Петербург | 700 000 | 665 000 | 684 000 | +2.9% | ok |
  | POS-терминалы (новое направление) | 0 | 0 | 684 000 |  | **unplanned** |
  | Иван Петров | 1 000 000 | 950 000 | 312 400 | -67.1% | **under** |
  
  > deals 1029, 1035 are in more than one segment, so a total of the segments would count these 2 deals 4 times; shared deals per segment: «Москва, корпоративные» 1, «Санкт-Петербург» 1, «POS-терминалы (новое направление)» 1, «Иван Петров» 1
  
  [1]

The month is over on 1 December: judged by the whole target; --final does the same while it runs.

  $ tally plan check 2026-11 --as-of 2026-12-01 --format json | jq -c '[.plans[0].running, (.plans[0].segments[] | .status)]'
  [false,"ok","over","under","ok","unplanned","under"]
  $ tally plan check 2026-11 --final --format json | jq -c '[.plans[0].running, (.plans[0].segments[] | .status)]'
  [false,"ok","over","under","ok","unplanned","under"]
  $ tally plan check 2026-10; echo exit $?
  plan 2026-10 · amount, RUB · tolerance 20% · period over, judged by target
  SEGMENT             TARGET     ACTUAL  DEVIATION  STATUS  ACTUAL vs │TARGET
  Екатеринбург     4 000 000  3 966 500      -0.8%  ok      ████████████████████│
  Санкт-Петербург  1 000 000  1 120 000     +12.0%  ok      ██████████████████│██
  exit 0
  $ tally plan check 2026-10 --tolerance 0%; echo exit $?
  plan 2026-10 · amount, RUB · tolerance 0% · period over, judged by target
  SEGMENT             TARGET     ACTUAL  DEVIATION  STATUS  ACTUAL vs │TARGET
  Екатеринбург     4 000 000  3 966 500      -0.8%  under   ████████████████████│
  Санкт-Петербург  1 000 000  1 120 000     +12.0%  over    ██████████████████│██
  exit 1

JUnit for CI: one testcase per segment, a failure for each out of tolerance; valid against the schema.

  $ tally plan check --all --format junit > report.xml; echo exit $?
  exit 1
  $ xmllint --noout --schema "$SCHEMAS/junit.xsd" report.xml
  report.xml validates
  $ xmllint --xpath 'count(//testcase)' report.xml; echo
  10
  
  $ xmllint --xpath '//testcase[failure]/@name' report.xml | tr ' ' '\n' | grep -c name=
  4
  $ xmllint --xpath 'string(//testcase[@name="Москва, госсектор"]/failure/@message)' report.xml; echo
  over: actual 2 145 000 is +50.5% from the pace 1 425 000 (tolerance 20%)
  

--explain shows where to look behind a flagged segment.

  $ tally plan check 2026-11 --explain | sed -n '/» Москва, корпоративные/,/^$/p'
  » Москва, корпоративные: under
    won deals behind the actual:
      DEAL  TITLE                                          OWNER   AMOUNT  CLOSED
      1029  Продление лицензий 1С:Предприятие на 2027 год  ivan   312 400  12.11.2026 18:00
    open deals by stage (days since created; no stage history yet):
      STAGE     DEAL  TITLE                                          OWNER     AMOUNT  IN STAGE  OPEN TASKS
      Новая     1053  Ноутбуки и мониторы для нового офиса, 40 мест  ivan   3 100 000        8d  yes
      Новая     1058  Аренда МФУ с обслуживанием, 10 шт.             ivan     540 000       17d  yes
      В работе  1042  Поставка ноутбуков для отдела продаж, 25 шт.   ivan   2 375 000       69d  yes
    counters of the segment's managers:
      WHO                 DEPT   OVERDUE  NEW  REVIEW  COMMENTS  DEFERRED  TOTAL  DUE SOON  NO DEADLINE
      Иван Петров (ivan)  sales        4    8       0         0         0     12         2            1
  

Plans are set by a head, one commit each; history says who changed which target when.

  $ tally plan add 2026-12 --measure amount --tolerance 15%
  plan 2026-12: created, measure amount, tolerance 15%
  $ TALLY_NOW=2026-11-28T10:00:00+03:00 tally plan edit 2026-12 --segment "Москва" --match region=msk --target "5 000 000"
  plan 2026-12: changed, added «Москва», target 5 000 000
  $ TALLY_NOW=2026-11-29T10:00:00+03:00 tally plan edit 2026-12 --segment "Москва" --target 6000000
  plan 2026-12: changed, changed «Москва», target 6 000 000
  $ tally plan edit 2026-12 --segment "Санкт-Петербург" --match region=spb --target "1,500,000.00"
  plan 2026-12: changed, added «Санкт-Петербург», target 1 500 000
  $ cat plans/2026-12.yaml
  period: 2026-12
  measure: amount
  tolerance: 15%
  segments:
    - name: Москва
      match:
        region: msk
      target: "6000000.00"
    - name: Санкт-Петербург
      match:
        region: spb
      target: "1500000.00"
  $ tally plan history 2026-12 --format json | jq -r '.[] | [.author, .segment, .change] | join(" | ")'
  Test Runner | Москва | added, target 5 000 000
  Test Runner | Москва | target 5 000 000 → 6 000 000
  Test Runner | Санкт-Петербург | added, target 1 500 000
  $ tally plan list
  PERIOD   MEASURE  TOLERANCE  JUDGE AFTER  SEGMENTS
  2026-10  amount         20%          25%         2
  2026-11  amount         20%          25%         6
  2026-12  amount         15%          25%         2
  2026-Q4  count          25%          25%         2
  $ tally plan show 2026-12 --format json | jq -c '.segments[]'
  {"name":"Москва","match":{"region":"msk"},"target":6000000,"actual":null,"tolerance_percent":null}
  {"name":"Санкт-Петербург","match":{"region":"spb"},"target":1500000,"actual":null,"tolerance_percent":null}
  $ TALLY_USER=ivan tally plan edit 2026-12 --segment "Москва" --target 1
  tally: error: only a head sets sales plans, and ivan is a manager
  [2]
  $ git status --porcelain
  ?? report.xml

Bad data: file:line:column, exit 2, nothing changed.

  $ snapshot
  $ tally plan check 2026-13
  tally: error: '2026-13' is not a plan period
  hint: a month 2026-11, a quarter 2026-Q4 or a year 2026
  [2]
  $ tally plan check 2027-01
  tally: error: no plan for 2027-01
  hint: plans: 2026-10, 2026-11, 2026-12, 2026-Q4
  [2]
  $ tally plan add 2026-12
  tally: error: there is already a plan for 2026-12
  hint: change it with 'tally plan edit'
  [2]
  $ tally plan edit 2026-12 --segment "Урал" --match regoin=ekb --target 1
  tally: error: unknown field 'regoin' in --match
  hint: did you mean region? fields: company, contact, currency, department, id, lost_reason, owner, product, region, segment, stage, title
  [2]
  $ tally plan edit 2026-12 --segment "Урал" --match region=ekb
  tally: error: a new segment needs --target
  hint: such as --target "12 000 000"
  [2]
  $ tally plan edit 2026-12 --segment "Урал" --match region=ekb --target "-5"
  tally: error: '-5' is negative: targets and actuals are zero or more
  [2]
  $ unchanged
  $ cat > plans/2027-01.yaml <<'YAML'
  > period: 2027-02
  > measure: amount
  > segments:
  >   - name: Москва
  >     match:
  >       regoin: msk
  >     target: -100
  >   - name: Москва
  >     match: {}
  > YAML
  $ tally plan check 2027-01
  tally: error: plans/2027-01.yaml:1:9: 'period' is 2027-02 but the file is named 2027-01.yaml
      period: 2027-02
              ^
    plans/2027-01.yaml:6:7: unknown field 'regoin' in match; did you mean 'region'? fields: company, contact, currency, department, id, lost_reason, owner, product, region, segment, stage, title
            regoin: msk
            ^
    plans/2027-01.yaml:7:13: 'target' must not be negative
          target: -100
                  ^
    plans/2027-01.yaml:8:5: the segment 'Москва' has no 'target'
        - name: Москва
          ^
    plans/2027-01.yaml:8:11: the segment name 'Москва' is taken by the one at line 4
        - name: Москва
                ^
  [2]
  $ rm plans/2027-01.yaml
  $ tally deal add "Контракт в долларах" --id 2001 --owner ivan --stage won --amount 1000 --currency USD --closed "20.11.2026 12:00" --field region=msk --field segment=b2b >/dev/null
  $ snapshot
  $ tally plan check 2026-11
  tally: error: deal 2001 is in USD, and plans/2026-11.yaml gives no rate for it
  hint: add rates: {USD: 92.50} to the plan
  [2]
  $ unchanged
  $ printf 'rates:\n  USD: "92.50"\n' >> plans/2026-11.yaml
  $ tally plan check 2026-11 --format json | jq -c '.plans[0].segments[] | select(.name == "Москва, корпоративные") | [.actual, .deals]'
  [404900,["1029","2001"]]
