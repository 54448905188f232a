#!/usr/bin/env python3
"""One event with many reports (issue 10, item 3): how long its first page takes.

    python3 benches/load/one_event.py docs  OUT.jsonl [--reports 10000]
    tarikh ingest --db one-event.db OUT.jsonl
    tarikh serve --db one-event.db --addr 127.0.0.1:8789 &
    python3 benches/load/one_event.py time http://127.0.0.1:8789 [--runs 20]

`docs` writes `reports` articles, each with the same sentence about one meeting (the
extractor reads one event per happening in a document), so the event ends up with `reports`
reports. `time` finds the event with the most reports and asks for its first page with a
different `limit` each time (50, 49, 48, ...) so that every request misses the response cache,
then prints the size of the first page, and the median and slowest time in ms.
"""

import argparse
import json
import statistics
import time
import urllib.request

SENTENCE = ("التقى الرئيس الروسي فلاديمير بوتين الرئيس الصيني شي جين بينغ في بكين يوم 8 يونيو "
            "2018 لبحث التعاون بين البلدين. ")


def docs(args):
    with open(args.out, "w", encoding="utf-8") as f:
        for n in range(args.reports):
            text = SENTENCE + f"\n(المصدر {n})"
            f.write(json.dumps({"text": text, "published_at": "2018-06-12",
                                "source": f"outlet-{n % 40}"}, ensure_ascii=False) + "\n")


def get(url):
    t = time.perf_counter()
    with urllib.request.urlopen(url) as r:
        body = r.read()
    return time.perf_counter() - t, body


def timing(args):
    _, body = get(f"{args.base}/api/v1/events?limit=500&evidence=first")
    events = json.loads(body)["events"]
    top = max(events, key=lambda e: e["evidence_count"])
    times, size = [], None
    for i in range(args.runs):
        limit = 50 - i % 50
        took, body = get(f"{args.base}/api/v1/events/{top['event_id']}?limit={limit}")
        times.append(took * 1000)
        if size is None:
            size = len(body)
    print(json.dumps({
        "event_id": top["event_id"],
        "evidence_count": top["evidence_count"],
        "first_page_bytes": size,
        "runs": args.runs,
        "median_ms": round(statistics.median(times), 1),
        "max_ms": round(max(times), 1),
    }))


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("docs")
    d.add_argument("out")
    d.add_argument("--reports", type=int, default=10_000)
    t = sub.add_parser("time")
    t.add_argument("base")
    t.add_argument("--runs", type=int, default=20)
    args = ap.parse_args()
    docs(args) if args.cmd == "docs" else timing(args)


if __name__ == "__main__":
    main()
