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
  2
  $ sed -i 's/^status: acc$/status: new/' $f && st
  new
  $ git rm -q $f && st | wc -l
  0
  $ git checkout -q HEAD -- $f && st
  new
  $ tally task list --format json | jq length
  41
