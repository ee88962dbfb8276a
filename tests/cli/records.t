CRM records: deals, companies, leads and contacts, one file each; imported IDs are kept.

  $ mkstore
  $ export TALLY_USER=anna
  $ tally contact add "Сергей Ковалёв" --id 301 --company 17 --field phone="+7 495 123-45-67"
  added contact 301 — Сергей Ковалёв
  $ tally lead add "Заявка с сайта: 40 ноутбуков" --owner petr --stage "новый"
  added lead L-[0-9A-Z]{10} — Заявка с сайта: 40 ноутбуков (re)
  $ tally deal add "Серверы для филиала" --id 1050 --company 17 --contact 301 --owner petr --stage "Сделка успешна" --amount 4,900,000.00 --closed "25.11.2026 15:00" --field region=spb --field segment=b2b
  added deal 1050 — Серверы для филиала
  $ cat deals/1050.yaml
  id: "1050"
  title: Серверы для филиала
  company: "17"
  contact: "301"
  owner: petr
  stage: won
  amount: "4900000.00"
  currency: RUB
  created: 2026-11-27T10:00:00+03:00
  closed: 2026-11-25T15:00:00+03:00
  fields:
    region: spb
    segment: b2b
  $ git log -1 --format=%s
  deal 1050: added — Серверы для филиала

Listings show stage names and amounts for people, exact values for programs.

  $ tally deal list
  ID    TITLE                  STAGE           OWNER      AMOUNT  COMPANY
  1042  Поставка оборудования  В работе        ivan   12 000 000  17
  1050  Серверы для филиала    Сделка успешна  petr    4 900 000  17
  $ tally deal list --owner petr --format json | jq -c '.[] | {id, stage, amount, fields}'
  {"id":"1050","stage":"won","amount":"4900000.00","fields":{"region":"spb","segment":"b2b"}}
  $ tally deal list --format csv
  ID,TITLE,STAGE,OWNER,AMOUNT,COMPANY\r (esc)
  1042,Поставка оборудования,negotiation,ivan,12000000.00,17\r (esc)
  1050,Серверы для филиала,won,petr,4900000.00,17\r (esc)
  $ tally deal show 105
  FIELD    VALUE
  id       1050
  title    Серверы для филиала
  company  17
  contact  301
  owner    petr
  stage    won (Сделка успешна)
  amount   4 900 000 RUB
  created  27.11.2026 10:00
  closed   25.11.2026 15:00
  region   spb
  segment  b2b
  $ tally company list
  ID  TITLE          OWNER
  17  ООО «Ромашка»  ivan
  $ tally contact list --format yaml
  - id: "301"
    kind: contact
    title: Сергей Ковалёв
    company: "17"
    contact: null
    owner: anna
    stage: null
    amount: null
    currency: null
    created: "2026-11-27T10:00:00+03:00"
    closed: null
    fields:
      phone: +7 495 123-45-67
  $ tally lead list --format json | jq -r '.[0].title'
  Заявка с сайта: 40 ноутбуков

Bad input changes nothing.

  $ snapshot
  $ tally deal add "Дубль" --id 1050
  tally: error: deal 1050 already exists
  [2]
  $ tally deal add "Плохая сумма" --amount "12.345.6"
  tally: error: cannot read the amount '12.345.6'
  hint: write it as 12000000, 12 000 000,50 or 12,000,000.50
  [2]
  $ tally deal add "Плохая стадия" --stage "подписание"
  tally: error: unknown stage 'подписание'
  hint: stages in tally.yaml: new, preparation, proposal, negotiation, final, won, lost, analysis
  [2]
  $ tally deal add "Чужая компания" --company 99
  tally: error: no company 99
  hint: known: 17
  [2]
  $ tally deal add "Без владельца" --owner vasya
  tally: error: unknown person 'vasya'
  hint: known people: anna, ivan, petr, olga
  [2]
  $ tally deal add "Плохой ID" --id ../../etc/passwd
  tally: error: '../../etc/passwd' is not a valid deal ID
  hint: use letters, digits, '-', '_' or '.' (at most 64), not starting with '.'
  [2]
  $ tally deal add "Поле" --field region
  tally: error: --field wants KEY=VALUE, not 'region'
  hint: such as --field region=msk
  [2]
  $ tally deal add "   "
  tally: error: a deal needs a one-line title
  [2]
  $ tally deal show 99
  tally: error: no deal 99
  hint: known: 1042, 1050
  [2]
  $ unchanged
