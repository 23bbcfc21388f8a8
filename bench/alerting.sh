#!/usr/bin/env bash
# Alerting benchmark (issue 17) on PostgreSQL, database qd_bench_17 (emptied first):
#   1. loads 10,000 error groups and 1,000,000 occurrences spread over a year, and 1,000 enabled error-count rules
#      (windows 1 m to 1 h, some filtered by level or source; 100 of them fire);
#   2. times evaluator ticks over all 1,000 rules with the production classes (bench/AlertingTick.java);
#   3. starts the server on that database and times GET /health (the baseline), GET /api/stats and a week of
#      GET /api/analytics/trends with curl, one request at a time (latency, not saturation): medians; repeated
#      (answered from seed 001's one-minute cache) and each right after a posted error (the cache invalidated, so
#      computed).
#
#   bench/alerting.sh               BENCH_REQUESTS=50 BENCH_TICKS=13 BENCH_PORT=9222 BENCH_DB=qd_bench_17
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
DB=${BENCH_DB:-qd_bench_17}
REQUESTS=${BENCH_REQUESTS:-50}
TICKS=${BENCH_TICKS:-13}
OUT="$ROOT/target/bench"
mkdir -p "$OUT"
QUARTERDECK_PG_DATABASES="$DB" "$ROOT/scripts/services.sh" postgres >/dev/null
psql_bench() { PGPASSWORD=quarterdeck psql -qtA -h 127.0.0.1 -U quarterdeck -d "$DB" "$@"; }
psql_bench -c 'drop schema if exists public cascade' -c 'create schema public' >/dev/null

# The classpath of adapters-persistence's tests (the reactor's modules as their target/classes, the drivers, Flyway).
rm -f "$OUT/alerting.cp"
mvn -B -ntp -q -o package dependency:build-classpath -DskipTests -pl adapters-persistence -am \
  -Dmdep.outputFile="$OUT/alerting.cp" -Dmdep.includeScope=test >/dev/null
CP="$ROOT/domain/target/classes:$ROOT/application/target/classes:$ROOT/adapters-persistence/target/classes"
CP="$CP:$(cat "$OUT/alerting.cp")"
URL="jdbc:postgresql://127.0.0.1:5432/$DB"

echo "== schema and data (1,000,000 occurrences) =="
cat > "$OUT/Migrate.java" <<'JAVA'
public class Migrate {
    public static void main(String[] a) {
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setURL(a[0]); ds.setUser("quarterdeck"); ds.setPassword("quarterdeck");
        System.out.println("migrations applied: " + io.quarterdeck.adapters.persistence.support.FlywayMigrations.migrate(ds));
    }
}
JAVA
java -cp "$CP" "$OUT/Migrate.java" "$URL" 2>&1 | grep -v "^INFO\|^[A-Z][a-z][a-z] [0-9]" || true
start=$(date +%s)
psql_bench <<'SQL'
insert into error_groups (id, fingerprint, grouping_version, level, message, context, source, environment, resolved,
  regressed, resolved_at, occurrence_count, first_seen, last_seen, created_at, updated_at, row_version)
select 'g' || i, md5('g' || i), 1, case when i % 10 = 0 then 'warning' else 'error' end, 'bench error ' || i, '{}',
  'svc-' || (i % 50), 'prod', i % 3 = 0, false,
  case when i % 3 = 0 then now() - (i % 360) * interval '1 day' end, 100, now() - interval '366 days', now(),
  now() - interval '366 days', now(), 0
from generate_series(1, 10000) i;
insert into error_occurrences (id, group_id, occurred_at, level, environment, context)
select 'o' || i, 'g' || (1 + i % 10000), now() - random() * interval '365 days',
  case when i % 10 = 0 then 'warning' when i % 97 = 0 then 'critical' else 'error' end, 'prod', '{}'
from generate_series(1, 1000000) i;
insert into alert_rules (id, name, kind, operator, threshold_value, window_seconds, level, source, environment,
  fingerprint, metric, server_id, severity, enabled, notifications, repeat_seconds, created_at, updated_at,
  next_evaluation_at)
select 'bench-rule-' || i, 'bench rule ' || i, 'error_count', 'GT', case when i % 10 = 0 then 0 else 1000000 end,
  (array[60, 300, 900, 3600])[1 + i % 4], case when i % 3 = 0 then 'error' end,
  case when i % 2 = 0 then 'svc-' || (i % 50) end, null, null, null, null, 'WARNING', true, '', 3600, now(), now(),
  now() - interval '1 hour'
from generate_series(1, 1000) i;
analyze;
SQL
echo "loaded in $(( $(date +%s) - start )) s: $(psql_bench -c 'select count(*) from error_occurrences') occurrences,"\
  "$(psql_bench -c 'select count(*) from alert_rules where enabled') enabled rules"

echo "== evaluator ticks =="
TICK=$(java -cp "$CP" bench/AlertingTick.java "$URL" quarterdeck quarterdeck "$TICKS" 2>/dev/null | tee /dev/stderr \
  | grep '^RESULT')

echo "== server on $DB =="
export QUARTERDECK_HTTP_PORT=${BENCH_PORT:-9222}
export QUARTERDECK_DATA_DIR="$OUT/alerting-data"
export QUARTERDECK_DB_URL="$URL" QUARTERDECK_DB_USER=quarterdeck QUARTERDECK_DB_PASSWORD=quarterdeck
export QUARTERDECK_RATE_LIMIT_ENABLED=false QUARTERDECK_ALERTING_ENABLED=false
export QUARTERDECK_BOOTSTRAP_API_KEY="qdk_bench_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
rm -rf "$QUARTERDECK_DATA_DIR"
# Not bin/quarterdeck start: that installs snapshots into ~/.m2. The Liberty server that the test run created is
# reused with this checkout's WAR.
WLP="$ROOT/server-config/target/liberty/wlp"
[ -d "$WLP/usr/servers/quarterdeck" ] || { echo "no Liberty server yet: run bin/quarterdeck test once" >&2; exit 1; }
mvn -B -ntp -q -o package -DskipTests
cp "$ROOT/server-config/target/quarterdeck.war" "$WLP/usr/servers/quarterdeck/apps/quarterdeck.war"
"$WLP/bin/server" start quarterdeck >/dev/null
trap '"$WLP/bin/server" stop quarterdeck >/dev/null 2>&1 || true' EXIT
for _ in $(seq 1 240); do
  curl -fsS "http://127.0.0.1:$QUARTERDECK_HTTP_PORT/health/ready" >/dev/null 2>&1 && break; sleep 1
done
BASE="http://127.0.0.1:$QUARTERDECK_HTTP_PORT"
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
time_path() { # path -> median ms of REQUESTS requests after 10 warm-up requests
  for _ in $(seq 1 10); do curl -s -o /dev/null -H "X-API-Key: $QUARTERDECK_BOOTSTRAP_API_KEY" "$BASE$1"; done
  for _ in $(seq 1 "$REQUESTS"); do
    curl -s -o /dev/null -w '%{time_total}\n' -H "X-API-Key: $QUARTERDECK_BOOTSTRAP_API_KEY" "$BASE$1"
  done | awk '{print $1 * 1000}' | median
}
time_after_write() { # path -> median ms of REQUESTS requests, each right after an error is posted (a cache miss)
  for _ in $(seq 1 "$REQUESTS"); do
    curl -s -o /dev/null -X POST -H "X-API-Key: $QUARTERDECK_BOOTSTRAP_API_KEY" -H 'Content-Type: application/json' \
      -d '{"message":"bench write","level":"error","source":"svc-bench"}' "$BASE/api/errors"
    curl -s -o /dev/null -w '%{time_total}\n' -H "X-API-Key: $QUARTERDECK_BOOTSTRAP_API_KEY" "$BASE$1"
  done | awk '{print $1 * 1000}' | median
}
HEALTH=$(time_path /health)
STATS=$(time_path /api/stats)
TRENDS=$(time_path '/api/analytics/trends?period=week&group_by=day')
STATS_MISS=$(time_after_write /api/stats)
TRENDS_MISS=$(time_after_write '/api/analytics/trends?period=week&group_by=day')
{
  echo "| measure | median |"
  echo "|---|---|"
  echo "| evaluator tick, 1,000 rules over 1,000,000 occurrences ($(sed 's/RESULT //' <<<"$TICK")) | $(sed -n 's/.*median_ms=\([0-9]*\).*/\1/p' <<<"$TICK") ms |"
  echo "| GET /health (baseline, curl) | $HEALTH ms |"
  echo "| GET /api/stats (repeated: served from the cache) | $STATS ms |"
  echo "| GET /api/analytics/trends?period=week&group_by=day (repeated: served from the cache) | $TRENDS ms |"
  echo "| GET /api/stats right after a posted error (a cache miss: computed) | $STATS_MISS ms |"
  echo "| GET /api/analytics/trends?period=week&group_by=day right after a posted error (computed) | $TRENDS_MISS ms |"
} | tee "$OUT/alerting.md"
