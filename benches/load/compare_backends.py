#!/usr/bin/env python3
"""Copies a SQLite store into PostgreSQL with `tarikh migrate`, then asks a server on each the
same feed questions and compares the JSON answers (issue 14: "the same feed answers from
both").

    python3 benches/load/compare_backends.py STORE.db postgres://user@host/empty_db \\
        [--bin target/release/tarikh] [--pages 5] [--skip-migrate]

STORE.db is any SQLite store: the 1M-event benchmark database (benches/load/run.sh makes
target/loadbench/events-1m.db), or a small one, for instance the seeds and the dev articles:

    tarikh ingest --db small.db seeds/ dev.jsonl      # dev.jsonl: tests/data/dev.jsonl with
                                                      # "dct" renamed "published_at"

The PostgreSQL database must be empty (`tarikh migrate` copies into an empty store only).
The questions: the first page of the feed, the RUS+CHN feed, cursor walks of a few pages
(all events ascending, RUS+CHN, newest first), pages from a `from` day, the histogram by year,
by month and country, and by week and kind, the undated list, and the detail of every event
on the first page. Each answer is compared whole, as parsed JSON, with nothing left out:
`tarikh migrate` keeps every id, so event and document ids, cursors and next URLs must be the
same too. Headers are not compared (ETags hash each server's own data version).

Exits 1 when any answer differs, printing where. Python 3 standard library only.
"""

import argparse
import json
import os
import subprocess
import sys
import urllib.parse
import urllib.request

QUESTIONS = [
    "/api/v1/events",
    "/api/v1/events?country=RUS&country=CHN",
    "/api/v1/events?from=2018-06-01",
    "/api/v1/events?from=2024-01-15&limit=20",
    "/api/v1/events?from=2015-03-01&to=2015-12-31&country=RUS",
    "/api/v1/histogram?interval=year",
    "/api/v1/histogram?interval=year&country=RUS&country=CHN",
    "/api/v1/histogram?interval=month&group_by=country",
    "/api/v1/histogram?interval=week&group_by=kind",
    "/api/v1/events/undated",
    "/api/v1/events?country=RUS&country=CHN&evidence=all&limit=500",
]

# Cursor walks: (first page, pages to follow).
WALKS = [
    "/api/v1/events?limit=50",
    "/api/v1/events?country=RUS&country=CHN&limit=10",
    "/api/v1/events?order=desc&limit=50",
]


class Server:
    """`tarikh serve` on a database, on a port of its own."""

    def __init__(self, binary, db):
        env = dict(os.environ)
        env.pop("TARIKH_TOKEN", None)
        self.proc = subprocess.Popen(
            [binary, "serve", "--addr", "127.0.0.1:0", "--db", db],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
        line = self.proc.stdout.readline().strip()
        prefix = "tarikh listening on "
        if not line.startswith(prefix):
            self.stop()
            sys.exit(f"tarikh serve --db {db} said {line!r}")
        self.base = line[len(prefix):]

    def get(self, path):
        try:
            with urllib.request.urlopen(self.base + path, timeout=60) as r:
                return r.status, json.loads(r.read())
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read() or b"null")

    def stop(self):
        self.proc.terminate()
        self.proc.wait()


def first_difference(a, b, at="$"):
    """Where two JSON values first differ, in words."""
    if type(a) is not type(b):
        return f"{at}: {json.dumps(a)[:200]} vs {json.dumps(b)[:200]}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return f"{at}.{k}: only on {'sqlite' if k in a else 'postgres'}"
            d = first_difference(a[k], b[k], f"{at}.{k}")
            if d:
                return d
        return None
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, f"{at}[{i}]")
            if d:
                return d
        if len(a) != len(b):
            return f"{at}: {len(a)} items vs {len(b)}"
        return None
    return None if a == b else f"{at}: {json.dumps(a)[:200]} vs {json.dumps(b)[:200]}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sqlite", help="the SQLite store to copy")
    ap.add_argument("postgres", help="an empty PostgreSQL database (postgres://…)")
    ap.add_argument("--bin", default="target/release/tarikh")
    ap.add_argument("--pages", type=int, default=5, help="pages per cursor walk")
    ap.add_argument("--skip-migrate", action="store_true",
                    help="the PostgreSQL database holds the copy already")
    args = ap.parse_args()

    if not args.skip_migrate:
        done = subprocess.run([args.bin, "migrate", "--from", f"sqlite:{args.sqlite}",
                               "--to", args.postgres], capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"tarikh migrate failed: {done.stderr.strip()}")
        print(done.stdout.strip())

    servers = [Server(args.bin, f"sqlite:{args.sqlite}"), Server(args.bin, args.postgres)]
    compared, differences = 0, []

    def ask(path):
        nonlocal compared
        (s_status, s_body), (p_status, p_body) = (s.get(path) for s in servers)
        compared += 1
        if s_status != p_status:
            differences.append(f"{path}: status {s_status} vs {p_status}")
        else:
            d = first_difference(s_body, p_body)
            if d:
                differences.append(f"{path}: {d}")
        return s_status, s_body

    try:
        for path in QUESTIONS:
            ask(path)
        _, first = ask("/api/v1/events")
        for e in first.get("events", []):
            ask(f"/api/v1/events/{e['event_id']}")
        for path in WALKS:
            for _ in range(args.pages):
                status, page = ask(path)
                path = page.get("next_url") if status == 200 else None
                if not path:
                    break
    finally:
        for s in servers:
            s.stop()

    print(f"{compared} answers compared, {len(differences)} differ")
    for d in differences:
        print(f"  {d}")
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
