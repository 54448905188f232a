#!/usr/bin/env bash
# The browser tests: installs the node modules from the lock file when they are missing or
# older than it, then runs tests/e2e/run.mjs with node's test runner. Expects the tarikh binary
# at target/debug/tarikh (or TARIKH_BIN) and Chromium at /usr/bin/chromium (or CHROMIUM).
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
exec node --test --test-reporter=spec run.mjs
