#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests and CI:
#   pg-scratch.sh start DIR PORT   makes a cluster in DIR/data (if there is none) and starts it
#   pg-scratch.sh stop DIR         stops it (fast shutdown); nothing happens when none runs there
# The server listens only on a unix socket in DIR and on 127.0.0.1:PORT. It trusts the superuser
# postgres on local connections (it is for tests, on this machine only); other roles give a password.
# Started by root it runs as the unprivileged user postgres (the server refuses to run as root).
# Its log is DIR/server.log.
set -euo pipefail

usage() {
  echo "usage: $0 start DIR PORT | stop DIR" >&2
  exit 2
}

# Debian keeps the server's programs out of PATH; fall back to PATH elsewhere.
bin() {
  local dir
  for dir in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/$1" ]; then
      echo "$dir/$1"
      return
    fi
  done
  if command -v "$1" >/dev/null 2>&1; then
    command -v "$1"
    return
  fi
  echo "pg-scratch: $1 not found; install PostgreSQL (apt-get install postgresql-15 postgresql-15-postgis-3)" >&2
  exit 3
}

# Runs a command as the cluster's owner: postgres when we are root, ourselves otherwise.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

[ $# -ge 2 ] || usage
cmd=$1
dir=$2

case "$cmd" in
  start)
    [ $# -eq 3 ] || usage
    port=$3
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [ "$(id -u)" = 0 ]; then
      chown postgres: "$dir"
    fi
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_owner "$(bin initdb)" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
      # The superuser is trusted on this machine; any other role gives its password, so that the
      # tests can also meet a wrong one.
      as_owner sh -c "cat > '$dir/data/pg_hba.conf'" <<'HBA'
local all all trust
host all postgres 127.0.0.1/32 trust
host all all 127.0.0.1/32 scram-sha-256
HBA
    fi
    as_owner "$(bin pg_ctl)" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-k $dir -p $port -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null \
      || { tail -20 "$dir/server.log" >&2; exit 1; }
    echo "PostgreSQL running: host 127.0.0.1 port $port (socket in $dir), user postgres"
    ;;
  stop)
    [ $# -eq 2 ] || usage
    dir=$(cd "$dir" && pwd)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$(bin pg_ctl)" -D "$dir/data" -m fast -w -t 60 stop >/dev/null
    fi
    ;;
  *)
    usage
    ;;
esac
