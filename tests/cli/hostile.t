Hostile input (see LIMITS in tally-store(5)): alias bombs, huge files, deep nesting,
NUL bytes, invalid UTF-8, IDs that climb out of the store, control characters in
names. Each is refused with a clear message, exit 2, in bounded time (timeout 20
would exit 124), and nothing is written: no file, no commit.

  $ sample && export TALLY_USER=anna
  $ F=tasks/2026/11/T-048R5C6D35.yaml && cp $F "$CASE_TMP/task" && cp people.yaml "$CASE_TMP/people"
  $ put() { cp "$CASE_TMP/task" $F && cat >> $F && snapshot; }
  $ restore() { cp "$CASE_TMP/task" $F && cp "$CASE_TMP/people" people.yaml && git status --porcelain; }

A billion laughs: nine aliases of nine aliases. Reading it was cheap but writing the
task back walked 387 million values (33 s and 2 GB before it ran out of memory).
Anchors and aliases are refused wherever they are; tally never writes them.

  $ python3 -c "
  > print('x_a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]')
  > for p, n in zip('abcdefgh', 'bcdefghi'): print('x_%s: &%s [%s]' % (n, n, ', '.join(['*' + p] * 9)))
  > " | put
  $ timeout 20 tally task comment T-048R "ещё раз"
  tally: error: tasks/2026/11/T-048R5C6D35.yaml:20:6: anchors and aliases (&name, *name) are not allowed in a store file
      x_a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]
           ^
  hint: write the value out in full
  [2]
  $ unchanged
  $ printf 'x_base: &base {a: 1}\nx_merge:\n  <<: *base\n' | put
  $ timeout 20 tally task show T-048R
  tally: error: tasks/2026/11/T-048R5C6D35.yaml:20:9: anchors and aliases (&name, *name) are not allowed in a store file
      x_base: &base {a: 1}
              ^
  hint: write the value out in full
  [2]

A 100 MB task file is refused unread, by its size.

  $ { printf 'x_big: '; head -c 100000000 /dev/zero | tr '\0' a; echo; } | put
  $ timeout 20 tally task list --mine
  tally: error: tasks/2026/11/T-048R5C6D35.yaml: the file is too large (95.4 MiB, the limit is 1 MiB)
  hint: a store file holds one task, record, plan or list; see LIMITS in tally-store(5)
  [2]
  $ timeout 20 tally task ack T-048R
  tally: error: tasks/2026/11/T-048R5C6D35.yaml: the file is too large (95.4 MiB, the limit is 1 MiB)
  hint: a store file holds one task, record, plan or list; see LIMITS in tally-store(5)
  [2]
  $ unchanged

10 000 levels of nesting: refused at level 65 (the task's own map is level 1), with a
long line cut around the caret.

  $ python3 -c "print('x_deep: ' + '[' * 10000 + ']' * 10000)" | put
  $ timeout 20 tally task show T-048R
  tally: error: tasks/2026/11/T-048R5C6D35.yaml:20:72: lists and maps are nested more than 64 deep
      …[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[…
                                              ^
  hint: see LIMITS in tally-store(5)
  [2]
  $ python3 -c "print('x_deep: ' + '{a: ' * 10000 + '}' * 10000)" | put
  $ timeout 20 tally task show T-048R
  tally: error: tasks/2026/11/T-048R5C6D35.yaml:20:261: lists and maps are nested more than 64 deep
      …a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a:…
                                              ^
  hint: see LIMITS in tally-store(5)
  [2]
  $ python3 -c "
  > for i in range(100): print(' ' * i + 'k%d:' % i)
  > " | sed '1s/^/x_/' | put
  $ timeout 20 tally task show T-048R
  tally: error: tasks/2026/11/T-048R5C6D35.yaml:84:65: lists and maps are nested more than 64 deep
      …                                       k64:
                                              ^
  hint: see LIMITS in tally-store(5)
  [2]
  $ unchanged

A NUL byte and invalid UTF-8 are pointed at (line, column in characters, caret); the
bad bytes are shown as U+FFFD, never sent to the terminal.

  $ printf 'x_note: Анна\0Иван\n' | put
  $ timeout 20 tally task comment T-048R "ещё раз"
  tally: error: tasks/2026/11/T-048R5C6D35.yaml:20:13: the file contains a NUL byte
      x_note: Анна�Иван
                  ^
  hint: a store file is text; remove the byte or restore the file from git
  [2]
  $ printf 'x_note: Анна \xd0\x28\xff\n' | put
  $ timeout 20 tally task show T-048R
  tally: error: tasks/2026/11/T-048R5C6D35.yaml:20:14: the file is not valid UTF-8
      x_note: Анна �(�
                   ^
  hint: save it as UTF-8
  [2]
  $ unchanged

Keys must be text: a list, a map or null as a key is refused where it stands.

  $ printf '? [a, b]\n: c\n' | put
  $ timeout 20 tally task show T-048R
  tally: error: tasks/2026/11/T-048R5C6D35.yaml:20:3: a key must be text, not a list, a map or null
      ? [a, b]
        ^
  hint: quote the key if it is meant as text
  [2]
  $ restore

IDs that would climb out of their folder: typed, in a link, or as a file name.

  $ timeout 20 tally task show ../x
  tally: error: '../x' is not a task ID
  hint: a task ID is T- and 10 latin letters and digits, such as T-4F7KQ2M9XB
  [2]
  $ timeout 20 tally task show 'T-048R/../../people'
  tally: error: 'T-048R/../../people' is not a task ID
  hint: a task ID is T- and 10 latin letters and digits, such as T-4F7KQ2M9XB
  [2]
  $ timeout 20 tally deal show ../people
  tally: error: '../people' is not a valid deal ID
  [2]
  $ timeout 20 tally deal add "Поставка" --id 10..42 --owner ivan
  tally: error: '10..42' is not a valid deal ID
  hint: use letters, digits, '-', '_' or '.' (at most 64), not starting with '.'
  [2]
  $ timeout 20 tally task add "Позвонить" --to ivan --deal deal/../../x
  tally: error: 'deal/../../x' is not a valid deal ID
  [2]
  $ sed -i 's|^link: .*|link: deal/../../etc/passwd|' $F && snapshot
  $ timeout 20 tally task show T-048R
  tally: error: tasks/2026/11/T-048R5C6D35.yaml:10:7: 'link' is deal/<ID>, company/<ID>, lead/<ID> or contact/<ID>
      link: deal/../../etc/passwd
            ^
  [2]
  $ unchanged
  $ restore
  $ git checkout -q $F && sed 's/^id: .*/id: "10..26"/' deals/1026.yaml > deals/10..26.yaml && snapshot
  $ timeout 20 tally deal list
  tally: error: deals/10..26.yaml:1:5: 'id' must not hold '/', '\', '..' or control characters, nor start with '.'
      id: "10..26"
          ^
  [2]
  $ unchanged
  $ rm deals/10..26.yaml && cp $F tasks/2026/11/T-048R..yaml && snapshot
  $ timeout 20 tally task list
  tally: error: tasks/2026/11/T-048R..yaml:1:5: 'id' is T-048R5C6D35 but the file is named T-048R..yaml
      id: T-048R5C6D35
          ^
  [2]
  $ unchanged
  $ rm tasks/2026/11/T-048R..yaml

Names with control characters, in people.yaml or on the command line.

  $ sed -i '0,/name: .*/s//name: "Анна\\e[31m Смирнова"/' people.yaml && snapshot
  $ timeout 20 tally person list
  tally: error: people.yaml:3:11: 'name' must be one line of text
          name: "Анна\e[31m Смирнова"
                ^
  [2]
  $ timeout 20 tally task add "Позвонить" --to ivan
  tally: error: people.yaml:3:11: 'name' must be one line of text
          name: "Анна\e[31m Смирнова"
                ^
  [2]
  $ unchanged
  $ git checkout -q people.yaml && sed -i '0,/login: ivan/s//login: "..\/ivan"/' people.yaml && snapshot
  $ timeout 20 tally person list
  tally: error: people.yaml:8:12: '../ivan' is not a valid login (lower-case latin letters, digits, '.', '_', '-')
        - login: "../ivan"
                 ^
  [2]
  $ unchanged
  $ git checkout -q people.yaml && snapshot
  $ timeout 20 tally person add bob --name "$(printf 'Боб\033[2J')" --email bob@example.ru --role manager
  tally: error: a person needs a one-line --name
  hint: such as --name "Иван Петров"
  [2]
  $ timeout 20 tally task add "$(printf 'Позвонить\rУдалить всё')" --to ivan
  tally: error: the title must be one line
  hint: put the details in the description with -m
  [2]
  $ unchanged
