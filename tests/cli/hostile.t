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
  ID  STATUS  DUE  LATE  TO  LINK  TITLE
  tally: warning: tasks/2026/11/T-048R5C6D35.yaml: the file is too large (95.4 MiB, the limit is 1 MiB) (skipped)
  hint: 'tally check' lists every problem; the other files were read
  [4]
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
  ID    TITLE                                                          STAGE                   OWNER      AMOUNT  COMPANY
  1018  Серверное оборудование для цеха № 3                            Сделка успешна          olga    3 480 000  245
  1021  Ноутбуки и МФУ для офиса на 6 рабочих мест                     Сделка успешна          olga      486 500  231
  1024  Коммутаторы и маршрутизаторы для склада в Шушарах              Сделка успешна          sergey  1 120 000  296
  1026  СХД для складской системы                                      Сделка провалена        sergey  4 900 000  296
  1029  Продление лицензий 1С:Предприятие на 2027 год                  Сделка успешна          ivan      312 400  214
  1033  Рабочие станции для регистратуры, аукцион 0373200012326000187  Сделка успешна          maria   2 145 000  238
  1035  POS-терминалы для 4 ресторанов                                 Сделка успешна          elena     684 000  260
  1038  Монтажные станции для видеостудии                              Сделка успешна          dmitry  1 356 000  273
  1040  Ноутбуки для учебных классов, 20 шт.                           Анализ причины провала  dmitry    980 000  288
  1042  Поставка ноутбуков для отдела продаж, 25 шт.                   В работе                ivan    2 375 000  214
  1044  Видеонаблюдение на стройплощадке ЖК «Озерки»                   Счёт на предоплату      petr    1 890 000  227
  1045  Сервисный контракт на обслуживание видеосистем, 12 мес.        Подготовка документов   petr      720 000  227
  1047  Коммутаторы для региональной сети передачи данных (223-ФЗ)     Подготовка документов   olga    6 750 000  267
  1049  Модернизация СХД, 2 площадки                                   В работе                olga    4 200 000  245
  1051  Терминалы сбора данных для склада, 40 шт.                      Финальный счёт          elena   1 540 000  252
  1053  Ноутбуки и мониторы для нового офиса, 40 мест                  Новая                   ivan    3 100 000  281
  1055  Лицензии антивируса на 2027 год, 180 рабочих мест              Счёт на предоплату      maria     418 000  238
  1057  Сервер рендеринга                                              В работе                dmitry  2 860 000  273
  1058  Аренда МФУ с обслуживанием, 10 шт.                             Новая                   ivan      540 000  214
  1060  Wi-Fi в новом ресторане на Рубинштейна                         Подготовка документов   elena     395 000  260
  1062  Видеонаблюдение для магазина                                   Новая                   olga      178 000  231
  1064  Интерактивные панели и проекторы, 6 классов                    Счёт на предоплату      dmitry  1 240 000  288
  tally: warning: deals/10..26.yaml:1:5: 'id' must not hold '/', '\', '..' or control characters, nor start with '.' (skipped)
  hint: 'tally check' lists every problem; the other files were read
  [4]
  $ unchanged
  $ rm deals/10..26.yaml && cp $F tasks/2026/11/T-048R..yaml && snapshot
  $ timeout 20 tally task list
  ID       STATUS  DUE               LATE     TO      LINK         TITLE
  T-048R5  new     06.11.2026 18:00  20d 16h  ivan    deal/1042    ‼ Подготовить КП на 25 ноутбуков в двух вариантах конфигурации
  T-2CV7   new     13.11.2026 18:00  13d 16h  petr    deal/1044    Согласовать с Орловым дату выезда инженера на объект
  T-5H94   new     17.11.2026 18:00  9d 16h   ivan    company/214  Получить от «Ромашки» отзыв о поставке лицензий для кейса на сайте
  T-Q2JZ   new     18.11.2026 18:00  8d 16h   maria   deal/1055    ‼ Проверить проект контракта по антивирусу на соответствие 44-ФЗ
  T-09KZ   new     19.11.2026 18:00  7d 16h   elena   company/296  ‼ Представиться новым менеджером в «Фарм-Дистрибуции» и назначить встречу
  T-4J5Z   new     20.11.2026 18:00  6d 16h   olga    company/245  Отправить акт сверки за III квартал в бухгалтерию «Уралмета»
  T-V141   new     20.11.2026 18:00  6d 16h   dmitry  deal/1040    Разобрать причины проигрыша по «Школе „Код“» и прислать выводы
  T-PPP9   new     23.11.2026 18:00  3d 16h   dmitry  lead/512     Квалифицировать заявку с сайта: бюджет, сроки, ЛПР
  T-VM3E   new     24.11.2026 18:00  2d 16h   ivan    contact/312  Запросить у Григорьевой подписанный договор по лицензиям 1С
  T-GZ6Q   new     24.11.2026 18:00  2d 16h   petr    company/227  ‼ Отправить «Север-Строю» акт сверки — обещали ещё во вторник
  T-A13M   new     25.11.2026 18:00  1d 16h   olga    deal/1049    ‼ Снять возражение по цене СХД: подготовить расчёт стоимости владения на 3 года
  T-93CE   new     26.11.2026 18:00  16h      ivan                 Подготовить разбор удачной сделки для пятничной планёрки
  T-A8Q3   new     26.11.2026 18:00  16h      petr                 Подготовить разбор удачной сделки для пятничной планёрки
  T-BEZ6   new     26.11.2026 18:00  16h      maria   deal/1033    Подписать в ЕИС документ о приёмке по рабочим станциям
  T-6SFV   new     27.11.2026 12:00           ivan    deal/1042    ‼ Позвонить Белову и согласовать спецификацию до обеда
  T-A0CS   new     27.11.2026 15:00           dmitry  deal/1057    ‼ Согласовать с вендором спеццену на сервер рендеринга
  T-5ESS   new     27.11.2026 18:00           elena   deal/1051    Выставить финальный счёт «Балтийской логистике» и отправить оригиналы курьером
  T-4YR5   new     27.11.2026 18:00           maria   deal/1033    Подписать УПД по рабочим станциям и передать оригиналы в поликлинику
  T-BFS7   new     27.11.2026 18:00           olga    lead/521     Отправить презентацию и прайс контакту с выставки
  T-STME   new     30.11.2026 18:00           ivan    deal/1053    Назначить встречу с Киселёвой в новом офисе, снять потребность
  T-9RPT   new     30.11.2026 18:00           petr    lead/517     Перезвонить по входящему запросу «Техстроя»
  T-QZ10   new     01.12.2026 12:00           dmitry               Сдать прогноз закрытия сделок на декабрь
  T-N10T   new     01.12.2026 12:00           elena                Сдать прогноз закрытия сделок на декабрь
  T-78J9   new     01.12.2026 12:00           ivan                 Сдать прогноз закрытия сделок на декабрь
  T-HJAN   new     01.12.2026 12:00           maria                Сдать прогноз закрытия сделок на декабрь
  T-3SKX   new     01.12.2026 12:00           olga                 Сдать прогноз закрытия сделок на декабрь
  T-T204   new     01.12.2026 12:00           petr                 Сдать прогноз закрытия сделок на декабрь
  T-DC8M   new     01.12.2026 18:00           olga    deal/1062    Выехать на объект к Кузнецову, сделать замеры для камер
  T-Q1R4   new     01.12.2026 18:00           elena   deal/1060    Согласовать с рестораном дату монтажа Wi-Fi
  T-HRX7   new     02.12.2026 18:00           petr    deal/1045    Подготовить проект сервисного договора и согласовать SLA с инженерами
  T-JY89   new     02.12.2026 18:00           maria   lead/526     ‼ Оценить аукцион на АРМ для МФЦ: маржа, сроки, риски
  T-5X2J   new     03.12.2026 18:00           olga    deal/1047    ‼ Собрать пакет документов на закупку коммутаторов
  T-NHX7   new     03.12.2026 18:00           ivan    deal/1058    Подготовить КП на аренду 10 МФУ с обслуживанием
  T-WZS2   new     04.12.2026 18:00           dmitry  deal/1064    Организовать демонстрацию интерактивной панели в школе
  T-JC0N   new     10.12.2026 18:00           olga    company/245  Провести с «Уралметом» встречу по итогам года и планам на 2027
  T-XD61   new     11.12.2026 18:00           elena   contact/336  Поздравить Яковлеву с 10-летием «Балтийской логистики», согласовать подарок
  T-0ZGE   new     15.12.2026 18:00           maria   company/238  Согласовать с поликлиникой план закупок на 2027 год
  T-XM3K   new                                petr    company/227  Выяснить, кто теперь отвечает за ИТ-закупки в «Север-Строе»
  T-DCWT   new                                dmitry               Почистить базу контактов от дублей после переноса из Битрикс24
  T-APJM   new                                maria   contact/327  Уточнить у Фоминой график закупок на I квартал
  T-Z9RP   new                                petr                 Скинуть Ивану шаблон КП по видеонаблюдению
  tally: warning: tasks/2026/11/T-048R..yaml:1:5: 'id' is T-048R5C6D35 but the file is named T-048R..yaml (skipped)
  hint: 'tally check' lists every problem; the other files were read
  [4]
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
