#!/usr/bin/env bash
# The fuzz target with any document date, for SECONDS_ (60) seconds; installs cargo-fuzz when
# missing. Needs the nightly toolchain (rustup toolchain install nightly).
#
#   bash fuzz/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
mkdir -p fuzz/corpus/document_date
printf '2018-06-12' > fuzz/corpus/document_date/plain
printf '+262142-12-31' > fuzz/corpus/document_date/far
cargo +nightly fuzz run document_date -- -max_total_time="${SECONDS_:-60}"
