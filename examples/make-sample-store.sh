#!/usr/bin/env bash
# Regenerate examples/store/: the sample store of a Russian sales department.
#
# Everything is made by the real tally binary, acting as different people at
# different moments (TALLY_USER, TALLY_NOW); the only hand edits are the ones
# tally has no command for yet (holidays in tally.yaml, a person leaving).
# Task IDs are random, so every run gives new IDs; the content stays the same.
#
# Usage: examples/make-sample-store.sh [--no-commit] [--keep]
#   --no-commit  build the temporary store without git commits (faster)
#   --keep       keep the temporary store (with its git history) and print its path
# Environment:
#   TALLY        the tally binary (default: build/cli/tally, else tally on PATH)
#
# The demo's "now" is Friday 2026-11-27 10:00 Moscow time:
#   TALLY_NOW=2026-11-27T10:00:00+03:00 TALLY_USER=anna tally --store examples/store task list
# Russian „quotes“ in titles are meant literally.
# shellcheck disable=SC1111
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
dest="$here/store"

commit=1
keep=0
for arg in "$@"; do
  case "$arg" in
    --no-commit) commit=0 ;;
    --keep) keep=1 ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "make-sample-store.sh: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

if [[ -z "${TALLY:-}" ]]; then
  if [[ -x "$root/build/cli/tally" ]]; then TALLY="$root/build/cli/tally"
  elif command -v tally >/dev/null; then TALLY=$(command -v tally)
  else echo "make-sample-store.sh: no tally binary; build it or set TALLY=/path/to/tally" >&2; exit 2
  fi
fi

work=$(mktemp -d /tmp/tally-sample.XXXXXX)
store="$work/store"
log="$work/tally.log"
if [[ $keep == 0 ]]; then trap 'rm -rf "$work"' EXIT; fi
unset TALLY_STORE TALLY_USER TALLY_NOW
export NO_COLOR=1

# Names and e-mails, for git authorship of the temporary history.
declare -A person_name person_email
person() { person_name[$1]=$2; person_email[$1]=$3; }
person anna    "Анна Смирнова"    anna.smirnova@vektor-it.ru
person ivan    "Иван Петров"      i.petrov@vektor-it.ru
person petr    "Пётр Сидоров"     p.sidorov@vektor-it.ru
person maria   "Мария Кузнецова"  m.kuznetsova@vektor-it.ru
person olga    "Ольга Васильева"  o.vasilyeva@vektor-it.ru
person dmitry  "Дмитрий Соколов"  d.sokolov@vektor-it.ru
person elena   "Елена Морозова"   e.morozova@vektor-it.ru
person sergey  "Сергей Волков"    s.volkov@vektor-it.ru
person natalia "Наталья Лебедева" n.lebedeva@vektor-it.ru

# `at "2026-11-02 09:40" anna` — who acts, and when (Moscow time), for the next commands.
now=""; who=""
at() { now="${1/ /T}:00+03:00"; who=$2; }

# `t ARGS...` — run tally as $who at $now.
t() {
  local -a flags=(--store "$store")
  [[ $commit == 0 ]] && flags+=(--no-commit)
  if ! TALLY_NOW="$now" TALLY_USER="$who" \
       GIT_AUTHOR_NAME="${person_name[$who]}" GIT_AUTHOR_EMAIL="${person_email[$who]}" \
       GIT_COMMITTER_NAME="${person_name[$who]}" GIT_COMMITTER_EMAIL="${person_email[$who]}" \
       GIT_AUTHOR_DATE="$now" GIT_COMMITTER_DATE="$now" \
       "$TALLY" "${flags[@]}" "$@" >>"$log" 2>&1; then
    echo "make-sample-store.sh: failed as $who at $now: tally $*" >&2
    tail -n 5 "$log" >&2
    exit 1
  fi
}

# A hand edit, committed like a person would (only in commit mode).
hand_commit() {
  local message=$1; shift
  [[ $commit == 0 ]] && return 0
  GIT_AUTHOR_NAME="${person_name[$who]}" GIT_AUTHOR_EMAIL="${person_email[$who]}" \
  GIT_COMMITTER_NAME="${person_name[$who]}" GIT_COMMITTER_EMAIL="${person_email[$who]}" \
  GIT_AUTHOR_DATE="$now" GIT_COMMITTER_DATE="$now" \
    git -C "$store" commit --quiet -m "$message" -- "$@"
}

started=$(date +%s%N)

# --- 1 October 2026: Анна starts the store ------------------------------------
at "2026-10-01 09:00" anna
mkdir -p "$store"
if [[ $commit == 1 ]]; then
  git init --quiet "$store"
  git -C "$store" config user.name "${person_name[anna]}"
  git -C "$store" config user.email "${person_email[anna]}"
fi
t init "$store" --timezone Europe/Moscow --name "Отдел продаж"

# Non-working days of the 2026 Russian production calendar that fall on weekdays
# (no command for holidays yet: edit tally.yaml by hand).
awk '
  /^holidays: \[\]$/ {
    print "holidays:"
    n = split("2026-01-01 2026-01-02 2026-01-05 2026-01-06 2026-01-07 2026-01-08 2026-01-09 2026-02-23 2026-03-09 2026-05-01 2026-05-11 2026-06-12 2026-11-04 2026-12-31", d, " ")
    for (i = 1; i <= n; i++) print "  - " d[i]
    done = 1; next
  }
  { print }
  END { if (!done) exit 1 }
' "$store/tally.yaml" >"$work/tally.yaml" || { echo "make-sample-store.sh: tally.yaml has no 'holidays: []' line" >&2; exit 1; }
mv "$work/tally.yaml" "$store/tally.yaml"
hand_commit "store: holidays of the 2026 production calendar" tally.yaml

# --- the team -------------------------------------------------------------------
at "2026-10-01 09:05" anna
for login in anna ivan petr maria olga dmitry elena sergey; do
  role="manager"; [[ $login == anna ]] && role="head"
  t person add "$login" --name "${person_name[$login]}" --email "${person_email[$login]}" --role "$role" --dept sales
done
t person add natalia --name "${person_name[natalia]}" --email "${person_email[natalia]}" --role manager --dept tender

# --- CRM records carried over from Bitrix24: IDs and creation dates kept ---------
at "2026-10-01 09:30" anna
co() { t company add "$@"; }
co "ООО «Ромашка»" --id 214 --owner ivan --created "2024-02-12 11:20" \
  --field inn=7714582306 --field city=Москва --field industry="оптовая торговля"
co "АО «Север-Строй»" --id 227 --owner petr --created "2024-05-20 15:05" \
  --field inn=7810463291 --field city=Санкт-Петербург --field industry=девелопмент
co "ИП Кузнецов Алексей Викторович" --id 231 --owner olga --created "2025-01-28 10:40" \
  --field inn=667012345678 --field city=Екатеринбург --field industry="розничная торговля"
co "ГБУЗ «Городская поликлиника № 12 ДЗМ»" --id 238 --owner maria --created "2024-09-03 09:15" \
  --field inn=7728164093 --field city=Москва --field industry=здравоохранение
co "ООО «Уралмет»" --id 245 --owner olga --created "2023-11-14 14:30" \
  --field inn=6679051822 --field city=Екатеринбург --field industry=металлообработка
co "ООО «Балтийская логистика»" --id 252 --owner elena --created "2025-04-02 12:10" \
  --field inn=7805629417 --field city=Санкт-Петербург --field industry=логистика
co "ООО «Невский берег»" --id 260 --owner elena --created "2025-06-17 16:45" \
  --field inn=7841093375 --field city=Санкт-Петербург --field industry="рестораны"
co "ГКУ СО «Центр информационных технологий»" --id 267 --owner olga --created "2025-02-25 11:00" \
  --field inn=6670215537 --field city=Екатеринбург --field industry="госсектор"
co "ООО «Медиагрупп Столица»" --id 273 --owner dmitry --created "2025-08-06 13:25" \
  --field inn=7705984412 --field city=Москва --field industry=медиа
co "ООО «СтройИнвест-М»" --id 281 --owner ivan --created "2026-09-22 10:05" \
  --field inn=7727391608 --field city=Москва --field industry=строительство
co "АНО ДО «Школа программирования „Код“»" --id 288 --owner dmitry --created "2025-10-09 17:30" \
  --field inn=9703127745 --field city=Москва --field industry=образование
co "ООО «Фарм-Дистрибуция»" --id 296 --owner elena --created "2024-12-05 09:50" \
  --field inn=7806447120 --field city=Санкт-Петербург --field industry=фармацевтика

ct() { t contact add "$@"; }
ct "Белов Игорь Николаевич" --id 311 --owner ivan --company 214 --created "2024-02-12 11:25" \
  --field position="коммерческий директор" --field phone="+7 495 748-12-30" --field email=belov@romashka-opt.ru
ct "Григорьева Светлана Павловна" --id 312 --owner ivan --company 214 --created "2024-03-01 10:00" \
  --field position="главный бухгалтер" --field phone="+7 495 748-12-31" --field email=buh@romashka-opt.ru
ct "Орлов Виктор Павлович" --id 318 --owner petr --company 227 --created "2024-05-20 15:10" \
  --field position="ИТ-директор" --field phone="+7 812 603-44-17" --field email=v.orlov@sever-stroy.spb.ru
ct "Кузнецов Алексей Викторович" --id 322 --owner olga --company 231 --created "2025-01-28 10:45" \
  --field position=владелец --field phone="+7 912 604-18-77"
ct "Фомина Татьяна Сергеевна" --id 327 --owner maria --company 238 --created "2024-09-03 09:20" \
  --field position="контрактный управляющий" --field phone="+7 499 172-05-48" --field email=zakupki@gp12.zdrav.mos.ru
ct "Захаров Михаил Юрьевич" --id 331 --owner olga --company 245 --created "2023-11-14 14:35" \
  --field position="начальник отдела ИТ" --field phone="+7 343 287-61-02" --field email=zakharov@uralmet.ru
ct "Яковлева Ирина Олеговна" --id 336 --owner elena --company 252 --created "2025-04-02 12:15" \
  --field position="директор по закупкам" --field phone="+7 812 449-30-86" --field email=i.yakovleva@baltlog.ru
ct "Тарасов Денис Андреевич" --id 340 --owner elena --company 260 --created "2025-06-17 16:50" \
  --field position="управляющий сетью" --field phone="+7 921 377-52-14"
ct "Никитина Елена Владимировна" --id 344 --owner olga --company 267 --created "2025-02-25 11:05" \
  --field position="заместитель директора" --field phone="+7 343 312-00-45" --field email=nikitina@cit.midural.ru
ct "Гусев Роман Игоревич" --id 349 --owner dmitry --company 273 --created "2025-08-06 13:30" \
  --field position="технический директор" --field phone="+7 495 127-88-03" --field email=gusev@mgstolica.ru
ct "Киселёва Ольга Дмитриевна" --id 353 --owner ivan --company 281 --created "2026-09-22 10:10" \
  --field position="директор по закупкам" --field phone="+7 495 215-67-40" --field email=kiseleva@stroyinvest-m.ru
ct "Макаров Павел Сергеевич" --id 357 --owner dmitry --company 288 --created "2025-10-09 17:35" \
  --field position=директор --field phone="+7 916 480-23-55" --field email=director@kod-school.ru
ct "Лаптев Андрей Николаевич" --id 361 --owner elena --company 296 --created "2024-12-05 09:55" \
  --field position="руководитель службы ИТ" --field phone="+7 812 336-71-09"

# Deals: region msk|spb|ekb, segment b2b|b2g|smb, product. The stage is each deal's stage
# on 27.11.2026 (there is no command to move a deal along the funnel yet).
dl() { t deal add "$@"; }
# won in October
dl "Серверное оборудование для цеха № 3" --id 1018 --owner olga --company 245 --contact 331 \
  --stage won --amount "3 480 000" --created "2026-08-11 10:30" --closed 16.10.2026 \
  --field region=ekb --field segment=b2b --field product=servers
dl "Ноутбуки и МФУ для офиса на 6 рабочих мест" --id 1021 --owner olga --company 231 --contact 322 \
  --stage won --amount "486 500,00" --created "2026-09-15 12:00" --closed 23.10.2026 \
  --field region=ekb --field segment=smb --field product=laptops
dl "Коммутаторы и маршрутизаторы для склада в Шушарах" --id 1024 --owner sergey --company 296 --contact 361 \
  --stage won --amount "1,120,000.00" --created "2026-08-26 15:40" --closed 09.10.2026 \
  --field region=spb --field segment=b2b --field product=network
# lost in October (Сергей's last deal)
dl "СХД для складской системы" --id 1026 --owner sergey --company 296 --contact 361 \
  --stage lost --amount 4900000 --created "2026-07-30 11:15" --closed 30.10.2026 \
  --field region=spb --field segment=b2b --field product=storage --field lost_reason="выбрали конкурента: цена ниже на 12 %"
# open since before October
dl "Поставка ноутбуков для отдела продаж, 25 шт." --id 1042 --owner ivan --company 214 --contact 311 \
  --stage negotiation --amount "2 375 000" --created "2026-09-18 14:20" \
  --field region=msk --field segment=b2b --field product=laptops
dl "Видеонаблюдение на стройплощадке ЖК «Озерки»" --id 1044 --owner petr --company 227 --contact 318 \
  --stage proposal --amount "1 890 000" --created "2026-09-24 10:50" \
  --field region=spb --field segment=b2b --field product=cctv
dl "Модернизация СХД, 2 площадки" --id 1049 --owner olga --company 245 --contact 331 \
  --stage negotiation --amount "4 200 000" --created "2026-09-29 16:10" \
  --field region=ekb --field segment=b2b --field product=storage

# Сергей Волков left on 30 October; his clients went to Елена. No command to deactivate
# someone yet: edit people.yaml by hand (active: false).
at "2026-10-30 18:30" anna
awk '
  /^  - login: / { mine = ($3 == "sergey") }
  mine && /^    active: true$/ { print "    active: false"; changed = 1; next }
  { print }
  END { if (!changed) exit 1 }
' "$store/people.yaml" >"$work/people.yaml" || { echo "make-sample-store.sh: cannot find sergey in people.yaml" >&2; exit 1; }
mv "$work/people.yaml" "$store/people.yaml"
hand_commit "person sergey: left the company, inactive — Сергей Волков" people.yaml

# Deals opened in October and November, entered by their owners on the day.
at "2026-10-06 11:00" olga
dl "Коммутаторы для региональной сети передачи данных (223-ФЗ)" --id 1047 --owner olga --company 267 --contact 344 \
  --stage preparation --amount "6 750 000" --field region=ekb --field segment=b2g --field product=network
at "2026-10-08 15:30" dmitry
dl "Монтажные станции для видеостудии" --id 1038 --owner dmitry --company 273 --contact 349 \
  --stage won --amount "1 356 000" --closed 05.11.2026 --field region=msk --field segment=smb --field product=workstations
at "2026-10-12 10:20" maria
dl "Рабочие станции для регистратуры, аукцион 0373200012326000187" --id 1033 --owner maria --company 238 --contact 327 \
  --stage won --amount "2 145 000" --closed 19.11.2026 --field region=msk --field segment=b2g --field product=workstations
at "2026-10-14 12:45" ivan
dl "Продление лицензий 1С:Предприятие на 2027 год" --id 1029 --owner ivan --company 214 --contact 312 \
  --stage won --amount "312 400" --closed 12.11.2026 --field region=msk --field segment=b2b --field product=licenses
at "2026-10-15 09:40" dmitry
dl "Ноутбуки для учебных классов, 20 шт." --id 1040 --owner dmitry --company 288 --contact 357 \
  --stage analysis --amount "980 000" --closed 17.11.2026 --field region=msk --field segment=smb --field product=laptops \
  --field lost_reason="клиент купил б/у технику у маркетплейса"
at "2026-10-20 17:05" petr
dl "Сервисный контракт на обслуживание видеосистем, 12 мес." --id 1045 --owner petr --company 227 --contact 318 \
  --stage preparation --amount "720 000" --field region=spb --field segment=b2b --field product=service
at "2026-10-22 11:30" elena
dl "POS-терминалы для 4 ресторанов" --id 1035 --owner elena --company 260 --contact 340 \
  --stage won --amount "684 000" --closed 24.11.2026 --field region=spb --field segment=smb --field product=pos
at "2026-10-27 14:15" elena
dl "Терминалы сбора данных для склада, 40 шт." --id 1051 --owner elena --company 252 --contact 336 \
  --stage final --amount "1 540 000" --field region=spb --field segment=b2b --field product=tsd
at "2026-11-03 10:10" maria
dl "Лицензии антивируса на 2027 год, 180 рабочих мест" --id 1055 --owner maria --company 238 --contact 327 \
  --stage proposal --amount "418 000" --field region=msk --field segment=b2g --field product=licenses
at "2026-11-05 16:20" dmitry
dl "Сервер рендеринга" --id 1057 --owner dmitry --company 273 --contact 349 \
  --stage negotiation --amount "2 860 000" --field region=msk --field segment=smb --field product=servers
at "2026-11-09 12:00" ivan
dl "Аренда МФУ с обслуживанием, 10 шт." --id 1058 --owner ivan --company 214 --contact 311 \
  --stage new --amount "540 000" --field region=msk --field segment=b2b --field product=printers
at "2026-11-10 15:35" elena
dl "Wi-Fi в новом ресторане на Рубинштейна" --id 1060 --owner elena --company 260 --contact 340 \
  --stage preparation --amount "395 000" --field region=spb --field segment=smb --field product=network
at "2026-11-11 10:25" olga
dl "Видеонаблюдение для магазина" --id 1062 --owner olga --company 231 --contact 322 \
  --stage new --amount "178 000" --field region=ekb --field segment=smb --field product=cctv
at "2026-11-13 13:50" dmitry
dl "Интерактивные панели и проекторы, 6 классов" --id 1064 --owner dmitry --company 288 --contact 357 \
  --stage proposal --amount "1 240 000" --field region=msk --field segment=smb --field product=av
at "2026-11-18 11:05" ivan
dl "Ноутбуки и мониторы для нового офиса, 40 мест" --id 1053 --owner ivan --company 281 --contact 353 \
  --stage new --amount "3 100 000" --field region=msk --field segment=b2b --field product=laptops

# Leads: not yet qualified requests.
at "2026-11-16 09:15" dmitry
t lead add "Заявка с сайта: 15 ноутбуков для бухгалтерии" --id 512 --owner dmitry --stage new \
  --field source=сайт --field region=msk
at "2026-11-17 14:40" petr
t lead add "Входящий звонок: ООО «Техстрой», видеонаблюдение на 2 объекта" --id 517 --owner petr --stage new \
  --field source=звонок --field region=spb
at "2026-11-19 18:10" olga
t lead add "Визитка с выставки «Иннопром»: АО «УралТрансСервис»" --id 521 --owner olga --stage new \
  --field source=выставка --field region=ekb
at "2026-11-20 10:00" maria
t lead add "Аукцион на АРМ для МФЦ, извещение 0173200001426001245" --id 526 --owner maria --stage new \
  --field source=тендер --field region=msk --field segment=b2g
at "2026-11-23 12:30" ivan
t lead add "Рекомендация Белова: ООО «Гранит-Сервис», сервер 1С" --id 530 --owner ivan --stage new \
  --contact 311 --field source=рекомендация --field region=msk

# --- tasks, 2–26 November --------------------------------------------------------
# Seen on Friday 27.11 10:00: about a dozen are late, some are due today, most of the
# rest next week, a few have no deadline at all.
task() { t task add "$@"; }

at "2026-11-02 09:40" anna
task "Подготовить КП на 25 ноутбуков в двух вариантах конфигурации" --to ivan --deal 1042 --due 06.11 \
  --priority high --review --tag КП \
  -m $'Вариант 1 — Lenovo ThinkPad, вариант 2 — отечественные (Аквариус).\nЦены с НДС, срок поставки и гарантию указать отдельно.'
at "2026-11-03 11:15" anna
task "Согласовать с Орловым дату выезда инженера на объект" --to petr --deal 1044 --due 13.11.2026 --tag выезд
at "2026-11-05 10:30" anna
task "Отправить акт сверки за III квартал в бухгалтерию «Уралмета»" --to olga --company 245 --due 2026-11-20 \
  --review --tag документы
at "2026-11-06 12:10" anna
task "Выяснить, кто теперь отвечает за ИТ-закупки в «Север-Строе»" --to petr --company 227
at "2026-11-09 09:20" anna
task "Проверить проект контракта по антивирусу на соответствие 44-ФЗ" --to maria --deal 1055 --due 18.11 \
  --priority high --with natalia --tag тендер
at "2026-11-10 16:40" anna
task "Разобрать причины проигрыша по «Школе „Код“» и прислать выводы" --to dmitry --deal 1040 --due 20.11 --review \
  -m $'Что предложил конкурент, на каком этапе потеряли клиента, что делаем иначе в следующий раз.\nКоротко, 5–7 пунктов.'
at "2026-11-11 11:00" anna
task "Получить от «Ромашки» отзыв о поставке лицензий для кейса на сайте" --to ivan --company 214 --due 2026-11-17 \
  --tag маркетинг
at "2026-11-12 09:50" anna
task "Представиться новым менеджером в «Фарм-Дистрибуции» и назначить встречу" --to elena --company 296 --due 19.11 \
  --priority high \
  -m $'Сергей Волков уволился 30.10, клиент с тех пор ни с кем не общался.\nПосле проигрыша по СХД важно не потерять сетевое направление.'
at "2026-11-13 17:20" anna
task "Почистить базу контактов от дублей после переноса из Битрикс24" --to dmitry --tag база
at "2026-11-16 10:05" ivan
task "Запросить у Григорьевой подписанный договор по лицензиям 1С" --to ivan --contact 312 --due 24.11 \
  --observer anna --tag документы
at "2026-11-17 15:30" anna
task "Снять возражение по цене СХД: подготовить расчёт стоимости владения на 3 года" --to olga --deal 1049 \
  --due 2026-11-25 --priority high --review --observer petr
at "2026-11-18 10:45" anna
task "Уточнить у Фоминой график закупок на I квартал" --to maria --contact 327
at "2026-11-19 09:30" anna
task "Квалифицировать заявку с сайта: бюджет, сроки, ЛПР" --to dmitry --lead 512 --due "пн" --tag звонок
at "2026-11-19 16:00" ivan
task "Скинуть Ивану шаблон КП по видеонаблюдению" --to petr --observer anna --tag КП
at "2026-11-20 11:40" anna
task "Подготовить разбор удачной сделки для пятничной планёрки" --to ivan,petr --due 26.11 --tag планёрка \
  -m "10 минут: как вышли на ЛПР, что сработало на переговорах, какие были возражения."
task "Согласовать с поликлиникой план закупок на 2027 год" --to maria --company 238 --due 15.12
at "2026-11-23 10:00" anna
task "Сдать прогноз закрытия сделок на декабрь" --to dept:sales --due "2026-12-01 12:00" --review --tag прогноз \
  -m $'По каждой открытой сделке: сумма, вероятность, ожидаемая дата оплаты.\nТаблицу — в общую папку, ссылку — комментарием к задаче.'
task "Согласовать с вендором спеццену на сервер рендеринга" --to dmitry --deal 1057 --due "пт 15:00" --priority high
at "2026-11-24 09:35" anna
task "Позвонить Белову и согласовать спецификацию до обеда" --to ivan --deal 1042 --due "2026-11-27 12:00" \
  --priority high --tag звонок
task "Подготовить проект сервисного договора и согласовать SLA с инженерами" --to petr --deal 1045 --due 02.12
at "2026-11-24 13:10" olga
task "Выехать на объект к Кузнецову, сделать замеры для камер" --to olga --deal 1062 --due 01.12 --observer anna --tag выезд
at "2026-11-25 10:15" anna
task "Выставить финальный счёт «Балтийской логистике» и отправить оригиналы курьером" --to elena --deal 1051 \
  --due пятница --review --tag документы
task "Собрать пакет документов на закупку коммутаторов" --to olga --deal 1047 --due 03.12 --priority high \
  --with natalia --tag тендер \
  -m $'Окончание подачи заявок — 07.12 в 10:00 по Москве.\nВыписка ЕГРЮЛ, сертификаты соответствия, письмо производителя, банковская гарантия.'
task "Назначить встречу с Киселёвой в новом офисе, снять потребность" --to ivan --deal 1053 --due "в понедельник"
task "Провести с «Уралметом» встречу по итогам года и планам на 2027" --to olga --company 245 --due 10.12 --review
at "2026-11-26 09:30" anna
task "Отправить «Север-Строю» акт сверки — обещали ещё во вторник" --to petr --company 227 --due 24.11 --allow-past \
  --priority high --tag документы
at "2026-11-26 10:20" petr
task "Перезвонить по входящему запросу «Техстроя»" --to petr --lead 517 --due 30.11 --tag звонок
at "2026-11-26 11:00" anna
task "Согласовать с рестораном дату монтажа Wi-Fi" --to elena --deal 1060 --due 01.12
task "Оценить аукцион на АРМ для МФЦ: маржа, сроки, риски" --to maria --lead 526 --due 02.12 --priority high \
  --review --with natalia --tag тендер
task "Организовать демонстрацию интерактивной панели в школе" --to dmitry --deal 1064 --due 04.12
task "Подготовить КП на аренду 10 МФУ с обслуживанием" --to ivan --deal 1058 --due 03.12 --tag КП
task "Поздравить Яковлеву с 10-летием «Балтийской логистики», согласовать подарок" --to elena --contact 336 --due 11.12
at "2026-11-26 15:45" maria
task "Подписать в ЕИС документ о приёмке по рабочим станциям" --to maria --deal 1033 --due сегодня --observer anna \
  --tag документы
task "Подписать УПД по рабочим станциям и передать оригиналы в поликлинику" --to maria --deal 1033 --due завтра \
  --tag документы
at "2026-11-26 17:50" anna
task "Отправить презентацию и прайс контакту с выставки" --to olga --lead 521 --due завтра

# --- copy the store's files into examples/store ----------------------------------
# The plans are written by hand (examples/README.md): keep them across a regeneration.
plans_kept=$(mktemp -d)
[[ -d "$dest/plans" ]] && cp -R "$dest/plans" "$plans_kept/"
rm -rf "$dest"
mkdir -p "$dest"
[[ -d "$plans_kept/plans" ]] && cp -R "$plans_kept/plans" "$dest/"
rm -rf "$plans_kept"
for f in tally.yaml people.yaml .gitignore; do cp "$store/$f" "$dest/"; done
for d in tasks deals companies contacts leads plans; do
  [[ -d "$store/$d" ]] && cp -R "$store/$d" "$dest/"
done

elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))
count() { find "$dest/$1" -name '*.yaml' 2>/dev/null | wc -l; }
people=$(grep -c '^  - login:' "$dest/people.yaml")
printf 'wrote %s in %d.%01d s: %d people, %d companies, %d contacts, %d deals, %d leads, %d tasks\n' \
  "${dest#"$root"/}" $((elapsed_ms / 1000)) $((elapsed_ms % 1000 / 100)) "$people" "$(count companies)" "$(count contacts)" "$(count deals)" \
  "$(count leads)" "$(count tasks)"
if [[ $keep == 1 ]]; then echo "the temporary store (with its git history) is kept in $store"; fi
echo "see it: TALLY_NOW=2026-11-27T10:00:00+03:00 TALLY_USER=anna tally --store examples/store task list"
