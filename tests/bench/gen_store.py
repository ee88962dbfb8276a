#!/usr/bin/env python3
"""Writes a realistic tally store for `make bench`, and the same data for the tools tally is
compared with.

The store: 50 people (the head of sales, who has no department and so is head over every task,
and 49 managers in three departments, one of them the department's head), TASKS task files (10 %
open, most of them recent and about a third of those overdue; the rest done, cancelled or
declined over the last two years, each with the log its commands would have written; Cyrillic
titles, some tags, participants and high priorities), DEALS deals over the last 24 months with
region and segment, and the 24 monthly plans of those months, all in the canonical form tally
writes and committed to git in one commit (packed, as a clone would be).

  gen_store.py DIR [--tasks N] [--deals N] [--seed S] [--now ISO]
               [--taskwarrior FILE] [--ledger FILE] [--no-commit]

--taskwarrior writes the same tasks as a taskwarrior import file: a JSON array with description,
project = the responsible's login (so `task project:P list` lists what `tally task list --to P`
lists), status (open -> pending, done -> completed, cancelled and declined -> deleted), entry
(created), due (deadline), end (when it was closed), modified, uuid, tags and priority.

--ledger writes an hledger journal: each won deal as a transaction on the day it closed, posted to
продажи:REGION:SEGMENT, and each monthly plan as a periodic transaction (a budget rule) for that
month, so that `hledger balance --budget -M` compares what `tally plan check` compares.

--now is the moment the data is generated around (default: the clock); run.sh passes the same
moment to tally as TALLY_NOW, because taskwarrior and hledger only know the clock.
"""
import argparse
import datetime as dt
import json
import os
import random
import subprocess
import sys
import time
import uuid

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
VERBS = ["Позвонить", "Отправить КП", "Согласовать договор", "Выставить счёт",
         "Назначить встречу", "Уточнить потребность", "Подготовить спецификацию", "Напомнить об оплате"]
CLIENTS = ["ООО «Ромашка»", "АО «Север-Строй»", "ИП Кузнецов", "ООО «Уралмет»",
           "ООО «Вектор»", "ГБУ «Поликлиника №3»", "ООО «Фарм-Дистрибуция»", "АО «Балтика-Логистик»"]
TAGS = ["звонок", "встреча", "документы", "срочно", "тендер"]
STAGES = ["new", "preparation", "proposal", "negotiation", "final", "won", "lost"]
REGIONS = ["msk", "spb", "ekb"]
SEGMENTS = ["b2b", "b2g", "smb"]
DEPARTMENTS = ["sales", "key", "tender"]
OPEN = ["new", "accepted", "in_progress", "review", "deferred"]
CLOSED = ["done", "cancelled", "declined"]
MSK = dt.timezone(dt.timedelta(hours=3))  # Europe/Moscow has no daylight saving time
DAY = dt.timedelta(days=1)


def stamp(t):
    """A timestamp as tally writes it, in the store's zone."""
    return t.astimezone(MSK).isoformat(timespec="seconds")


def tw_stamp(t):
    """A timestamp as taskwarrior's JSON has it, in UTC."""
    return t.astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def months_back(now, count):
    """The (year, month) of the `count` months ending with the month of `now`, oldest first."""
    y, m = now.year, now.month
    out = []
    for _ in range(count):
        out.append((y, m))
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    return out[::-1]


def moment_between(rng, start, end):
    """A moment in working hours on a random day between start and end (both datetimes)."""
    days = max(0, (end - start).days)
    day = start + rng.randint(0, days) * DAY
    t = day.replace(hour=rng.randint(9, 17), minute=rng.choice([0, 15, 30, 45]), second=0, microsecond=0)
    return min(max(t, start), end)


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def write_people(root):
    """head (no department: head over everyone) and m01..m49, m01..m03 the heads of departments."""
    people = [("head", "Анна Руководитель", "head", None)]
    for i in range(1, 50):
        dept = DEPARTMENTS[(i - 1) % 3]
        people.append((f"m{i:02}", f"Менеджер {i}", "head" if i <= 3 else "manager", dept))
    lines = ["people:"]
    for login, name, role, dept in people:
        lines += [f"  - login: {login}", f"    name: {name}", f"    email: {login}@bench.example",
                  f"    role: {role}"]
        if dept:
            lines.append(f"    department: {dept}")
        lines.append("    active: true")
    write(os.path.join(root, "people.yaml"), "\n".join(lines) + "\n")
    return people


def write_deals(root, rng, count, now, managers):
    """Deals created over the last 24 months; won and lost ones closed within 45 days, before now.
    Returns the won deals as (closed, title, region, segment, amount text)."""
    os.makedirs(os.path.join(root, "deals"), exist_ok=True)
    start = dt.datetime(*months_back(now, 24)[0], 1, tzinfo=MSK)
    won = []
    for i in range(count):
        did = str(100000 + i)
        created = moment_between(rng, start, now)
        stage = rng.choice(STAGES)
        closed = moment_between(rng, created, created + 45 * DAY)
        if stage in ("won", "lost") and closed > now:
            stage = "negotiation"
        region, segment = rng.choice(REGIONS), rng.choice(SEGMENTS)
        amount = f"{rng.randint(1000, 5000000)}.{rng.randint(0, 99):02}"
        title = f"Поставка для {rng.choice(CLIENTS)} №{i}"
        lines = [f'id: "{did}"', f"title: {title}", f"owner: {rng.choice(managers)}", f"stage: {stage}",
                 f'amount: "{amount}"', "currency: RUB", f"created: {stamp(created)}"]
        if stage in ("won", "lost"):
            lines.append(f"closed: {stamp(closed)}")
        if stage == "won":
            won.append((closed, title, region, segment, amount, did))
        lines += ["fields:", f"  region: {region}", f"  segment: {segment}"]
        write(os.path.join(root, "deals", did + ".yaml"), "\n".join(lines) + "\n")
    return won


def write_plans(root, rng, now):
    """One plan per month of the last 24, a segment per region and segment. Returns
    [(period, [(region, segment, target text)])]."""
    os.makedirs(os.path.join(root, "plans"), exist_ok=True)
    plans = []
    for y, m in months_back(now, 24):
        period = f"{y}-{m:02}"
        segs = [(r, s, f"{rng.randint(10, 200) * 100000}.00") for r in REGIONS for s in SEGMENTS]
        lines = [f"period: {period}", "measure: amount", "segments:"]
        for r, s, target in segs:
            lines += [f"  - name: {r} {s}", "    match:", f"      region: {r}", f"      segment: {s}",
                      f'    target: "{target}"']
        write(os.path.join(root, "plans", period + ".yaml"), "\n".join(lines) + "\n")
        plans.append((period, segs))
    return plans


def task_log(rng, status, creator, who, created, end):
    """The log entries a task in `status` would have, as (at, by, event, [(key, value)])."""
    log = [(created, creator, "created", [])]
    if status == "new":
        return log
    seen = moment_between(rng, created, min(created + 2 * DAY, end))
    if status == "accepted":
        return log + [(seen, who, "acknowledged", [("status", "accepted")])]
    if status == "declined":
        return log + [(seen, who, "declined", [("status", "declined"), ("reason", "не наш клиент")])]
    if status == "cancelled":
        return log + [(end, creator, "cancelled", [("status", "cancelled")])]
    log.append((seen, who, "started", [("status", "in_progress")]))
    if rng.random() < 0.3:
        asked = moment_between(rng, seen, end)
        log.append((asked, creator, "commented", [("text", "Как успехи?")]))
    if status == "review":
        log.append((end, who, "done", [("status", "review"), ("result", "сделано")]))
    elif status == "deferred":
        log.append((end, who, "deferred", [("from", "in_progress"), ("status", "deferred")]))
    elif status == "done":
        log.append((end, who, "done", [("status", "done")]))
    return log


def yaml_text(value):
    """A one-line text value: quoted when YAML would read it as something else."""
    if value == "" or value[0] in "!&*{}[]|>'\"%@`#,?:-" or ": " in value or " #" in value:
        return json.dumps(value, ensure_ascii=False)
    return value


def write_tasks(root, rng, count, now, people, deals):
    """Writes the task files; returns the taskwarrior import records."""
    managers = [p for p in people if p[0] != "head"]
    dept_head = {p[3]: p[0] for p in managers if p[2] == "head"}
    start = now - 730 * DAY
    ids = set()
    records = []
    made = {}
    for _ in range(count):
        tid = "T-" + "".join(rng.choice(CROCKFORD) for _ in range(10))
        while tid in ids:
            tid = "T-" + "".join(rng.choice(CROCKFORD) for _ in range(10))
        ids.add(tid)
        who, _, _, dept = rng.choice(managers)
        r = rng.random()
        creator = "head" if r < 0.6 else dept_head[dept] if r < 0.9 else who
        if rng.random() < 0.10:  # open: given in the last month, about a third overdue
            created = moment_between(rng, now - 30 * DAY, now)
            status = rng.choices(OPEN, [30, 25, 35, 5, 5])[0]
            deadline = (created + rng.randint(1, 45) * DAY).replace(hour=18, minute=0)
            if rng.random() < 0.05:
                deadline = None
            end = moment_between(rng, created, now) if status in ("review", "deferred") else now
        else:
            created = moment_between(rng, start, now - DAY)
            status = rng.choices(CLOSED, [80, 12, 8])[0]
            deadline = (created + rng.randint(1, 30) * DAY).replace(hour=18, minute=0)
            end = moment_between(rng, created, min(now, deadline + 5 * DAY))
        log = task_log(rng, status, creator, who, created, end)
        participants = [rng.choice(managers)[0]] if rng.random() < 0.05 else []
        participants = [p for p in participants if p != who]
        tags = sorted(rng.sample(TAGS, rng.randint(1, 2))) if rng.random() < 0.2 else []
        high = rng.random() < 0.1
        link = f"deal/{100000 + rng.randrange(deals)}" if deals and rng.random() < 0.7 else None
        title = f"{rng.choice(VERBS)} {rng.choice(CLIENTS)}"

        lines = [f"id: {tid}", f"title: {title}", f"status: {status}", f"creator: {creator}",
                 f"responsible: {who}"]
        if participants:
            lines += ["participants:"] + [f"  - {p}" for p in participants]
        lines.append(f"created: {stamp(created)}")
        if deadline:
            lines.append(f"deadline: {stamp(deadline)}")
        lines.append(f"priority: {'high' if high else 'normal'}")
        if status == "review":
            lines.append("review: true")
        if link:
            lines.append(f"link: {link}")
        if tags:
            lines += ["tags:"] + [f"  - {t}" for t in tags]
        lines.append("log:")
        for at, by, event, extra in log:
            lines += [f"  - at: {stamp(at)}", f"    by: {by}", f"    event: {event}"]
            lines += [f"    {k}: {yaml_text(v)}" for k, v in extra]
        local = created.astimezone(MSK)
        folder = os.path.join(root, "tasks", f"{local.year:04}", f"{local.month:02}")
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made[folder] = True
        write(os.path.join(folder, tid + ".yaml"), "\n".join(lines) + "\n")

        closed = status in CLOSED
        tw_status = "completed" if status == "done" else "deleted" if closed else "pending"
        rec = {"uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "description": title,
               "project": who, "status": tw_status,
               "entry": tw_stamp(created), "modified": tw_stamp(log[-1][0])}
        if deadline:
            rec["due"] = tw_stamp(deadline)
        if closed:
            rec["end"] = tw_stamp(log[-1][0])
        if tags:
            rec["tags"] = tags
        if high:
            rec["priority"] = "H"
        records.append(rec)
    return records


def write_ledger(path, won, plans):
    """Won deals as transactions, monthly plans as periodic (budget) transactions."""
    out = ["; the won deals of the tally bench store, and its monthly plans as budget rules", ""]
    for period, segs in plans:
        y, m = map(int, period.split("-"))
        ny, nm = (y, m + 1) if m < 12 else (y + 1, 1)
        out.append(f"~ monthly from {y}-{m:02}-01 to {ny}-{nm:02}-01  план {period}")
        out += [f"    продажи:{r}:{s}    {target} RUB" for r, s, target in segs]
        out += ["    клиенты", ""]
    for closed, title, region, segment, amount, did in sorted(won):
        out += [f"{closed.astimezone(MSK).date().isoformat()} {title}  ; deal {did}",
                f"    продажи:{region}:{segment}    {amount} RUB", "    клиенты", ""]
    write(path, "\n".join(out))


def progress(what, started):
    print(f"   {what}: {time.monotonic() - started:.1f} s", file=sys.stderr, flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--tasks", type=int, default=10000)
    ap.add_argument("--deals", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--now", help="ISO 8601 moment with offset (default: the clock)")
    ap.add_argument("--taskwarrior", metavar="FILE",
                    help="also write the tasks as a taskwarrior import file")
    ap.add_argument("--ledger", metavar="FILE", help="also write won deals and plans as an hledger journal")
    ap.add_argument("--no-commit", action="store_true", help="leave the generated files uncommitted")
    args = ap.parse_args()
    now = dt.datetime.fromisoformat(args.now) if args.now else dt.datetime.now(MSK).replace(microsecond=0)
    rng = random.Random(args.seed)
    root = args.dir
    started = time.monotonic()
    os.makedirs(root, exist_ok=True)
    subprocess.run(["tally", "init", root, "--timezone", "Europe/Moscow", "--name", "Bench", "--no-commit"],
                   check=True, stdout=subprocess.DEVNULL)

    people = write_people(root)
    managers = [p[0] for p in people if p[0] != "head"]
    won = write_deals(root, rng, args.deals, now, managers)
    plans = write_plans(root, rng, now)
    records = write_tasks(root, rng, args.tasks, now, people, args.deals)
    if args.taskwarrior:
        with open(args.taskwarrior, "w", encoding="utf-8") as f:
            json.dump(records, f, ensure_ascii=False, separators=(",", ":"))
    if args.ledger:
        write_ledger(args.ledger, won, plans)
    progress(f"wrote {args.tasks} tasks, {args.deals} deals, {len(plans)} plans", started)

    if not args.no_commit:
        started = time.monotonic()
        git = ["git", "-C", root, "-c", "user.name=Bench", "-c", "user.email=head@bench.example", "-c", "gc.auto=0"]
        subprocess.run(git + ["add", "-A"], check=True)
        subprocess.run(git + ["commit", "-q", "-m", f"bench store: {args.tasks} tasks, {args.deals} deals"],
                       check=True)
        progress("git add and commit", started)
        started = time.monotonic()
        # a clone's objects are packed; loose ones would also make git gc --auto start in the
        # background of the first timed commit
        # Its input closed: git's pack-objects reads revisions from standard input, and
        # a caller's (a terminal, a CI log) is no place to take them from.
        subprocess.run(git + ["repack", "-a", "-d", "-q"], check=True, stdin=subprocess.DEVNULL)
        progress("git repack", started)


if __name__ == "__main__":
    main()
