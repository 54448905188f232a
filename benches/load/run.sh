#!/usr/bin/env bash
# HTTP load benchmark of `tarikh serve` over a database of 1,000,000 events (issue #4).
#
#   benches/load/run.sh            # from anywhere in the repository; run as root on Debian
#
# Builds the release binary, makes target/loadbench/events-1m.db once (ingest of the seeds
# and 50,000 synthetic articles, then gen_db.py events), starts the server, and runs wrk
# against each scenario at a few thread/connection settings. Prints a markdown table
# (requests/s, p50, p99 per scenario and setting) and the server's peak RSS, and writes it to
# target/loadbench/results.md. wrk and the server share the machine's cores: the figures are
# for both on one box.
#
# Settings (environment): EVENTS (1000000), DOCUMENTS (50000), PORT (8787), DURATION (15s),
# WARMUP (3s), SETTINGS ("1:4 1:16 2:64", threads:connections), DEEP_PAGES (1000 pages of
# 500 into the feed), DEEP_FILTERED_PAGES (40 pages of 500 into the RUS+CHN feed), TARIKH_BIN
# (another binary to run; nothing is built then).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

EVENTS="${EVENTS:-1000000}"
DOCUMENTS="${DOCUMENTS:-50000}"
PORT="${PORT:-8787}"
DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-3s}"
SETTINGS="${SETTINGS:-1:4 1:16 2:64}"
DEEP_PAGES="${DEEP_PAGES:-1000}"
DEEP_FILTERED_PAGES="${DEEP_FILTERED_PAGES:-40}"
out="target/loadbench"
db="$out/events-$((EVENTS / 1000))k.db"
[[ "$EVENTS" == 1000000 ]] && db="$out/events-1m.db"
base="http://127.0.0.1:$PORT"

log() { printf '== %s\n' "$*" >&2; }

# --- what the benchmark needs, installed when missing (fresh Debian, as root) -------------
sudo_() { if [[ "$(id -u)" == 0 ]]; then "$@"; else sudo "$@"; fi; }
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v curl >/dev/null || missing+=(curl ca-certificates)
command -v python3 >/dev/null || missing+=(python3)
command -v cc >/dev/null || missing+=(build-essential)
if ((${#missing[@]})); then
    log "installing ${missing[*]}"
    sudo_ apt-get update -qq
    sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if ! command -v cargo >/dev/null; then
    [[ -f "$HOME/.cargo/env" ]] || {
        log "installing Rust (rustup, minimal profile)"
        curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
    }
    # shellcheck disable=SC1091
    source "$HOME/.cargo/env"
fi

# TARIKH_BIN runs another build (then nothing is built).
bin="${TARIKH_BIN:-target/release/tarikh}"
if [[ -z "${TARIKH_BIN:-}" ]]; then
    log "cargo build --release"
    cargo build --release --quiet
fi
mkdir -p "$out"

# --- the database, made once -------------------------------------------------------------
if [[ ! -f "$db" ]]; then
    log "making $db: $DOCUMENTS articles through tarikh ingest, then $EVENTS events"
    rm -f "$db.tmp" "$db.tmp-wal" "$db.tmp-shm"
    start=$SECONDS
    python3 "$here/gen_db.py" documents "$out/docs-$DOCUMENTS.jsonl" --documents "$DOCUMENTS"
    "$bin" ingest --db "$db.tmp" seeds/ "$out/docs-$DOCUMENTS.jsonl"
    log "ingest took $((SECONDS - start)) s"
    python3 "$here/gen_db.py" events "$db.tmp" --events "$EVENTS"
    mv "$db.tmp" "$db"
    log "database made in $((SECONDS - start)) s"
fi

# --- the server --------------------------------------------------------------------------
if curl -fsS -o /dev/null "$base/healthz" 2>/dev/null; then
    echo "something already answers on $base; set PORT" >&2
    exit 1
fi
log "starting $bin serve on $base"
"$bin" serve --addr "127.0.0.1:$PORT" --db "$db" >"$out/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
    curl -fsS -o /dev/null "$base/healthz" 2>/dev/null && break
    kill -0 "$server" 2>/dev/null || { cat "$out/serve.log" >&2; exit 1; }
    sleep 0.2
done
curl -fsS -o /dev/null "$base/healthz"
rss_kb() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$server/status"; }
rss_start=$(rss_kb VmRSS)

# --- deep cursors: follow next_url far into the feed --------------------------------------
# Prints the cursor (URL-quoted) of the page after `pages` pages from `url`; says how long the
# walk took on stderr and in $out/walks.txt.
follow() {
    python3 - "$base" "$1" "$2" <<'PY' 2> >(tee -a "$out/walks.txt" >&2)
import json, sys, time, urllib.parse, urllib.request
base, start, pages = sys.argv[1], sys.argv[2], int(sys.argv[3])
url, cursor = start, None
t0, n, events = time.monotonic(), 0, 0
while n < pages and url:
    with urllib.request.urlopen(base + url) as r:
        body = json.load(r)
    events += len(body["events"])
    n += 1
    url = body.get("next_url")
    cursor = body.get("next_cursor") or cursor
if cursor is None:
    sys.exit(f"{start}: no next_cursor on the first page")
print(urllib.parse.quote(cursor, safe=""))
took = time.monotonic() - t0
print(f"{start}: followed next_url for {n} pages ({events:,} events) in {took:.1f} s,"
      f" {1000 * took / n:.1f} ms per page", file=sys.stderr)
PY
}
rm -f "$out/walks.txt"
log "walking $DEEP_PAGES pages of 500 into the feed"
deep=$(follow "/api/v1/events?limit=500" "$DEEP_PAGES")
log "walking $DEEP_FILTERED_PAGES pages of 500 into the RUS+CHN feed"
deep_filtered=$(follow "/api/v1/events?country=RUS&country=CHN&limit=500" "$DEEP_FILTERED_PAGES")

# Requests with a different `from` day and `limit` each, so that no response is served twice
# (any response cache is bypassed). One counter per wrk thread, started far apart.
cat >"$out/variety.lua" <<'LUA'
counter = 0 -- global: setup() gives each thread its own start
local threads = 0
function setup(thread)
  thread:set("counter", threads * 100000)
  threads = threads + 1
end
local base = os.time { year = 2000, month = 1, day = 1, hour = 12 }
function request()
  counter = counter + 1
  local day = os.date("!%Y-%m-%d", base + (counter % 9000) * 86400)
  local limit = 41 + math.floor(counter / 9000) % 20
  return wrk.format("GET", "/api/v1/events?country=RUS&country=CHN&from=" .. day .. "&limit=" .. limit)
end
LUA

scenarios=(
    "filtered first page|/api/v1/events?country=RUS&country=CHN"
    "deep page ($((DEEP_PAGES * 500)) events in)|/api/v1/events?cursor=$deep"
    "deep filtered page ($((DEEP_FILTERED_PAGES * 500)) events in)|/api/v1/events?country=RUS&country=CHN&cursor=$deep_filtered"
    "histogram month by kind|/api/v1/histogram?interval=month&group_by=kind"
    "filtered first page, uncached (new from/limit per request)|/api/v1/events?country=RUS&country=CHN&from=2000-01-02&limit=41|variety"
)
declare -A bytes
for s in "${scenarios[@]}"; do
    IFS='|' read -r name url _ <<<"$s"
    code=$(curl -sS -o "$out/last-response.json" -w '%{http_code}' "$base$url")
    [[ "$code" == 200 ]] || { echo "$url answered $code: $(head -c 300 "$out/last-response.json")" >&2; exit 1; }
    bytes[$name]=$(wc -c <"$out/last-response.json")
    log "$url: ${bytes[$name]} bytes"
done

# --- wrk ---------------------------------------------------------------------------------
# "12.34ms" | "850.00us" | "1.02s" -> milliseconds
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }
results="$out/results.md"
{
    echo "| scenario | response | wrk settings | requests/s | p50 | p99 | errors |"
    echo "|---|---|---|---|---|---|---|"
} >"$results"
for s in "${scenarios[@]}"; do
    IFS='|' read -r name url script <<<"$s"
    lua=()
    [[ -n "${script:-}" ]] && lua=(-s "$out/$script.lua")
    for tc in $SETTINGS; do
        t=${tc%%:*} c=${tc##*:}
        wrk -t"$t" -c"$c" -d"$WARMUP" "${lua[@]}" "$base$url" >/dev/null
        log "$name: wrk -t$t -c$c -d$DURATION --latency"
        report=$(wrk -t"$t" -c"$c" -d"$DURATION" --latency "${lua[@]}" "$base$url")
        echo "$report" >"$out/wrk-$(echo "$name" | tr -c 'a-z0-9' '-' | cut -c1-40)-t$t-c$c.txt"
        rps=$(awk '/^Requests\/sec:/ { printf "%d", $2 }' <<<"$report")
        p50=$(awk '$1 == "50%" { print $2 }' <<<"$report")
        p99=$(awk '$1 == "99%" { print $2 }' <<<"$report")
        errors=$(awk '/Non-2xx|Socket errors/ { sub(/^ +/, ""); printf "%s; ", $0 }' <<<"$report")
        row=$(printf '| %s | %s KB | `-t%s -c%s` | %s | %s ms | %s ms | %s |' "$name" \
            "$((bytes[$name] / 1024))" "$t" "$c" \
            "$rps" "$(to_ms "$p50")" "$(to_ms "$p99")" "${errors:-none}")
        echo "$row" >>"$results"
        log "$row"
    done
done

hwm=$(rss_kb VmHWM)
rss_end=$(rss_kb VmRSS)
{
    echo
    echo "Server memory: peak RSS (VmHWM) $((hwm / 1024)) MB; RSS $((rss_start / 1024)) MB after"
    echo "start-up, $((rss_end / 1024)) MB after the runs."
    echo
    echo "Machine: $(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)),"
    echo "$(awk '/MemTotal/ { printf "%d GB", $2 / 1048576 }' /proc/meminfo) RAM, load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
    echo "Database: $db, $(du -m "$db" | cut -f1) MB; commit $(git rev-parse --short HEAD)."
    echo
    echo "Deep-cursor walks (limit=500 pages, one client):"
    sed 's/^/- /' "$out/walks.txt"
} >>"$results"
log "results in $results"
cat "$results"
