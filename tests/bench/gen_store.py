#!/usr/bin/env python3
"""Writes a realistic tally store for benchmarks: people in three departments,
TASKS task files (10 % open, deadlines over two years, some overdue, Cyrillic
titles), DEALS deals and 24 monthly plans, in the canonical form tally writes.

  gen_store.py DIR [--tasks N] [--deals N] [--seed S]
"""
import argparse
import os
import random
import subprocess

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
VERBS = ["Позвонить", "Отправить КП", "Согласовать договор", "Выставить счёт", "Назначить встречу",
         "Уточнить потребность", "Подготовить спецификацию", "Напомнить об оплате"]
CLIENTS = ["ООО «Ромашка»", "АО «Север-Строй»", "ИП Кузнецов", "ООО «Уралмет»", "ООО «Вектор»",
           "ГБУ «Поликлиника №3»", "ООО «Фарм-Дистрибуция»", "АО «Балтика-Логистик»"]
STAGES = ["new", "preparation", "proposal", "negotiation", "final", "won", "lost"]
REGIONS = ["msk", "spb", "ekb"]
SEGMENTS = ["b2b", "b2g", "smb"]


def task_id(rng):
    return "T-" + "".join(rng.choice(CROCKFORD) for _ in range(10))


def stamp(year, month, day, hour=10):
    return f"{year:04}-{month:02}-{day:02}T{hour:02}:00:00+03:00"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--tasks", type=int, default=10000)
    ap.add_argument("--deals", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    root = args.dir
    os.makedirs(root, exist_ok=True)
    subprocess.run(["tally", "init", root, "--timezone", "Europe/Moscow", "--name", "Bench", "--no-commit"],
                   check=True, stdout=subprocess.DEVNULL)

    people = []
    with open(os.path.join(root, "people.yaml"), "w") as f:
        f.write("people:\n")
        for i in range(50):
            dept = ["sales", "key", "tender"][i % 3]
            login = "head" if i == 0 else f"m{i:02}"
            role = "head" if i == 0 else "manager"
            people.append(login)
            f.write(f"  - login: {login}\n    name: Менеджер {i}\n    email: {login}@bench.example\n"
                    f"    role: {role}\n    department: {dept}\n    active: true\n")

    os.makedirs(os.path.join(root, "deals"), exist_ok=True)
    for i in range(args.deals):
        did = str(100000 + i)
        stage = rng.choice(STAGES)
        y, m = rng.choice([(2025, mm) for mm in range(1, 13)] + [(2026, mm) for mm in range(1, 13)])
        lines = [f'id: "{did}"', f"title: Поставка для {rng.choice(CLIENTS)} №{i}",
                 f"owner: {rng.choice(people[1:])}", f"stage: {stage}",
                 f'amount: "{rng.randint(1000, 5000000)}.{rng.randint(0, 99):02}"', "currency: RUB",
                 f"created: {stamp(y, m, rng.randint(1, 20))}"]
        if stage in ("won", "lost"):
            lines.append(f"closed: {stamp(y, m, rng.randint(21, 28), 15)}")
        lines += ["fields:", f"  region: {rng.choice(REGIONS)}", f"  segment: {rng.choice(SEGMENTS)}"]
        with open(os.path.join(root, "deals", did + ".yaml"), "w") as f:
            f.write("\n".join(lines) + "\n")

    os.makedirs(os.path.join(root, "plans"), exist_ok=True)
    for y in (2025, 2026):
        for m in range(1, 13):
            with open(os.path.join(root, "plans", f"{y}-{m:02}.yaml"), "w") as f:
                f.write(f"period: {y}-{m:02}\nmeasure: amount\nsegments:\n")
                for r in REGIONS:
                    for s in SEGMENTS:
                        f.write(f"  - name: {r} {s}\n    match:\n      region: {r}\n      segment: {s}\n"
                                f'    target: "{rng.randint(10, 200) * 100000}.00"\n')

    for i in range(args.tasks):
        tid = task_id(rng)
        y, m = rng.choice([(2025, mm) for mm in range(1, 13)] + [(2026, mm) for mm in range(1, 12)])
        d = rng.randint(1, 28)
        open_task = rng.random() < 0.10
        status = rng.choice(["new", "accepted", "in_progress"]) if open_task else rng.choice(["done", "cancelled"])
        who = rng.choice(people[1:])
        dl_m = m + 1 if m < 12 else 1
        dl_y = y if m < 12 else y + 1
        folder = os.path.join(root, "tasks", f"{y:04}", f"{m:02}")
        os.makedirs(folder, exist_ok=True)
        body = (f"id: {tid}\ntitle: {rng.choice(VERBS)} {rng.choice(CLIENTS)}\nstatus: {status}\n"
                f"creator: head\nresponsible: {who}\ncreated: {stamp(y, m, d)}\n"
                f"deadline: {stamp(dl_y, dl_m, d, 18)}\npriority: normal\n"
                f"link: deal/{100000 + rng.randrange(args.deals)}\n"
                f"log:\n  - at: {stamp(y, m, d)}\n    by: head\n    event: created\n")
        with open(os.path.join(folder, tid + ".yaml"), "w") as f:
            f.write(body)


if __name__ == "__main__":
    main()
