#!/usr/bin/env bash
# Log socket latency (issue 15): "a line written by a container reaches a WS /ws/logs/{id} subscriber within 1 s p99,
# with 200 subscribers connected". Starts Quarterdeck on PostgreSQL (database LOGS_DB, emptied first) collecting the
# local engine's container logs, connects LATENCY_SUBSCRIBERS (200) sockets to /ws/logs/<name>, runs a busybox
# container <name> (--network none) that prints LATENCY_LINES (600) lines, one every LATENCY_INTERVAL_MS (50), and
# reports p50/p90/p99/max of (receive time - the line's engine timestamp) over every line every subscriber received.
# The container sleeps LATENCY_WAIT_S (12) seconds before its first line: the collector looks for new containers
# every 10 s, and that discovery is not what the target is about (it is reported separately as first_line_ms).
#
#   bench/log-latency.sh
#   LATENCY_SUBSCRIBERS=50 LATENCY_LINES=200 bench/log-latency.sh
#   LATENCY_NO_BUILD=1 bench/log-latency.sh      # reuse server-config/target/liberty as built
# Results are printed and written to target/bench/log-latency.md.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
SUBSCRIBERS=${LATENCY_SUBSCRIBERS:-200}
LINES=${LATENCY_LINES:-600}
INTERVAL=${LATENCY_INTERVAL_MS:-50}
WAIT=${LATENCY_WAIT_S:-12}
NAME=${LATENCY_CONTAINER:-qd-latency-$$}
OUT="$ROOT/target/bench"
mkdir -p "$OUT"

"$ROOT/scripts/services.sh" postgres docker
export QUARTERDECK_HTTP_PORT=${BENCH_PORT:-9282}
export QUARTERDECK_DATA_DIR="$OUT/log-latency-data"
export QUARTERDECK_DB_URL=jdbc:postgresql://127.0.0.1:5432/${LOGS_DB:-quarterdeck_bench}
export QUARTERDECK_DB_USER=quarterdeck QUARTERDECK_DB_PASSWORD=quarterdeck
export QUARTERDECK_RATE_LIMIT_ENABLED=false  # 200 sockets from one address with one key, by design
export QUARTERDECK_LOGS_COLLECT_CONTAINERS=true
export QUARTERDECK_BOOTSTRAP_API_KEY="qdk_bench_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
psql_bench() { PGPASSWORD=quarterdeck psql -qtA -h 127.0.0.1 -U quarterdeck -d "${LOGS_DB:-quarterdeck_bench}" "$@"; }
psql_bench -c 'drop schema if exists public cascade' -c 'create schema public' >/dev/null
rm -rf "$QUARTERDECK_DATA_DIR"

if [ -z "${LATENCY_NO_BUILD:-}" ]; then
  mvn -B -ntp -q -pl server-config -am pre-integration-test -DskipTests -DskipUnitTests=true
else
  "$ROOT/server-config/target/liberty/wlp/bin/server" start quarterdeck >/dev/null
fi
trap '"$ROOT/server-config/target/liberty/wlp/bin/server" stop quarterdeck >/dev/null 2>&1 || true; docker rm -f "$NAME" >/dev/null 2>&1 || true' EXIT
for _ in $(seq 1 240); do curl -fsS "http://127.0.0.1:$QUARTERDECK_HTTP_PORT/health/ready" >/dev/null 2>&1 && break; sleep 1; done

echo "== $SUBSCRIBERS subscribers on /ws/logs/$NAME; $LINES lines every $INTERVAL ms"
result=$(java "$ROOT/bench/LogLatency.java" "ws://127.0.0.1:$QUARTERDECK_HTTP_PORT" "$QUARTERDECK_BOOTSTRAP_API_KEY" \
  "$NAME" "$SUBSCRIBERS" "$LINES" "$INTERVAL" "$WAIT" | tee /dev/stderr | grep '^RESULT')
{
  echo "$result"
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/log-latency.md"
