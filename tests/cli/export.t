Export records and tasks as CSV (RFC 4180, our field names) or JSON (checked by jq); an export
imports back unchanged.

  $ mkstore
  $ export TALLY_USER=anna
  $ tally deal add "Серверы, стойки и \"кабели\"" --id 1050 --company 17 --owner petr --stage won --amount "4 900 000,50" --closed 25.11.2026 --field segment=b2b >/dev/null
  $ tally task add "Позвонить клиенту" --to ivan --deal 1042 --due 28.11.2026 >/dev/null
  $ tally export deals --format csv
  id,title,company,contact,owner,stage,amount,currency,created,closed,fields.region,fields.segment\r (esc)
  1042,Поставка оборудования,17,,ivan,negotiation,12000000.00,RUB,2026-11-27T10:00:00+03:00,,msk,\r (esc)
  1050,"Серверы, стойки и ""кабели""",17,,petr,won,4900000.50,RUB,2026-11-27T10:00:00+03:00,2026-11-25T18:00:00+03:00,,b2b\r (esc)
  $ tally export deals --format json | jq -c '.[] | {id, stage, amount, closed, fields}'
  {"id":"1042","stage":"negotiation","amount":"12000000.00","closed":null,"fields":{"region":"msk"}}
  {"id":"1050","stage":"won","amount":"4900000.50","closed":"2026-11-25T18:00:00+03:00","fields":{"segment":"b2b"}}
  $ tally export companies --format json | jq -r '.[0].title'
  ООО «Ромашка»
  $ tally export contacts --format csv
  id,title,company,owner,created\r (esc)
  $ tally export tasks --format csv | cut -d, -f3-5,9
  status,creator,responsible,deadline
  new,anna,ivan,2026-11-28T18:00:00+03:00
  $ tally export tasks --format json | jq -c '.[] | {title, responsible, link, log: (.log | length)}'
  {"title":"Позвонить клиенту","responsible":"ivan","link":"deal/1042","log":1}
  $ tally export deals --format csv > deals.csv && snapshot && tally import deals deals.csv | sed -n '3,6p;$p'
  added            0
  updated          0
  unchanged        2
  rejected         0
  nothing to change
  $ unchanged
  $ tally export widgets
  tally: error: kind: widgets not in {deals,companies,contacts,leads,tasks}
  hint: run 'tally export --help'
  [2]
