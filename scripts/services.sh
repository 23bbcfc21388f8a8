#!/usr/bin/env bash
# Starts the real services the test suite needs, on a Debian 12 machine without systemd, as root.
# Idempotent: a service that already answers is left alone. Fails loudly (non-zero exit, message on
# stderr) when a service cannot be installed or started: tests never skip because a service is absent.
#
#   scripts/services.sh            start every service the suite needs (today: postgres)
#   scripts/services.sh postgres   start only PostgreSQL 15 with the test role and databases
#
# PostgreSQL: 127.0.0.1:5432, role quarterdeck/quarterdeck, databases quarterdeck_test (contract tests)
# and quarterdeck_it (the Liberty server under test). Override with QUARTERDECK_PG_* if needed.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

PG_ROLE=${QUARTERDECK_PG_ROLE:-quarterdeck}
PG_PASS=${QUARTERDECK_PG_PASSWORD:-quarterdeck}
PG_DATABASES=${QUARTERDECK_PG_DATABASES:-"quarterdeck_test quarterdeck_it quarterdeck_bench"}

log() { echo "[services $(date +%T)] $*"; }
die() { echo "[services $(date +%T)] FAILED: $*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root (or sudo) for: $*"; fi
}

install_packages() {
  local need=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
  [ ${#need[@]} -eq 0 ] && return 0
  log "installing ${need[*]} (Debian packages)"
  if ! as_root apt-get install -y -q "${need[@]}" >/tmp/quarterdeck-apt.log 2>&1; then
    as_root apt-get update -q >>/tmp/quarterdeck-apt.log 2>&1 || true
    as_root apt-get install -y -q "${need[@]}" >>/tmp/quarterdeck-apt.log 2>&1 \
      || die "apt-get install ${need[*]} failed; see /tmp/quarterdeck-apt.log"
  fi
}

start_postgres() {
  install_packages postgresql-15 postgresql-client-15
  if ! pg_lsclusters -h 2>/dev/null | awk '$1==15 && $2=="main"' | grep -q online; then
    pg_lsclusters -h 2>/dev/null | awk '$1==15 && $2=="main"' | grep -q . || as_root pg_createcluster 15 main >/dev/null
    as_root pg_ctlcluster 15 main start || die "pg_ctlcluster 15 main start"
  fi
  for _ in $(seq 1 60); do
    as_root su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1 && break
    sleep 0.5
  done
  as_root su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1 || die "PostgreSQL 15 does not answer"
  as_root su postgres -c "psql -qtAc \"select 1 from pg_roles where rolname='$PG_ROLE'\"" | grep -q 1 \
    || as_root su postgres -c "psql -q -c \"create role $PG_ROLE login password '$PG_PASS'\"" >/dev/null
  for db in $PG_DATABASES; do
    as_root su postgres -c "psql -qtAc \"select 1 from pg_database where datname='$db'\"" | grep -q 1 \
      || as_root su postgres -c "psql -q -c 'create database $db owner $PG_ROLE'" >/dev/null
  done
  PGPASSWORD=$PG_PASS psql -h 127.0.0.1 -U "$PG_ROLE" -d "${PG_DATABASES%% *}" -qtAc 'select 1' >/dev/null \
    || die "cannot log in to PostgreSQL as $PG_ROLE over TCP"
  log "postgresql 15 up on 127.0.0.1:5432 (role $PG_ROLE; databases $PG_DATABASES)"
}

services=("$@")
[ ${#services[@]} -eq 0 ] && services=(postgres)
for s in "${services[@]}"; do
  case "$s" in
    postgres) start_postgres ;;
    *) die "unknown service '$s' (known: postgres)" ;;
  esac
done
