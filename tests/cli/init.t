A new store: settings, an empty team, .gitignore, a git repository and one commit.

  $ tally init shop --name "Отдел продаж" --timezone Europe/Moscow
  created the store /tmp/tally-case-.*/work/shop \(time zone Europe/Moscow\) (re)
  initialized a git repository there
  next: tally person add LOGIN --name "Имя Фамилия" --email E --role head --dept sales
  $ cd shop
  $ ls -A
  .git
  .gitattributes
  .gitignore
  people.yaml
  tally.yaml
  $ git log --format='%an <%ae> %s'
  Test Runner <runner@example.org> store: created «Отдел продаж»
  $ git status --porcelain
  $ cat people.yaml
  people: []
  $ head -9 tally.yaml
  name: Отдел продаж
  timezone: Europe/Moscow
  currency: RUB
  workday:
    start: "09:00"
    end: "18:00"
  workweek:
    - mon
    - tue
  $ cat .gitignore
  # tally's local cache and lock: never the truth, never committed
  /.tally/

init over an existing store is refused and changes nothing.

  $ snapshot
  $ tally init .
  tally: error: /tmp/tally-case-.*/work/shop is already a tally store (re)
  hint: its settings are in /tmp/tally-case-.*/work/shop/tally.yaml (re)
  [2]
  $ unchanged

A store inside an existing repository: no new repository, the user's other work untouched.

  $ cd ..
  $ mkdir repo && cd repo && git init -q && echo draft > notes.txt && git add notes.txt
  $ tally init crm --timezone Asia/Yekaterinburg
  created the store /tmp/tally-case-.*/work/repo/crm \(time zone Asia/Yekaterinburg\) (re)
  next: tally person add LOGIN --name "Имя Фамилия" --email E --role head --dept sales
  $ git status --porcelain
  A  notes.txt
  $ git show --stat --format=%s HEAD | grep -v '^$'
  store: created «crm»
   crm/.gitattributes |  6 ++++++
   crm/.gitignore     |  2 ++
   crm/people.yaml    |  1 +
   crm/tally.yaml     | 39 +++++++++++++++++++++++++++++++++++++++
   4 files changed, 48 insertions(+)

An unknown time zone is refused before anything is written.

  $ tally init other --timezone Europe/Moskva
  tally: error: unknown time zone 'Europe/Moskva'
  hint: use a name such as Europe/Moscow
  [2]
  $ ls other
  ls: cannot access 'other': No such file or directory
  [2]

Outside any store, commands say how to create one.

  $ cd /tmp && tally task list
  tally: error: not inside a tally store (no tally.yaml here or in any folder above)
  hint: create one with 'tally init', or name one with --store DIR or TALLY_STORE
  [2]
  $ tally --store /tmp task list
  tally: error: /tmp is not a tally store (no tally.yaml in it, given by --store)
  hint: create one with 'tally init /tmp'
  [2]
  $ TALLY_STORE="$CASE_TMP/work/repo/crm" tally person list
  LOGIN  NAME  ROLE  DEPT  EMAIL  ACTIVE

The global --store names the folder too.

  $ cd "$CASE_TMP/work" && tally --store via-option init --timezone UTC | sed 's|/tmp/tally-case-[^/]*|TMP|'
  created the store TMP/work/via-option (time zone UTC)
  initialized a git repository there
  next: tally person add LOGIN --name "Имя Фамилия" --email E --role head --dept sales
