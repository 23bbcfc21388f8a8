#!/usr/bin/env bash
# Ingestion benchmark: starts Quarterdeck on PostgreSQL, warms up, then drives each scenario with wrk
# (Debian's package) and prints requests/s, p50 and p99 per scenario with the ratio to the baseline
# (GET /health) measured in the same run, the CPU one request costs the server and PostgreSQL, the hot-fingerprint
# count check, and the server's resident memory (at the end and its peak) with the JVM's sizing options.
#
#   bench/run.sh                       150 s warm-up, then 5 interleaved rounds x 20 s per scenario, 32 connections
#   BENCH_SECONDS=30 BENCH_RUNS=7 bench/run.sh
#
# Every figure printed is the median of the runs. Results also go to target/bench/results.md.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
SECONDS_PER_RUN=${BENCH_SECONDS:-20}
RUNS=${BENCH_RUNS:-5}
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
export QUARTERDECK_RATE_LIMIT_ENABLED=false  # the load is one key and one address by design
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

# The JIT needs a while on 2 cores (C2 still compiles ingestion code a minute into the load): warm every code path
# twice before measuring anything.
WARM_SECONDS=${BENCH_WARM_SECONDS:-15}
echo "warming up ($(( WARM_SECONDS * 10 )) s over all scenarios)"
for pass in 1 2; do
  for w in health rotating unique hot batch; do drive "$w" "warm$w$RUN_TAG$(letters "$pass")" "$WARM_SECONDS" >/dev/null; done
done

# CPU time (user + system, in clock ticks) of the server's JVM and of every PostgreSQL process, read around each
# round: the cost of one request on each side, which a busy neighbour on a shared machine disturbs far less than
# requests/s.
# This checkout's server only (other checkouts on the machine may run a server named quarterdeck too).
server_pid() { pgrep -f "$ROOT/server-config/target/liberty/wlp/.*ws-server.jar quarterdeck$" | head -1 || true; }
SERVER_PID=$(server_pid)
TICK_US=$(( 1000000 / $(getconf CLK_TCK) ))
ticks() { for p in "$@"; do awk '{sub(/^.*\) /, ""); print $12 + $13}' "/proc/$p/stat" 2>/dev/null; done | awk '{t += $1} END {print t + 0}'; }
# PostgreSQL's processes come and go (autovacuum workers): count each one's growth since the round began, and a
# process that started during the round with all its ticks.
pg_ticks() { for p in $(pgrep -x postgres); do echo "$p $(ticks "$p")"; done; }
pg_growth() { awk 'NR == FNR {b[$1] = $2; next} {d += $2 - (($1 in b) ? b[$1] : 0)} END {print d + 0}' <(echo "$1") <(pg_ticks); }
per_request_us() { awk -v t="$1" -v n="$2" -v us="$TICK_US" 'BEGIN {printf "%.0f", (n > 0) ? t * us / n : 0}'; }

# Rounds interleave the scenarios (health, rotating, unique, hot, batch, then again), so a noisy neighbour on a
# shared machine hits every scenario alike instead of one scenario's runs.
SCENARIOS=(health rotating unique hot batch)
declare -A RPS_L P50_L P99_L JVM_L PG_L
HOT_CHECK=""
HOT_OK=1
for r in $(seq 1 "$RUNS"); do
  for scenario in "${SCENARIOS[@]}"; do
    tag="$scenario$RUN_TAG$(letters "$r")"
    jvm0=$(ticks "$SERVER_PID"); pg0=$(pg_ticks)
    line=$(drive "$scenario" "$tag" "$SECONDS_PER_RUN")
    jvm_us=$(per_request_us $(( $(ticks "$SERVER_PID") - jvm0 )) "$(field requests "$line")")
    pg_us=$(per_request_us "$(pg_growth "$pg0")" "$(field requests "$line")")
    echo "round $r $scenario: $line server_cpu_us=$jvm_us postgres_cpu_us=$pg_us"
    JVM_L[$scenario]+="$jvm_us "; PG_L[$scenario]+="$pg_us "
    RPS_L[$scenario]+="$(field rps "$line") "; P50_L[$scenario]+="$(field p50_ms "$line") "
    P99_L[$scenario]+="$(field p99_ms "$line") "
    if [ "$scenario" = hot ]; then
      sleep 1 # the last acknowledged requests' siblings that wrk abandoned may still be committing
      stored=$(psql_bench -c "select coalesce(sum(occurrence_count),0) from error_groups where source='$tag'")
      acked=$(field ok "$line"); sent=$(field sent "$line")
      HOT_CHECK+="round $r: 201 responses $acked, stored count $stored, requests sent $sent; "
      if [ "$stored" -lt "$acked" ] || [ "$stored" -gt "$sent" ]; then
        HOT_OK=0; echo "HOT COUNT OUT OF BOUNDS: acked $acked stored $stored sent $sent" >&2
      fi
    fi
  done
done
# The exact check: a fixed number of posts of one fingerprint, every response awaited; stored must equal the 201s.
exact_tag="hotexact$RUN_TAG"
exact=$(java "$ROOT/bench/HotCount.java" "$BASE" "$QUARTERDECK_BOOTSTRAP_API_KEY" "$exact_tag" 16 2500 | grep '^RESULT')
exact_ok=$(field ok "$exact"); exact_bad=$(( $(field non_ok "$exact") + $(field errors "$exact") ))
exact_stored=$(psql_bench -c "select coalesce(sum(occurrence_count),0) from error_groups where source='$exact_tag'")
exact_rows=$(psql_bench -c "select count(*) from error_occurrences o join error_groups g on g.id = o.group_id where g.source='$exact_tag'")
HOT_EXACT="40,000 posts from 16 threads, every response awaited: 201 responses $exact_ok, other answers or errors $exact_bad, stored count $exact_stored, occurrence rows $exact_rows"
if [ "$exact_ok" != "$exact_stored" ] || [ "$exact_rows" != "$exact_stored" ] || [ "$exact_bad" != 0 ]; then
  HOT_OK=0; echo "HOT COUNT NOT EXACT: $HOT_EXACT" >&2
fi

declare -A RPS P50 P99 SPREAD JVM PG
for s in "${SCENARIOS[@]}"; do
  RPS[$s]=$(tr ' ' '\n' <<<"${RPS_L[$s]}" | grep . | median)
  SPREAD[$s]=$(tr ' ' '\n' <<<"${RPS_L[$s]}" | grep . | sort -g | awk -v m="${RPS[$s]}" 'NR==1 {lo=$1} {hi=$1} END {printf "%.0f%%", 100*(hi-lo)/m}')
  P50[$s]=$(tr ' ' '\n' <<<"${P50_L[$s]}" | grep . | median)
  P99[$s]=$(tr ' ' '\n' <<<"${P99_L[$s]}" | grep . | median)
  JVM[$s]=$(tr ' ' '\n' <<<"${JVM_L[$s]}" | grep . | median)
  PG[$s]=$(tr ' ' '\n' <<<"${PG_L[$s]}" | grep . | median)
done
PID=$(server_pid)
RSS_MB=$([ -n "$PID" ] && awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$PID/status" || echo "?")
PEAK_MB=$([ -n "$PID" ] && awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$PID/status" || echo "?")
JVM_FLAGS=$([ -n "$PID" ] && tr '\0' '\n' <"/proc/$PID/cmdline" | grep -E '^-X[mns]|^-XX:[+-]?(Max|Metaspace|Reserved|Use.*GC|TrimNativeHeap|ActiveProcessorCount)' | tr '\n' ' ' || true)

{
  echo "| scenario | requests/s | vs baseline | p50 ms | p99 ms | p99 vs baseline | runs' spread (max-min)/median | server CPU us/request | PostgreSQL CPU us/request |"
  echo "|---|---|---|---|---|---|---|---|---|"
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
    printf '| %s | %.0f | %s | %.2f | %.2f | %s | %s | %s | %s |\n' "$label" "${RPS[$s]}" "$ratio" "${P50[$s]}" \
      "${P99[$s]}" "$p99r" "${SPREAD[$s]}" "${JVM[$s]}" "${PG[$s]}"
  done
  echo
  echo "Hot fingerprint (wrk abandons requests in flight when it stops, so the stored count must lie between the"
  echo "201 responses and the requests sent; anything below the 201s would be a lost acknowledged occurrence): $HOT_CHECK"
  echo
  echo "Hot fingerprint, exact: $HOT_EXACT."
  echo "Server resident memory at the end: ${RSS_MB} MB (peak ${PEAK_MB} MB); JVM options: ${JVM_FLAGS:-none}."
  echo "Medians of $RUNS runs x ${SECONDS_PER_RUN} s, wrk -t$THREADS -c$CONNECTIONS, $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)."
} | tee "$OUT/results.md"
[ "$HOT_OK" = 1 ] || { echo "hot fingerprint count check FAILED" >&2; exit 1; }
