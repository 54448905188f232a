#!/usr/bin/env python3
"""Prints the shape of a benchmark database made by gen_db.py and checks that its events agree
with their evidence the way store::events writes them. Exits 1 on any disagreement.

    python3 benches/load/check_db.py target/loadbench/events-1m.db
"""

import sqlite3
import sys
import time

CHECKS = [
    # (what, SQL counting the rows that break it)
    # The report that started the event gave the key; later ones may name more sides (a
    # contact that also names a third country joins, store::merge::sides_compatible).
    ("participant_key = the first report's countries, sorted, distinct, '+'-joined", """
        select count(*) from events ev left join (
            select event_id, group_concat(country, '+') as k
            from (select distinct p.event_id, p.country from participants p
                  where p.evidence_id = (select min(evidence_id) from evidence e
                                         where e.event_id = p.event_id)
                  order by p.event_id, p.country)
            group by event_id) p using (event_id)
        where ev.participant_key != coalesce(p.k, '')"""),
    ("article_count and source_count count the evidence", """
        select count(*) from events ev join (
            select event_id, count(distinct document_id) as a, count(distinct source_key) as s
            from evidence group by event_id) e using (event_id)
        where ev.article_count != e.a or ev.source_count != e.s"""),
    ("every event has evidence", """
        select count(*) from events where event_id not in (select event_id from evidence)"""),
    ("width_class = ceil(log2(days covered))", """
        select count(*) from (
            select width_class as k, julianday(latest) - julianday(earliest) + 1 as d
            from events where earliest is not null)
        where not ((1 << k) >= d and (k = 0 or (1 << (k - 1)) < d))"""),
    ("dated events have value, interval and precision; undated none", """
        select count(*) from events
        where (date_value is null) != (earliest is null) or (date_value is null) != (latest is null)
           or (date_value is null) != (precision is null) or (date_value is null) != (width_class is null)
           or earliest > latest"""),
    ("the event's date is the tightest its evidence claims", """
        select count(*) from events ev join (
            select event_id, min(julianday(claimed_latest) - julianday(claimed_earliest)) as w
            from evidence where claimed_value is not null group by event_id) e using (event_id)
        where julianday(ev.latest) - julianday(ev.earliest) != e.w"""),
    ("every evidence row is in evidence_fts", """
        select (select count(*) from evidence) - (select count(*) from evidence_fts)"""),
]

SHAPE = [
    ("documents", "select count(*) from documents"),
    ("events", "select count(*) from events"),
    ("evidence rows", "select count(*) from evidence"),
    ("participant rows", "select count(*) from participants"),
    ("events with RUS and CHN (%)", """
        select round(100.0 * sum(participant_key like '%CHN%' and participant_key like '%RUS%')
                     / count(*), 2) from events"""),
    ("events with RUS (%)", "select round(100.0 * avg(participant_key like '%RUS%'), 2) from events"),
    ("events with USA (%)", "select round(100.0 * avg(participant_key like '%USA%'), 2) from events"),
    ("undated events (%)", "select round(100.0 * avg(earliest is null), 2) from events"),
    ("events with a date conflict", "select count(*) from events where date_conflict is not null"),
    ("earliest date", "select min(earliest) from events"),
    ("latest first day", "select max(earliest) from events"),
    ("precision (%)", """
        select group_concat(precision || ' ' || p, ', ') from (
            select precision, round(100.0 * count(*) / (select count(*) from events), 1) as p
            from events where precision is not null group by 1 order by 2 desc)"""),
    ("kind (%)", """
        select group_concat(kind || ' ' || p, ', ') from (
            select kind, round(100.0 * count(*) / (select count(*) from events), 1) as p
            from events group by 1 order by 2 desc)"""),
    ("evidence rows per event (%)", """
        select group_concat(n || ': ' || p, ', ') from (
            select n, round(100.0 * count(*) / (select count(*) from events), 1) as p
            from (select count(*) as n from evidence group by event_id) group by 1)"""),
]


def main():
    con = sqlite3.connect(sys.argv[1])
    for what, sql in SHAPE:
        print(f"{what}: {con.execute(sql).fetchone()[0]}")
    t0 = time.monotonic()
    page = con.execute(
        "select event_id, earliest, latest from events where earliest is not null"
        " order by earliest, latest desc, event_id limit 50").fetchall()
    print(f"first page of the feed (50 rows, order by earliest, latest desc, event_id):"
          f" {1000 * (time.monotonic() - t0):.1f} ms, starts {page[0]}")
    bad = 0
    for what, sql in CHECKS:
        n = con.execute(sql).fetchone()[0]
        print(f"{'ok' if n == 0 else 'FAIL'}: {what}" + (f" ({n} rows disagree)" if n else ""))
        bad += n != 0
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
