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
# for both on one box. The last column is the 1-minute load average after each run: anything
# well above what wrk and the server account for means other work was competing.
#
# Settings (environment): EVENTS (1000000), DOCUMENTS (50000), PORT (8787), DURATION (15s),
# WARMUP (3s), SETTINGS ("1:4 1:16 2:64", threads:connections), DEEP_PAGES (1000 pages of
# 500 into the feed), DEEP_FILTERED_PAGES (400 pages of 50 into the RUS+CHN feed), TARIKH_BIN
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
DEEP_FILTERED_PAGES="${DEEP_FILTERED_PAGES:-400}"
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

# A database made by an older build gets the newer migrations here, not in the server, whose
# peak memory would otherwise include building their indexes. (The seeds are already stored:
# this ingest changes nothing else.)
"$bin" ingest --db "$db" seeds/ >/dev/null

# --- the server --------------------------------------------------------------------------
if curl -fsS -o /dev/null "$base/healthz" 2>/dev/null; then
    echo "something already answers on $base; set PORT" >&2
    exit 1
fi
log "starting $bin serve on $base"
# The server logs a line per request (its default): a run writes millions of them. The first
# 10 MB are kept in serve.log; the rest is read and dropped, so the disk does not fill up.
"$bin" serve --addr "127.0.0.1:$PORT" --db "$db" \
    > >(head -c 10000000 >"$out/serve.log"; cat >/dev/null) 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
trap 'exit 130' INT TERM
for _ in $(seq 1 300); do
    curl -fsS -o /dev/null "$base/healthz" 2>/dev/null && break
    kill -0 "$server" 2>/dev/null || { cat "$out/serve.log" >&2; exit 1; }
    sleep 0.2
done
curl -fsS -o /dev/null "$base/healthz"
rss_kb() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$server/status"; }
rss_start=$(rss_kb VmRSS)

# --- deep cursors: follow next_url far into the feed --------------------------------------
# Follows next_url for up to `pages` pages from `url`; writes every cursor seen (URL-quoted)
# to `file`, one a line, and prints the last. Says how long the walk took on stderr and in
# $out/walks.txt.
follow() {
    python3 - "$base" "$1" "$2" "$3" <<'PY' 2> >(tee -a "$out/walks.txt" >&2)
import json, sys, time, urllib.parse, urllib.request
base, start, pages, file = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
url, cursors, events, slowest = start, [], 0, 0.0
t0 = time.monotonic()
while len(cursors) < pages and url:
    t = time.monotonic()
    with urllib.request.urlopen(base + url) as r:
        body = json.load(r)
    slowest = max(slowest, time.monotonic() - t)
    events += len(body["events"])
    url = body.get("next_url")
    if body.get("next_cursor"):
        cursors.append(urllib.parse.quote(body["next_cursor"], safe=""))
if not cursors:
    sys.exit(f"{start}: no next_cursor on the first page")
with open(file, "w") as f:
    f.write("\n".join(cursors) + "\n")
print(cursors[-1])
took = time.monotonic() - t0
print(f"`{start}`: {len(cursors)} pages ({events:,} events) in {took:.1f} s,"
      f" {1000 * took / len(cursors):.0f} ms per page on average, slowest {1000 * slowest:.0f} ms",
      file=sys.stderr)
PY
}
rm -f "$out/walks.txt"
log "walking $DEEP_PAGES pages of 500 into the feed"
deep=$(follow "/api/v1/events?limit=500" "$DEEP_PAGES" "$out/cursors-all.txt")
log "walking $DEEP_FILTERED_PAGES pages of 50 into the RUS+CHN feed"
# limit=50 spelt out: the scenario's own first page must not be cached by the walk.
deep_filtered=$(follow "/api/v1/events?country=RUS&country=CHN&limit=50" \
    "$DEEP_FILTERED_PAGES" "$out/cursors-rus-chn.txt")

# name | URL | wrk script and its arguments after the seed (empty: the same URL every time,
# which the server's response cache answers after the first request) | threads:connections
# when not $SETTINGS (an uncached histogram takes seconds: more connections would only queue)
filtered='/api/v1/events?country=RUS&country=CHN'
scenarios=(
    "filtered first page|$filtered|"
    "deep page ($((DEEP_PAGES * 500)) events in)|/api/v1/events?cursor=$deep|"
    "deep filtered page ($((DEEP_FILTERED_PAGES * 50)) events in)|$filtered&cursor=$deep_filtered|"
    "histogram, month by kind|/api/v1/histogram?interval=month&group_by=kind|"
    "uncached: filtered first page from a random day|$filtered&from=2000-01-02&limit=41|from-days.lua"
    "uncached: feed page after a random cursor of the walk|/api/v1/events?cursor=$deep&limit=41|cursors.lua $out/cursors-all.txt /api/v1/events?"
    "uncached: filtered page after a random cursor of its walk|$filtered&cursor=$deep_filtered&limit=41|cursors.lua $out/cursors-rus-chn.txt $filtered&"
    "uncached: histogram over a random span|/api/v1/histogram?interval=month&group_by=kind&from=2000-01-02&to=2026-12-30|histogram-spans.lua|1:1"
)

# The first request of each URL renders it (no cache): its time, and the size of the page.
rss_walks=$(rss_kb VmRSS)
declare -A bytes first
for s in "${scenarios[@]}"; do
    IFS='|' read -r name url _ <<<"$s"
    read -r code secs < <(curl -sS -o "$out/last-response.json" -w '%{http_code} %{time_total}\n' "$base$url")
    [[ "$code" == 200 ]] || { echo "$url answered $code: $(head -c 300 "$out/last-response.json")" >&2; exit 1; }
    bytes[$name]=$(wc -c <"$out/last-response.json")
    first[$name]=$(awk -v s="$secs" 'BEGIN { printf "%.1f", s * 1000 }')
    log "$url: ${bytes[$name]} bytes, first answer in ${first[$name]} ms"
done

# --- wrk ---------------------------------------------------------------------------------
# "12.34ms" | "850.00us" | "1.02s" | "2.00m" -> milliseconds
to_ms() {
    awk -v v="$1" 'BEGIN { n = v + 0
        if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /m$/) n *= 60000
        else if (v ~ /s$/) n *= 1000
        printf "%.2f", n }'
}
cache_hits() { curl -fsS "$base/metrics" | awk '/^tarikh_response_cache_hits/ { print $2 }'; }
results="$out/results.md"
runs=0
{
    echo "| scenario | page | first answer | wrk | requests/s | p50 | p99 | cache hits | errors | RSS after | load |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|"
} >"$results"
for s in "${scenarios[@]}"; do
    IFS='|' read -r name url script settings <<<"$s"
    words=()
    [[ -n "$script" ]] && read -r -a words <<<"$script"
    # wrk's target: the URL, or the script with a new random seed for every wrk run (so that
    # a run does not ask for the pages its warm-up has just put in the cache) and its arguments.
    target() {
        runs=$((runs + 1))
        if ((${#words[@]})); then
            args=(-s "$here/${words[0]}" "$base$url" -- "$runs" "${words[@]:1}")
        else
            args=("$base$url")
        fi
    }
    for tc in ${settings:-$SETTINGS}; do
        t=${tc%%:*} c=${tc##*:}
        # The server gives up on a request after 30 s: wrk waits as long (its default is 2 s).
        target
        wrk -t"$t" -c"$c" -d"$WARMUP" --timeout 30s "${args[@]}" >/dev/null
        log "$name: wrk -t$t -c$c -d$DURATION --latency"
        hits_before=$(cache_hits)
        target
        report=$(wrk -t"$t" -c"$c" -d"$DURATION" --timeout 30s --latency "${args[@]}")
        hits=$(($(cache_hits) - hits_before))
        echo "$report" >"$out/wrk-$(echo "$name" | tr -c 'a-z0-9' '-' | cut -c1-50)-t$t-c$c.txt"
        rps=$(awk '/^Requests\/sec:/ { printf($2 < 10 ? "%.1f" : "%d", $2) }' <<<"$report")
        total=$(awk '/requests in/ { print $1 }' <<<"$report")
        p50=$(awk '$1 == "50%" { print $2 }' <<<"$report")
        p99=$(awk '$1 == "99%" { print $2 }' <<<"$report")
        errors=$(awk '/Non-2xx|Socket errors/ { sub(/^ +/, ""); printf "%s; ", $0 }' <<<"$report")
        row=$(printf '| %s | %s KB | %s ms | `-t%s -c%s` | %s | %s ms | %s ms | %s%% | %s | %s MB | %s |' \
            "$name" "$((bytes[$name] / 1024))" "${first[$name]}" "$t" "$c" "$rps" \
            "$(to_ms "$p50")" "$(to_ms "$p99")" "$((100 * hits / (total > 0 ? total : 1)))" \
            "${errors:-none}" "$(($(rss_kb VmRSS) / 1024))" "$(cut -d' ' -f1 /proc/loadavg)")
        echo "$row" >>"$results"
        log "$row"
    done
done

hwm=$(rss_kb VmHWM)
rss_end=$(rss_kb VmRSS)
{
    echo
    echo "Server memory: peak RSS (VmHWM) $((hwm / 1024)) MB; RSS $((rss_start / 1024)) MB after"
    echo "start-up, $((rss_walks / 1024)) MB after the deep-cursor walks, $((rss_end / 1024)) MB after the runs."
    echo
    echo "Machine: $(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)),"
    echo "$(awk '/MemTotal/ { printf "%d GB", $2 / 1048576 }' /proc/meminfo) RAM; wrk and the server share it. Load average"
    echo "at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
    echo "Database: $db, $(du -m "$db" | cut -f1) MB; commit $(git rev-parse --short HEAD)."
    echo
    echo "Deep-cursor walks (one client following next_url):"
    sed 's/^/- /' "$out/walks.txt"
} >>"$results"
log "results in $results"
cat "$results"
