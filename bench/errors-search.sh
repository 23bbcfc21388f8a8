#!/usr/bin/env bash
# Error search benchmark (issue 17) on PostgreSQL, its own database BENCH_DB (default qd_bench_search, emptied first):
#   1. migrates the schema, fills 1,000,000 error groups with generate_series (ten message families, each with a
#      number and an md5 so that words are common, rare or absent), builds V14's trigram index on the filled table
#      (dropped for the fill: a bulk load into a GIN index is far slower) and times it;
#   2. starts the server on that database and times, one request at a time (latency, not saturation), GET /health
#      (the baseline), GET /api/errors?search= with a word in 10% of the groups (the count stops at 1,000), a word
#      in one group, and a word in none: p50 and p99 of BENCH_REQUESTS requests after 20 warm-up requests each.
#
#   bench/errors-search.sh          BENCH_REQUESTS=200 BENCH_PORT=9227 BENCH_DB=qd_bench_search BENCH_GROUPS=1000000
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
DB=${BENCH_DB:-qd_bench_search}
REQUESTS=${BENCH_REQUESTS:-200}
NGROUPS=${BENCH_GROUPS:-1000000}
OUT="$ROOT/target/bench"
mkdir -p "$OUT"
QUARTERDECK_PG_DATABASES="$DB" "$ROOT/scripts/services.sh" postgres >/dev/null
psql_bench() { PGPASSWORD=quarterdeck psql -qtA -h 127.0.0.1 -U quarterdeck -d "$DB" "$@"; }
psql_bench -c 'drop schema if exists public cascade' -c 'create schema public' >/dev/null

rm -f "$OUT/search.cp"
mvn -B -ntp -q -o package dependency:build-classpath -DskipTests -pl adapters-persistence -am \
  -Dmdep.outputFile="$OUT/search.cp" -Dmdep.includeScope=test >/dev/null
CP="$ROOT/domain/target/classes:$ROOT/application/target/classes:$ROOT/adapters-persistence/target/classes"
CP="$CP:$(cat "$OUT/search.cp")"
URL="jdbc:postgresql://127.0.0.1:5432/$DB"
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
INDEX_DEF=$(psql_bench -c "select indexdef from pg_indexes where indexname = 'ix_error_groups_message_trgm'")
[ -n "$INDEX_DEF" ] || { echo "V14's index ix_error_groups_message_trgm is missing" >&2; exit 1; }

echo "== $NGROUPS groups =="
start=$(date +%s)
psql_bench -c 'drop index ix_error_groups_message_trgm' >/dev/null
psql_bench <<SQL
insert into error_groups (id, fingerprint, grouping_version, level, message, context, source, environment, resolved,
  regressed, resolved_at, occurrence_count, first_seen, last_seen, created_at, updated_at, row_version)
select 'g' || i, md5('g' || i), 1, case when i % 10 = 0 then 'warning' else 'error' end,
  (array['Database connection failed on host db-', 'Timeout while calling payment-service after ms ',
         'NullPointerException in OrderController.handle line ', 'Cannot read properties of undefined at ',
         'Connection reset by peer while reading from upstream ', 'Deadlock detected in transaction ',
         'OutOfMemoryError: Java heap space in worker ', 'Failed to parse JSON body: unexpected token at ',
         'Permission denied opening /var/data/file-', 'Unhandled promise rejection: request failed with status '])
    [1 + i % 10] || i || ' ' || md5(i::text), '{}', 'svc-' || (i % 50), 'prod', i % 3 = 0, false,
  case when i % 3 = 0 then now() end, 1, now() - interval '30 days', now() - (i % 100000) * interval '1 second',
  now() - interval '30 days', now(), 0
from generate_series(1, $NGROUPS) i;
SQL
echo "filled in $(( $(date +%s) - start )) s"
start=$(date +%s)
psql_bench -c "$INDEX_DEF" >/dev/null
INDEX_SECONDS=$(( $(date +%s) - start ))
psql_bench -c 'analyze error_groups' >/dev/null
echo "trigram index built in $INDEX_SECONDS s"
RARE=$(psql_bench -c "select substr(md5('777777'), 1, 12)")

echo "== server on $DB =="
export QUARTERDECK_HTTP_PORT=${BENCH_PORT:-9227}
export QUARTERDECK_DATA_DIR="$OUT/search-data"
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
percentiles() { # milliseconds on stdin -> "p50 p99"
  sort -g | awk '{a[NR]=$1} END {i=int(NR*0.99+0.999); printf "%.2f %.2f\n", (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2, a[i]}'
}
time_path() { # path -> "p50 p99" of REQUESTS requests after 20 warm-up requests
  for _ in $(seq 1 20); do curl -s -o /dev/null -H "X-API-Key: $QUARTERDECK_BOOTSTRAP_API_KEY" "$BASE$1"; done
  for _ in $(seq 1 "$REQUESTS"); do
    curl -s -o /dev/null -w '%{time_total}\n' -H "X-API-Key: $QUARTERDECK_BOOTSTRAP_API_KEY" "$BASE$1"
  done | awk '{print $1 * 1000}' | percentiles
}
total_of() { curl -s -H "X-API-Key: $QUARTERDECK_BOOTSTRAP_API_KEY" "$BASE$1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p'; }
COMMON="/api/errors?search=deadlock"
ONE="/api/errors?search=$RARE"
NONE="/api/errors?search=zebracorn"
echo "totals: common $(total_of "$COMMON") (capped), one $(total_of "$ONE"), none $(total_of "$NONE")"
read -r H50 H99 <<<"$(time_path /health)"
read -r C50 C99 <<<"$(time_path "$COMMON")"
read -r O50 O99 <<<"$(time_path "$ONE")"
read -r N50 N99 <<<"$(time_path "$NONE")"
{
  echo "| measure ($NGROUPS groups, $REQUESTS requests each, one at a time) | p50 | p99 |"
  echo "|---|---|---|"
  echo "| GET /health (baseline) | $H50 ms | $H99 ms |"
  echo "| GET $COMMON (10% of the groups match) | $C50 ms | $C99 ms |"
  echo "| GET /api/errors?search=<md5 fragment> (one group) | $O50 ms | $O99 ms |"
  echo "| GET $NONE (no group) | $N50 ms | $N99 ms |"
  echo "| V14 trigram index built on the filled table | $INDEX_SECONDS s | |"
} | tee "$OUT/errors-search.md"
