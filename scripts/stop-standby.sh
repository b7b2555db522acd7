#!/usr/bin/env bash
# Stops the standby scripts/start-standby.sh started and drops its replication slot, so that the
# primary no longer keeps WAL for it. Its data folder goes too unless KEEP_STANDBY_DATA=1 (then the
# next start resumes streaming from where it stopped, and the slot stays). Idempotent.
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PRIMARY_HOST=${PRIMARY_HOST:-127.0.0.1}
PRIMARY_PORT=${PRIMARY_PORT:-5432}
STANDBY_PORT=${STANDBY_PORT:-5433}
STANDBY_ROOT=${STANDBY_ROOT:-/tmp/pp-standby}
STANDBY_DATA=$STANDBY_ROOT/data
SLOT=${STANDBY_SLOT:-pp_standby_${STANDBY_PORT}}

say() { echo "stop-standby: $*" >&2; }
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
primary() { as_postgres "$PG_BIN/psql" -X -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres -d postgres -Atc "$1"; }

if [ -f "$STANDBY_DATA/postmaster.pid" ]; then
  say "stopping the standby on port $STANDBY_PORT"
  as_postgres "$PG_BIN/pg_ctl" -D "$STANDBY_DATA" -m fast -w stop >&2 || true
fi
if [ "${KEEP_STANDBY_DATA:-0}" != 1 ]; then
  if [ "$(primary "select count(*) from pg_replication_slots where slot_name = '$SLOT' and not active" 2>/dev/null || true)" = 1 ]; then
    primary "select pg_drop_replication_slot('$SLOT')" >/dev/null
    say "dropped the replication slot $SLOT"
  fi
  as_postgres rm -rf "$STANDBY_DATA"
fi
say "stopped"
