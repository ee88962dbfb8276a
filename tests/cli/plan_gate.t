A plan gate that teams keep on (issue 14): before judge_after a running period is shown but not
judged (status early, exit 0); --fail-on chooses which side fails; segments have their own
tolerance and match one of several values; a match value no deal has is a warning; the figure
never contradicts the status; several plans are one CSV; a day with no plan is not a failure.

October 2026 has 22 working days (Monday to Friday, no holidays in this store). Wednesday 7.10 is
the 5th of them (22.7% of the period), Thursday 15.10 the 11th (50%).

  $ export TALLY_NOW=2026-10-01T09:00:00+03:00 TALLY_USER=anna
  $ mkstore
  $ d() { tally deal add "$1" --id $2 --owner ivan --stage $3 --amount "$4" ${5:+--closed "$5"} --field region=$6 >/dev/null; }
  $ d "Большая поставка" 2001 won "1 000 000" "02.10.2026 12:00" msk
  $ d "Екатеринбург, лицензии" 2002 won "110 000" "05.10.2026 12:00" ekb
  $ d "Тюмень, ноутбуки" 2003 won "100 000" "06.10.2026 12:00" tyumen
  $ d "Пермь, серверы" 2004 negotiation "900 000" "" пермь
  $ mkdir -p plans && cat > plans/2026-10.yaml <<'YAML'
  > period: 2026-10
  > measure: amount
  > tolerance: 20 %
  > segments:
  >   - name: Москва
  >     match: {region: msk}
  >     target: 1 000 000
  >   - name: Урал и Сибирь
  >     match: {region: [ekb, tyumen]}
  >     target: 500 000
  >     tolerance: 10%
  > YAML
  $ git add plans && git commit -qm "plan 2026-10" && snapshot

The 5th working day: one big deal makes Москва +340% by pace, Урал и Сибирь +84.8%: both early,
exit 0, in every format.

  $ export TALLY_NOW=2026-10-07T10:00:00+03:00
  $ tally plan check
  plan 2026-10 · amount, RUB · tolerance 20% · 5 of 22 working days, early: judged by pace from 25% of the period
  SEGMENT           TARGET        PACE     ACTUAL  DEVIATION  PROJECTION  TOLERANCE  STATUS  ACTUAL vs │PACE
  Москва         1 000 000  227 272,73  1 000 000    +340.0%   4 400 000        20%  early   █████│███████████████
  Урал и Сибирь    500 000  113 636,36    210 000     +84.8%     924 000        10%  early   ███████████│█████████
  $ tally plan check --format json | jq -c '.plans[0] | [.judged, .judge_after_percent, .failed, (.segments[] | [.name, .status, .fails, .judged_deviation_percent, .tolerance_percent])]'
  [false,25,false,["Москва","early",false,340,20],["Урал и Сибирь","early",false,84.8,10]]
  $ tally plan check --format csv | python3 -c 'import csv, sys; [print(r["PERIOD"], r["SEGMENT"], r["STATUS"], r["FAILS"]) for r in csv.DictReader(sys.stdin)]'
  2026-10 Москва early false
  2026-10 Урал и Сибирь early false
  $ tally plan check --format md
  ### ✅ plan 2026-10 · amount, RUB · tolerance 20% · 5 of 22 working days, early: judged by pace from 25% of the period
  
  | Segment | Target | Pace | Actual | Deviation | Tolerance | Status |
  | --- | ---: | ---: | ---: | ---: | ---: | --- |
  | Москва | 1 000 000 | 227 272,73 | 1 000 000 | +340.0% | 20% | _early_ |
  | Урал и Сибирь | 500 000 | 113 636,36 | 210 000 | +84.8% | 10% | _early_ |
  
  $ tally plan check --format junit > early.xml; echo exit $?
  exit 0
  $ xmllint --noout --schema "$SCHEMAS/junit.xsd" early.xml
  early.xml validates
  $ xmllint --xpath 'concat(count(//testcase/skipped), " skipped, ", count(//failure), " failures, suite says ", //testsuite/@skipped)' early.xml; echo
  2 skipped, 0 failures, suite says 2
  
  $ xmllint --xpath 'string(//testcase[@name="Москва"]/skipped/@message)' early.xml; echo
  early: actual 1 000 000 is +340.0% from the pace 227 272,73 (tolerance 20%); not judged before 25% of the period (5 of 22 working days so far)
  
  $ rm early.xml

--judge-after (and judge_after in the plan or tally.yaml) moves the moment; 0% judges at once.

  $ tally plan check --judge-after 0 --format json | jq -c '[.plans[0].judged, (.plans[0].segments[] | .status)]'
  [true,"over","over"]
  $ sed -i 's/^tolerance: .*/&\njudge_after: 20%/' tally.yaml && tally plan check --format json | jq -c '[.plans[0].judge_after_percent, (.plans[0].segments[] | .status)]'
  [20,"over","over"]
  $ sed -i 's/^measure: amount/&\njudge_after: 50%/' plans/2026-10.yaml && tally plan check --format json | jq -c '[.plans[0].judge_after_percent, (.plans[0].segments[] | .status)]'
  [50,"early","early"]
  $ git checkout -q -- tally.yaml plans/2026-10.yaml

The 15th: half the period is gone, the check judges by pace and exits 1. Москва is over; Урал и
Сибирь is -16% from its pace, ok at the plan's 20% but under its own 10%.

  $ export TALLY_NOW=2026-10-15T10:00:00+03:00
  $ tally plan check
  plan 2026-10 · amount, RUB · tolerance 20% · 11 of 22 working days, judged by pace
  SEGMENT           TARGET     PACE     ACTUAL  DEVIATION  PROJECTION  TOLERANCE  STATUS  ACTUAL vs │PACE
  Москва         1 000 000  500 000  1 000 000    +100.0%   2 000 000        20%  over    ██████████│██████████
  Урал и Сибирь    500 000  250 000    210 000     -16.0%     420 000        10%  under   █████████████████░░░│
  [1]
  $ tally plan check --format junit | xmllint --xpath 'count(//failure)' -; echo
  2
  

--fail-on under ignores an over segment, --fail-on over an under one; the status is still shown.
--tolerance is every segment's for the run.

  $ tally plan check --fail-on over --format json | jq -c '[.plans[0].fail_on, .failed, (.plans[0].segments[] | [.status, .fails])]'
  ["over",true,["over",true],["under",false]]
  $ tally plan check --fail-on under --tolerance 20% --format json | jq -c '[.failed, (.plans[0].segments[] | [.status, .fails, .tolerance_percent])]'
  [false,["over",false,20],["ok",false,20]]
  $ tally plan check --fail-on under --tolerance 20%
  plan 2026-10 · amount, RUB · tolerance 20% · 11 of 22 working days, judged by pace · fails on under only
  SEGMENT           TARGET     PACE     ACTUAL  DEVIATION  PROJECTION  STATUS  ACTUAL vs │PACE
  Москва         1 000 000  500 000  1 000 000    +100.0%   2 000 000  over    ██████████│██████████
  Урал и Сибирь    500 000  250 000    210 000     -16.0%     420 000  ok      █████████████████░░░│
  $ tally plan check --fail-on under --tolerance 20% --format md | grep Москва
  | Москва | 1 000 000 | 500 000 | 1 000 000 | +100.0% | _over_ |

A list is "one of": plan edit makes one from a field given twice, and writes it in block style.

  $ before=$(git rev-parse HEAD)
  $ tally plan edit 2026-10 --segment "Урал и Сибирь" --match region=ekb --match region=tyumen --match region=kurgan >/dev/null
  $ sed -n '/Урал/,$p' plans/2026-10.yaml
    - name: Урал и Сибирь
      match:
        region:
          - ekb
          - tyumen
          - kurgan
      target: "500000.00"
      tolerance: 10%
  $ tally plan show 2026-10 --format json | jq -c '.segments[1].match'
  {"region":["ekb","tyumen","kurgan"]}

A match value that no deal in the store has ever had is a warning with a did-you-mean, on stderr;
tally check says so too. An open deal's value counts as seen (Пермь has no sale yet: no warning).

  $ tally plan edit 2026-10 --segment "Пермь" --match region=перьм --target 300000 >/dev/null
  $ tally plan edit 2026-10 --segment "Пермь, верно" --match region=пермь --target 300000 >/dev/null
  $ tally plan check --format json 2>&1 >/dev/null
  tally: warning: plans/2026-10.yaml:14:11: no deal has region 'kurgan', so «Урал и Сибирь» counts nothing by it; values of region: ekb, msk, tyumen, пермь
  tally: warning: plans/2026-10.yaml:19:15: no deal has region 'перьм', so «Пермь» counts nothing by it; did you mean 'пермь'? values of region: ekb, msk, tyumen, пермь
  [1]
  $ tally check | grep -A3 перьм
  warning: plans/2026-10.yaml:19:15: no deal has region 'перьм', so «Пермь» counts nothing by it; did you mean 'пермь'? values of region: ekb, msk, tyumen, пермь
            region: перьм
                    ^
  checked 9 files: 0 errors, 2 warnings
  $ git reset -q --hard $before

The overlap note names every segment once and counts right: deal 2001 is in three segments, so a
total of the segments counts it three times.

  $ tally plan edit 2026-10 --segment "Все сделки" --match owner=ivan --target 1500000 >/dev/null
  $ tally plan check 2026-10 | grep '^note:'
  note: deals 2001, 2002, 2003 are in more than one segment, so a total of the segments would count these 3 deals 6 times; shared deals per segment: «Москва» 1, «Урал и Сибирь» 2, «Все сделки» 3
  $ tally plan edit 2026-10 --segment "Только Москва" --match region=msk --target 1000000 >/dev/null
  $ tally plan check 2026-10 --format json | jq -c '.plans[0].overlaps[0]'
  {"deal":"2001","segments":["Москва","Все сделки","Только Москва"]}
  $ tally plan check 2026-10 | grep '^note:'
  note: deals 2001, 2002, 2003 are in more than one segment, so a total of the segments would count these 3 deals 7 times; shared deals per segment: «Москва» 1, «Урал и Сибирь» 2, «Все сделки» 3, «Только Москва» 1
  $ git reset -q --hard $before

The figure never contradicts the status: a finished September 20.004% short of a 20% tolerance
is shown with as many digits as it takes, and exactly 20% short is ok.

  $ d "Сентябрь, ровно" 2005 won "800 000" "10.09.2026 12:00" spb
  $ d "Сентябрь, чуть меньше" 2006 won "799 960" "10.09.2026 12:00" nsk
  $ d "Сентябрь, меньше" 2007 won "799 600" "10.09.2026 12:00" kzn
  $ cat > plans/2026-09.yaml <<'YAML'
  > period: 2026-09
  > measure: amount
  > segments:
  >   - name: Ровно на допуске
  >     match: {region: spb}
  >     target: 1 000 000
  >   - name: На волосок за допуском
  >     match: {region: nsk}
  >     target: 1 000 000
  >   - name: За допуском
  >     match: {region: kzn}
  >     target: 1 000 000
  > YAML
  $ tally plan check 2026-09
  plan 2026-09 · amount, RUB · tolerance 20% · period over, judged by target
  SEGMENT                    TARGET   ACTUAL  DEVIATION  STATUS  ACTUAL vs │TARGET
  Ровно на допуске        1 000 000  800 000     -20.0%  ok      ████████████████░░░░│
  На волосок за допуском  1 000 000  799 960   -20.004%  under   ████████████████░░░░│
  За допуском             1 000 000  799 600    -20.04%  under   ████████████████░░░░│
  [1]
  $ tally plan check 2026-09 --format json | jq -c '[.plans[0].segments[] | [.judged_deviation_percent, .deviation_percent, .status]]'
  [[-20,-20,"ok"],[-20.004,-20,"under"],[-20.04,-20.04,"under"]]

Several plans, one CSV: a PERIOD column and the same columns for every plan (a month, a
quarter counted in deals), read by a CSV parser.

  $ tally plan add 2026-Q4 --measure count >/dev/null && tally plan edit 2026-Q4 --segment "Все" --match region=msk --target 3 >/dev/null
  $ tally plan check --format csv > all.csv; echo exit $?
  exit 1
  $ python3 -c 'import csv; rows = list(csv.reader(open("all.csv", newline=""))); print(rows[0]); [print(r[0], r[1], r[2], r[8]) for r in rows[1:]]'
  ['PERIOD', 'SEGMENT', 'TARGET', 'PACE', 'ACTUAL', 'DEVIATION', 'PROJECTION', 'TOLERANCE', 'STATUS', 'FAILS']
  2026-10 Москва 1000000.00 over
  2026-10 Урал и Сибирь 500000.00 under
  2026-Q4 Все 3 early
  $ rm all.csv

A day no plan covers (early January, before the year's plans exist) is a note and exit 0, with
valid empty output; --require-plan makes it an error.

  $ export TALLY_NOW=2027-01-11T10:00:00+03:00
  $ snapshot
  $ tally plan check
  tally: note: no plan covers 2027-01-11, so nothing was checked; plans: 2026-09, 2026-10, 2026-Q4; add one with 'tally plan add'
  $ tally plan check --format json 2>/dev/null | jq -c .
  {"as_of":"2027-01-11T10:00:00+03:00","plans":[],"failed":false}
  $ tally plan check --format junit 2>/dev/null | xmllint --xpath 'string(/testsuites/@tests)' -; echo
  0
  
  $ tally plan check --require-plan
  tally: error: no plan covers 2027-01-11
  hint: plans: 2026-09, 2026-10, 2026-Q4; add one with 'tally plan add' (--require-plan)
  [2]
  $ unchanged

Bad input: the message, exit 2, nothing changed.

  $ tally plan check 2026-10 --judge-after 120%
  tally: error: --judge-after 120% is out of range
  hint: a share of the period is 0% to 100%, such as 25%
  [2]
  $ tally plan check 2026-10 --judge-after 0.2
  tally: error: --judge-after '0.2' is not a percentage
  hint: a whole percentage such as 25%; whole percent only, and a fraction such as 0.2 is not read as 20%
  [2]
  $ tally plan check 2026-10 --fail-on sideways
  tally: error: --fail-on 'sideways' is not a choice
  hint: under (fail when short of the plan), over (when beyond it, unplanned sales included) or any (both, the default)
  [2]
  $ tally plan check 2026-10 --tolerance -5%
  tally: error: --tolerance '-5%' is not a percentage
  hint: a whole percentage such as 20%; without a minus (a tolerance is 0% to 1000%)
  [2]
  $ tally plan edit 2026-10 --segment Москва --segment-tolerance 2000%
  tally: error: --segment-tolerance 2000% is out of range
  hint: a tolerance is 0% to 1000%, such as 20%
  [2]
  $ unchanged

An empty match list in a plan file: file:line:column from the plan loader and from tally check.
A bad per-segment tolerance and a bad judge_after in the plan file are listed with it.

  $ cat > plans/2026-11.yaml <<'YAML'
  > period: 2026-11
  > judge_after: 150%
  > segments:
  >   - name: Тюмень и Курган
  >     match: {region: []}
  >     target: 1 000 000
  >     tolerance: twenty
  > YAML
  $ snapshot
  $ tally plan check 2026-11
  tally: error: plans/2026-11.yaml:2:14: 'judge_after' is 150%: a share of the period is 0% to 100%
      judge_after: 150%
                   ^
    plans/2026-11.yaml:5:21: the list of 'region' in match is empty, so no deal could match; name one value or more, such as [tyumen, kurgan]
          match: {region: []}
                          ^
    plans/2026-11.yaml:7:16: 'tolerance' must be a percentage such as 20%
          tolerance: twenty
                     ^
  [2]
  $ tally check | grep -A2 '^error'
  error: plans/2026-11.yaml:2:14: 'judge_after' is 150%: a share of the period is 0% to 100%
      judge_after: 150%
                   ^
  $ tally check | grep -c 'plans/2026-11.yaml:5:21: the list of .region. in match is empty'
  1
  $ tally check >/dev/null; echo exit $?
  exit 1
  $ unchanged
  $ rm plans/2026-11.yaml

A bad judge_after in tally.yaml: every command that reads the settings refuses, with the spot.

  $ sed -i 's/^tolerance: .*/&\njudge_after: 25 percent/' tally.yaml && snapshot
  $ tally plan check 2026-10
  tally: error: tally.yaml:15:14: 'judge_after' must be a percentage such as 25%
      judge_after: 25 percent
                   ^
  [2]
  $ tally check | grep -c "tally.yaml:15:14: 'judge_after' must be a percentage"
  1
  $ unchanged
  $ git checkout -q -- tally.yaml

The accepted spellings are the same in tally.yaml, in plans and on the command line.

  $ sed -i 's/^tolerance: .*/tolerance: +15 %/' tally.yaml && tally plan check 2026-09 --as-of 2026-10-01 --format json | jq -c '.plans[0].tolerance_percent'
  15
  $ tally plan check 2026-09 --tolerance "25 %" --format json | jq -c '[.plans[0].tolerance_percent, .failed]'
  [25,false]

The samples guard the store. The pre-commit hook runs tally check, so a broken contact file (which
no listing command reads) does not get committed; the CI jobs run it too.

  $ git checkout -q -- tally.yaml
  $ tally contact add "Ольга Смирнова" --id 501 --company 17 >/dev/null
  $ cp "$EXAMPLES/ci/pre-commit" .git/hooks/pre-commit && chmod +x .git/hooks/pre-commit
  $ sed -i 's/^company: .*/company: [17/' contacts/501.yaml && git add contacts/501.yaml && snapshot
  $ git commit -qm "hand edit" > hook.out 2>&1; echo exit $?; grep -c '^error: contacts/501.yaml:4:6: ' hook.out; rm hook.out
  exit 1
  1
  $ unchanged
  $ git checkout -q HEAD -- contacts/501.yaml && git commit -qm "nothing broken" --allow-empty && git log -1 --format=%s
  checked 15 files: 0 errors, 0 warnings
  nothing broken
  $ grep -c 'tally check$' "$EXAMPLES/ci/github-actions.yml" "$EXAMPLES/ci/gitlab-ci.yml"
  .*/ci/github-actions.yml:1 (re)
  .*/ci/gitlab-ci.yml:1 (re)

The systemd timer fires at 08:30 in the store's time zone, whatever the server's.

  $ zone=$(sed -n 's/^timezone: //p' tally.yaml) && echo $zone
  Europe/Moscow
  $ grep '^OnCalendar=' "$EXAMPLES/cron/tally-remind.timer" | grep -c " $zone\$"
  1
  $ TZ=UTC systemd-analyze calendar --iterations=1 "$(sed -n 's/^OnCalendar=//p' "$EXAMPLES/cron/tally-remind.timer")" --base-time="2026-12-01 00:00 UTC" | sed -n 's/^ *Next elapse: //p'
  Tue 2026-12-01 05:30:00 UTC
