#!/usr/bin/env bash
# Log benchmark (issue 15): starts Quarterdeck on PostgreSQL (database quarterdeck_bench, emptied first), pushes
# LOGS_LINES (1,000,000) lines through the Loki push intake in batches of LOGS_BATCH (1,000) from LOGS_THREADS (4)
# threads, every push awaited (durable when answered), then measures p50/p99 of, one request at a time:
#   baseline  GET /health (the same run's floor: HTTP, the spine, JSON)
#   search    GET /api/v1/logs?search=zanzibarite&limit=100   (a word in 1 line of 10,000)
#   level     GET /api/v1/logs?level=ERROR&from=..&to=..&limit=100   (a random one-hour window)
#   source    GET /api/v1/logs/bench-svc-7?level=WARN&start_time=..&end_time=..&limit=100
# Targets: search and level p50 <= 50 ms, p99 <= 200 ms; intake >= 50,000 lines/s. After the intake, the CPU per
# 1,000 lines of the server and of PostgreSQL, and PostgreSQL alone COPYing such lines (bench/log-copy-baseline.sh).
#
#   bench/logs.sh
#   LOGS_LINES=200000 LOGS_ROUNDS=100 bench/logs.sh     # shorter
#   BENCH_PORT=9253 bench/logs.sh                       # another port
# Results are printed and written to target/bench/logs.md.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
LINES=${LOGS_LINES:-1000000}
BATCH=${LOGS_BATCH:-1000}
THREADS=${LOGS_THREADS:-4}
ROUNDS=${LOGS_ROUNDS:-300}
OUT="$ROOT/target/bench"
mkdir -p "$OUT"

"$ROOT/scripts/services.sh" postgres
export QUARTERDECK_HTTP_PORT=${BENCH_PORT:-9282}
export QUARTERDECK_DATA_DIR="$OUT/logs-data"
export QUARTERDECK_DB_URL=jdbc:postgresql://127.0.0.1:5432/${LOGS_DB:-quarterdeck_bench}
export QUARTERDECK_DB_USER=quarterdeck QUARTERDECK_DB_PASSWORD=quarterdeck
export QUARTERDECK_RATE_LIMIT_ENABLED=false  # the load is one key from one address by design
export QUARTERDECK_BOOTSTRAP_API_KEY="qdk_bench_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
psql_bench() { PGPASSWORD=quarterdeck psql -qtA -h 127.0.0.1 -U quarterdeck -d "${LOGS_DB:-quarterdeck_bench}" "$@"; }
psql_bench -c 'drop schema if exists public cascade' -c 'create schema public' >/dev/null
rm -rf "$QUARTERDECK_DATA_DIR"

# Built and started as one reactor up to pre-integration-test (Liberty's create, deploy, start), not with
# 'bin/quarterdeck start', which installs the modules into the local Maven repository (shared on some machines).
mvn -B -ntp -q -pl server-config -am pre-integration-test -DskipTests -DskipUnitTests=true
trap '"$ROOT/server-config/target/liberty/wlp/bin/server" stop quarterdeck >/dev/null 2>&1 || true' EXIT
for _ in $(seq 1 240); do curl -fsS "http://127.0.0.1:$QUARTERDECK_HTTP_PORT/health/ready" >/dev/null 2>&1 && break; sleep 1; done
BASE="http://127.0.0.1:$QUARTERDECK_HTTP_PORT"
KEY=$QUARTERDECK_BOOTSTRAP_API_KEY
B() { java "$ROOT/bench/LogsBench.java" "$@" | grep '^RESULT'; }

echo "== warm-up: 20,000 lines"
B fill "$BASE" "$KEY" 20000 "$BATCH" "$THREADS" 10000
# CPU of the server's JVM and of the PostgreSQL backends serving this database (utime+stime, in clock ticks)
jvm_pid=$(cat "$ROOT/server-config/target/liberty/wlp/usr/servers/.pid/quarterdeck.pid")
ticks() { awk '{print $14+$15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_ticks() { local t=0; for p in $(psql_bench -c "select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()"); do t=$((t + $(ticks "$p"))); done; echo $t; }
echo "== intake: $LINES lines in batches of $BATCH, $THREADS threads"
jvm0=$(ticks "$jvm_pid"); pg0=$(pg_ticks)
fill=$(B fill "$BASE" "$KEY" "$LINES" "$BATCH" "$THREADS" 10000); echo "$fill"
jvm1=$(ticks "$jvm_pid"); pg1=$(pg_ticks); hz=$(getconf CLK_TCK)
cpu=$(awk -v j=$((jvm1 - jvm0)) -v p=$((pg1 - pg0)) -v hz="$hz" -v n="$LINES" \
  'BEGIN{printf "server JVM %.1f ms, PostgreSQL backends %.1f ms of CPU per 1,000 lines", j*1000/hz/(n/1000), p*1000/hz/(n/1000)}')
echo "$cpu"
stored=$(psql_bench -c 'select count(*) from log_entries')
echo "stored lines: $stored"
psql_bench -c 'analyze log_entries' >/dev/null
echo "== PostgreSQL alone: COPY of ${LOGS_COPY_LINES:-100000} such lines per index set (bench/log-copy-baseline.sh)"
copy=$(LOGS_DB=${LOGS_DB:-quarterdeck_bench} LOGS_BATCH="$BATCH" "$ROOT/bench/log-copy-baseline.sh" "${LOGS_COPY_LINES:-100000}" | grep '^RESULT')
echo "$copy"
echo "== queries: $ROUNDS each, one at a time"
results=()
for round in 1 2; do # two rounds, interleaved; the second is reported
  results=()
  results+=("$(B query "$BASE" "$KEY" baseline "/health" "$ROUNDS")")
  results+=("$(B query "$BASE" "$KEY" search "/api/v1/logs?search=zanzibarite&limit=100" "$ROUNDS")")
  results+=("$(B query "$BASE" "$KEY" level "/api/v1/logs?level=ERROR&from={from}&to={to}&limit=100" "$ROUNDS")")
  results+=("$(B query "$BASE" "$KEY" source "/api/v1/logs/bench-svc-7?level=WARN&start_time={from}&end_time={to}&limit=100" "$ROUNDS")")
done
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }
base50=$(field p50_ms "${results[0]}")
{
  echo "| query | p50 ms | p99 ms | p50 / baseline | non-200 |"
  echo "|---|---|---|---|---|"
  for r in "${results[@]}"; do
    p50=$(field p50_ms "$r"); p99=$(field p99_ms "$r")
    printf '| %s | %s | %s | %.1f | %s |\n' "$(field name "$r")" "$p50" "$p99" "$(awk -v a="$p50" -v b="$base50" 'BEGIN{print a/b}')" \
      "$(field non_ok "$r")"
  done
  echo
  echo "intake: $fill (stored: $stored lines)"
  echo "intake CPU: $cpu"
  echo "PostgreSQL alone, same session:"
  sed 's/^/  /' <<<"$copy"
  echo "JVM: $(grep -E '^-X|^-XX:\+Use' "$ROOT/server-config/src/main/liberty/config/jvm.options" | tr '\n' ' ')"
} | tee "$OUT/logs.md"
