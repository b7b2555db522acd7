#!/usr/bin/env bash
# Starts a streaming-replication standby of the local PostgreSQL primary (Debian's PostgreSQL 15,
# 127.0.0.1:5432, trust auth) on 127.0.0.1:5433, and prints its URL on standard output (all else
# goes to standard error), e.g.  READ_URL=$(bash scripts/start-standby.sh)
# The app reads list pages and searches from it through DATABASE_READ_URL (docs/ARCHITECTURE.md,
# "Read replica"). Idempotent: a standby already running is left as it is. Stop it with
# scripts/stop-standby.sh. Run as root (CI) or as the postgres user.
#
# The primary needs no restart: wal_level=replica and max_wal_senders>0 are Debian's defaults; only
# a pg_hba.conf line for replication connections is added, which a reload takes.
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PRIMARY_HOST=${PRIMARY_HOST:-127.0.0.1}
PRIMARY_PORT=${PRIMARY_PORT:-5432}
STANDBY_PORT=${STANDBY_PORT:-5433}
STANDBY_ROOT=${STANDBY_ROOT:-/tmp/pp-standby}
STANDBY_DATA=$STANDBY_ROOT/data
# A slot keeps on the primary the WAL the standby has not received yet (wal_keep_size is 0), so a
# standby that falls behind catches up instead of needing a new base backup.
SLOT=${STANDBY_SLOT:-pp_standby_${STANDBY_PORT}}

say() { echo "start-standby: $*" >&2; }

# Commands that touch the data folder run as postgres, which owns it.
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

primary() { as_postgres "$PG_BIN/psql" -X -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres -d postgres -Atc "$1"; }
standby() { as_postgres "$PG_BIN/psql" -X -h 127.0.0.1 -p "$STANDBY_PORT" -U postgres -d postgres -Atc "$1" 2>/dev/null; }

print_url() { echo "postgres://postgres@127.0.0.1:${STANDBY_PORT}/postgres"; }

wait_ready() {
  for _ in $(seq 1 120); do
    if [ "$(standby 'select pg_is_in_recovery()' || true)" = t ]; then return 0; fi
    sleep 0.5
  done
  say "the standby did not accept connections in recovery within 60 s; see $STANDBY_ROOT/standby.log"
  tail -n 20 "$STANDBY_ROOT/standby.log" >&2 || true
  return 1
}

primary 'select 1' >/dev/null || { say "no primary at $PRIMARY_HOST:$PRIMARY_PORT"; exit 1; }

if [ "$(standby 'select pg_is_in_recovery()' || true)" = t ]; then
  say "already running on port $STANDBY_PORT"
  print_url
  exit 0
fi

# Settings that would need a restart of the primary: check them, never change them here.
wal_level=$(primary 'show wal_level')
senders=$(primary 'show max_wal_senders')
if [ "$wal_level" = minimal ] || [ "$senders" = 0 ]; then
  say "the primary has wal_level=$wal_level, max_wal_senders=$senders: streaming needs wal_level=replica"
  say "and max_wal_senders>0, which take a restart of the primary; set them and restart it first"
  exit 1
fi

# Replication connections from this machine; pg_hba.conf is read again on a reload.
hba=$(primary 'show hba_file')
rule="host replication all 127.0.0.1/32 trust"
if ! grep -Eq '^[[:space:]]*host[[:space:]]+replication[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$hba"; then
  say "allowing replication connections from 127.0.0.1 in $hba"
  printf '%s\n' "$rule" >>"$hba"
  primary 'select pg_reload_conf()' >/dev/null
  sleep 0.5
fi

if [ ! -f "$STANDBY_DATA/standby.signal" ]; then
  mkdir -p "$STANDBY_ROOT"
  chown postgres:postgres "$STANDBY_ROOT" 2>/dev/null || true
  as_postgres rm -rf "$STANDBY_DATA"
  # A slot left by a standby whose folder is gone would hold WAL forever: start afresh.
  if [ "$(primary "select count(*) from pg_replication_slots where slot_name = '$SLOT'")" = 1 ]; then
    primary "select pg_drop_replication_slot('$SLOT')" >/dev/null
  fi
  say "base backup of $PRIMARY_HOST:$PRIMARY_PORT into $STANDBY_DATA"
  # -R writes standby.signal and primary_conninfo; -C -S creates the slot and names it there.
  as_postgres "$PG_BIN/pg_basebackup" -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres \
    -D "$STANDBY_DATA" -R -C -S "$SLOT" -X stream -c fast
  # Debian keeps the primary's configuration in /etc, outside the data folder: the standby gets its
  # own. Hot standby requires these limits to be at least the primary's.
  {
    echo "port = $STANDBY_PORT"
    echo "listen_addresses = '127.0.0.1'"
    echo "unix_socket_directories = '$STANDBY_ROOT'"
    echo "hot_standby = on"
    # The primary keeps rows a running read on the standby still sees: lists are not cancelled by
    # a vacuum replayed under them.
    echo "hot_standby_feedback = on"
    for name in max_connections max_worker_processes max_wal_senders max_prepared_transactions max_locks_per_transaction; do
      echo "$name = $(primary "show $name")"
    done
    echo "shared_buffers = 64MB"
  } | as_postgres tee "$STANDBY_DATA/postgresql.conf" >/dev/null
  printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' | as_postgres tee "$STANDBY_DATA/pg_hba.conf" >/dev/null
  as_postgres touch "$STANDBY_DATA/pg_ident.conf"
fi

say "starting the standby on port $STANDBY_PORT (log: $STANDBY_ROOT/standby.log)"
as_postgres "$PG_BIN/pg_ctl" -D "$STANDBY_DATA" -l "$STANDBY_ROOT/standby.log" -w -t 60 start >&2 ||
  as_postgres "$PG_BIN/pg_ctl" -D "$STANDBY_DATA" status >&2
wait_ready
say "streaming from the primary, in recovery"
print_url
