#!/usr/bin/env bash
# Ingestion benchmark: starts Quarterdeck on PostgreSQL, warms up, then drives each scenario with wrk
# (Debian's package) and prints requests/s, p50 and p99 per scenario with the ratio to the baseline
# (GET /health) measured in the same run, the hot-fingerprint count check, and the server's resident memory.
#
#   bench/run.sh                       3 runs x 20 s per scenario, 32 connections
#   BENCH_SECONDS=30 BENCH_RUNS=5 bench/run.sh
#
# Every figure printed is the median of the runs. Results also go to target/bench/results.md.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
SECONDS_PER_RUN=${BENCH_SECONDS:-20}
RUNS=${BENCH_RUNS:-3}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
BATCH=${BENCH_BATCH:-50}
OUT="$ROOT/target/bench"
mkdir -p "$OUT"

"$ROOT/scripts/services.sh" postgres
command -v wrk >/dev/null || { apt-get install -y -q wrk >/dev/null || { echo "cannot install wrk" >&2; exit 1; }; }

export QUARTERDECK_HTTP_PORT=${BENCH_PORT:-9280}
export QUARTERDECK_DATA_DIR="$OUT/data"
export QUARTERDECK_DB_URL=jdbc:postgresql://127.0.0.1:5432/quarterdeck_bench
export QUARTERDECK_DB_USER=quarterdeck QUARTERDECK_DB_PASSWORD=quarterdeck
export QUARTERDECK_BOOTSTRAP_API_KEY="qdk_bench_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
psql_bench() { PGPASSWORD=quarterdeck psql -qtA -h 127.0.0.1 -U quarterdeck -d quarterdeck_bench "$@"; }
psql_bench -c 'drop schema if exists public cascade' -c 'create schema public' >/dev/null
rm -rf "$QUARTERDECK_DATA_DIR"

"$ROOT/bin/quarterdeck" start
trap '"$ROOT/bin/quarterdeck" stop >/dev/null 2>&1 || true' EXIT
BASE="http://127.0.0.1:$QUARTERDECK_HTTP_PORT"

letters() { local n=$1 s=""; while :; do s=$(printf "\\$(printf '%03o' $((97 + n % 26)))")$s; n=$((n / 26)); [ $n -eq 0 ] && break; done; echo "$s"; }
RUN_TAG=$(letters $(( $(date +%s) % 100000 )))

drive() { # mode tag seconds -> RESULT line
  BENCH_MODE=$1 BENCH_TAG=$2 BENCH_KEY=$QUARTERDECK_BOOTSTRAP_API_KEY BENCH_BATCH=$BATCH \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${3}s" --timeout 10s -s "$ROOT/bench/ingest.lua" "$BASE" | grep '^RESULT'
}
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

echo "warming up (health 5 s, rotating 15 s)"
drive health warm 5 >/dev/null
drive rotating "warm$RUN_TAG" 15 >/dev/null

declare -A RPS P50 P99
HOT_CHECK=""
for scenario in health rotating unique hot batch; do
  rps=(); p50=(); p99=()
  for r in $(seq 1 "$RUNS"); do
    tag="$scenario$RUN_TAG$(letters "$r")"
    line=$(drive "$scenario" "$tag" "$SECONDS_PER_RUN")
    echo "$scenario run $r: $line"
    rps+=("$(field rps "$line")"); p50+=("$(field p50_ms "$line")"); p99+=("$(field p99_ms "$line")")
    if [ "$scenario" = hot ]; then
      stored=$(psql_bench -c "select coalesce(sum(occurrence_count),0) from error_groups where source='$tag'")
      acked=$(field ok "$line")
      HOT_CHECK+="run $r: 201 responses $acked, stored count $stored; "
      [ "$stored" = "$acked" ] || echo "HOT COUNT MISMATCH: acked $acked stored $stored" >&2
    fi
  done
  RPS[$scenario]=$(printf '%s\n' "${rps[@]}" | median)
  P50[$scenario]=$(printf '%s\n' "${p50[@]}" | median)
  P99[$scenario]=$(printf '%s\n' "${p99[@]}" | median)
done
PID=$(pgrep -f "ws-server.jar.*quarterdeck" | head -1 || true)
RSS_MB=$([ -n "$PID" ] && awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$PID/status" || echo "?")

{
  echo "| scenario | requests/s | vs baseline | p50 ms | p99 ms | p99 vs baseline |"
  echo "|---|---|---|---|---|---|"
  for s in health rotating unique hot batch; do
    ratio=$(awk -v a="${RPS[$s]}" -v b="${RPS[health]}" 'BEGIN {printf "%.0f%%", 100*a/b}')
    p99r=$(awk -v a="${P99[$s]}" -v b="${P99[health]}" 'BEGIN {printf "%.1fx", a/b}')
    label=$s
    case $s in
      health) label="baseline: GET /health" ;;
      rotating) label="POST /api/errors, 1,000 rotating fingerprints" ;;
      unique) label="POST /api/errors, a new fingerprint every post" ;;
      hot) label="POST /api/errors, one hot fingerprint" ;;
      batch) label="POST /api/errors, arrays of $BATCH (events/s = $(awk -v a="${RPS[batch]}" -v n="$BATCH" 'BEGIN {printf "%.0f", a*n}'))" ;;
    esac
    printf '| %s | %.0f | %s | %.2f | %.2f | %s |\n' "$label" "${RPS[$s]}" "$ratio" "${P50[$s]}" "${P99[$s]}" "$p99r"
  done
  echo
  echo "Hot fingerprint: $HOT_CHECK"
  echo "Server resident memory at the end: ${RSS_MB} MB."
  echo "Medians of $RUNS runs x ${SECONDS_PER_RUN} s, wrk -t$THREADS -c$CONNECTIONS, $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)."
} | tee "$OUT/results.md"
