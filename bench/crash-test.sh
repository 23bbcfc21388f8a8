#!/usr/bin/env bash
# Crash test: rotating-fingerprint load against Quarterdeck on PostgreSQL, the server killed with kill -9 in
# the middle, restarted, and the stored counts compared with the 201 responses the load driver saw.
# Passes when no acknowledged occurrence is missing (stored >= acknowledged), nothing was invented or counted
# twice (stored may exceed acknowledged only by the requests in flight when the server died: at most one per
# connection) and every group's count equals its stored occurrence rows.
#
#   bench/crash-test.sh            3 rounds
#   CRASH_ROUNDS=5 bench/crash-test.sh
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
ROUNDS=${CRASH_ROUNDS:-3}
LOAD_SECONDS=${CRASH_LOAD_SECONDS:-20}
KILL_AFTER=${CRASH_KILL_AFTER:-8}
CONNECTIONS=32
OUT="$ROOT/target/crash"
mkdir -p "$OUT"

"$ROOT/scripts/services.sh" postgres
command -v wrk >/dev/null || { apt-get install -y -q wrk >/dev/null || { echo "cannot install wrk" >&2; exit 1; }; }

export QUARTERDECK_HTTP_PORT=${CRASH_PORT:-9380}
export QUARTERDECK_DATA_DIR="$OUT/data"
export QUARTERDECK_DB_URL=jdbc:postgresql://127.0.0.1:5432/quarterdeck_bench
export QUARTERDECK_DB_USER=quarterdeck QUARTERDECK_DB_PASSWORD=quarterdeck
export QUARTERDECK_RATE_LIMIT_ENABLED=false  # the load is one key and one address by design
export QUARTERDECK_BOOTSTRAP_API_KEY="qdk_crash_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
psql_bench() { PGPASSWORD=quarterdeck psql -qtA -h 127.0.0.1 -U quarterdeck -d quarterdeck_bench "$@"; }
psql_bench -c 'drop schema if exists public cascade' -c 'create schema public' >/dev/null
rm -rf "$QUARTERDECK_DATA_DIR"
trap '"$ROOT/bin/quarterdeck" stop >/dev/null 2>&1 || true' EXIT

letters() { local n=$1 s=""; while :; do s=$(printf "\\$(printf '%03o' $((97 + n % 26)))")$s; n=$((n / 26)); [ $n -eq 0 ] && break; done; echo "$s"; }
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }
server_pid() { pgrep -f "ws-server.jar.*quarterdeck" | head -1; }

failed=0
"$ROOT/bin/quarterdeck" start >/dev/null
for round in $(seq 1 "$ROUNDS"); do
  tag="crash$(letters $(( $(date +%s) % 100000 )))$(letters "$round")"
  BENCH_MODE=rotating BENCH_TAG=$tag BENCH_KEY=$QUARTERDECK_BOOTSTRAP_API_KEY \
    wrk -t2 -c"$CONNECTIONS" -d"${LOAD_SECONDS}s" --timeout 5s -s "$ROOT/bench/ingest.lua" \
    "http://127.0.0.1:$QUARTERDECK_HTTP_PORT" >"$OUT/wrk-$round.txt" 2>&1 &
  wrk_pid=$!
  sleep "$KILL_AFTER"
  pid=$(server_pid)
  [ -n "$pid" ] || { echo "no server process to kill" >&2; exit 1; }
  kill -9 "$pid"
  wait "$wrk_pid" || true
  line=$(grep '^RESULT' "$OUT/wrk-$round.txt")
  acked=$(field ok "$line")
  # Restart on the same database and data directory.
  "$ROOT/bin/quarterdeck" stop >/dev/null 2>&1 || true
  "$ROOT/bin/quarterdeck" start >/dev/null
  stored=$(psql_bench -c "select coalesce(sum(occurrence_count),0) from error_groups where source='$tag'")
  rows=$(psql_bench -c "select count(*) from error_occurrences o join error_groups g on g.id=o.group_id where g.source='$tag'")
  verdict=ok
  if [ "$stored" -lt "$acked" ] || [ "$stored" -gt $(( acked + CONNECTIONS )) ] || [ "$stored" != "$rows" ]; then
    verdict=FAILED; failed=1
  fi
  echo "round $round: killed after ${KILL_AFTER}s; 201 responses seen $acked, stored count $stored (committed but unanswered: $(( stored - acked )), at most $CONNECTIONS), occurrence rows $rows, lost $(( acked > stored ? acked - stored : 0 )) -> $verdict"
done
[ $failed -eq 0 ] && echo "crash test passed: no acknowledged occurrence lost in $ROUNDS rounds" || { echo "crash test FAILED" >&2; exit 1; }
