#!/usr/bin/env bash
# Starts the machine's PostgreSQL 15 (installing it if absent) and prints a TEST_DATABASE_URL for the test suite.
set -euo pipefail
log() { echo "[postgres] $*" >&2; }

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing postgresql"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
  else
    log "PostgreSQL is not installed and cannot be installed here"; exit 1
  fi
fi
version=$(ls /etc/postgresql 2>/dev/null | sort -n | tail -1)
[ -n "$version" ] || { log "no PostgreSQL cluster found"; exit 1; }
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" && $4=="online"' | grep -q .; then
  log "starting cluster $version/main"
  pg_ctlcluster "$version" main start >&2
fi
for _ in $(seq 1 30); do
  su postgres -c "psql -qAtc 'select 1'" >/dev/null 2>&1 && break
  sleep 0.5
done
# Debian's default shared_buffers (128 MB) is sized for a tiny machine; a database server gets a quarter of
# RAM (at most 2 GB), so benchmarks measure Postgres, not its cache misses. Needs a restart when it changes.
ram_mb=$(awk '/MemTotal/ {print int($2 / 1024)}' /proc/meminfo)
want_mb=$(( ram_mb / 4 < 2048 ? ram_mb / 4 : 2048 ))
have=$(su postgres -c "psql -qAtc \"select setting::bigint * 8 / 1024 from pg_settings where name = 'shared_buffers'\"")
if [ "$want_mb" -gt 128 ] && [ "$have" != "$want_mb" ]; then
  log "setting shared_buffers to ${want_mb}MB (was ${have}MB) and restarting"
  su postgres -c "psql -qAtc \"ALTER SYSTEM SET shared_buffers = '${want_mb}MB'\"" >/dev/null
  pg_ctlcluster "$version" main restart >&2
  for _ in $(seq 1 30); do
    su postgres -c "psql -qAtc 'select 1'" >/dev/null 2>&1 && break
    sleep 0.5
  done
fi
su postgres -c "psql -qAt" >/dev/null <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cadence') THEN
    CREATE ROLE cadence LOGIN SUPERUSER PASSWORD 'cadence';
  END IF;
END $$;
SQL
su postgres -c "psql -qAtc \"select 1 from pg_database where datname='cadence'\"" | grep -q 1 \
  || su postgres -c "createdb -O cadence cadence" >&2
port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')
echo "postgres://cadence:cadence@127.0.0.1:${port}/cadence"
