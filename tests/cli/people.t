The team lives in people.yaml; the first person may be added by anyone, later ones by a head.

  $ tally init store --timezone Europe/Moscow >/dev/null && cd store
  $ tally person add anna --name "Анна Смирнова" --email anna@example.ru --role head --dept sales
  added anna (Анна Смирнова)
  $ TALLY_USER=anna tally person add ivan --name "Иван Петров" --email ivan@example.ru --role manager --dept sales
  added ivan (Иван Петров)
  $ cat people.yaml
  people:
    - login: anna
      name: Анна Смирнова
      email: anna@example.ru
      role: head
      department: sales
      active: true
    - login: ivan
      name: Иван Петров
      email: ivan@example.ru
      role: manager
      department: sales
      active: true
  $ git log --format=%s
  person ivan: added, manager in sales — Иван Петров
  person anna: added, head in sales — Анна Смирнова
  store: created «store»

The acting person is TALLY_USER, else the one whose e-mail is git's user.email.

  $ git config user.email anna@example.ru
  $ tally person add petr --name "Пётр Сидоров" --email petr@example.ru --role manager --dept sales
  added petr (Пётр Сидоров)
  $ git config --unset user.email
  $ tally person list
  LOGIN  NAME           ROLE     DEPT   EMAIL            ACTIVE
  anna   Анна Смирнова  head     sales  anna@example.ru  yes
  ivan   Иван Петров    manager  sales  ivan@example.ru  yes
  petr   Пётр Сидоров   manager  sales  petr@example.ru  yes
  $ tally person list --format csv
  LOGIN,NAME,ROLE,DEPT,EMAIL,ACTIVE\r (esc)
  anna,Анна Смирнова,head,sales,anna@example.ru,yes\r (esc)
  ivan,Иван Петров,manager,sales,ivan@example.ru,yes\r (esc)
  petr,Пётр Сидоров,manager,sales,petr@example.ru,yes\r (esc)
  $ tally person show ivan --format json | jq -c .
  {"login":"ivan","name":"Иван Петров","email":"ivan@example.ru","role":"manager","department":"sales","active":true}
  $ tally person list --format yaml | head -4
  - login: anna
    name: Анна Смирнова
    email: anna@example.ru
    role: head
  $ tally person show ivan
  FIELD       VALUE
  login       ivan
  name        Иван Петров
  email       ivan@example.ru
  role        manager
  department  sales
  active      yes

Unknown keys, at the top of the file and on a person, survive a rewrite: the diff only adds.

  $ printf '    x-phone: "+7 900 000-00-00"\nx-source: bitrix24\n' >> people.yaml && git commit -qam "hand edit"
  $ TALLY_USER=anna tally person add maria --name "Мария Кузнецова" --role manager --dept sales
  added maria (Мария Кузнецова)
  $ git diff HEAD~1 -- people.yaml | grep '^[-+]'
  --- a/people.yaml
  +++ b/people.yaml
  +  - login: maria
  +    name: Мария Кузнецова
  +    role: manager
  +    department: sales
  +    active: true
  $ tail -3 people.yaml
      department: sales
      active: true
  x-source: bitrix24

Bad input: a clear message, exit 2, nothing changed.

  $ snapshot
  $ TALLY_USER=anna tally person add ivan --name "Другой Иван" --role manager
  tally: error: ivan is already in people.yaml
  [2]
  $ TALLY_USER=anna tally person add Ivan2 --name "Иван" --role manager
  tally: error: 'Ivan2' is not a valid login
  hint: use lower-case latin letters, digits, '.', '_' or '-', starting with a letter, such as ivan
  [2]
  $ TALLY_USER=anna tally person add masha --name "Мария" --role boss
  tally: error: unknown role 'boss'
  hint: roles are head and manager
  [2]
  $ TALLY_USER=anna tally person add masha --name "Мария" --email ivan@example.ru --role manager
  tally: error: ivan already has the e-mail ivan@example.ru
  [2]
  $ TALLY_USER=ivan tally person add masha --name "Мария" --role manager
  tally: error: only a head adds people, and ivan is a manager
  hint: ask anna
  [2]
  $ tally person add masha --name "Мария" --role manager
  tally: error: cannot tell who you are: git's user.email runner@example.org is nobody's e-mail in people.yaml
  hint: set TALLY_USER to your login, or put that e-mail on your entry in people.yaml
  [2]
  $ TALLY_USER=zed tally person add masha --name "Мария" --role manager
  tally: error: TALLY_USER is 'zed', who is not in people.yaml
  hint: known people: anna, ivan, petr, maria
  [2]
  $ tally person show ivn
  tally: error: unknown person 'ivn'
  hint: did you mean ivan? known people: anna, ivan, petr, maria
  [2]
  $ tally person add masha --role manager
  tally: error: --name is required
  hint: run 'tally person add --help'
  [2]
  $ unchanged

A malformed people.yaml names the file, line and column, shows the line and marks the column.

  $ cp people.yaml /tmp/people.good.$$
  $ printf 'people:\n  - login: anna\n    name: Анна: Смирнова\n' > people.yaml
  $ TALLY_USER=anna tally person list
  tally: error: people.yaml:3:15: illegal map value
          name: Анна: Смирнова
                    ^
  [2]
  $ printf 'people:\n  - login: Анна\n    role: boss\n  - login: ivan\n    active: maybe\n' > people.yaml
  $ TALLY_USER=anna tally person list
  tally: error: people.yaml:2:12: 'Анна' is not a valid login (lower-case latin letters, digits, '.', '_', '-')
        - login: Анна
                 ^
    people.yaml:3:11: unknown role 'boss'; roles are head and manager
          role: boss
                ^
    people.yaml:5:13: 'active' must be true or false
          active: maybe
                  ^
  [2]
  $ cp /tmp/people.good.$$ people.yaml && rm /tmp/people.good.$$
  $ unchanged
