tally audit reads the history and reports what git cannot stop, with the rules of tally
guard(1): a log entry recorded for someone other than the commit's author, a transition the
person's role does not allow, history rewritten, fields that are not what the log leads to,
and people.yaml changed by someone who is not a head.

  $ mkstore
  $ as() { local who=$1; shift; GIT_AUTHOR_NAME=$who GIT_AUTHOR_EMAIL=$who@example.ru GIT_COMMITTER_EMAIL=$who@example.ru TALLY_USER=$who "$@"; }
  $ as anna tally task add "Позвонить в «Ромашку»" --to ivan --due 30.11 >/dev/null
  $ id=$(tally task list --format json | jq -r '.[0].id'); f=$(ls tasks/*/*/$id.yaml)
  $ start=$(git rev-parse HEAD)
  $ as ivan tally task start $id >/dev/null && as ivan tally task comment $id "Дозвонился, ждут КП" >/dev/null
  $ tally audit $start..HEAD
  read 2 commits, 2 new log entries: 0 problems

Petr runs tally as ivan (TALLY_USER) from his own clone: the entry says ivan, the commit says petr.

  $ GIT_AUTHOR_NAME=petr GIT_AUTHOR_EMAIL=petr@example.ru TALLY_USER=ivan tally task done $id >/dev/null

A hand edit: ivan accepts his own task (only the creator or a head may) and drops a comment.

  $ python3 -c "import sys,re;p=sys.argv[1];s=open(p).read();s=re.sub(r'  - at: [^\n]*\n    by: ivan\n    event: commented\n    text: [^\n]*\n','',s);open(p,'w').write(s+'  - at: 2026-11-27T10:00:00+03:00\n    by: ivan\n    event: accepted\n')" $f
  $ git -c user.name=ivan -c user.email=ivan@example.ru commit -qam "hand edit"
  $ tally audit $start..HEAD | sed -E 's/T-[0-9A-Z]{10}/T-ID/g; s/^[0-9a-f]{10}  [0-9-]{10}/HASH DATE/'
  COMMIT      DATE        AUTHOR                  FILE                             RULE         PROBLEM
  HASH DATE  petr <petr@example.ru>  tasks/2026/11/T-ID.yaml  author       'done' recorded as ivan but committed by petr (petr <petr@example.ru>)
  HASH DATE  ivan <ivan@example.ru>  tasks/2026/11/T-ID.yaml  append-only  the log entry 'commented' by ivan at 2026-11-27T10:00:00+03:00 was removed or changed
  HASH DATE  ivan <ivan@example.ru>  tasks/2026/11/T-ID.yaml  role         'accepted' by ivan is not allowed: only the creator (anna) or the head (anna) may do that
  read 4 commits, 4 new log entries: 3 problems

A manager makes himself head in people.yaml: a head-only file changed by a non-head, judged
by people.yaml as it stood before the commit.

  $ sed -i '/login: ivan/,/role:/ s/role: manager/role: head/' people.yaml
  $ git -c user.name=ivan -c user.email=ivan@example.ru commit -qam "promote myself"
  $ tally audit HEAD~1..HEAD --format json | jq -r '.findings[] | "\(.rule): \(.file): \(.message)"'
  head-only: people.yaml: changed by ivan, a manager: only a head (as people.yaml stood before) may change it
  $ git reset -q --hard HEAD~1

JSON for CI, checked by jq; a commit by someone people.yaml does not know.

  $ tally audit $start..HEAD --format json | jq -c '[.commits, .entries, (.findings | length)]'
  [4,4,3]
  $ GIT_AUTHOR_EMAIL=stranger@example.com TALLY_USER=anna tally task comment $id "кто я?" >/dev/null
  $ tally audit HEAD~1..HEAD --format json | jq -r '.findings[0].message'
  'commented' by anna committed by Test Runner <stranger@example.com>, whose e-mail is nobody's in people.yaml

Bad input: a range git does not know; a store outside git.

  $ tally audit nosuchbranch..HEAD
  tally: error: 'nosuchbranch..HEAD' is not a commit or a range of commits in this repository
  hint: a branch, a commit, or A..B such as origin/main..HEAD
  [2]
  $ cd .. && tally init plain --no-git >/dev/null 2>&1 || (mkdir plain && cp store/tally.yaml plain/)
  $ tally --store plain audit
  tally: error: the store is not in a git repository, so it has no history to audit
  [2]
