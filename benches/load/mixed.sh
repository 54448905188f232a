#!/usr/bin/env bash
# Mixed load (issue 10): `tarikh serve` on a fresh database of the seeds, writers posting ~2 MB
# articles beside readers and a /healthz prober for SECONDS (30), then the verdict of
# mixed.py (0 5xx, 0 "database is locked", /healthz p99 < 50 ms) and how many lines of the
# server's log say "database is locked".
#
#   benches/load/mixed.sh                 # builds the release binary first
#   TARIKH_BIN=path/to/tarikh benches/load/mixed.sh
#
# Settings (environment): SECONDS_ (30), WRITERS (2), READERS (4), PORT (8788).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
bin="${TARIKH_BIN:-target/release/tarikh}"
[[ -n "${TARIKH_BIN:-}" ]] || cargo build --release --quiet
port="${PORT:-8788}"
work="$(mktemp -d)"
token="mixed-load-$(date +%s)-$$-token"
TARIKH_TOKEN="$token" "$bin" serve --addr "127.0.0.1:$port" --db "$work/t.db" >"$work/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null && break
    sleep 0.2
done
status=0
python3 benches/load/mixed.py --base "http://127.0.0.1:$port" --token "$token" \
    --seconds "${SECONDS_:-30}" --writers "${WRITERS:-2}" --readers "${READERS:-4}" || status=$?
locked=$(grep -c "database is locked" "$work/serve.log" || true)
echo "server log lines saying \"database is locked\": $locked"
[[ "$locked" == 0 ]] || status=1
exit "$status"
