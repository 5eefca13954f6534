#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for CI and development: a temporary folder, a loopback port, one database and one
# role with a random password. Nothing is left behind by `stop`.
#
#   eval "$(deploy/postgres/throwaway.sh start)"   # prints `export CHATBOT_TEST_POSTGRES=...` and `export CHATBOT_PG_DIR=...`
#   deploy/postgres/throwaway.sh env               # prints the same lines again (needs CHATBOT_PG_DIR)
#   deploy/postgres/throwaway.sh psql -c 'select 1' # psql as the database's owner
#   deploy/postgres/throwaway.sh stop              # stops the server and removes the folder (needs CHATBOT_PG_DIR)
#
# Settings (environment): CHATBOT_PG_PORT (first port tried, default 55432; the next free one up to +20 is taken),
# CHATBOT_PG_DIR (the folder; a new one under $TMPDIR by default), CHATBOT_PG_DATABASE / CHATBOT_PG_USER (default
# chatbot). Installs Debian's `postgresql` when no server binaries are found. As root, the cluster runs as the
# `postgres` user (the server refuses to run as root); otherwise as the current user.
# The cluster runs with fsync=off: it is throwaway data, and a killed *bot* never loses a committed row with it.
set -euo pipefail

say() { printf '%s\n' "$*" >&2; }
die() { say "throwaway-postgres: $*"; exit 1; }

DB=${CHATBOT_PG_DATABASE:-chatbot}
ROLE=${CHATBOT_PG_USER:-chatbot}

pg_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$bin" ] && [ -x "$bin/initdb" ] && { echo "$bin"; return 0; }
  return 1
}

install_postgres() {
  pg_bin >/dev/null && return 0
  say "throwaway-postgres: installing Debian's postgresql"
  local sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq >&2 || true
  # The package's own cluster (main, port 5432) may or may not start here; this script never uses it.
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null 2>&1 || true
  pg_bin >/dev/null || die "PostgreSQL could not be installed (apt-get install postgresql)"
}

# Runs a command as the cluster's owner.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

conn_string() {
  printf 'Host=127.0.0.1;Port=%s;Database=%s;Username=%s;Password=%s' "$(cat "$1/port")" "$DB" "$ROLE" "$(cat "$1/password")"
}

print_env() {
  local dir=$1
  printf "export CHATBOT_PG_DIR='%s'\n" "$dir"
  printf "export CHATBOT_TEST_POSTGRES='%s'\n" "$(conn_string "$dir")"
  printf "export CHATBOT_PG_URL='postgresql://%s:%s@127.0.0.1:%s/%s'\n" "$ROLE" "$(cat "$dir/password")" "$(cat "$dir/port")" "$DB"
}

start() {
  install_postgres
  local bin dir port password
  bin=$(pg_bin)
  dir=${CHATBOT_PG_DIR:-}
  if [ -z "$dir" ]; then dir=$(mktemp -d "${TMPDIR:-/tmp}/chatbot-pg.XXXXXX"); else mkdir -p "$dir"; fi
  [ ! -e "$dir/data" ] || die "$dir already holds a cluster (stop it first)"
  password=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
  mkdir -p "$dir/sock"
  echo "$password" >"$dir/password"
  chmod 600 "$dir/password"
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || die "no postgres user (the postgresql package creates it)"
    chown postgres "$dir" "$dir/sock"
    chmod 755 "$dir"
  fi
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  # The next free port from CHATBOT_PG_PORT; a port taken between the check and the bind (a client's ephemeral port
  # on a busy machine) makes the start fail with "Address already in use": then the next one is tried.
  port=${CHATBOT_PG_PORT:-55432}
  local started=""
  for _ in $(seq 0 20); do
    if port_free "$port"; then
      echo "$port" >"$dir/port"
      if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/sock -c fsync=off -c full_page_writes=off -c max_connections=200" start >/dev/null; then
        started=1
        break
      fi
      grep -q 'already in use' "$dir/server.log" 2>/dev/null || { cat "$dir/server.log" >&2; die "the server did not start"; }
    fi
    port=$((port + 1))
  done
  [ -n "$started" ] || die "no free port from ${CHATBOT_PG_PORT:-55432}"
  as_owner "$bin/psql" -q -v ON_ERROR_STOP=1 -h "$dir/sock" -p "$port" -U postgres -d postgres \
    -c "CREATE ROLE \"$ROLE\" LOGIN PASSWORD '$password'" -c "CREATE DATABASE \"$DB\" OWNER \"$ROLE\"" >/dev/null
  say "throwaway-postgres: running on 127.0.0.1:$port (folder $dir)"
  print_env "$dir"
}

need_dir() {
  local dir=${CHATBOT_PG_DIR:-}
  [ -n "$dir" ] && [ -f "$dir/port" ] || die "set CHATBOT_PG_DIR to the folder printed by start"
  echo "$dir"
}

stop() {
  local dir=${CHATBOT_PG_DIR:-}
  [ -n "$dir" ] && [ -d "$dir" ] || return 0
  local bin; bin=$(pg_bin || true)
  if [ -n "$bin" ] && [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  say "throwaway-postgres: stopped, $dir removed"
}

case "${1:-}" in
  start) start ;;
  env) print_env "$(need_dir)" ;;
  stop) stop ;;
  psql)
    shift
    dir=$(need_dir)
    PGPASSWORD=$(cat "$dir/password") "$(pg_bin)/psql" -h 127.0.0.1 -p "$(cat "$dir/port")" -U "$ROLE" -d "$DB" "$@"
    ;;
  *) say "usage: $0 start|env|psql [args]|stop"; exit 2 ;;
esac
