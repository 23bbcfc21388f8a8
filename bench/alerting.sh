#!/usr/bin/env bash
# Alerting benchmark (issue 17) on PostgreSQL, database qd_bench_17 (emptied first):
#   1. loads 10,000 error groups and 1,000,000 occurrences spread over a year, and 1,000 enabled error-count rules
#      (windows 1 m to 1 h, some filtered by level or source; 100 of them fire);
#   2. times evaluator ticks over all 1,000 rules with the production classes (bench/AlertingTick.java): first all
#      error counts (the baseline), then with 300 of them turned into the other kinds (100 "new group", 100
#      "regression", 50 "service down", 50 host-metric thresholds over a day of stored host samples), with 500
#      regressed and 100 new groups, 31 days of service checks and 24 h of raw host samples stored;
#   3. starts the server on that database and times GET /health (the baseline), GET /api/stats and a week of
#      GET /api/analytics/trends with curl, one request at a time (latency, not saturation): medians; repeated
#      (answered from seed 001's one-minute cache) and each right after a posted error (the cache invalidated, so
#      computed).
#
#   bench/alerting.sh               BENCH_REQUESTS=50 BENCH_TICKS=13 BENCH_PORT=9222 BENCH_DB=${BENCH_DB:-qd_bench_17}
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

echo "== evaluator ticks: 1,000 error-count rules (baseline) =="
TICK=$(java -cp "$CP" bench/AlertingTick.java "$URL" quarterdeck quarterdeck "$TICKS" 2>/dev/null | tee -a /dev/stderr \
  | grep '^RESULT')

echo "== the other kinds: 300 of the rules become new-group, regression, service-down and host-metric rules =="
psql_bench <<'SQL'
delete from alerts;
delete from notification_deliveries;
-- 500 regressed groups (seen now), 100 groups first seen in the last 10 minutes
update error_groups set regressed = true, resolved = false, resolved_at = null
  where id in (select 'g' || i from generate_series(2, 10000, 20) i);
update error_groups set first_seen = now() - (random() * interval '10 minutes')
  where id in (select 'g' || i from generate_series(7, 10000, 100) i);
-- 31 days of checks every 30 s of five services (the database down for the last 3 minutes)
insert into service_checks (service, checked_at, up, latency_ms)
select s, now() - i * interval '30 seconds', not (s = 'database' and i < 6), 3
from unnest(array['database', 'rabbitmq', 'docker', 'loki', 'prometheus']) s, generate_series(0, 89280) i;
-- 24 h of raw host samples every 5 s of local and of four more servers
insert into host_samples (server_id, resolution, at, cpu_cores, cpu_percent, memory_total, memory_used, disk_total,
  disk_used, network_rx, network_tx, load1, load5, load15)
select srv, 0, date_trunc('second', now()) - i * interval '5 seconds', 4, 20 + random() * 70, 8000000000,
  (2000000000 + random() * 5000000000)::bigint, 100000000000, 40000000000, 1000, 1000, 1.5, 1.2, 1.0
from unnest(array['local', 'web-1', 'web-2', 'web-3', 'web-4']) srv, generate_series(0, 17279) i;
update alert_rules set kind = 'new_group', operator = 'GT', threshold_value = 0,
  window_seconds = (array[600, 3600, 86400])[1 + (substring(id from 12)::int) % 3], fingerprint = null
  where substring(id from 12)::int % 10 = 1;
update alert_rules set kind = 'regression', operator = 'GT', threshold_value = 0,
  window_seconds = (array[900, 3600, 86400])[1 + (substring(id from 12)::int) % 3], fingerprint = null
  where substring(id from 12)::int % 10 = 2;
update alert_rules set kind = 'service_down', operator = 'GTE', threshold_value = 3, window_seconds = 0,
  level = null, source = null, service = (array['database', 'rabbitmq', 'docker', 'loki', 'prometheus'])
    [1 + (substring(id from 12)::int / 10) % 5]
  where substring(id from 12)::int % 20 = 3;
update alert_rules set kind = 'metric', operator = 'GT', threshold_value = (array[10, 50, 95])
    [1 + (substring(id from 12)::int) % 3], level = null, source = null,
  metric = (array['cpu_percent', 'memory_percent', 'disk_percent', 'load_1m'])[1 + (substring(id from 12)::int / 20) % 4],
  window_seconds = (array[0, 60, 300, 900])[1 + (substring(id from 12)::int / 20) % 4],
  server_id = case when substring(id from 12)::int % 40 = 13 then null else 'local' end
  where substring(id from 12)::int % 20 = 13;
update alert_rules set next_evaluation_at = now() - interval '1 hour', claim = null;
analyze;
SQL
psql_bench -c "select kind, count(*) from alert_rules group by kind order by kind" | tr '\n' ' '; echo
MIXED=$(java -cp "$CP" bench/AlertingTick.java "$URL" quarterdeck quarterdeck "$TICKS" 2>/dev/null | tee -a /dev/stderr \
  | grep '^RESULT')
echo "ticks: all error counts: $TICK; with the other kinds: $MIXED"
echo "firing alerts by kind: $(psql_bench -c "select r.kind || '=' || count(*) from alerts a join alert_rules r \
  on r.id = a.rule_id where a.firing group by r.kind order by r.kind" | tr '\n' ' ')"
echo "== query plans (PostgreSQL) =="
psql_bench -c "explain analyze select id, source, occurrence_count from error_groups where first_seen >= now() - interval '1 hour' order by first_seen desc fetch first 50 rows only" | grep -E "Index|Seq|Execution"
psql_bench -c "explain analyze select id, source, occurrence_count from error_groups where regressed = true and last_seen >= now() - interval '1 hour' and source = 'svc-7' order by last_seen desc fetch first 50 rows only" | grep -E "Index|Seq|Execution"
psql_bench -c "explain analyze select up from service_checks where service = 'database' order by checked_at desc fetch first 3 rows only" | grep -E "Index|Seq|Execution"

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
  echo "| evaluator tick, the same with 300 rules of the other kinds ($(sed 's/RESULT //' <<<"$MIXED")) | $(sed -n 's/.*median_ms=\([0-9]*\).*/\1/p' <<<"$MIXED") ms |"
  echo "| GET /health (baseline, curl) | $HEALTH ms |"
  echo "| GET /api/stats (repeated: served from the cache) | $STATS ms |"
  echo "| GET /api/analytics/trends?period=week&group_by=day (repeated: served from the cache) | $TRENDS ms |"
  echo "| GET /api/stats right after a posted error (a cache miss: computed) | $STATS_MISS ms |"
  echo "| GET /api/analytics/trends?period=week&group_by=day right after a posted error (computed) | $TRENDS_MISS ms |"
} | tee "$OUT/alerting.md"
