#!/usr/bin/env bash
# kill -9 of Quarterdeck between commit and publish: operators' bulk commands are issued in a loop (every 202 answer
# recorded) while the relay publishes them to RabbitMQ; the server's JVM is killed with SIGKILL mid-load, at a moment
# when committed commands are still waiting in the outbox (the script prints how many), then started again on the
# same database. Verdict: every command the server answered 202 for, and every row of the outbox, reached the queue
# bound to the commands exchange, at least once (duplicates counted; consumers de-duplicate on the message id), and
# in order per app.
#
# Uses the Liberty install in server-config/target/liberty like bench/commands.sh (packages this checkout's WAR).
#   bench/command-crash-test.sh     BENCH_PORT (9211), BENCH_DB (qd_bench_16), CRASH_AFTER_SECONDS (8), CRASH_APPS (500)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
PORT=${BENCH_PORT:-9211}
DB=${BENCH_DB:-qd_bench_16}
VHOST=qd16-crash
APPS=${CRASH_APPS:-500}
AFTER=${CRASH_AFTER_SECONDS:-8}
OUT="$ROOT/target/crash-commands"
WLP="$ROOT/server-config/target/liberty/wlp"
rm -rf "$OUT"; mkdir -p "$OUT"
psqlq() { PGPASSWORD=quarterdeck psql -qtA -h 127.0.0.1 -U quarterdeck -d "$DB" -c "$1"; }
mgmt() { curl -fsS -u guest:guest -H 'content-type: application/json' "$@"; }

QUARTERDECK_PG_DATABASES="$DB" "$ROOT/scripts/services.sh" postgres rabbitmq
[ -x "$WLP/bin/server" ] || { echo "no Liberty install in $WLP: run bin/quarterdeck test once" >&2; exit 1; }
mvn -B -ntp -q -pl server-config -am -DskipTests package
cp server-config/target/quarterdeck.war "$WLP/usr/servers/quarterdeck/apps/quarterdeck.war"
mgmt -X DELETE "http://127.0.0.1:15672/api/vhosts/$VHOST" >/dev/null 2>&1 || true
mgmt -X PUT -d '{}' "http://127.0.0.1:15672/api/vhosts/$VHOST" >/dev/null
mgmt -X PUT -d '{"configure":".*","write":".*","read":".*"}' "http://127.0.0.1:15672/api/permissions/$VHOST/guest" >/dev/null
mgmt -X PUT -d '{"type":"topic","durable":true}' "http://127.0.0.1:15672/api/exchanges/$VHOST/quarterdeck.commands" >/dev/null
mgmt -X PUT -d '{"durable":true}' "http://127.0.0.1:15672/api/queues/$VHOST/crash16" >/dev/null
mgmt -X POST -d '{"routing_key":"#"}' "http://127.0.0.1:15672/api/bindings/$VHOST/e/quarterdeck.commands/q/crash16" >/dev/null
AMQP="amqp://guest:guest@127.0.0.1:5672/$VHOST"
PGPASSWORD=quarterdeck psql -q -h 127.0.0.1 -U quarterdeck -d "$DB" -c 'drop schema if exists public cascade' \
  -c 'create schema public' >/dev/null

export QUARTERDECK_HTTP_PORT=$PORT QUARTERDECK_DATA_DIR="$OUT/data"
export QUARTERDECK_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARTERDECK_DB_USER=quarterdeck QUARTERDECK_DB_PASSWORD=quarterdeck
export QUARTERDECK_RATE_LIMIT_ENABLED=false QUARTERDECK_RABBITMQ_URL=$AMQP
export QUARTERDECK_BOOTSTRAP_API_KEY="qdk_crash_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export QUARTERDECK_BOOTSTRAP_OWNER_PASSWORD="crash-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export QUARTERDECK_JWT_KEY_ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64)"
BASE="http://127.0.0.1:$PORT"
start() {
  "$WLP/bin/server" start quarterdeck >/dev/null || true
  for _ in $(seq 1 240); do curl -fsS "$BASE/health/ready" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "server did not become ready" >&2; exit 1
}
trap '"$WLP/bin/server" stop quarterdeck >/dev/null 2>&1 || true' EXIT
start
TOKEN=$(curl -fsS -H 'Content-Type: application/json' \
  -d "{\"username\":\"owner\",\"password\":\"$QUARTERDECK_BOOTSTRAP_OWNER_PASSWORD\"}" "$BASE/api/v1/auth/login" |
  sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
CP="$HOME/.m2/repository/com/rabbitmq/amqp-client/5.37.0/amqp-client-5.37.0.jar:$HOME/.m2/repository/org/slf4j/slf4j-api/1.7.36/slf4j-api-1.7.36.jar"
java -cp "$CP" bench/AmqpLoad.java "$AMQP" register "$APPS" 5 >/dev/null
for _ in $(seq 1 600); do [ "$(psqlq 'select count(*) from apps')" = "$APPS" ] && break; sleep 0.1; done

( i=0
  while :; do
    cmd=DISABLE; [ $((i % 2)) = 1 ] && cmd=ENABLE
    curl -sS -o "$OUT/answer-$i.json" -w '%{http_code}\n' -H "Authorization: Bearer $TOKEN" \
      -H 'content-type: application/json' -d "{\"filter\":{\"app\":\"bench_*\"},\"command\":\"$cmd\"}" \
      "$BASE/api/v1/bulk/command" > "$OUT/status-$i.txt" 2>/dev/null || true
    i=$((i + 1))
  done ) &
LOAD=$!
sleep "$((AFTER / 2))"
# From here the broker refuses Quarterdeck's publishes (write permission withdrawn, its connections closed so the
# change applies): commands keep being committed (200) but stay in the outbox, so the kill below falls between
# commit and publish for every one of them.
mgmt -X PUT -d '{"configure":".*","write":"^$","read":".*"}' "http://127.0.0.1:15672/api/permissions/$VHOST/guest" >/dev/null
mgmt "http://127.0.0.1:15672/api/vhosts/$VHOST/connections" | python3 -c 'import json,sys; [print(c["name"]) for c in json.load(sys.stdin)]' |
  while read -r name; do
    mgmt -X DELETE "http://127.0.0.1:15672/api/connections/$(python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$name")" >/dev/null || true
  done
sleep "$((AFTER - AFTER / 2))"
PID=$(cat "$WLP/usr/servers/.pid/quarterdeck.pid")
PENDING=$(psqlq "select count(*) from command_outbox where sent_at is null")
kill -9 "$PID"
kill "$LOAD" 2>/dev/null || true; wait "$LOAD" 2>/dev/null || true
PENDING_AFTER=$(psqlq "select count(*) from command_outbox where sent_at is null")
TOTAL=$(psqlq "select count(*) from command_outbox")
echo "killed the server (pid $PID) with SIGKILL: $TOTAL commands committed, $PENDING_AFTER of them not yet confirmed by RabbitMQ ($PENDING a moment before the kill)"
mgmt -X PUT -d '{"configure":".*","write":".*","read":".*"}' "http://127.0.0.1:15672/api/permissions/$VHOST/guest" >/dev/null
[ "$PENDING_AFTER" -gt 0 ] || echo "WARNING: no command was waiting at the kill; the run does not test the gap"
sleep 1
start
for _ in $(seq 1 1200); do [ "$(psqlq 'select count(*) from command_outbox where sent_at is null')" = 0 ] && break; sleep 0.1; done
[ "$(psqlq 'select count(*) from command_outbox where sent_at is null')" = 0 ] || { echo "FAIL: the outbox did not drain after the restart" >&2; exit 1; }
psqlq "select id from command_outbox order by sequence" > "$OUT/outbox-ids.txt"
psqlq "select id, app from command_outbox order by sequence" > "$OUT/outbox-order.txt"
# every answer the server gave 200 for (the bulk answer lists the commands it stored)
for f in "$OUT"/status-*.txt; do
  n=${f##*/status-}; n=${n%.txt}
  [ "$(cat "$f")" = 200 ] && grep -o '"id":"[^"]*"' "$OUT/answer-$n.json" | cut -d'"' -f4
done > "$OUT/answered-ids.txt" || true
# the management API's message counts are sampled statistics (seconds old): read until the queue answers empty
python3 - "$OUT" "$VHOST" <<'PY'
import base64, json, sys, urllib.request
out, vhost = sys.argv[1], sys.argv[2]
auth = "Basic " + base64.b64encode(b"guest:guest").decode()
messages = []
while True:
    req = urllib.request.Request(f"http://127.0.0.1:15672/api/queues/{vhost}/crash16/get", method="POST",
        data=json.dumps({"count": 5000, "ackmode": "ack_requeue_false", "encoding": "auto"}).encode(),
        headers={"Authorization": auth, "content-type": "application/json"})
    batch = json.load(urllib.request.urlopen(req, timeout=120))
    if not batch:
        break
    messages.extend(batch)
json.dump(messages, open(out + "/delivered.json", "w"))
PY
python3 - "$OUT" <<'PY'
import json, sys
out = sys.argv[1]
delivered = json.load(open(out + "/delivered.json"))
ids = [m["properties"]["message_id"] for m in delivered]
apps = {}
for m in delivered:
    body = json.loads(m["payload"])
    apps.setdefault(body["app"], []).append(body["sequence"])
answered = [l.strip() for l in open(out + "/answered-ids.txt") if l.strip()]
outbox = [l.strip() for l in open(out + "/outbox-ids.txt") if l.strip()]
got = set(ids)
missing_answered = [i for i in answered if i not in got]
missing_outbox = [i for i in outbox if i not in got]
dups = len(ids) - len(got)
out_of_order = 0
for app, seqs in apps.items():
    seen = []
    for s in seqs:
        if s not in seen:
            seen.append(s)
    if seen != sorted(seen):
        out_of_order += 1
print(f"answered 200: {len(answered)} commands; outbox rows: {len(outbox)}; messages delivered: {len(ids)} "
      f"({len(got)} distinct, {dups} duplicates)")
print(f"missing: {len(missing_answered)} answered, {len(missing_outbox)} outbox rows; apps whose first deliveries "
      f"are out of sequence order: {out_of_order}")
ok = not missing_answered and not missing_outbox and out_of_order == 0
print("VERDICT:", "PASS" if ok else "FAIL")
sys.exit(0 if ok else 1)
PY
mgmt -X DELETE "http://127.0.0.1:15672/api/vhosts/$VHOST" >/dev/null || true
