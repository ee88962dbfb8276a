#!/bin/sh
# import.sh TALLY: time and peak memory (RSS) of `tally import deals` on
#   1. a 50 000-row Bitrix24 export into an empty store (50 000 new deals, one commit);
#   2. the same file again (nothing changes, no commit);
#   3. a file of about 200 MB: 2 000 deals, each repeated on 40 product rows with a
#      1.7 KB multi-line comment (the file is large, the records few: memory must not
#      follow the file's size).
# Not part of ctest: it takes a minute or two. Needs GNU time (/usr/bin/time).
set -eu
tally=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/tally-import-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
export TALLY_NOW=2026-11-27T10:00:00+03:00 TALLY_USER=anna NO_COLOR=1
cd "$work"
"$tally" init store --name bench --timezone Europe/Moscow >/dev/null
cd store
git config user.email bench@example.org && git config user.name bench
"$tally" person add anna --name "Анна Смирнова" --email anna@example.ru --role head >/dev/null
"$tally" person add ivan --name "Иван Петров" --email ivan@example.ru --role manager >/dev/null
"$tally" person add petr --name "Пётр Сидоров" --email petr@example.ru --role manager >/dev/null
python3 "$here/gen_import.py" 50000 > "$work/deals50k.csv"
python3 "$here/gen_import.py" 2000 --products 40 --comment 1700 --seed 2 > "$work/deals200m.csv"

run() {  # label, then the command
  label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/out" || true
  read -r secs kb < "$work/time"
  printf '%-44s %7.2f s %8d KB peak RSS   %s\n' "$label" "$secs" "$kb" "$(tail -1 "$work/out")"
}
ls -l "$work"/deals*.csv | awk '{printf "%s: %d bytes\n", $NF, $5}'
run "50 000 rows, new deals" "$tally" import deals "$work/deals50k.csv"
run "50 000 rows, again (unchanged)" "$tally" import deals "$work/deals50k.csv"
run "200 MB, 80 000 rows, 2 000 deals" "$tally" import deals "$work/deals200m.csv"
run "200 MB again (unchanged)" "$tally" import deals "$work/deals200m.csv"
echo "commits: $(git rev-list --count HEAD)"
