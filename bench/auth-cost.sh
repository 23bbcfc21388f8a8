#!/usr/bin/env bash
# What authentication costs a request: starts Quarterdeck on PostgreSQL, signs in, and drives GETs with wrk at low
# concurrency (latency, not saturation) in interleaved rounds, printing the median requests/s, p50 and p99 of:
#   GET /api/v1/auth/jwks                no credentials (a public endpoint through the same filters, no database)
#   GET /api/errors?limit=1              X-API-Key (the proven key is cached: no Argon2 on the hot path)
#   GET /api/errors?limit=1              Authorization: Bearer (RS256 signature check + revocation look-up)
#   GET /api/v1/auth/me                  Authorization: Bearer (token check + the user's row)
# The difference between the two /api/errors lines is the cost of a JWT over an API key on identical work.
#
#   bench/auth-cost.sh                   3 rounds x 15 s per scenario after a 10 s warm-up of each, 8 connections
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
SECONDS_PER_RUN=${BENCH_SECONDS:-15}
RUNS=${BENCH_RUNS:-3}
CONNECTIONS=${BENCH_CONNECTIONS:-8}
OUT="$ROOT/target/bench"
mkdir -p "$OUT"

"$ROOT/scripts/services.sh" postgres
command -v wrk >/dev/null || { apt-get install -y -q wrk >/dev/null || { echo "cannot install wrk" >&2; exit 1; }; }

export QUARTERDECK_HTTP_PORT=${BENCH_PORT:-9280}
export QUARTERDECK_DATA_DIR="$OUT/auth-data"
export QUARTERDECK_DB_URL=jdbc:postgresql://127.0.0.1:5432/quarterdeck_bench
export QUARTERDECK_DB_USER=quarterdeck QUARTERDECK_DB_PASSWORD=quarterdeck
export QUARTERDECK_RATE_LIMIT_ENABLED=false  # one key and one address by design
export QUARTERDECK_JWT_ACCESS_TOKEN_MINUTES=60
export QUARTERDECK_BOOTSTRAP_API_KEY="qdk_bench_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export QUARTERDECK_BOOTSTRAP_OWNER_PASSWORD="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
PGPASSWORD=quarterdeck psql -qtA -h 127.0.0.1 -U quarterdeck -d quarterdeck_bench \
  -c 'drop schema if exists public cascade' -c 'create schema public' >/dev/null
rm -rf "$QUARTERDECK_DATA_DIR"

"$ROOT/bin/quarterdeck" start
trap '"$ROOT/bin/quarterdeck" stop >/dev/null 2>&1 || true' EXIT
BASE="http://127.0.0.1:$QUARTERDECK_HTTP_PORT"

curl -fsS -H 'Content-Type: application/json' -H "X-API-Key: $QUARTERDECK_BOOTSTRAP_API_KEY" \
  -d '{"level":"error","message":"auth cost probe","source":"bench"}' "$BASE/api/errors" >/dev/null
TOKEN=$(curl -fsS -H 'Content-Type: application/json' \
  -d "{\"username\":\"owner\",\"password\":\"$QUARTERDECK_BOOTSTRAP_OWNER_PASSWORD\"}" "$BASE/api/v1/auth/login" |
  sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[ -n "$TOKEN" ] || { echo "could not sign in" >&2; exit 1; }

SCENARIOS=(public key bearer me)
drive() { # scenario seconds -> RESULT line
  local path=/api/errors?limit=1 name="" value=""
  case $1 in
    public) path=/api/v1/auth/jwks ;;
    key) name=X-API-Key; value=$QUARTERDECK_BOOTSTRAP_API_KEY ;;
    bearer) name=Authorization; value="Bearer $TOKEN" ;;
    me) path=/api/v1/auth/me; name=Authorization; value="Bearer $TOKEN" ;;
  esac
  BENCH_PATH=$path BENCH_HEADER_NAME=$name BENCH_HEADER_VALUE=$value \
    wrk -t2 -c"$CONNECTIONS" -d"${2}s" --timeout 10s -s "$ROOT/bench/get.lua" "$BASE" | grep '^RESULT'
}
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

echo "warming up"
for s in "${SCENARIOS[@]}" "${SCENARIOS[@]}"; do drive "$s" 10 >/dev/null; done
declare -A RPS_L P50_L P99_L
for r in $(seq 1 "$RUNS"); do
  for s in "${SCENARIOS[@]}"; do
    line=$(drive "$s" "$SECONDS_PER_RUN")
    echo "round $r $s: $line"
    [ "$(field non_ok "$line")" = 0 ] || { echo "scenario $s answered non-2xx: $line" >&2; exit 1; }
    RPS_L[$s]+="$(field rps "$line") "; P50_L[$s]+="$(field p50_ms "$line") "; P99_L[$s]+="$(field p99_ms "$line") "
  done
done
{
  echo "| request | credentials | requests/s | p50 ms | p99 ms |"
  echo "|---|---|---|---|---|"
  for s in "${SCENARIOS[@]}"; do
    case $s in
      public) label="GET /api/v1/auth/jwks|none" ;;
      key) label="GET /api/errors?limit=1|X-API-Key" ;;
      bearer) label="GET /api/errors?limit=1|Bearer JWT (RS256)" ;;
      me) label="GET /api/v1/auth/me|Bearer JWT (RS256)" ;;
    esac
    printf '| %s | %.0f | %.3f | %.3f |\n' "$label" \
      "$(tr ' ' '\n' <<<"${RPS_L[$s]}" | grep . | median)" "$(tr ' ' '\n' <<<"${P50_L[$s]}" | grep . | median)" \
      "$(tr ' ' '\n' <<<"${P99_L[$s]}" | grep . | median)"
  done
  echo
  echo "Medians of $RUNS runs x ${SECONDS_PER_RUN} s, wrk -t2 -c$CONNECTIONS, $(nproc) cores, $(java -version 2>&1 | head -1)."
} | tee "$OUT/auth-cost.md"
