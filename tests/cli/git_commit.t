A tally commit holds exactly the files the command changed. It is built from HEAD, not from the
index (issue 7: at 100 000 files the index is 11 MB), so the user's own staged work stays staged
and out of it; the index then holds the committed files, with their stat data, and the tree is
the one git itself would write.

  $ mkstore
  $ export TALLY_USER=anna
  $ same_tree() { test "$(git write-tree)" = "$(git rev-parse HEAD^{tree})" && echo same tree as git writes; }
  $ files() { git show --name-only --format= HEAD | sed -E 's/T-[0-9A-Z]{10}/T-ID/'; }

A task: one commit of one file. diff-files does not refresh the index, so it would list a file
that was staged without its stat data; fsck finds every object the commit names.

  $ ID=$(tally task add "Позвонить" --to ivan --due friday | cut -d' ' -f2)
  $ F=$(ls tasks/*/*/$ID.yaml)
  $ files
  tasks/2026/11/T-ID.yaml
  $ git status --porcelain && git diff-files --name-only && same_tree
  same tree as git writes
  $ git fsck --no-progress --no-dangling 2>&1

A new folder (the first lead) appears in the tree; the commit is by the acting person when git
has no identity of its own.

  $ tally lead add "Запрос с сайта" --id 501 >/dev/null && files
  leads/501.yaml
  $ HOME=/nonexistent tally lead add "Звонок с выставки" --id 502 >/dev/null && git log -1 --format=%an
  Анна Смирнова
  $ git status --porcelain && same_tree
  same tree as git writes

The user's staged work, in the store and outside it, stays staged and out of tally's commits.

  $ echo "заметки" > tasks.txt && git add tasks.txt
  $ sed -i 's/^title: .*/title: Поставка и монтаж оборудования/' deals/1042.yaml && git add deals/1042.yaml
  $ tally task comment $ID "перезвонить после обеда" >/dev/null && files
  tasks/2026/11/T-ID.yaml
  $ git status --porcelain
  M  deals/1042.yaml
  A  tasks.txt

A hand edit of the very file tally then changes, staged: the commit takes the file as it is in
the work tree, both changes, and the index follows it.

  $ sed -i 's/^title: .*/title: Позвонить в «Ромашку»/' $F && git add $F
  $ tally task comment $ID "второй звонок" >/dev/null
  $ git show HEAD:$F | grep -e '^title' -e 'второй'
  title: Позвонить в «Ромашку»
      text: второй звонок
  $ git status --porcelain
  M  deals/1042.yaml
  A  tasks.txt

The user commits their own work: exactly it, and the tree git writes from the index is HEAD's.

  $ git commit -qm "заметки и сделка" && files
  deals/1042.yaml
  tasks.txt
  $ git status --porcelain && same_tree
  same tree as git writes

Paths left staged by a writer killed between staging and committing stay out of other commits,
and the next change of those files commits them.

  $ tally --no-commit task comment $ID "не закоммичено" >/dev/null && git add $F
  $ tally task add "Отправить КП" --to petr --due friday >/dev/null && files
  tasks/2026/11/T-ID.yaml
  $ git show --name-only --format= HEAD | grep "$ID" || echo "not in it"
  not in it
  $ git status --porcelain | sed "s/$ID/T-ID/"
  M  tasks/2026/11/T-ID.yaml
  $ tally task comment $ID "и ещё" >/dev/null && git show HEAD:$F | grep -c -e 'не закоммичено' -e 'и ещё'
  2
  $ git status --porcelain && same_tree
  same tree as git writes

A deleted file, a folder emptied, a file made executable: tally sync commits what is pending.

  $ git init -q --bare ../remote.git && git remote add origin ../remote.git && git push -q -u origin main
  $ rm leads/501.yaml leads/502.yaml && chmod +x $F
  $ tally sync | tail -1
  pushed 1 commit to origin/main
  $ git show --name-status --format=%s HEAD | sed "s/$ID/T-ID/"
  sync: pending changes
  
  D	leads/501.yaml
  D	leads/502.yaml
  M	tasks/2026/11/T-ID.yaml
  $ git ls-tree HEAD leads/ && git ls-tree HEAD $F | cut -c1-6
  100755
  $ git status --porcelain && same_tree
  same tree as git writes

A symlink is left to git's own commit --only, here in one commit with a file deleted.

  $ mkdir plans && echo "# планы" > plans/README.md && tally sync >/dev/null
  $ ln -s README.md plans/readme.md && rm plans/README.md && tally sync | head -1
  committed 2 pending files (sync: pending changes)
  $ git show --name-status --format= HEAD && git ls-tree HEAD plans/ | cut -c1-6
  D	plans/README.md
  A	plans/readme.md
  120000
  $ git status --porcelain && same_tree
  same tree as git writes

A file where a folder was is git's to judge too.

  $ rm -r plans && echo "планы" > plans && tally sync | head -1
  committed 2 pending files (sync: pending changes)
  $ git show --name-status --format= HEAD && git status --porcelain && same_tree
  A	plans
  D	plans/readme.md
  same tree as git writes
  $ git fsck --no-progress --no-dangling 2>&1

With core.fileMode off (a file system without an executable bit) a file keeps the mode git has
for it, as git add would; with it on, the mode of the file tally wrote.

  $ git config core.fileMode false
  $ tally task comment $ID "режим файла" >/dev/null && git ls-tree HEAD $F | cut -c1-6
  100755
  $ git status --porcelain && same_tree
  same tree as git writes
  $ git config core.fileMode true && test -x $F || echo "tally wrote it without x"
  tally wrote it without x
  $ tally task comment $ID "режим файла снова" >/dev/null && git ls-tree HEAD $F | cut -c1-6
  100644
  $ git status --porcelain && same_tree
  same tree as git writes

During a merge git refuses a commit of some files only; tally says so and changes nothing.

  $ git checkout -q -b other && echo "x" > other.txt && git add other.txt && git commit -qm other
  $ git checkout -q main && git merge -q --no-ff --no-commit other >/dev/null 2>&1 && snapshot
  $ tally task comment $ID "во время слияния"
  tally: error: git commit failed (exit 128)
    fatal: cannot do a partial commit during a merge.
  [3]
  $ unchanged
  $ git merge --abort

A store in a folder of a bigger repository: its files are committed under that folder, and the
user's staged work outside the store stays staged.

  $ cd .. && mkdir repo && cd repo && git init -q && echo черновик > notes.txt && git add notes.txt && git commit -qm notes
  $ echo правка >> notes.txt && git add notes.txt
  $ tally init crm --timezone Europe/Moscow >/dev/null && cd crm && files
  crm/.gitattributes
  crm/.gitignore
  crm/people.yaml
  crm/tally.yaml
  $ tally person add anna --name "Анна Смирнова" --email anna@example.ru --role head --dept sales >/dev/null
  $ tally task add "Позвонить" --to anna --due friday >/dev/null && files
  crm/tasks/2026/11/T-ID.yaml
  $ git status --porcelain
  M  notes.txt
  $ git stash -q && same_tree
  same tree as git writes
