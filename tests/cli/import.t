Importing CRM records from Bitrix24 CSV exports (fixtures in tests/import/, in Bitrix24's layout:
UTF-8 with a BOM, ';', every value quoted, every line ending in ';').

  $ mkstore
  $ export TALLY_USER=anna IMPORT="$SCHEMAS/../import"
  $ rm deals/1042.yaml && git commit -qam "start without deals"
  $ tally import companies "$IMPORT/companies_ru.csv" | tail -1
  import companies from companies_ru.csv: 1 added, 1 updated
  $ cat companies/18.yaml
  id: "18"
  title: АО «Новый клиент»
  owner: petr
  created: 2026-10-15T12:00:00+03:00
  fields:
    type: Клиент
    inn: "7709876543"
  $ tally import contacts "$IMPORT/contacts_ru.csv" >/dev/null && cat contacts/302.yaml
  id: "302"
  title: Ольга Игоревна Новикова
  owner: petr
  created: 2026-10-02T11:00:00+03:00
  fields:
    company_name: Неизвестная компания
    position: Закупки

Russian headers: responsible people by name, companies by title, money with no-break spaces,
currency names, stage names, dates dd.mm.yyyy. An unknown person rejects the row and is listed;
unknown columns are listed; a won deal closing in the future is a warning.

  $ tally import deals "$IMPORT/deals_ru.csv"
  deals_ru.csv: UTF-8 with BOM, ';' between values, 5 rows
  RESULT     RECORDS
  added            4
  updated          0
  unchanged        0
  rejected         1
  rejected: line 7, ID 1046: the responsible 'Мария Кузнецова' is not in people.yaml
  warning: unknown columns, not imported: Поле UF_CRM_1700000000
  warning: deal 1044 is won but closes on 04.12.2026 00:00, in the future (Bitrix24 fills the close date with creation + 7 days)
  not in people.yaml: Мария Кузнецова (1 row)
  hint: add them with 'tally person add', or import again with --add-people
  import deals from deals_ru.csv: 4 added, 0 updated
  [1]
  $ cat deals/1043.yaml
  id: "1043"
  title: Серверы для филиала "Север"
  company: "17"
  contact: "301"
  owner: petr
  stage: won
  amount: "4900000.50"
  currency: RUB
  created: 2026-11-02T09:00:00+03:00
  closed: 2026-11-20T00:00:00+03:00
  fields:
    source: Сайт
    region: spb
    comment: Первая строка вторая строка; с точкой с запятой
  log:
    - at: 2026-11-27T10:00:00+03:00
      by: anna
      event: imported
      stage: won
  $ git log -1 --format='%s' --stat | tail -1
   4 files changed, 64 insertions(+)
  $ tally import deals "$IMPORT/deals_ru.csv" --add-people | tail -2
  added as inactive managers: mariya.kuznetsova (Мария Кузнецова, 1 row)
  import deals from deals_ru.csv: 1 added, 0 updated, 1 person added to people.yaml
  $ grep -A5 "login: mariya" people.yaml
    - login: mariya.kuznetsova
      name: Мария Кузнецова
      role: manager
      active: false
  $ git show --stat --format=%s HEAD | grep -c yaml
  3

A second run of the same file changes nothing and says so: no commit.

  $ before=$(git rev-list --count HEAD)
  $ tally import deals "$IMPORT/deals_ru.csv" | sed -n '3,6p;$p'
  added            0
  updated          0
  unchanged        5
  rejected         0
  nothing to change
  $ test "$(git rev-list --count HEAD)" = "$before" && git status --porcelain

The next day's export: a stage change goes into the deal's log, a changed amount updates, a new deal
is added, deals missing from the file are left alone. One commit.

  $ export TALLY_NOW=2026-11-28T09:30:00+03:00
  $ tally import deals "$IMPORT/deals_ru_day2.csv" --dry-run | sed -n '1,6p'
  deals_ru_day2.csv: UTF-8 with BOM, ';' between values, 4 rows; a dry run, nothing written
  RESULT     RECORDS
  added            1
  updated          2  1 with a new stage
  unchanged        1
  rejected         0
  $ unchanged_check=$(git status --porcelain); echo "[$unchanged_check]"
  []
  $ tally import deals "$IMPORT/deals_ru_day2.csv" | tail -1
  import deals from deals_ru_day2.csv: 1 added, 2 updated, 1 stage change
  $ test "$(git rev-list --count HEAD)" = "$((before + 1))" && echo one commit
  one commit
  $ sed -n '/^log:/,$p' deals/1042.yaml
  log:
    - at: 2026-11-27T10:00:00+03:00
      by: anna
      event: imported
      stage: negotiation
    - at: 2026-11-28T09:30:00+03:00
      by: anna
      event: stage
      from: negotiation
      to: final
  $ grep amount deals/1044.yaml; ls deals
  amount: "360000.00"
  1042.yaml
  1043.yaml
  1044.yaml
  1045.yaml
  1046.yaml
  1047.yaml

The same export from an old self-hosted Bitrix24: Windows-1251, no BOM. Nothing differs.

  $ tail -c +4 "$IMPORT/deals_ru_day2.csv" | iconv -f UTF-8 -t WINDOWS-1251 > deals-1251.csv
  $ tally import deals deals-1251.csv | sed -n '1p;3,6p'; rm deals-1251.csv
  deals-1251.csv: WINDOWS-1251, ';' between values, 4 rows
  added            0
  updated          0
  unchanged        4
  rejected         0

English headers, ',' between values, mm/dd/yyyy am/pm dates, "Deal status" for won and lost,
responsible people by e-mail and by name in either word order; in Latin letters for leads.

  $ tally import deals "$IMPORT/deals_en.csv" | sed -n '1,6p'
  deals_en.csv: UTF-8, ',' between values, 3 rows
  RESULT     RECORDS
  added            3
  updated          0
  unchanged        0
  rejected         0
  $ grep -E "^(stage|owner|amount|currency|created|closed):" deals/2001.yaml deals/2002.yaml deals/2003.yaml
  deals/2001.yaml:owner: ivan
  deals/2001.yaml:stage: negotiation
  deals/2001.yaml:amount: "25000.00"
  deals/2001.yaml:currency: USD
  deals/2001.yaml:created: 2026-11-02T09:05:00+03:00
  deals/2002.yaml:owner: petr
  deals/2002.yaml:stage: won
  deals/2002.yaml:amount: "12500.50"
  deals/2002.yaml:currency: EUR
  deals/2002.yaml:created: 2026-11-03T14:30:00+03:00
  deals/2002.yaml:closed: 2026-11-20T00:00:00+03:00
  deals/2003.yaml:owner: ivan
  deals/2003.yaml:stage: analysis
  deals/2003.yaml:amount: "3000.00"
  deals/2003.yaml:currency: RUB
  deals/2003.yaml:created: 2026-11-04T00:00:00+03:00
  deals/2003.yaml:closed: 2026-11-11T00:00:00+03:00

Products exported with the deals: a deal repeats once per product row; it is one deal, not summed.

  $ tally import deals "$IMPORT/deals_products.csv"
  deals_products.csv: UTF-8 with BOM, ';' between values, 4 rows (1 repeated for products)
  RESULT     RECORDS
  added            2
  updated          0
  unchanged        0
  rejected         1
  rejected: line 5, ID 3001: ID 3001 appears again (first on line 2); the first row is kept
  import deals from deals_products.csv: 2 added, 0 updated
  [1]
  $ grep amount deals/3001.yaml
  amount: "300000.00"

Another CRM through a mapping file.

  $ tally import deals "$IMPORT/amo_deals.csv" --map "$IMPORT/amo.yaml" | tail -1
  import deals from amo_deals.csv: 2 added, 0 updated
  $ grep -E "^(stage|amount|created)|region" deals/7001.yaml deals/7002.yaml
  deals/7001.yaml:stage: new
  deals/7001.yaml:amount: "1500000.00"
  deals/7001.yaml:created: 2026-11-25T10:00:00+03:00
  deals/7001.yaml:  region: Казань
  deals/7002.yaml:stage: won
  deals/7002.yaml:amount: "2000000.50"
  deals/7002.yaml:created: 2026-11-20T09:30:00+03:00
  deals/7002.yaml:  region: Москва
  $ printf 'columns:\n  budget: Бюджет\n' > bad-map.yaml
  $ tally import deals "$IMPORT/amo_deals.csv" --map bad-map.yaml; rm bad-map.yaml
  tally: error: bad-map.yaml:2:3: unknown field 'budget'; fields are id, title, stage, status, amount, currency, owner, company, contact, created, closed, first_name, last_name, middle_name, product, ignore and fields.NAME
        budget: Бюджет
        ^

Leads and contacts compose names; lead statuses become Bitrix24's status IDs.

  $ tally import leads "$IMPORT/leads_en.csv" | tail -1
  import leads from leads_en.csv: 2 added, 0 updated
  $ cat leads/501.yaml
  id: "501"
  title: "Website request: 40 laptops"
  owner: ivan
  stage: new
  amount: "1600000.00"
  currency: RUB
  created: 2026-11-25T10:00:00+03:00
  fields:
    company_name: Beta LLC
  log:
    - at: 2026-11-28T09:30:00+03:00
      by: anna
      event: imported
      stage: new

Bad rows are rejected with their line and reason; the good ones go in.

  $ tally import deals "$IMPORT/deals_broken.csv" --format json | jq -c '{added, rejected, rejections: [.rejections[] | [.line, .end_line, .reason]]}'
  {"added":4,"rejected":7,"rejections":[[3,3,"a quote inside a quoted value is not doubled"],[5,5,"it has 4 values, the header has 7"],[6,6,"ID 4001 appears again (first on line 2); the first row is kept"],[7,7,"unknown stage 'Оплачено'; add it to tally.yaml or name it under stages: in a --map file"],[8,8,"cannot read the amount '12.345.6'"],[9,9,"cannot read the date '31.02.2026' in 'Дата создания'"],[11,12,"a quote inside a quoted value is not doubled"]]}
  $ ls deals | grep -c '^400'
  3

Bad files change nothing.

  $ snapshot
  $ tally import deals "$IMPORT/empty.csv"
  tally: error: empty.csv is empty
  hint: export the list from the CRM again
  [2]
  $ tally import deals "$IMPORT/headers_only.csv" | sed -n '1p;$p'
  headers_only.csv: UTF-8 with BOM, ';' between values, 0 rows
  nothing to change
  $ printf 'PK\003\004\024\000\000\000\010\000\000\000' > export.zip && tally import deals export.zip
  tally: error: export.zip is not a CSV text file: it holds NUL bytes
  hint: export the list from the CRM as CSV (UTF-8 or Windows-1251)
  [2]
  $ head -c 3000 /dev/zero | tr '\0' '\001' > controls.bin && tally import deals controls.bin
  tally: error: controls.bin is not a CSV text file: it holds control characters
  hint: export the list from the CRM as CSV (UTF-8 or Windows-1251)
  [2]
  $ tally import deals "$IMPORT/companies_ru.csv"
  tally: error: companies_ru.csv has no column with the deal's title
  hint: its columns: ID, Название компании, Тип компании, Ответственный, Дата создания, Рабочий телефон, ИНН; name it in a --map file
  [2]
  $ tally import deals no-such.csv
  tally: error: cannot open no-such.csv: No such file or directory
  [2]
  $ tally import widgets "$IMPORT/deals_ru.csv" 2>&1 | head -1
  tally: error: kind: widgets not in {deals,companies,contacts,leads}
  $ sed 's/Иван Петров/Новый Человек/' "$IMPORT/deals_ru.csv" > strangers.csv
  $ TALLY_USER=ivan tally import deals strangers.csv --add-people
  tally: error: only a head adds people, and ivan is a manager
  hint: ask anna
  [2]
  $ rm -f export.zip controls.bin strangers.csv
  $ unchanged
