Text cells that a spreadsheet would run as a formula (they begin with =, +, -,
@, TAB or CR) are guarded with a leading ' in every CSV output, export and
--format csv alike; numbers stay numbers; --raw writes every cell as it is.
Read back by Python's csv module.

  $ mkstore
  $ export TALLY_USER=anna
  $ tally deal add '=HYPERLINK("http://x","y")' --id 2001 --company 17 --owner ivan --field delta=-1500.00 >/dev/null
  $ tally deal add "+cmd|' /C calc'!A0" --id 2002 --company 17 --owner ivan --field delta=+7 >/dev/null
  $ tally deal add '@SUM(1)' --id 2003 --company 17 --owner ivan --field delta=-4.8% >/dev/null
  $ tally deal add --id 2004 --company 17 --owner ivan --field delta=-x -- '-2+3' >/dev/null
  $ cat > $CASE_TMP/cells.py <<'PY'
  > import csv, sys
  > rows = list(csv.DictReader(sys.stdin))
  > for r in rows:
  >     r = {k.lower(): v for k, v in r.items()}
  >     print(repr(r["title"]), repr(r.get("fields.delta", "")))
  > PY
  $ tally export deals | python3 $CASE_TMP/cells.py
  'Поставка оборудования' ''
  '\'=HYPERLINK("http://x","y")' '-1500.00'
  "'+cmd|' /C calc'!A0" '+7'
  "'@SUM(1)" '-4.8%'
  "'-2+3" "'-x"
  $ tally export deals --raw | python3 $CASE_TMP/cells.py
  'Поставка оборудования' ''
  '=HYPERLINK("http://x","y")' '-1500.00'
  "+cmd|' /C calc'!A0" '+7'
  '@SUM(1)' '-4.8%'
  '-2+3' '-x'

A negative number is written bare, not quoted and not guarded.

  $ tally export deals | grep '^2001,'
  2001,"'=HYPERLINK(""http://x"",""y"")",17,,ivan,new,,RUB,2026-11-27T10:00:00+03:00,,,-1500.00\r (esc)

Tasks, in export and in task list --format csv, and a list of deals.

  $ for t in '=HYPERLINK("http://x","y")' "+cmd|' /C calc'!A0" '@SUM(1)' '-2+3'; do tally task add --to ivan --due friday -- "$t" >/dev/null; done
  $ tally export tasks | python3 $CASE_TMP/cells.py | sort
  "'+cmd|' /C calc'!A0" ''
  "'-2+3" ''
  "'@SUM(1)" ''
  '\'=HYPERLINK("http://x","y")' ''
  $ tally task list --format csv | python3 $CASE_TMP/cells.py | sort
  "'+cmd|' /C calc'!A0" ''
  "'-2+3" ''
  "'@SUM(1)" ''
  '\'=HYPERLINK("http://x","y")' ''
  $ tally task list --format csv --raw | python3 $CASE_TMP/cells.py | sort
  "+cmd|' /C calc'!A0" ''
  '-2+3' ''
  '=HYPERLINK("http://x","y")' ''
  '@SUM(1)' ''
  $ tally deal list --format csv | python3 -c 'import csv,sys; print([c for r in csv.reader(sys.stdin) for c in r if c and c[0] in "=+-@\x27"])'
  ['\'=HYPERLINK("http://x","y")', "'+cmd|' /C calc'!A0", "'@SUM(1)", "'-2+3"]
