#!/usr/bin/env bash
# The fuzz target with any document date (issue 10), for SECONDS_ (60) seconds of fuzzing after
# the build; installs cargo-fuzz when missing. Needs the nightly toolchain (rustup toolchain
# install nightly). Exits non-zero on any crash, leak or input slower than 10 s, whose input
# libFuzzer leaves in fuzz/artifacts/document_date/.
#
#   bash fuzz/run.sh                  # SECONDS_=60; the last line is the run's figures
set -euo pipefail
cd "$(dirname "$0")/.."
if ! cargo +nightly --version >/dev/null 2>&1; then
    echo "fuzz/run.sh needs the nightly toolchain: rustup toolchain install nightly" >&2
    exit 2
fi
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
mkdir -p fuzz/corpus/document_date
printf '2018-06-12' > fuzz/corpus/document_date/plain
printf '+262142-12-31' > fuzz/corpus/document_date/far
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
cargo +nightly fuzz build document_date
status=0
cargo +nightly fuzz run document_date -- -max_total_time="${SECONDS_:-60}" -timeout=10 \
    -print_final_stats=1 2>&1 | tee "$log" || status=$?
runs=$(grep -oE '^stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo '?')
secs=$(grep -oE '^Done [0-9]+ runs in [0-9]+ second' "$log" | grep -oE '[0-9]+ second' | grep -oE '[0-9]+' || echo '?')
if [[ $status -eq 0 ]]; then
    echo "fuzz document_date: $runs runs in $secs s, 0 failures"
else
    echo "fuzz document_date: FAILED (exit $status) after $runs runs; see fuzz/artifacts/document_date/"
fi
exit "$status"
