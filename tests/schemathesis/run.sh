#!/usr/bin/env bash
# Schemathesis against `tarikh serve` (issue 10): every check (`--checks all`, among them
# positive_data_acceptance and negative_data_rejection: the server accepts exactly what
# /openapi.json describes), a fixed seed and a bounded number of examples per operation.
#
#   cargo build && bash tests/schemathesis/run.sh      # TARIKH_BIN, EXAMPLES (30), SEED (1)
#
# Installs the pinned schemathesis into target/schemathesis-venv the first time (PyPI).
# Options that are not the defaults are in tests/schemathesis/schemathesis.toml, each with
# its reason.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
bin="${TARIKH_BIN:-target/debug/tarikh}"
venv=target/schemathesis-venv
version=4.32.5
if [[ ! -x "$venv/bin/st" ]] || ! "$venv/bin/st" --version 2>/dev/null | grep -q "$version"; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "schemathesis==$version"
fi
work="$(mktemp -d)"
token="schemathesis-$(date +%s)-$$"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
TARIKH_TOKEN="$token" "$bin" serve --addr "127.0.0.1:$port" --db "$work/t.db" \
    >"$work/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
python3 - "$port" <<'PY'
import sys, time, urllib.request
for _ in range(300):
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/healthz", timeout=1)
        break
    except Exception:
        time.sleep(0.2)
PY
# Run from the scratch folder: schemathesis keeps its cache where it runs.
config="$root/tests/schemathesis/schemathesis.toml"
cd "$work"
"$root/$venv/bin/st" --config-file "$config" --no-color run "http://127.0.0.1:$port/openapi.json" \
    --checks all --max-examples "${EXAMPLES:-30}" --seed "${SEED:-1}" \
    --header "Authorization: Bearer $token"
