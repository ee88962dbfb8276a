#!/usr/bin/env python3
"""Writes a deals export in Bitrix24's layout (UTF-8 with a BOM, ';', every value
quoted, every line ending in ';') for the import benchmark.

  gen_import.py ROWS [--products N] [--comment BYTES] > deals.csv

ROWS deals; with --products each deal repeats on N product rows (as Bitrix24
exports products); --comment pads each row with a multi-line comment of that
many bytes, to make a large file out of few deals.
"""
import argparse
import random
import sys

HEADER = ["ID", "Название сделки", "Стадия сделки", "Группа стадий", "Сумма", "Валюта",
          "Ответственный", "Компания", "Дата создания", "Предполагаемая дата закрытия",
          "Источник", "Регион", "Комментарий", "Товар", "Цена", "Количество"]
STAGES = [("Новая", "В работе"), ("В работе", "В работе"), ("Финальный счёт", "В работе"),
          ("Сделка успешна", "Сделка успешна"), ("Сделка провалена", "Сделка провалена")]
PEOPLE = ["Анна Смирнова", "Иван Петров", "Пётр Сидоров"]


def q(v):
    return '"' + v.replace('"', '""') + '"'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("rows", type=int)
    ap.add_argument("--products", type=int, default=1)
    ap.add_argument("--comment", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    out = sys.stdout.buffer
    out.write(b"\xef\xbb\xbf" + (";".join(map(q, HEADER)) + ";\r\n").encode())
    pad = ("Комментарий менеджера \"в кавычках\"; строка\n" * (args.comment // 60 + 1))[:args.comment]
    for i in range(args.rows):
        stage, group = rnd.choice(STAGES)
        amount = f"{rnd.randint(10, 50000) * 1000:,}".replace(",", "\u00a0") + ",00"
        day = rnd.randint(1, 28)
        row = [str(100000 + i), f"Сделка №{i} для ООО «Клиент {i % 500}»", stage, group, amount,
               "Российский рубль", rnd.choice(PEOPLE), f"ООО «Клиент {i % 500}»",
               f"{day:02}.10.2026 10:{i % 60:02}:00", f"{day:02}.11.2026", "Сайт",
               rnd.choice(["msk", "spb", "ekb"]), pad, "", "", ""]
        for p in range(args.products):
            row[13:16] = [f"Товар {p}", "1 000", "1"]
            out.write((";".join(map(q, row)) + ";\r\n").encode())


if __name__ == "__main__":
    main()
