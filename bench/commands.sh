#!/usr/bin/env bash
# Issue 16's speed targets, on PostgreSQL and the local RabbitMQ (a virtual host of its own, emptied first):
#   1. report intake over AMQP: after a warm-up (10,000 registrations and status reports of throwaway apps), 10,000
#      app.register then 20,000 app.status reports, published with confirms;
#      with the CPU seconds per 1,000 reports of the server, its PostgreSQL backends and RabbitMQ, and raw publishing
#      (20,000 persistent messages with confirms, no Quarterdeck) as the baseline, in target/bench/intake-cpu.txt;
#      messages/s from the first publish until the database shows every report applied   (target >= 5,000/s)
#   2. GET /api/v1/apps over 10,000 apps with a filter: p50/p99 of sequential requests, against GET /health/live
#      (the baseline) in the same run                                                     (target p50 <= 30 ms)
#   3. bulk START over 1,000 apps (one group): time of the HTTP answer, and the outbox rows checked durable at once
#                                                                                          (target <= 1 s)
#   4. the relay: one bulk DISABLE over all 10,000 apps, then commands/s from the answer until the outbox is drained
#      (published with confirms), against raw publishing with confirms by a client (the baseline)
#                                                                                          (target >= 5,000/s)
# The server is the Liberty install a build left in server-config/target/liberty (bin/quarterdeck test, or
# `mvn -B -ntp -pl server-config -am verify -DskipUnitTests -Dit.test=OpenApiIT`), with the WAR of this checkout:
# this script packages it (`mvn package`, never `install`) and starts Liberty's own `server` script.
#
#   bench/commands.sh          BENCH_PORT (9211), BENCH_DB (qd_bench_16), BENCH_GET_REQUESTS (300)
#   BENCH_ONLY=intake bench/commands.sh     only step 1
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
PORT=${BENCH_PORT:-9211}
DB=${BENCH_DB:-qd_bench_16}
VHOST=${BENCH_VHOST:-qd16-bench}
GETS=${BENCH_GET_REQUESTS:-300}
OUT="$ROOT/target/bench"
WLP="$ROOT/server-config/target/liberty/wlp"
mkdir -p "$OUT"
psqlq() { PGPASSWORD=quarterdeck psql -qtA -h 127.0.0.1 -U quarterdeck -d "$DB" -c "$1"; }

QUARTERDECK_PG_DATABASES="$DB" "$ROOT/scripts/services.sh" postgres rabbitmq
[ -x "$WLP/bin/server" ] || { echo "no Liberty install in $WLP: run bin/quarterdeck test once" >&2; exit 1; }
mvn -B -ntp -q -pl server-config -am -DskipTests package
cp server-config/target/quarterdeck.war "$WLP/usr/servers/quarterdeck/apps/quarterdeck.war"

curl -fsS -u guest:guest -X DELETE "http://127.0.0.1:15672/api/vhosts/$VHOST" >/dev/null 2>&1 || true
curl -fsS -u guest:guest -X PUT -H 'content-type: application/json' -d '{}' "http://127.0.0.1:15672/api/vhosts/$VHOST" >/dev/null
curl -fsS -u guest:guest -X PUT -H 'content-type: application/json' -d '{"configure":".*","write":".*","read":".*"}' \
  "http://127.0.0.1:15672/api/permissions/$VHOST/guest" >/dev/null
AMQP="amqp://guest:guest@127.0.0.1:5672/$VHOST"
PGPASSWORD=quarterdeck psql -q -h 127.0.0.1 -U quarterdeck -d "$DB" -c 'drop schema if exists public cascade' \
  -c 'create schema public' >/dev/null

export QUARTERDECK_HTTP_PORT=$PORT
export QUARTERDECK_DATA_DIR="$OUT/commands-data"
export QUARTERDECK_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB
export QUARTERDECK_DB_USER=quarterdeck QUARTERDECK_DB_PASSWORD=quarterdeck
export QUARTERDECK_RATE_LIMIT_ENABLED=false
export QUARTERDECK_RABBITMQ_URL=$AMQP
export QUARTERDECK_BOOTSTRAP_API_KEY="qdk_bench_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export QUARTERDECK_BOOTSTRAP_OWNER_PASSWORD="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
rm -rf "$QUARTERDECK_DATA_DIR"
"$WLP/bin/server" start quarterdeck >/dev/null
trap '"$WLP/bin/server" stop quarterdeck >/dev/null 2>&1 || true' EXIT
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 240); do curl -fsS "$BASE/health/ready" >/dev/null 2>&1 && break; sleep 1; done
curl -fsS "$BASE/health/ready" >/dev/null
KEY=$QUARTERDECK_BOOTSTRAP_API_KEY
TOKEN=$(curl -fsS -H 'Content-Type: application/json' \
  -d "{\"username\":\"owner\",\"password\":\"$QUARTERDECK_BOOTSTRAP_OWNER_PASSWORD\"}" "$BASE/api/v1/auth/login" |
  sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
CP="$HOME/.m2/repository/com/rabbitmq/amqp-client/5.37.0/amqp-client-5.37.0.jar:$HOME/.m2/repository/org/slf4j/slf4j-api/1.7.36/slf4j-api-1.7.36.jar"
now() { date +%s.%N; }
wait_sql() { # sql expected -> seconds waited
  local t0; t0=$(now)
  for _ in $(seq 1 6000); do [ "$(psqlq "$1")" = "$2" ] && break; sleep 0.05; done
  [ "$(psqlq "$1")" = "$2" ] || { echo "timed out waiting for: $1 = $2 (is $(psqlq "$1"))" >&2; exit 1; }
}
# the first publish of an AmqpLoad run (its FIRST_PUBLISH line), in seconds: rates count from there, not from the
# start of the JVM that compiles AmqpLoad.java first (about a second and a half of CPU on two cores)
first_publish() { sed -n 's/^FIRST_PUBLISH epoch_ms=\([0-9]*\)$/\1/p' "$1" | awk '{printf "%.3f", $1 / 1000}'; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
pct() { sort -g | awk -v p="$1" '{a[NR]=$1} END {i=int(NR*p/100); if (i<1) i=1; print a[i]}'; }

# the listener declares the topology when the relay starts; wait for the reports queue
for _ in $(seq 1 120); do
  curl -fsS -u guest:guest "http://127.0.0.1:15672/api/queues/$VHOST/quarterdeck.reports" >/dev/null 2>&1 && break; sleep 1
done

echo "== 1. report intake over AMQP"
# CPU seconds spent by the server's JVM, by this database's PostgreSQL backends and by RabbitMQ (beam.smp) while a
# step runs, per 1,000 reports: what the 2 cores would have to give for 5,000 reports/s.
TCK=$(getconf CLK_TCK)
JVM_PID=$(cat "$WLP/usr/servers/.pid/quarterdeck.pid")
ticks() { local t=0 p; for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{print $14+$15}' "/proc/$p/stat"))); done; echo "$t"; }
pg_pids() { psqlq "select pid from pg_stat_activity where datname = '$DB' and pid <> pg_backend_pid()"; }
BEAM=$(pgrep -f beam.smp | tr '\n' ' ')
cpu_snapshot() { echo "$(ticks "$JVM_PID") $(ticks $(pg_pids)) $(ticks $BEAM)"; }
cpu_report() { # label before after reports seconds
  read -r j0 p0 b0 <<<"$2"; read -r j1 p1 b1 <<<"$3"
  awk -v l="$1" -v j="$((j1 - j0))" -v p="$((p1 - p0))" -v b="$((b1 - b0))" -v n="$4" -v s="$5" -v t="$TCK" 'BEGIN {
    printf "%s: CPU s per 1,000 reports: server %.3f, PostgreSQL %.3f, RabbitMQ %.3f (total %.3f; wall %.3f s)\n",
      l, j/t/n*1000, p/t/n*1000, b/t/n*1000, (j+p+b)/t/n*1000, s/n*1000 }' | tee -a "$OUT/intake-cpu.txt"
}
: > "$OUT/intake-cpu.txt"
uptime | tee -a "$OUT/intake-cpu.txt"
c0=$(cpu_snapshot); t0=$(now)
java -cp "$CP" bench/AmqpLoad.java "$AMQP" raw 20000 | tee "$OUT/amqp-raw-intake.txt"
t1=$(now); c1=$(cpu_snapshot)
RAW_INTAKE=$(sed -n 's/.*per_second=\([0-9]*\).*/\1/p' "$OUT/amqp-raw-intake.txt")
cpu_report "raw persistent publish with confirms to a queue, no Quarterdeck (baseline)" "$c0" "$c1" 20000 "$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b-a}')"
# Warm-up, not measured: 10,000 registrations and 10,000 status reports of throwaway apps (warm_*, deleted after), so
# the measured rounds run on compiled code (right after start the JIT compiles the intake path on the same two cores).
java -cp "$CP" bench/AmqpLoad.java "$AMQP" register 10000 10 warm >"$OUT/amqp-warm-up.txt"
wait_sql "select count(*) from apps where app like 'warm!_%' escape '!'" 10000
java -cp "$CP" bench/AmqpLoad.java "$AMQP" status 10000 1 warm >>"$OUT/amqp-warm-up.txt"
wait_sql "select count(*) from apps where app like 'warm!_%' escape '!' and progress_total = 1" 10000
psqlq "delete from apps where app like 'warm!_%' escape '!'" >/dev/null
c0=$(cpu_snapshot); t0=$(now)
java -cp "$CP" bench/AmqpLoad.java "$AMQP" register 10000 10 | tee "$OUT/amqp-register.txt"
wait_sql "select count(*) from apps" 10000
t1=$(now); c1=$(cpu_snapshot); t0=$(first_publish "$OUT/amqp-register.txt")
REG_RATE=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.0f", 10000/(b-a)}')
cpu_report "app.register" "$c0" "$c1" 10000 "$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b-a}')"
# A poor man's profile of the listener while the status reports arrive: its thread's top frames every 0.2 s.
( while :; do
    jstack "$JVM_PID" 2>/dev/null | awk '/^"quarterdeck-report-listener"/ {on=1; n=0; next}
      on && /^$/ {exit} on && /^\tat / {n++; if (n <= 8) print $2}' | tr '\n' ' '; echo
    sleep 0.2
  done ) > "$OUT/intake-listener-stacks.txt" 2>/dev/null &
SAMPLER=$!
c0=$(cpu_snapshot); t0=$(now)
java -cp "$CP" bench/AmqpLoad.java "$AMQP" status 10000 2 | tee "$OUT/amqp-status.txt"
wait_sql "select count(*) from apps where progress_current = 2" 10000
t1=$(now); c1=$(cpu_snapshot); t0=$(first_publish "$OUT/amqp-status.txt")
kill "$SAMPLER" 2>/dev/null || true; wait "$SAMPLER" 2>/dev/null || true
# where the listener was: waiting for messages, in PostgreSQL (socket reads), or elsewhere (first own frame)
awk 'NF {w = "other: " $1
  if ($0 ~ /LinkedBlockingQueue.poll/) w = "idle: waiting for deliveries"
  else if ($0 ~ /SocketInputStream|NioSocketImpl|PGStream|VisibleBufferedInputStream/) w = "in PostgreSQL (socket read)"
  else if ($0 ~ /basicAck|AMQChannel|SocketFrameHandler/) w = "acknowledging (AMQP frames)"
  else if ($0 ~ /json|Json/) w = "decoding JSON"
  c[w]++; n++}
  END {for (k in c) printf "  %5.1f%%  %s\n", 100*c[k]/n, k; printf "  (%d samples)\n", n}' \
  "$OUT/intake-listener-stacks.txt" | sort -rn | tee -a "$OUT/intake-cpu.txt"
STATUS_RATE=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.0f", 20000/(b-a)}')
cpu_report "app.status" "$c0" "$c1" 20000 "$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b-a}')"
uptime | tee -a "$OUT/intake-cpu.txt"
echo "register: $REG_RATE reports/s applied; status: $STATUS_RATE reports/s applied (raw persistent publish with confirms: $RAW_INTAKE/s)"

if [ "${BENCH_ONLY:-}" = intake ]; then
  echo "| AMQP intake, app.register (10,000) | $REG_RATE reports/s | | >= 5,000/s |" | tee "$OUT/commands-intake.md"
  echo "| AMQP intake, app.status (20,000) | $STATUS_RATE reports/s | | >= 5,000/s |" | tee -a "$OUT/commands-intake.md"
  echo "| raw persistent publish with confirms to a queue, no Quarterdeck (20,000) | $RAW_INTAKE messages/s | baseline | |" | tee -a "$OUT/commands-intake.md"
  curl -fsS -u guest:guest -X DELETE "http://127.0.0.1:15672/api/vhosts/$VHOST" >/dev/null || true
  exit 0
fi

echo "== 2. GET /api/v1/apps over 10,000 apps with a filter"
get_times() { # path -> one time_total (ms) per line
  for _ in $(seq 1 "$GETS"); do
    curl -fsS -o /dev/null -w '%{time_total}\n' -H "X-API-Key: $KEY" "$BASE$1" | awk '{printf "%.2f\n", $1*1000}'
  done
}
get_times "/health/live" > /dev/null  # warm-up
get_times "/api/v1/apps?group=g3&run_status=IDLE&per_page=20" > /dev/null
get_times "/health/live" > "$OUT/get-health.txt"
get_times "/api/v1/apps?group=g3&run_status=IDLE&per_page=20" > "$OUT/get-apps.txt"
get_times "/api/v1/apps?search=bench_0042&sort=-updated_at&per_page=100" > "$OUT/get-apps-search.txt"
H50=$(median < "$OUT/get-health.txt"); A50=$(median < "$OUT/get-apps.txt"); S50=$(median < "$OUT/get-apps-search.txt")
A99=$(pct 99 < "$OUT/get-apps.txt"); S99=$(pct 99 < "$OUT/get-apps-search.txt")
echo "GET /health/live p50 $H50 ms; /apps?group&run_status p50 $A50 ms p99 $A99 ms; /apps?search&sort p50 $S50 ms p99 $S99 ms"

echo "== 3. bulk START over 1,000 apps"
BULKS=""
for g in g0 g1 g2 g4 g5; do
  before=$(psqlq "select count(*) from command_outbox")
  t=$(curl -fsS -o "$OUT/bulk-$g.json" -w '%{time_total}' -H "Authorization: Bearer $TOKEN" \
    -H 'content-type: application/json' -d "{\"filter\":{\"group\":\"$g\"},\"command\":\"START\"}" "$BASE/api/v1/bulk/command")
  after=$(psqlq "select count(*) from command_outbox")
  [ $((after - before)) = 1000 ] || { echo "bulk $g stored $((after - before)) commands, not 1000" >&2; exit 1; }
  BULKS+="$(awk -v t="$t" 'BEGIN {printf "%.0f", t*1000}') "
done
B50=$(tr ' ' '\n' <<<"$BULKS" | grep . | median)
echo "bulk START of 1,000 apps: answers (ms) $BULKS-> median $B50 ms; 1,000 outbox rows committed before each answer"
wait_sql "select count(*) from command_outbox where sent_at is null" 0

echo "== 4. the relay"
java -cp "$CP" bench/AmqpLoad.java "$AMQP" raw 10000 | tee "$OUT/amqp-raw.txt"
RAW=$(sed -n 's/.*per_second=\([0-9]*\).*/\1/p' "$OUT/amqp-raw.txt")
t0=$(now)
curl -fsS -o "$OUT/bulk-disable.json" -H "Authorization: Bearer $TOKEN" -H 'content-type: application/json' \
  -d '{"filter":{"app":"bench_*"},"command":"DISABLE"}' "$BASE/api/v1/bulk/command"
t1=$(now)
wait_sql "select count(*) from command_outbox where sent_at is null" 0
t2=$(now)
RELAY=$(awk -v a="$t1" -v b="$t2" 'BEGIN {printf "%.0f", 10000/(b-a)}')
BULK10K=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.0f", (b-a)*1000}')
echo "bulk DISABLE of 10,000 apps answered in $BULK10K ms; relay drained 10,000 in $(awk -v a="$t1" -v b="$t2" 'BEGIN {printf "%.2f", b-a}') s: $RELAY commands/s (raw client with confirms: $RAW/s)"

{
  echo "| measure | result | baseline in the same run | target |"
  echo "|---|---|---|---|"
  echo "| AMQP intake, app.register (10,000) | $REG_RATE reports/s | | >= 5,000/s |"
  echo "| AMQP intake, app.status (20,000) | $STATUS_RATE reports/s | | >= 5,000/s |"
  echo "| GET /api/v1/apps?group&run_status (10,000 apps) | p50 $A50 ms, p99 $A99 ms | GET /health/live p50 $H50 ms | p50 <= 30 ms |"
  echo "| GET /api/v1/apps?search&sort=-updated_at | p50 $S50 ms, p99 $S99 ms | | |"
  echo "| bulk START over 1,000 apps | median $B50 ms ($BULKS) | | <= 1 s |"
  echo "| bulk DISABLE over 10,000 apps | $BULK10K ms | | |"
  echo "| relay, publish with confirms | $RELAY commands/s | raw client $RAW/s | >= 5,000/s |"
} | tee "$OUT/commands.md"
curl -fsS -u guest:guest -X DELETE "http://127.0.0.1:15672/api/vhosts/$VHOST" >/dev/null || true
