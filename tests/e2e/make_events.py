#!/usr/bin/env python3
"""Writes N short synthetic Arabic news articles as JSON Lines for `tarikh ingest`.

Each article is one sentence reporting one dated event (a meeting, visit, call, agreement,
summit or military exercise between two of nine states) on a day between 1900 and 2024.
Reports of one pair of sides a few days apart merge into one event, so the default of 10,500
articles gives a little over 10,000 timeline events. Deterministic:
the same N gives the same file.

    python3 tests/e2e/make_events.py > /tmp/events.jsonl
"""

import json
import random
import sys

# (how the sentence names the side, its capital). Leaders and states the extractor knows.
SIDES = [
    ("الرئيس الروسي فلاديمير بوتين", "موسكو"),
    ("الرئيس الصيني شي جين بينغ", "بكين"),
    ("الرئيس التركي رجب طيب أردوغان", "تركيا"),
    ("الرئيس الأمريكي جو بايدن", "واشنطن"),
    ("روسيا", "موسكو"),
    ("الصين", "بكين"),
    ("إيران", "طهران"),
    ("تركيا", "تركيا"),
    ("الهند", "نيودلهي"),
    ("باكستان", "إسلام أباد"),
    ("بيلاروسيا", "مينسك"),
    ("كازاخستان", "أستانا"),
]
PEOPLE = SIDES[:4]
STATES = SIDES[4:]

# Levantine and Egyptian/Gulf month names alternate, as in real sources.
MONTHS = [
    ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
     "تشرين الأول", "تشرين الثاني", "كانون الأول"],
    ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
     "أكتوبر", "نوفمبر", "ديسمبر"],
]

TEMPLATES = [
    lambda a, b, date: f"التقى {a[0]} {b[0]} في {b[1]} يوم {date}.",
    lambda a, b, date: f"زار {a[0]} {b[1]} يوم {date}.",
    lambda a, b, date: f"أجرى {a[0]} اتصالا هاتفيا مع {b[0]} يوم {date}.",
    lambda a, b, date: f"شارك {a[0]} في قمة مع {b[0]} في {b[1]} يوم {date}.",
]
STATE_TEMPLATES = [
    lambda a, b, date: f"وقعت {a[0]} و{b[0]} اتفاقية للتعاون الاقتصادي يوم {date}.",
    lambda a, b, date: f"أجرت {a[0]} و{b[0]} مناورات عسكرية مشتركة يوم {date}.",
]


def article(rng: random.Random, i: int) -> dict:
    year = rng.randrange(1900, 2025)
    month = rng.randrange(1, 13)
    day = rng.randrange(1, 29)
    date = f"{day} {MONTHS[i % 2][month - 1]} {year}"
    if rng.random() < 0.6:
        a, b = rng.sample(PEOPLE, 2)
        text = rng.choice(TEMPLATES)(a, b, date)
    else:
        a, b = rng.sample(STATES, 2)
        text = rng.choice(STATE_TEMPLATES)(a, b, date)
    # Published some days later; the number makes every text unique, so none is deduplicated.
    published = f"{year}-{month:02d}-{min(day + rng.randrange(0, 3), 28):02d}"
    return {
        "text": f"{text} (خبر رقم {i})",
        "published_at": published,
        "title": f"خبر تجريبي {i}",
        "source": "synthetic",
        "url": f"https://example.org/synthetic/{i}",
    }


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10500
    rng = random.Random(20240505)
    out = sys.stdout
    for i in range(n):
        out.write(json.dumps(article(rng, i), ensure_ascii=False))
        out.write("\n")


if __name__ == "__main__":
    main()
