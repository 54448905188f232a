#!/usr/bin/env python3
"""Synthetic articles and events for the HTTP load benchmark (issue #4).

Two steps, because the documents go in through `tarikh ingest` itself:

    python3 gen_db.py documents docs.jsonl --documents 50000
    tarikh ingest --db events.db seeds/ docs.jsonl
    python3 gen_db.py events events.db --events 1000000

`documents` writes articles as JSON Lines (short Arabic filler with no event triggers, published
across 2000-2026 by 20 outlets, a few without a source). They are ingested by the real binary
because `documents_fts` is `contentless_delete = 1`, which needs SQLite 3.43 while Debian 12's
Python has 3.40: ingest writes documents, their timexes and documents_fts exactly as the
service does, and finds no events in them.

`events` adds events to that database, each with 1-3 evidence rows citing the stored
documents (one published on or shortly after the event), their participants and their
evidence_fts entries, written the way `src/store` writes them:

- `events.participant_key` is the sorted, distinct ISO alpha-3 codes joined by '+';
- `kind`, `plover`, `cameo`, `status`, `date_*`, `place_*`, `date_conflict` are the fold of the
  evidence in evidence_id order (`store::merge::Aggregate`): most specific contact kind,
  tightest date, strongest status, first place, a note when two same-precision days disagree;
- `width_class` is ceil(log2(days covered)), `earliest`/`latest` the value's interval as
  `extract::resolve::span` reads it;
- `article_count`/`source_count` count the distinct documents and sources of the evidence;
- undated events and events without participants have one report (they never merge);
- evidence_fts holds the quote folded like `extract::normalize::fold`.

The shape: event dates over 2000-2026 (later years denser), precision day 70 %, month 15 %,
year 7 %, week 5 %, quarter, season and decade 1 % each; 3 % undated; kinds statement 27 %,
meeting 24 %, visit 14 %, military 11 %, call 9 %, agreement 8 %, summit 4 %, other 3 %;
0-4 participant countries (mostly 2) drawn from 60 with a Zipf skew, which puts RUS and CHN
together in about 3 % of events. Event ids are not in date order.

Known differences from a real ingest: the evidence spans (trigger, sentence, date) are
consistent within the sentence but do not point into the cited document's text; quotes are
short, so quote = sentence. No ANALYZE is run, as `tarikh ingest` runs none.

Python 3 standard library only; a fixed seed makes the same data every time.
"""

import argparse
import bisect
import datetime as dt
import json
import random
import sqlite3
import sys
import time

# (code, English name, Arabic name, Wikidata id), most reported first: the Zipf rank.
COUNTRIES = [
    ("USA", "United States", "الولايات المتحدة", "Q30"),
    ("RUS", "Russia", "روسيا", "Q159"),
    ("CHN", "China", "الصين", "Q148"),
    ("TUR", "Turkey", "تركيا", "Q43"),
    ("IRN", "Iran", "إيران", "Q794"),
    ("SAU", "Saudi Arabia", "السعودية", "Q851"),
    ("EGY", "Egypt", "مصر", "Q79"),
    ("ISR", "Israel", "إسرائيل", "Q801"),
    ("PSE", "Palestine", "فلسطين", "Q219060"),
    ("SYR", "Syria", "سوريا", "Q858"),
    ("IRQ", "Iraq", "العراق", "Q796"),
    ("UKR", "Ukraine", "أوكرانيا", "Q212"),
    ("FRA", "France", "فرنسا", "Q142"),
    ("GBR", "United Kingdom", "بريطانيا", "Q145"),
    ("DEU", "Germany", "ألمانيا", "Q183"),
    ("ARE", "United Arab Emirates", "الإمارات", "Q878"),
    ("QAT", "Qatar", "قطر", "Q846"),
    ("JOR", "Jordan", "الأردن", "Q810"),
    ("LBN", "Lebanon", "لبنان", "Q822"),
    ("YEM", "Yemen", "اليمن", "Q805"),
    ("LBY", "Libya", "ليبيا", "Q1016"),
    ("DZA", "Algeria", "الجزائر", "Q262"),
    ("MAR", "Morocco", "المغرب", "Q1028"),
    ("TUN", "Tunisia", "تونس", "Q948"),
    ("SDN", "Sudan", "السودان", "Q1049"),
    ("IND", "India", "الهند", "Q668"),
    ("PAK", "Pakistan", "باكستان", "Q843"),
    ("AFG", "Afghanistan", "أفغانستان", "Q889"),
    ("JPN", "Japan", "اليابان", "Q17"),
    ("KOR", "South Korea", "كوريا الجنوبية", "Q884"),
    ("PRK", "North Korea", "كوريا الشمالية", "Q423"),
    ("KWT", "Kuwait", "الكويت", "Q817"),
    ("OMN", "Oman", "عمان", "Q842"),
    ("BHR", "Bahrain", "البحرين", "Q398"),
    ("ITA", "Italy", "إيطاليا", "Q38"),
    ("ESP", "Spain", "إسبانيا", "Q29"),
    ("BRA", "Brazil", "البرازيل", "Q155"),
    ("ZAF", "South Africa", "جنوب أفريقيا", "Q258"),
    ("ETH", "Ethiopia", "إثيوبيا", "Q115"),
    ("SOM", "Somalia", "الصومال", "Q1045"),
    ("NGA", "Nigeria", "نيجيريا", "Q1033"),
    ("KAZ", "Kazakhstan", "كازاخستان", "Q232"),
    ("UZB", "Uzbekistan", "أوزبكستان", "Q265"),
    ("AZE", "Azerbaijan", "أذربيجان", "Q227"),
    ("ARM", "Armenia", "أرمينيا", "Q399"),
    ("GEO", "Georgia", "جورجيا", "Q230"),
    ("BLR", "Belarus", "بيلاروسيا", "Q184"),
    ("POL", "Poland", "بولندا", "Q36"),
    ("GRC", "Greece", "اليونان", "Q41"),
    ("CYP", "Cyprus", "قبرص", "Q229"),
    ("VEN", "Venezuela", "فنزويلا", "Q717"),
    ("CUB", "Cuba", "كوبا", "Q241"),
    ("MEX", "Mexico", "المكسيك", "Q96"),
    ("CAN", "Canada", "كندا", "Q16"),
    ("AUS", "Australia", "أستراليا", "Q408"),
    ("IDN", "Indonesia", "إندونيسيا", "Q252"),
    ("MYS", "Malaysia", "ماليزيا", "Q833"),
    ("VNM", "Vietnam", "فيتنام", "Q881"),
    ("NLD", "Netherlands", "هولندا", "Q55"),
    ("BEL", "Belgium", "بلجيكا", "Q31"),
]

# Capitals and a few other cities: (name, country, lat, lon, wikidata, Arabic name).
CITIES = [
    ("Washington", "USA", 38.9072, -77.0369, "Q61", "واشنطن"),
    ("New York", "USA", 40.7128, -74.006, "Q60", "نيويورك"),
    ("Moscow", "RUS", 55.7558, 37.6173, "Q649", "موسكو"),
    ("Sochi", "RUS", 43.6028, 39.7342, "Q127399", "سوتشي"),
    ("Beijing", "CHN", 39.9042, 116.4074, "Q956", "بكين"),
    ("Shanghai", "CHN", 31.2304, 121.4737, "Q8686", "شنغهاي"),
    ("Ankara", "TUR", 39.9334, 32.8597, "Q3640", "أنقرة"),
    ("Istanbul", "TUR", 41.0082, 28.9784, "Q406", "إسطنبول"),
    ("Tehran", "IRN", 35.6892, 51.389, "Q3616", "طهران"),
    ("Riyadh", "SAU", 24.7136, 46.6753, "Q3692", "الرياض"),
    ("Cairo", "EGY", 30.0444, 31.2357, "Q85", "القاهرة"),
    ("Sharm el-Sheikh", "EGY", 27.9158, 34.33, "Q172546", "شرم الشيخ"),
    ("Damascus", "SYR", 33.5138, 36.2765, "Q3766", "دمشق"),
    ("Baghdad", "IRQ", 33.3152, 44.3661, "Q1530", "بغداد"),
    ("Kyiv", "UKR", 50.4501, 30.5234, "Q1899", "كييف"),
    ("Paris", "FRA", 48.8566, 2.3522, "Q90", "باريس"),
    ("London", "GBR", 51.5074, -0.1278, "Q84", "لندن"),
    ("Berlin", "DEU", 52.52, 13.405, "Q64", "برلين"),
    ("Abu Dhabi", "ARE", 24.4539, 54.3773, "Q1519", "أبوظبي"),
    ("Doha", "QAT", 25.2854, 51.531, "Q3861", "الدوحة"),
    ("Amman", "JOR", 31.9454, 35.9284, "Q3805", "عمان"),
    ("Beirut", "LBN", 33.8938, 35.5018, "Q3820", "بيروت"),
    ("Algiers", "DZA", 36.7538, 3.0588, "Q3561", "الجزائر"),
    ("Rabat", "MAR", 34.0209, -6.8416, "Q3551", "الرباط"),
    ("Tunis", "TUN", 36.8065, 10.1815, "Q3572", "تونس"),
    ("New Delhi", "IND", 28.6139, 77.209, "Q987", "نيودلهي"),
    ("Tokyo", "JPN", 35.6762, 139.6503, "Q1490", "طوكيو"),
    ("Samarkand", "UZB", 39.627, 66.975, "Q5753", "سمرقند"),
    ("Astana", "KAZ", 51.1694, 71.4491, "Q1520", "أستانا"),
    ("Geneva", "CHE", 46.2044, 6.1432, "Q71", "جنيف"),
]
# Whole countries as places (not cities): the gazetteer has them too.
COUNTRY_PLACES = [
    ("Russia", "RUS", 61.524, 105.3188, "Q159", "روسيا"),
    ("China", "CHN", 35.8617, 104.1954, "Q148", "الصين"),
    ("Syria", "SYR", 34.8021, 38.9968, "Q858", "سوريا"),
    ("Ukraine", "UKR", 48.3794, 31.1656, "Q212", "أوكرانيا"),
]
PLACES = CITIES + COUNTRY_PLACES
PLACES_BY_COUNTRY = {}
for _p in PLACES:
    PLACES_BY_COUNTRY.setdefault(_p[1], []).append(_p)

OUTLETS = [
    ("الجزيرة", "aljazeera.net"),
    ("العربية", "alarabiya.net"),
    ("بي بي سي عربي", "bbc.com/arabic"),
    ("سكاي نيوز عربية", "skynewsarabia.com"),
    ("الشرق الأوسط", "aawsat.com"),
    ("فرانس 24", "france24.com/ar"),
    ("آر تي عربي", "arabic.rt.com"),
    ("الأهرام", "ahram.org.eg"),
    ("القدس العربي", "alquds.co.uk"),
    ("وكالة الأناضول", "aa.com.tr/ar"),
    ("سبوتنيك عربي", "sputnikarabic.ae"),
    ("وكالة الأنباء السعودية", "spa.gov.sa"),
    ("رويترز", "reuters.com/ar"),
    ("وكالة فرانس برس", "afp.com/ar"),
    ("الحياة", "alhayat.com"),
    ("النهار", "annahar.com"),
    ("الخليج", "alkhaleej.ae"),
    ("البيان", "albayan.ae"),
    ("الشروق", "shorouknews.com"),
    ("عنب بلدي", "enabbaladi.net"),
]

# kind: (plover, plover_mode, cameo, Arabic triggers), as extract::lexicon::events has them.
KINDS = {
    "meeting": ("CONSULT", None, "040", ["التقى", "اجتماع", "محادثات", "مباحثات", "لقاء"]),
    "visit": ("CONSULT", "visit", "042", ["زيارة", "زار", "يزور"]),
    "summit": ("CONSULT", "multilateral", "044", ["قمة", "منتدى"]),
    "call": ("CONSULT", "phone", "041", ["اتصالا هاتفيا", "اتصال هاتفي"]),
    "agreement": ("AGREE", None, "057", ["وقع", "اتفاقية", "اتفاق"]),
    "military": ("ASSAULT", None, "190", ["هجوم", "غزو", "مناورات"]),
    "statement": (None, None, "010", ["قال", "أعلن", "صرح"]),
    "other": ("MOBILIZE", None, "150", ["عرض عسكري"]),
}
KIND_WEIGHTS = [
    ("meeting", 24), ("visit", 14), ("call", 9), ("summit", 4), ("agreement", 8),
    ("military", 11), ("statement", 27), ("other", 3),
]
# store::merge::contact_rank: the most specific contact kind names the event.
CONTACT_RANK = {"summit": 4, "visit": 3, "meeting": 2, "call": 1}
STATUS_RANK = {"held": 2, "cancelled": 1, "announced": 0}
STATUS_WEIGHTS = [("held", 80), ("announced", 17), ("cancelled", 3)]
PRECISION_WEIGHTS = [
    ("day", 700), ("month", 150), ("week", 50), ("year", 70), ("quarter", 10),
    ("season", 10), ("decade", 10),
]
SEASONS = [("SP", 3), ("SU", 6), ("FA", 9), ("WI", 12)]
MONTHS_AR = [
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
    "أكتوبر", "نوفمبر", "ديسمبر",
]
FILLER = (
    "الرئيس وزير الخارجية رئيس الوزراء الوفد الرسمي العاصمة في مع حول بشأن التعاون "
    "الثنائي العلاقات الاقتصادية الأمنية الملفات الإقليمية الأزمة الحرب السلام الطاقة "
    "الغاز النفط التجارة الاستثمار المشترك الجانبان البلدين المسؤولين الحكومة البرلمان "
    "المتحدث باسم وكالة الأنباء الرسمية تصريحات مصادر دبلوماسية اليوم أمس الماضي المقبل "
    "خلال بحث تعزيز الدعم المساعدات الإنسانية الحدود البرنامج النووي العقوبات الأمم المتحدة "
    "مجلس الأمن الجامعة العربية منظمة شنغهاي للتعاون قضايا ملفات التطورات الأخيرة"
).split()

# extract::normalize::fold, for the characters the synthetic text uses (no diacritics or
# Arabic-Indic digits): alef forms, alef maqsura, ta marbuta, Persian letters, punctuation.
FOLD = [
    ("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"), ("ة", "ه"), ("ک", "ك"),
    ("ی", "ي"), ("ـ", ""), ("،", ","), ("؛", ";"), ("؟", "?"),
]

START = dt.date(2000, 1, 1)
END = dt.date(2026, 12, 31)
# Country i (0-based) is drawn with weight 1 / (i + 1) ** ZIPF_S.
ZIPF_S = 1.1


def fold(text):
    # A dozen str.replace calls are several times faster than str.translate with a dict.
    for a, b in FOLD:
        text = text.replace(a, b)
    return text


def cumulative(weights):
    total, out = 0, []
    for w in weights:
        total += w
        out.append(total)
    return out


class Picker:
    """random.choices with the cumulative weights computed once."""

    def __init__(self, rng, items, weights):
        self.rng, self.items, self.cum = rng, items, cumulative(weights)
        self.total = self.cum[-1]

    def __call__(self):
        return self.items[bisect.bisect_right(self.cum, self.rng.random() * self.total)]


def width_class(earliest, latest):
    """store::events::width_class: ceil(log2(days covered))."""
    days = (latest - earliest).days + 1
    return (days - 1).bit_length()


def add_months(d, n):
    m = d.month - 1 + n
    return dt.date(d.year + m // 12, m % 12 + 1, 1)


def random_date(rng, year_pick):
    """A day of 2000-2026, later years weighted up (news volume grows)."""
    year = year_pick()
    start = dt.date(year, 1, 1)
    days = (dt.date(year, 12, 31) - start).days
    return start + dt.timedelta(days=rng.randint(0, days))


def date_of(day, precision):
    """(value, earliest, latest) of the period of this precision holding `day`, the way
    extract::resolve::span reads the value back."""
    y = day.year
    if precision == "day":
        return day.isoformat(), day, day
    if precision == "week":
        iso_y, w, _ = day.isocalendar()
        start = dt.date.fromisocalendar(iso_y, w, 1)
        return f"{iso_y}-W{w:02d}", start, start + dt.timedelta(days=6)
    if precision == "month":
        start = dt.date(y, day.month, 1)
        return f"{y}-{day.month:02d}", start, add_months(start, 1) - dt.timedelta(days=1)
    if precision == "quarter":
        q = (day.month - 1) // 3
        start = dt.date(y, 3 * q + 1, 1)
        return f"{y}-Q{q + 1}", start, add_months(start, 3) - dt.timedelta(days=1)
    if precision == "season":
        # The season whose three months hold the day (winter starts in December).
        code, first = SEASONS[((day.month % 12) // 3 - 1) % 4]
        sy = y - 1 if code == "WI" and day.month < 12 else y
        start = dt.date(sy, first, 1)
        return f"{sy}-{code}", start, add_months(start, 3) - dt.timedelta(days=1)
    if precision == "year":
        return str(y), dt.date(y, 1, 1), dt.date(y, 12, 31)
    if precision == "decade":
        d = y // 10
        return str(d), dt.date(d * 10, 1, 1), dt.date(d * 10 + 9, 12, 31)
    raise ValueError(precision)


def date_words(day, precision, value):
    """How an Arabic article would write the date (only for the sentence text)."""
    if precision == "day":
        return f"في {day.day} {MONTHS_AR[day.month - 1]} {day.year}"
    if precision in ("month", "season", "quarter"):
        return f"في {MONTHS_AR[day.month - 1]} {day.year}"
    if precision == "week":
        return f"الأسبوع الذي بدأ في {day.day} {MONTHS_AR[day.month - 1]}"
    if precision == "year":
        return f"عام {day.year}"
    return f"في العقد الذي بدأ عام {int(value) * 10}"


def documents(seed, n):
    """n synthetic articles as `tarikh ingest` reads JSON Lines, oldest first."""
    rng = random.Random(seed)
    years = list(range(START.year, END.year + 1))
    year_pick = Picker(rng, years, [1 + (y - START.year) / 13 for y in years])
    country_pick = Picker(rng, list(range(len(COUNTRIES))),
                          [1 / (r + 1) ** ZIPF_S for r in range(len(COUNTRIES))])
    dates = sorted(random_date(rng, year_pick) for _ in range(n))
    for i, day in enumerate(dates):
        source, domain = OUTLETS[rng.randrange(len(OUTLETS))]
        a, b = (COUNTRIES[country_pick()][2] for _ in range(2))
        title = f"{a} و{b}: {' '.join(rng.choices(FILLER, k=5))}"
        words = rng.choices(FILLER, k=rng.randint(40, 120))
        # Every text distinct, as documents.content_hash is unique.
        article = {
            "published_at": day.isoformat(),
            "title": title,
            "text": f"{title}\n\n{' '.join(words)} ({i})",
        }
        if rng.random() >= 0.05:  # some articles come without a source
            article["source"] = source
            article["url"] = f"https://{domain}/{day.year}/{day.month:02d}/{i}"
        yield article


class Generator:
    def __init__(self, seed, docs):
        """docs: (document_id, published date, source or None) of the stored articles,
        oldest first."""
        rng = self.rng = random.Random(seed)
        years = list(range(START.year, END.year + 1))
        self.year_pick = Picker(rng, years, [1 + (y - START.year) / 13 for y in years])
        self.kind_pick = Picker(rng, *zip(*KIND_WEIGHTS))
        self.status_pick = Picker(rng, *zip(*STATUS_WEIGHTS))
        self.precision_pick = Picker(rng, *zip(*PRECISION_WEIGHTS))
        self.country_pick = Picker(
            rng, list(range(len(COUNTRIES))),
            [1 / (r + 1) ** ZIPF_S for r in range(len(COUNTRIES))],
        )
        self.size_pick = Picker(rng, [0, 1, 2, 3, 4], [2, 18, 60, 15, 5])
        self.evidence_pick = Picker(rng, [1, 2, 3], [60, 28, 12])
        # Per country: the country itself and three named officials.
        self.people = [
            [(name, code, qid)] + [(f"{name} official {i}", code, None) for i in (1, 2, 3)]
            for code, name, _, qid in COUNTRIES
        ]
        self.documents = docs
        self.doc_dates = [d[1] for d in docs]

    def document_near(self, day):
        """A document published on or up to a few days after `day` (news follows events)."""
        i = bisect.bisect_left(self.doc_dates, day)
        i = min(i + self.rng.randint(0, 30), len(self.documents) - 1)
        return self.documents[i]

    def event(self, event_id, evidence_id):
        """One event: its row, and its evidence rows with their participants."""
        rng = self.rng
        size = self.size_pick()
        idx = set()
        while len(idx) < size:
            idx.add(self.country_pick())
        countries = sorted(COUNTRIES[i][0] for i in idx)
        key = "+".join(countries)
        kind = self.kind_pick()
        dated = rng.random() >= 0.03
        day = random_date(rng, self.year_pick)
        precision = self.precision_pick() if dated else None
        place = None
        if rng.random() < 0.55:
            local = [p for c in countries for p in PLACES_BY_COUNTRY.get(c, ())]
            place = rng.choice(local) if local and rng.random() < 0.8 else rng.choice(PLACES)
        # Undated reports and reports without participants are never merged (store::merge).
        n_evidence = self.evidence_pick() if dated and countries else 1
        reports = []
        for j in range(n_evidence):
            if j == 0 or kind not in CONTACT_RANK:
                r_kind = kind
            else:
                r_kind = rng.choice([k for k, r in CONTACT_RANK.items() if r <= CONTACT_RANK[kind]])
            r_prec = precision
            r_day = day
            if dated and j > 0:
                roll = rng.random()
                if roll < 0.2 and precision == "day":
                    r_prec = "month"  # a coarser report of the same happening
                elif roll < 0.21 and precision == "day":
                    r_day = day + dt.timedelta(days=1)  # a source that disagrees by a day
            r_place = place if (j == 0 or rng.random() < 0.5) else None
            status = "held" if j > 0 and rng.random() < 0.5 else self.status_pick()
            reports.append((r_kind, r_prec, r_day, r_place, status))
        # The event is the fold of its reports (store::merge::Aggregate::absorb).
        ev_kind = max((r[0] for r in reports), key=lambda k: CONTACT_RANK.get(k, 0))
        ev_status = max((r[4] for r in reports), key=STATUS_RANK.get)
        ev_place = next((r[3] for r in reports if r[3]), None)
        if dated:
            value, earliest, latest = date_of(day, precision)
            disagree = [date_of(r[2], r[1])[0] for r in reports if r[2] != day]
            conflict = f"sources disagree: {value} vs {disagree[0]}" if disagree else None
            wc = width_class(earliest, latest)
            e, l = earliest.isoformat(), latest.isoformat()
        else:
            value = e = l = wc = conflict = None
        plover, mode, cameo, _ = KINDS[ev_kind]
        pl = ev_place or (None,) * 6
        docs, sources = set(), set()
        evidence, people, fts = [], [], []
        for j, (r_kind, r_prec, r_day, r_place, status) in enumerate(reports):
            doc = self.document_near(day)
            source_key = doc[2] if doc[2] is not None else f"document {doc[0]}"
            docs.add(doc[0])
            sources.add(source_key)
            r_plover, r_mode, r_cameo, triggers = KINDS[r_kind]
            trigger = rng.choice(triggers)
            names = [rng.choice(self.people[i]) for i in sorted(idx)]
            sides = " و".join(COUNTRIES[i][2] for i in sorted(idx)) or "مسؤولون"
            head = f"{trigger} {sides} "
            if dated:
                c_value, c_earliest, c_latest = date_of(r_day, r_prec)
                when = date_words(r_day, r_prec, c_value)
            else:
                c_value = c_earliest = c_latest = None
                when = ""
            where = f" في {r_place[5]}" if r_place else ""
            tail = " ".join(rng.choices(FILLER, k=rng.randint(6, 24)))
            sentence = f"{head}{when}{where} {tail}."
            s_start = rng.randint(0, 2000)
            d_start = s_start + len(head) if dated else None
            d_end = d_start + len(when) if dated else None
            if j == 0:
                reason = "new event: no earlier report of it"
            else:
                kinds = r_kind if r_kind == ev_kind else f"{r_kind} ~ {ev_kind}"
                if not dated:
                    dates = "undated"
                elif c_value == value:
                    dates = f"same date {value}"
                elif r_prec == precision:
                    dates = f"{c_value} vs {value}: sources disagree, 1 day apart"
                else:
                    dates = f"{c_value} contains {value}"
                reason = f"same participants {key}, {kinds}, {dates}, " + (
                    f"place {r_place[0]}" if r_place else "no place")
            rp = r_place or (None,) * 6
            evidence.append((
                evidence_id, event_id, doc[0], source_key, r_kind, r_plover, r_mode, r_cameo,
                status, s_start, s_start + len(trigger), s_start,
                s_start + len(sentence), d_start, d_end, c_value,
                c_earliest and c_earliest.isoformat(), c_latest and c_latest.isoformat(),
                r_prec, rp[0], rp[1], rp[2], rp[3], rp[4], trigger, reason, sentence,
                sentence,
            ))
            people.extend((event_id, evidence_id) + n for n in names)
            fts.append((evidence_id, fold(sentence)))
            evidence_id += 1
        event = (
            event_id, key, ev_kind, plover, mode, cameo, ev_status, value, e, l, precision, wc,
            conflict, pl[0], pl[1], pl[2], pl[3], pl[4], len(docs), len(sources),
        )
        return event, evidence, people, fts


EVENT_SQL = """insert into events (event_id, participant_key, kind, plover, plover_mode, cameo,
    status, date_value, earliest, latest, precision, width_class, date_conflict, place_name,
    place_country, place_lat, place_lon, place_wikidata, article_count, source_count)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""
EVIDENCE_SQL = """insert into evidence (evidence_id, event_id, document_id, source_key, kind,
    plover, plover_mode, cameo, status, trigger_start, trigger_end, sentence_start,
    sentence_end, date_start, date_end, claimed_value, claimed_earliest, claimed_latest,
    claimed_precision, place_name, place_country, place_lat, place_lon, place_wikidata,
    trigger, merge_reason, quote, sentence)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""
PARTICIPANT_SQL = """insert into participants (event_id, evidence_id, name, country, wikidata)
    values (?, ?, ?, ?, ?)"""


def write_documents(args):
    t0 = time.monotonic()
    with open(args.out, "w", encoding="utf-8") as f:
        for article in documents(args.seed, args.documents):
            f.write(json.dumps(article, ensure_ascii=False))
            f.write("\n")
    print(f"{args.documents:,} articles written to {args.out} in {time.monotonic() - t0:.1f} s")


def add_events(args):
    t0 = time.monotonic()
    con = sqlite3.connect(args.db, isolation_level=None)
    con.execute("pragma journal_mode = wal")
    con.execute("pragma synchronous = off")
    con.execute("pragma cache_size = -262144")
    con.execute("pragma temp_store = memory")
    (tables,) = con.execute(
        "select count(*) from sqlite_master where name in ('events', 'evidence_fts')").fetchone()
    if tables != 2:
        sys.exit(f"{args.db}: no tarikh schema; run `tarikh ingest --db {args.db} seeds/` first")
    docs = [
        (doc_id, dt.date.fromisoformat(published[:10]), source)
        for doc_id, published, source in con.execute(
            "select document_id, published_at, source from documents"
            " order by published_at, document_id")
    ]
    if not docs:
        sys.exit(f"{args.db}: no documents to cite as evidence; ingest some first")
    first_event = con.execute(
        "select max((select coalesce(max(event_id), 0) from events),"
        " (select coalesce(max(seq), 0) from sqlite_sequence where name = 'events')) + 1"
    ).fetchone()[0]
    first_evidence = con.execute(
        "select coalesce(max(evidence_id), 0) + 1 from evidence").fetchone()[0]
    gen = Generator(args.seed, docs)

    # Indexes are dropped for the load and built again afterwards with their own SQL: one
    # sort per index instead of a random B-tree insert per row.
    indexes = con.execute(
        "select name, sql from sqlite_master where type = 'index' and sql is not null"
        " and tbl_name in ('events', 'evidence', 'participants')").fetchall()
    con.execute("begin")
    for name, _ in indexes:
        con.execute(f"drop index {name}")
    con.execute("commit")

    event_id, evidence_id = first_event, first_evidence
    done = 0
    while done < args.events:
        n = min(args.batch, args.events - done)
        events, evidence, people, fts = [], [], [], []
        for _ in range(n):
            ev, evd, ppl, ft = gen.event(event_id, evidence_id)
            events.append(ev)
            evidence.extend(evd)
            people.extend(ppl)
            fts.extend(ft)
            event_id += 1
            evidence_id += len(evd)
        con.execute("begin")
        con.executemany(EVENT_SQL, events)
        con.executemany(EVIDENCE_SQL, evidence)
        con.executemany(PARTICIPANT_SQL, people)
        con.executemany("insert into evidence_fts (rowid, quote) values (?, ?)", fts)
        con.execute("commit")
        done += n
        print(f"{done:,} events, {evidence_id - first_evidence:,} evidence rows,"
              f" {time.monotonic() - t0:.1f} s", flush=True)

    t_idx = time.monotonic()
    con.execute("begin")
    for _, sql in indexes:
        con.execute(sql)
    con.execute("commit")
    print(f"indexes rebuilt in {time.monotonic() - t_idx:.1f} s", flush=True)
    con.execute("pragma wal_checkpoint(truncate)")
    con.close()
    print(f"done: {args.events:,} events citing {len(docs):,} documents in"
          f" {time.monotonic() - t0:.1f} s", flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=20261121)
    sub = ap.add_subparsers(dest="command", required=True)
    d = sub.add_parser("documents", help="write synthetic articles as JSON Lines for ingest")
    d.add_argument("out")
    d.add_argument("--documents", type=int, default=50_000)
    d.set_defaults(run=write_documents)
    e = sub.add_parser("events", help="add synthetic events to an ingested database")
    e.add_argument("db")
    e.add_argument("--events", type=int, default=1_000_000)
    e.add_argument("--batch", type=int, default=100_000, help="events per transaction")
    e.set_defaults(run=add_events)
    args = ap.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
