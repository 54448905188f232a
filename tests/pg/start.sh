#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: initdb in a temporary directory, pg_ctl on a
# free port, the unix socket in that directory, trust authentication for the user `tarikh`.
#
#   source tests/pg/start.sh      exports TARIKH_TEST_PG and stops the server when the shell
#                                 that sourced it exits (what .ci/run does)
#   tests/pg/start.sh             starts it and prints the export line and the stop command
#
# Uses initdb and pg_ctl from PATH or /usr/lib/postgresql/*/bin; installs Debian's postgresql
# when there are none. Run as root, the server runs as the `postgres` user (or `nobody` when
# there is none): initdb refuses root.

tarikh_pg_start() {
  local bin=""
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    bin="$(dirname "$(command -v initdb)")"
  else
    bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    if [ -z "$bin" ]; then
      echo "tests/pg/start.sh: no initdb, installing Debian's postgresql" >&2
      apt-get update >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
      bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
    fi
  fi

  local dir
  dir="$(mktemp -d "${TMPDIR:-/tmp}/tarikh-pg.XXXXXX")"
  local as=()
  if [ "$(id -u)" = 0 ]; then
    local user=postgres
    id "$user" >/dev/null 2>&1 || user=nobody
    chown "$user" "$dir"
    as=(runuser -u "$user" --)
  fi

  # A free port: bind port 0 and read back what the kernel gave.
  local port
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null)"
  port="${port:-$((20000 + RANDOM % 20000))}"

  "${as[@]}" "$bin/initdb" -D "$dir/data" -U tarikh --auth=trust --encoding=UTF8 \
    --no-locale >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    return 1
  }
  # fsync off: a test server's data does not outlive the machine, let alone a crash.
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-p $port -k $dir -c listen_addresses='' -c fsync=off -c max_connections=200" \
    start >/dev/null || {
    cat "$dir/server.log" >&2
    return 1
  }
  TARIKH_PG_DIR="$dir"
  TARIKH_PG_STOP="${as[*]} $bin/pg_ctl -D $dir/data -m immediate stop"
  export TARIKH_TEST_PG="postgres://tarikh@localhost:$port/postgres?host=$dir"
}

tarikh_pg_stop() {
  if [ -n "${TARIKH_PG_STOP:-}" ]; then
    $TARIKH_PG_STOP >/dev/null 2>&1 || true
    rm -rf "$TARIKH_PG_DIR"
    TARIKH_PG_STOP=""
  fi
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  tarikh_pg_start || return 1
  trap tarikh_pg_stop EXIT
  echo "PostgreSQL for the tests: TARIKH_TEST_PG=$TARIKH_TEST_PG" >&2
else
  set -euo pipefail
  tarikh_pg_start
  echo "export TARIKH_TEST_PG='$TARIKH_TEST_PG'"
  echo "# stop it with: $TARIKH_PG_STOP && rm -rf $TARIKH_PG_DIR"
fi
