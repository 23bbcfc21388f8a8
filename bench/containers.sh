#!/usr/bin/env bash
# Containers (issue 18): starts Quarterdeck on PostgreSQL and the local Docker Engine, starts BENCH_CONTAINERS (50)
# busybox containers (BENCH_CONTAINER_PREFIX, default qd18-bench-, numbered; no network), and measures side by side, in interleaved rounds:
#   docker stats --no-stream             the Docker CLI's one-shot stats of every running container (the baseline)
#   GET /api/v1/containers               every container, running ones with their usage (Quarterdeck)
# printing each round's wall time and the medians of BENCH_RUNS (5) rounds; then the terminal round trip (type
# `echo`, receive its output): p50/p90/p99 of BENCH_TTY_ROUNDS (200) after a warm-up, in BENCH_TTY_REPEATS (3)
# interleaved repeats of three clients on the same container: straight on the engine's socket with the JDK alone
# (raw), with docker-java as the adapter uses it, and over WS /ws/terminal/{id} (Quarterdeck); each once answering
# the shell's cursor-position query as a terminal does, and once not (see TerminalRoundTrip.java).
# Containers are removed and the server stopped on exit. Port BENCH_PORT (9233), database BENCH_DB (qd_bench_18,
# emptied first).
#
#   bench/containers.sh                      about 3 minutes after the build
#   BENCH_CONTAINERS=20 BENCH_RUNS=3 bench/containers.sh
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
N=${BENCH_CONTAINERS:-50}
PREFIX=${BENCH_CONTAINER_PREFIX:-qd18-bench-}
RUNS=${BENCH_RUNS:-5}
TTY_ROUNDS=${BENCH_TTY_ROUNDS:-200}
DB=${BENCH_DB:-qd_bench_18}
OUT="$ROOT/target/bench"
mkdir -p "$OUT"

QUARTERDECK_PG_DATABASES="$DB" "$ROOT/scripts/services.sh" postgres docker

export QUARTERDECK_HTTP_PORT=${BENCH_PORT:-9233}
export QUARTERDECK_DATA_DIR="$OUT/containers-data"
export QUARTERDECK_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB
export QUARTERDECK_DB_USER=quarterdeck QUARTERDECK_DB_PASSWORD=quarterdeck
export QUARTERDECK_RATE_LIMIT_ENABLED=false
export QUARTERDECK_JWT_ACCESS_TOKEN_MINUTES=60
export QUARTERDECK_BOOTSTRAP_API_KEY="qdk_bench_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export QUARTERDECK_BOOTSTRAP_OWNER_PASSWORD="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
PGPASSWORD=quarterdeck psql -qtA -h 127.0.0.1 -U quarterdeck -d "$DB" \
  -c 'drop schema if exists public cascade' -c 'create schema public' >/dev/null
rm -rf "$QUARTERDECK_DATA_DIR"

LIBERTY="$ROOT/server-config/target/liberty/wlp/bin/server"
cleanup() {
  docker ps -aq --filter name=${PREFIX} | xargs -r docker rm -f >/dev/null 2>&1 || true
  [ -x "$LIBERTY" ] && "$LIBERTY" stop quarterdeck >/dev/null 2>&1 || true
}
trap cleanup EXIT
cleanup

echo "starting $N containers"
for i in $(seq 1 "$N"); do
  docker run -d --network none --name "${PREFIX}$i" local/busybox:1 sh -c 'while true; do sleep 1; done' >/dev/null
done

# Build this checkout as one reactor without installing anything into ~/.m2 (bin/quarterdeck start installs): the
# verify phase with the tests skipped creates and deploys the Liberty server (it starts and stops it once), which
# is then started on its own.
# (adapters-docker/target/runtime-classpath.txt: docker-java for EngineRoundTrip.java)
mvn -B -ntp -q verify -DskipTests -DskipITs dependency:build-classpath -Dmdep.outputFile=target/runtime-classpath.txt \
  -Dmdep.includeScope=runtime
"$LIBERTY" start quarterdeck >/dev/null
BASE="http://127.0.0.1:$QUARTERDECK_HTTP_PORT"
for _ in $(seq 1 240); do curl -fsS -o /dev/null "$BASE/health/ready" 2>/dev/null && break; sleep 1; done
curl -fsS -o /dev/null "$BASE/health/ready" || { echo "the server did not become ready" >&2; exit 1; }
TOKEN=$(curl -fsS -H 'Content-Type: application/json' \
  -d "{\"username\":\"owner\",\"password\":\"$QUARTERDECK_BOOTSTRAP_OWNER_PASSWORD\"}" "$BASE/api/v1/auth/login" |
  sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[ -n "$TOKEN" ] || { echo "could not sign in" >&2; exit 1; }

running=$(docker ps -q | wc -l)
now_ms() { date +%s%3N; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# one warm-up of each (the server's first list loads classes and opens the engine's connections)
docker stats --no-stream >/dev/null
curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/containers"

: >"$OUT/containers-cli.txt"; : >"$OUT/containers-api.txt"
for r in $(seq 1 "$RUNS"); do
  t0=$(now_ms); docker stats --no-stream >/dev/null; t1=$(now_ms)
  body=$(curl -fsS -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/containers"); t2=$(now_ms)
  with_usage=$(grep -o '"memory_mb":[0-9.]*' <<<"$body" | grep -vc '"memory_mb":0$' || true)
  echo "round $r: docker stats --no-stream $((t1 - t0)) ms; GET /api/v1/containers $((t2 - t1)) ms ($with_usage of $running running with usage)"
  echo $((t1 - t0)) >>"$OUT/containers-cli.txt"; echo $((t2 - t1)) >>"$OUT/containers-api.txt"
done
cli=$(median <"$OUT/containers-cli.txt"); api=$(median <"$OUT/containers-api.txt")

SOCKET=${QUARTERDECK_DOCKER_URL:-unix:///var/run/docker.sock}; SOCKET=${SOCKET#unix://}
CP=$(cat "$ROOT/adapters-docker/target/runtime-classpath.txt")
: >"$OUT/terminal.txt"
for r in $(seq 1 "${BENCH_TTY_REPEATS:-3}"); do
  for answer in answer no-answer; do
    for mode in raw docker-java; do
      java -cp "$CP" "$ROOT/bench/EngineRoundTrip.java" "$mode" "$SOCKET" ${PREFIX}1 "$TTY_ROUNDS" 50 "$answer" 2>/dev/null |
        grep '^RESULT' | tee -a "$OUT/terminal.txt"
    done
    java "$ROOT/bench/TerminalRoundTrip.java" "$BASE" "$TOKEN" ${PREFIX}1 "$TTY_ROUNDS" 50 "$answer" |
      grep '^RESULT' | tee -a "$OUT/terminal.txt"
  done
done
p50s() { grep "mode=$1 " "$OUT/terminal.txt" | sed -n 's/.* p50_ms=\([0-9.]*\).*/\1/p'; }

{
  echo "| measured ($running running containers, medians of $RUNS rounds) | ms |"
  echo "|---|---|"
  echo "| docker stats --no-stream (baseline) | $cli |"
  echo "| GET /api/v1/containers | $api |"
  echo "| ratio API / CLI | $(awk -v a="$api" -v c="$cli" 'BEGIN {printf "%.2f", a / c}') |"
  echo
  echo "| terminal round trip, $TTY_ROUNDS rounds each (median of the repeats' p50) | answering the cursor query, ms | not answering, ms |"
  echo "|---|---|---|"
  for mode in raw docker-java ws; do
    echo "| $mode | $(p50s "$mode" | median) | $(p50s "$mode/no-answer" | median) |"
  done
} | tee "$OUT/containers.md"
