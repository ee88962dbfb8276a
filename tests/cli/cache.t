The records cache (.tally/cache) is never the truth: edits behind tally's back, deletions,
checkouts and a deleted cache are all seen at once.

  $ sample
  $ export TALLY_USER=anna
  $ show() { tally deal list --format json | jq -r '.[] | select(.id == "1029") | .amount'; }
  $ show
  312400.00
  $ ls .tally/cache
  deals.bin

Same size, same second: the amount changes one digit by hand.

  $ sed -i 's/^amount: "312400.00"/amount: "912400.00"/' deals/1029.yaml && show
  912400.00
  $ show
  912400.00

Deleted, restored by git, switched branch: every change seen.

  $ rm deals/1029.yaml && tally deal list --format json | jq 'map(.id) | index("1029")'
  null
  $ git checkout -q -- deals/1029.yaml && show
  312400.00
  $ git checkout -q -b other && sed -i 's/^amount: .*/amount: "1.00"/' deals/1029.yaml && git commit -qam cheap && show
  1.00
  $ git checkout -q - && show
  312400.00

A damaged or deleted cache is rebuilt; the answers stay the same.

  $ printf 'garbage' > .tally/cache/deals.bin && show
  312400.00
  $ rm -rf .tally && show
  312400.00
  $ tally plan check 2026-10 --format json | jq -r '.plans[0].segments[0].actual'
  3966500
  $ git status --porcelain

Tasks are cached the same way: a status changed by hand, a task removed, a checkout — all seen.

  $ st() { tally task list --status all --format json | jq -r '.[] | select(.id | startswith("T-048R")) | .status'; }
  $ st
  new
  $ f=$(ls tasks/*/*/T-048R*.yaml) && sed -i 's/^status: new$/status: acc/' $f && tally task list >/dev/null 2>&1; echo $?
  4
  $ sed -i 's/^status: acc$/status: new/' $f && st
  new
  $ git rm -q $f && st | wc -l
  0
  $ git checkout -q HEAD -- $f && st
  new
  $ tally task list --format json | jq length
  41

Reads of open tasks (list, counters) do not even decode closed ones from the cache, yet see a
task closed and reopened by hand at the same size within the same second (accepted and declined
are both eight letters), a commit checked out from the past, a branch switched, and a pull.

  $ open_n() { tally task list --format json | jq length; }
  $ open_n
  41
  $ t=$(tally task list --format json | jq -r '.[0].id') && f=$(ls tasks/*/*/$t.yaml)
  $ sed -i 's/^status: .*/status: accepted/' $f && git commit -qam accepted && open_n
  41
  $ sed -i 's/^status: accepted$/status: declined/' $f && open_n
  40
  $ sed -i 's/^status: declined$/status: accepted/' $f && open_n
  41
  $ sed -i 's/^status: accepted$/status: declined/' $f && git commit -qam "declined by hand" && open_n
  40
  $ git checkout -q HEAD~1 && open_n
  41
  $ git checkout -q - && open_n
  40
  $ git checkout -q -b reopen && sed -i 's/^status: declined$/status: accepted/' $f && git commit -qam reopen && open_n
  41
  $ git checkout -q - && open_n
  40
  $ git clone -q . ../other && (cd ../other && git merge -q origin/reopen && git log -1 --format=%s)
  reopen
  $ git pull -q ../other main && open_n
  41
  $ tally counters --format json | jq '[.people[].counters.new] | add'
  40

The counters from the cache are those of a cold read.

  $ warm=$(tally counters --format json) && rm -rf .tally && [ "$warm" = "$(tally counters --format json)" ] && echo same
  same

Plan check decodes only closed deals, yet a plan may match on a field that only an open deal
has; a field that no deal has is still an error.

  $ sed -i 's/^  region: msk$/  region: msk\n  channel: tender/' deals/1042.yaml && grep -c channel deals/*.yaml | grep -v ':0'
  deals/1042.yaml:1
  $ printf 'period: 2026-12\nmeasure: amount\nsegments:\n  - name: Тендеры\n    match:\n      channel: tender\n    target: "100.00"\n' > plans/2026-12.yaml
  $ tally plan check 2026-12 --final --format json | jq -r '.plans[0].segments[0].actual'
  0
  $ sed -i 's/channel: tender/colour: red/' plans/2026-12.yaml && tally plan check 2026-12 --final 2>&1 | head -1
  tally: error: plans/2026-12.yaml:6:7: unknown field 'colour' in match; fields: channel, company, contact, currency, department, id, lost_reason, owner, product, region, segment, stage, title
