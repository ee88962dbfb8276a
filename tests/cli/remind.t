Reminders: the daily digest, e-mail checked by Python's email parser, the calendar by python3-icalendar,
recurring tasks created once however often cron runs.

  $ mkstore
  $ export TALLY_USER=anna
  $ check_mail() { /usr/bin/python3 "$SCHEMAS/../mail/check_message.py" "$@"; }
  $ check_ics() { /usr/bin/python3 "$SCHEMAS/../mail/check_calendar.py" "$@"; }
  $ tally person add masha --name "Мария Кузнецова" --role manager --dept sales >/dev/null
  $ TALLY_NOW=2026-11-20T10:00:00+03:00 tally task add "Отправить акт сверки" --deal 1042 --due "пн 18:00" >/dev/null
  $ TALLY_NOW=2026-11-26T10:00:00+03:00 tally task add "Позвонить ЛПР" --to ivan --due "пт 12:00" >/dev/null
  $ tally task add "Собрать прайс" --to masha --due "пн 18:00" >/dev/null
  $ tally task add "Проверить договор" --to petr --review >/dev/null
  $ P=$(tally task list --to petr --format json | jq -r '.[0].id')
  $ TALLY_USER=petr tally task done $P --result "Договор проверен" >/dev/null

Nothing to say: silent, exit 0 (cron mails any output).

  $ TALLY_USER=petr tally remind --person petr --date 2026-11-27 --no-recur

Friday morning: ivan's act is late, his call is due today; anna has a result to check; the act is
late for more than escalate_after (2 working days), so anna sees it too.

  $ tally remind --date 2026-11-27 --no-recur --person ivan | sed -E 's/T-[0-9A-Z]{4}/T-____/'
  Иван Петров (ivan), 27.11.2026 09:00
  просрочено 1 · новых 2 · на проверке 0 · комментариев 0 · ждут решения 0 · скоро срок 1
  
  Просрочено (1):
    T-____  23.11.2026 18:00  Отправить акт сверки [deal/1042], опоздание 3 дн. 15 ч
  
  Срок сегодня (1):
    T-____  27.11.2026 12:00  Позвонить ЛПР
  $ tally remind --date 2026-11-27 --no-recur --format json | jq -c '.[] | [.login, .subject, (.escalations | map(.working_days_late))]'
  ["anna","Задачи на 27.11: 1 ждёт проверки, 1 эскалация",[4]]
  ["ivan","Задачи на 27.11: 1 просрочено, 1 на сегодня",[]]
  ["masha","Задачи на 27.11: 1 скоро срок",[]]

E-mail: one message per person in the outbox; masha has no address and is reported, not skipped in silence.

  $ tally remind --date 2026-11-27 --no-recur --outbox out
  wrote out/anna-2026-11-27.eml
  wrote out/ivan-2026-11-27.eml
  tally: warning: masha has no e-mail in people.yaml; the digest was not sent
  $ check_mail out/ivan-2026-11-27.eml --to ivan@example.ru --subject "Задачи на 27.11: 1 просрочено, 1 на сегодня" --body-contains "Отправить акт сверки" --body-contains "опоздание 3 дн. 15 ч"
  ok
  $ check_mail out/anna-2026-11-27.eml --to anna@example.ru --subject "Задачи на 27.11: 1 ждёт проверки, 1 эскалация" --body-contains "Эскалация"
  ok
  $ grep -c $'\r$' out/ivan-2026-11-27.eml | awk '{print ($1 > 10) ? "CRLF" : "no CRLF"}'
  CRLF
  $ git status --porcelain
  ?? out/

sendmail: each message piped to the command; a failure is reported per person and the others are still sent.

  $ cat > fake-sendmail <<'SH'
  > #!/bin/sh
  > msg=$(cat)
  > case "$msg" in *"To: =?UTF-8?B?0JjQstCw0L0g0J/QtdGC0YDQvtCy?= <ivan@example.ru>"*) echo "mailbox full" >&2; exit 75;; esac
  > printf '%s' "$msg" > "sent-$(date +%N).eml"
  > SH
  $ chmod +x fake-sendmail
  $ tally remind --date 2026-11-27 --no-recur --sendmail "$PWD/fake-sendmail -t -oi"
  sent to anna <anna@example.ru>
  tally: error: /tmp/tally-case-.*/fake-sendmail -t -oi failed for ivan \(exit 75\): mailbox full (re)
  tally: warning: masha has no e-mail in people.yaml; the digest was not sent
  [3]
  $ ls sent-*.eml | wc -l
  1

The phone calendar: an event at each open deadline with an alarm; a finished task leaves as cancelled.

  $ tally calendar ivan --out ivan.ics
  $ check_ics ivan.ics --events 2 --alarm-minutes 60 --summary "Отправить акт сверки" --summary "Позвонить ЛПР"
  ok
  $ A=$(tally task list --to ivan --format json | jq -r '.[] | select(.title == "Позвонить ЛПР") | .id')
  $ TALLY_USER=ivan tally task done $A >/dev/null
  $ tally calendar ivan > ivan2.ics
  $ check_ics ivan2.ics --events 2 --uid "$A@Отдел-продаж" --cancelled "$A@Отдел-продаж"
  ok
  $ tally calendar vasya
  tally: error: unknown person 'vasya'
  hint: known people: anna, ivan, petr, olga, masha
  [2]

Recurring tasks: a template, and one instance per working day however often recur runs.

  $ tally task add "Заполнить отчёт по звонкам" --to ivan --every weekday --due "17:30" | sed -E 's/T-[0-9A-Z]{10}/T-__________/'
  created T-__________ for ivan, due 27.11.2026 17:30
  created T-__________ for ivan, due 27.11.2026 17:30 (today's repetition)
  $ tally task list --templates --format json | jq -r '.[] | .title + " / " + .status'
  Заполнить отчёт по звонкам / new
  $ tally recur | sed -E 's/T-[0-9A-Z]{10}/T-__________/'
  $ tally recur
  $ TALLY_NOW=2026-12-01T08:00:00+03:00 tally recur | sed -E 's/T-[0-9A-Z]{10}/T-__________/'
  created T-__________ for ivan, due 01.12.2026 17:30 — Заполнить отчёт по звонкам
  $ TALLY_NOW=2026-12-01T08:00:00+03:00 tally recur
  $ tally task list --to ivan --status all --format json | jq '[.[] | select(.title == "Заполнить отчёт по звонкам")] | length'
  2
  $ tally counters --person ivan --format json | jq '.people[0].counters.no_deadline'
  0

Two clones running recur on the same day make the same file: the merge has nothing to add.

  $ git clone -q . ../clone && cd ../clone && TALLY_NOW=2026-12-02T08:00:00+03:00 tally recur | wc -l && cd - >/dev/null
  1
  $ TALLY_NOW=2026-12-02T08:00:00+03:00 tally recur | wc -l
  1
  $ git pull -q --no-rebase ../clone main 2>&1; git status --porcelain | grep -v '^??' || echo clean
  clean
  $ tally task list --to ivan --status all --format json | jq '[.[] | select(.title == "Заполнить отчёт по звонкам")] | length'
  3

Cancelling the template ends the series.

  $ TPL=$(tally task list --templates --format json | jq -r '.[0].id')
  $ tally task cancel $TPL >/dev/null
  $ TALLY_NOW=2026-12-03T08:00:00+03:00 tally recur
  $ tally task add "x" --to ivan --every daily
  tally: error: cannot read the repetition 'daily'
  hint: use weekday, mon,thu, "month 1" or "month last"
  [2]

A hand-edited rule that cannot be read is named with its file, line and column.

  $ f=$(ls tasks/*/*/$TPL.yaml) && sed -i 's/^recur: .*/recur: monthly/' $f
  $ tally recur 2>&1 | head -3 | sed -E 's/T-[0-9A-Z]{10}/T-__________/g'
  tally: error: tasks/2026/11/T-__________.yaml:9:8: cannot read the repetition 'monthly'; use weekday, mon,thu, "month 1" or "month last"
      recur: monthly
             ^
  $ git checkout -q -- tasks

Without a git identity (a bare cron user) the recurring tasks cannot be committed: a warning, and the digests still go out.

  $ TALLY_NOW=2026-12-07T08:00:00+03:00 tally task add "Еженедельный прогноз" --to ivan --every mon >/dev/null
  $ TALLY_NOW=2026-12-14T08:00:00+03:00 HOME=/nonexistent tally remind --person ivan --format json 2>&1 >/dev/null | cut -c1-60
  tally: warning: recurring tasks were not made: git commit fa
  $ TALLY_NOW=2026-12-14T08:00:00+03:00 HOME=/nonexistent tally remind --person ivan --format json 2>/dev/null | jq -r '.[0].login'
  ivan
  $ git status --porcelain | grep -v '^??' || echo clean
  clean
