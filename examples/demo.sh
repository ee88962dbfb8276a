#!/usr/bin/env bash
# make demo: tally's main job on a throw-away copy of the sample store.
# The sample store's "now" is Friday 27.11.2026 10:00 Moscow time; the head of sales is anna.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tally=${TALLY:-$here/../build/cli/tally}
work=$(mktemp -d /tmp/tally-demo.XXXXXX)
trap 'rm -rf "$work"' EXIT

cp -r "$here/store/." "$work"
cd "$work"
git init -q
git -c user.name=demo -c user.email=demo@example.org add -A
git -c user.name=demo -c user.email=demo@example.org commit -qm "sample store"
git config user.name "Анна Смирнова"
git config user.email anna.smirnova@vektor-it.ru   # git's e-mail tells tally who is acting
export TALLY_NOW=2026-11-27T10:00:00+03:00 NO_COLOR=1

tally() { "$tally" "$@"; }
show() {
  printf '\n$ %s\n' "$1"
  eval "$1"
}
echo "A copy of examples/store in $work, seen on Friday 27.11.2026 10:00 (TALLY_NOW) by anna, the head of sales."
show 'tally person list'
show 'tally task list --overdue'
show 'tally task list --to ivan'
show 'tally task add "Подготовить КП на 25 ноутбуков к понедельнику" --deal 1042 --due "пн 12:00" --review --priority high'
id=$(tally task list --by anna --format json | jq -r 'max_by(.created) | .id')
show 'tally task show "${id:0:6}"'
show 'tally task add "Обновить прайс в CRM до конца месяца" --to dept:sales --due eom'
show 'TALLY_USER=ivan tally            # the dashboard of a manager'
show "tally counters --period 2026-11"
# plan check exits 1 when a segment deviates: that is what fails a CI job.
show "tally plan check 2026-11 || echo \"(exit \$?: a segment is out of tolerance)\""
show "git log --format='%h %an: %s' -3"
