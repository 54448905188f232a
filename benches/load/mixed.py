#!/usr/bin/env python3
"""Mixed load against a running `tarikh serve` (issue 10): writers posting ~2 MB articles
beside readers of the feed, the histogram and the event pages, and a prober of /healthz.

    python3 benches/load/mixed.py --base http://127.0.0.1:8788 --token "$TOKEN" [--seconds 30]

Prints one JSON object (requests and statuses per kind, 5xx, "database is locked" answers,
/healthz p50/p99/max in ms) and exits 1 when any answer was a 5xx or said the database was
locked, or /healthz p99 was 50 ms or more. Only the standard library: it runs wherever
python3 does.
"""

import argparse
import glob
import json
import os
import threading
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def seed_bodies():
    """The seed articles' bodies (front matter removed)."""
    bodies = []
    for path in sorted(glob.glob(os.path.join(ROOT, "seeds", "*.md"))):
        text = open(path, encoding="utf-8").read()
        if text.startswith("---\n"):
            text = text.split("\n---\n", 1)[-1]
        bodies.append(text.strip())
    return bodies


def big_article(bodies, n, target_bytes):
    """A text of about `target_bytes` UTF-8 bytes made of the seed articles, unique per n."""
    parts, size, i = [], 0, 0
    while size < target_bytes:
        part = bodies[(n + i) % len(bodies)] + f"\n\n(المقال {n} الفقرة {i})\n\n"
        parts.append(part)
        size += len(part.encode("utf-8"))
        i += 1
    return "".join(parts)


def request(method, url, body=None, headers=None, timeout=60):
    """(status, body text, seconds); network errors are status 0."""
    started = time.perf_counter()
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            text = r.read().decode("utf-8", "replace")
            status = r.status
    except urllib.error.HTTPError as e:
        text = e.read().decode("utf-8", "replace")
        status = e.code
    except Exception as e:  # connection reset, timeout: counted, not hidden
        text = repr(e)
        status = 0
    return status, text, time.perf_counter() - started


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.by_kind = {}
        self.server_errors = []
        self.locked = 0
        self.healthz = []

    def add(self, kind, status, text, seconds):
        with self.lock:
            counts = self.by_kind.setdefault(kind, {})
            counts[str(status)] = counts.get(str(status), 0) + 1
            if status >= 500 or status == 0:
                self.server_errors.append((kind, status, text[:200]))
            if "database is locked" in text:
                self.locked += 1
            if kind == "healthz":
                self.healthz.append(seconds * 1000)


def writer(args, tally, stop, n0, bodies):
    n = n0
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {args.token}"}
    while not stop.is_set():
        text = big_article(bodies, n, args.article_bytes)
        body = json.dumps(
            {"text": text, "published_at": "2018-06-12", "source": f"load-{n % 7}"},
            ensure_ascii=False,
        ).encode("utf-8")
        status, out, s = request("POST", f"{args.base}/api/v1/documents", body, headers, 120)
        tally.add("write", status, out, s)
        n += args.writers


def reader(args, tally, stop, k):
    paths = [
        "/api/v1/events?limit=50",
        "/api/v1/events?country=RUS&country=CHN",
        "/api/v1/histogram?interval=month&group_by=kind",
        "/feed.json",
        "/api/v1/events/1",
    ]
    i = k
    while not stop.is_set():
        path = paths[i % len(paths)]
        status, out, s = request("GET", args.base + path)
        tally.add("read", status, out, s)
        i += 1


def prober(args, tally, stop):
    while not stop.is_set():
        status, out, s = request("GET", f"{args.base}/healthz", timeout=10)
        tally.add("healthz", status, out, s)
        time.sleep(0.05)


def percentile(values, p):
    if not values:
        return None
    v = sorted(values)
    return round(v[min(len(v) - 1, int(len(v) * p))], 1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--token", required=True)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--writers", type=int, default=2)
    ap.add_argument("--readers", type=int, default=4)
    ap.add_argument("--article-bytes", type=int, default=2_000_000)
    args = ap.parse_args()
    bodies = seed_bodies()
    tally, stop = Tally(), threading.Event()
    threads = [threading.Thread(target=writer, args=(args, tally, stop, w, bodies))
               for w in range(args.writers)]
    threads += [threading.Thread(target=reader, args=(args, tally, stop, r))
                for r in range(args.readers)]
    threads.append(threading.Thread(target=prober, args=(args, tally, stop)))
    for t in threads:
        t.start()
    time.sleep(args.seconds)
    stop.set()
    for t in threads:
        t.join()
    p99 = percentile(tally.healthz, 0.99)
    result = {
        "seconds": args.seconds,
        "writers": args.writers,
        "readers": args.readers,
        "article_bytes": args.article_bytes,
        "requests": tally.by_kind,
        "server_errors": len(tally.server_errors),
        "server_error_samples": tally.server_errors[:5],
        "database_is_locked": tally.locked,
        "healthz_ms": {
            "n": len(tally.healthz),
            "p50": percentile(tally.healthz, 0.5),
            "p99": p99,
            "max": round(max(tally.healthz), 1) if tally.healthz else None,
        },
    }
    print(json.dumps(result, ensure_ascii=False, indent=1))
    writes_ok = sum(n for s, n in tally.by_kind.get("write", {}).items() if s in ("200", "201"))
    ok = (not tally.server_errors and tally.locked == 0 and p99 is not None and p99 < 50
          and writes_ok > 0)
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
