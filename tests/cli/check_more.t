tally check: two people with one e-mail (in any case) are an error, and so is
a mail_from that tally remind would refuse. Control characters that the user
gave (TALLY_USER, IDs, names) are shown escaped in messages.

  $ mkstore
  $ sed -i 's/email: petr@example.ru/email: Ivan@Example.RU/' people.yaml && git commit -qam "petr takes ivan's e-mail"
  $ tally check
  error: people.yaml:16:12: petr has the e-mail Ivan@Example.RU of ivan: one e-mail, one person
          email: Ivan@Example.RU
                 ^
    hint: the acting person is found by git's user.email; give each their own
  checked 4 files: 1 error, 0 warnings
  [1]

Who is acting cannot be told from that e-mail: said, not the first one taken.

  $ git config user.email ivan@example.ru && tally task add "Позвонить" --to petr --due friday
  tally: error: cannot tell who you are: git's user.email ivan@example.ru is the e-mail of ivan and petr in people.yaml
  hint: set TALLY_USER to your login; 'tally check' shows the e-mail given twice
  [2]
  $ git checkout -q people.yaml && git reset -q --hard HEAD~1 && git config --unset user.email

mail_from as remind checks it: a name and brackets are not a plain address.

  $ sed -i 's/^mail_from: .*/mail_from: "Отдел продаж <sales@example.ru>"/' tally.yaml && tally check
  error: tally.yaml:.*: mail_from 'Отдел продаж <sales@example.ru>' is not a plain e-mail address (re)
      mail_from: "Отдел продаж <sales@example.ru>"
      .*\^ (re)
    hint: an address such as tally@example.ru: ASCII, one '@', no spaces, names or brackets (the name goes in mail_from_name)
  checked 4 files: 1 error, 0 warnings
  [1]
  $ sed -i 's/^mail_from: .*/mail_from: sales@example.ru/' tally.yaml && tally check
  checked 4 files: 0 errors, 0 warnings

Control characters from the user are escaped in what tally shows.

  $ TALLY_USER=$(printf 'x\033[2J\033]0;pwned\007') tally task add "Позвонить" --to petr --due friday
  tally: error: TALLY_USER is 'x\x1b[2J\x1b]0;pwned\x07', who is not in people.yaml
  hint: known people: anna, ivan, petr, olga
  [2]
  $ TALLY_USER=anna tally task show "$(printf 'T-AB\033[31mCD')"
  tally: error: 'T-AB\x1b[31mCD' is not a task ID
  hint: a task ID is T- and 10 latin letters and digits, such as T-4F7KQ2M9XB
  [2]
  $ TALLY_USER=anna tally task add "Позвонить" --to "$(printf 'iv\302\233an')" --due friday
  tally: error: unknown person 'iv\u009ban'
  hint: did you mean ivan? known people: anna, ivan, petr, olga
  [2]
