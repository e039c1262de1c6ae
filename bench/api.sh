#!/usr/bin/env bash
# API benchmark: requests/s of GET /api/v1/me (bearer token validated on every request) relative
# to GET /api/v1/health/live (no token) on the same server, with the same load tool (wrk).
#
#   bench/api.sh                     5 alternating me/live pairs of 15 s runs, 2 threads, 16 connections
#   RUNS=7 DURATION=15 WARMUP=10 THREADS=2 CONNECTIONS=16 bench/api.sh
#   KEEP_UP=1 bench/api.sh           leave the platform running afterwards (if this script started it)
#   BENCH_HTTP_PORT=18080 BENCH_KEYCLOAK_PORT=18180 BENCH_HOME=bench/target/tessera-home
#
# Starts the platform (warm when BENCH_HOME already holds one), warms both endpoints up (WARMUP s
# each, discarded), then runs me, live, me, live ... RUNS times each. Every me run gets a fresh
# access token (they live 300 s) by the password grant of the first admin. Any response other
# than 200 aborts the benchmark. Prints a table and appends a dated section to bench/RESULTS.md.
# The platform is left as found: stopped at the end unless it was already running (or KEEP_UP=1).

# shellcheck disable=SC2016 # backticks in single quotes are Markdown, not command substitution
set -euo pipefail

# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS=${RUNS:-5}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-10}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
KEEP_UP=${KEEP_UP:-0}
for var in RUNS DURATION WARMUP THREADS CONNECTIONS; do
  [[ ${!var} =~ ^[1-9][0-9]*$ ]] || die "$var must be a positive integer, not '${!var}'."
done
# Access tokens live 300 s; one token serves one run, so a run must end well before it expires.
{ [ "$DURATION" -le 120 ] && [ "$WARMUP" -le 120 ]; } || die "DURATION and WARMUP must be at most 120 s (tokens live 300 s)."
CMDLINE="RUNS=$RUNS DURATION=$DURATION WARMUP=$WARMUP THREADS=$THREADS CONNECTIONS=$CONNECTIONS bench/api.sh"

[ -x "${JAVA_HOME:-}/bin/java" ] || die "set JAVA_HOME to a JDK 21+ (e.g. /usr/lib/jvm/temurin-25-jdk-amd64)."
command -v wrk >/dev/null || ensure_packages wrk
command -v jq >/dev/null || ensure_packages jq
command -v curl >/dev/null || ensure_packages curl
ensure_built

BASE=http://127.0.0.1:$TESSERA_HTTP_PORT
ME_URL=$BASE/api/v1/me
LIVE_URL=$BASE/api/v1/health/live
TOKEN_URL=http://localhost:$TESSERA_KEYCLOAK_PORT/auth/realms/tessera/protocol/openid-connect/token
LUA=$BENCH_DIR/wrk-status.lua

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$BENCH_DIR/target/api-$STAMP
mkdir -p "$OUT"

# --- platform: leave it as found ----------------------------------------------------------------

STARTED=0
cleanup() {
  local rc=$?
  if [ "$STARTED" = 1 ] && { [ $rc -ne 0 ] || [ "$KEEP_UP" != 1 ]; }; then
    tessera down >/dev/null 2>&1 || true
  fi
  [ $rc -eq 0 ] || log "API benchmark failed (exit $rc)$([ "$STARTED" = 1 ] && echo '; the platform is stopped'). Output: $OUT"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_platform
curl -fs -o /dev/null --max-time 10 "$LIVE_URL" || die "$LIVE_URL does not answer 200."

CREDENTIALS=$(tessera admin-credentials)
ADMIN_USER=$(sed -n 's/^username: //p' <<<"$CREDENTIALS")
ADMIN_PASSWORD=$(sed -n 's/^password: //p' <<<"$CREDENTIALS")
{ [ -n "$ADMIN_USER" ] && [ -n "$ADMIN_PASSWORD" ]; } || die "could not read the first admin's credentials."

# A fresh access token for the first admin (password grant of the public tessera-cli client),
# checked against /api/v1/me before it is used for load.
fresh_token() {
  local response token status
  response=$(curl -s --max-time 30 -d client_id=tessera-cli -d grant_type=password \
    --data-urlencode "username=$ADMIN_USER" --data-urlencode "password=$ADMIN_PASSWORD" -d scope=openid "$TOKEN_URL")
  token=$(jq -r '.access_token // empty' <<<"$response" 2>/dev/null || true)
  [ -n "$token" ] || die "no access token from $TOKEN_URL: $(head -c 300 <<<"$response")"
  status=$(curl -s -o "$OUT/me.json" -w '%{http_code}' --max-time 10 -H "Authorization: Bearer $token" "$ME_URL")
  [ "$status" = 200 ] || die "GET /api/v1/me with a fresh token answered $status, not 200: $(head -c 300 "$OUT/me.json")"
  printf '%s' "$token"
}

# --- load -----------------------------------------------------------------------------------------

# wrk_run NAME SECONDS URL [TOKEN]: runs wrk, keeps its output in $OUT/NAME.txt and prints
# "req/s p50_ms p99_ms requests socket_errors". Aborts on any response other than 200.
wrk_run() {
  local name=$1 seconds=$2 url=$3 token=${4:-} header=() result other fields
  [ -z "$token" ] || header=(-H "Authorization: Bearer $token")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 10s --latency -s "$LUA" "${header[@]}" "$url" >"$OUT/$name.txt" 2>&1 ||
    die "wrk failed; its output: $OUT/$name.txt"
  result=$(awk '
    function ms(v,   n, u) {
      n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
      if (u == "us") return n / 1000; if (u == "s") return n * 1000; if (u == "m") return n * 60000
      return n
    }
    /^Requests\/sec:/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    / requests in / { requests = $1 }
    /^status: / { split($2, a, "="); ok = a[2]; split($3, b, "="); other = b[2] }
    /Socket errors:/ { gsub(/,/, ""); errors = $4 + $6 + $8 + $10 }
    END { printf "%s %.2f %.2f %s %d %s %s\n", rps, p50, p99, requests, errors, ok, other }
  ' "$OUT/$name.txt")
  read -r -a fields <<<"$result"
  other=${fields[6]:-}
  { [ -n "${fields[0]:-}" ] && [ -n "$other" ]; } || die "could not read wrk's output: $OUT/$name.txt"
  [ "$other" = 0 ] || die "$name: $other responses of $((fields[5] + other)) were not 200 (see $OUT/$name.txt); the run is worthless."
  [ "${fields[5]}" -gt 0 ] || die "$name: no successful response at all (see $OUT/$name.txt)."
  printf '%s %s %s %s %s\n' "${fields[@]:0:5}"
}

log "API benchmark: $RUNS pairs of ${DURATION}s runs (wrk -t$THREADS -c$CONNECTIONS), warm-up ${WARMUP}s per endpoint, output in $OUT"
log "warm-up: live"
wrk_run warmup-live "$WARMUP" "$LIVE_URL" >/dev/null
log "warm-up: me"
token=$(fresh_token)
wrk_run warmup-me "$WARMUP" "$ME_URL" "$token" >/dev/null

me_rps=() me_p50=() me_p99=() me_req=() me_err=()
live_rps=() live_p50=() live_p99=() live_req=() live_err=() pair_ratio=()
for i in $(seq 1 "$RUNS"); do
  token=$(fresh_token)
  read -r rps p50 p99 req err < <(wrk_run "me-$i" "$DURATION" "$ME_URL" "$token")
  me_rps+=("$rps") me_p50+=("$p50") me_p99+=("$p99") me_req+=("$req") me_err+=("$err")
  read -r rps p50 p99 req err < <(wrk_run "live-$i" "$DURATION" "$LIVE_URL")
  live_rps+=("$rps") live_p50+=("$p50") live_p99+=("$p99") live_req+=("$req") live_err+=("$err")
  pair_ratio+=("$(awk -v m="${me_rps[-1]}" -v l="$rps" 'BEGIN { printf "%.3f", m / l }')")
  log "pair $i: me ${me_rps[-1]} req/s (p50 ${me_p50[-1]} ms, p99 ${me_p99[-1]} ms), live $rps req/s (p50 $p50 ms, p99 $p99 ms), me/live ${pair_ratio[-1]}"
done

m_me=$(median "${me_rps[@]}")
m_live=$(median "${live_rps[@]}")
ratio=$(awk -v m="$m_me" -v l="$m_live" 'BEGIN { printf "%.3f", m / l }')
m_pair=$(median "${pair_ratio[@]}")

# name|unit|median|values...
rows=(
  "me req/s|req/s|$m_me|${me_rps[*]}"
  "me p50|ms|$(median "${me_p50[@]}")|${me_p50[*]}"
  "me p99|ms|$(median "${me_p99[@]}")|${me_p99[*]}"
  "me requests (all 200)|n|$(median "${me_req[@]}")|${me_req[*]}"
  "me socket errors|n|$(median "${me_err[@]}")|${me_err[*]}"
  "live req/s|req/s|$m_live|${live_rps[*]}"
  "live p50|ms|$(median "${live_p50[@]}")|${live_p50[*]}"
  "live p99|ms|$(median "${live_p99[@]}")|${live_p99[*]}"
  "live requests (all 200)|n|$(median "${live_req[@]}")|${live_req[*]}"
  "live socket errors|n|$(median "${live_err[@]}")|${live_err[*]}"
  "me/live per pair|x|$m_pair|${pair_ratio[*]}"
)

printf '\n%-24s %-5s %9s   %s\n' measure unit median "runs 1..$RUNS"
for row in "${rows[@]}"; do
  IFS='|' read -r name unit med values <<<"$row"
  printf '%-24s %-5s %9s   %s\n' "$name" "$unit" "$med" "$values"
done
printf '\nme/live (ratio of the medians): %s   (median of the per-pair ratios: %s)\n' "$ratio" "$m_pair"

results_header
{
  printf '\n## %s — API throughput (`bench/api.sh`)\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
  printf -- '- command: `%s` (from the repository root)\n' "$CMDLINE"
  machine_description
  printf -- '- load: `wrk -t%s -c%s -d%ss --timeout 10s --latency -s bench/wrk-status.lua [-H "Authorization: Bearer <token>"] URL` (%s), on the same machine as the server; warm-up %ss per endpoint, discarded; then %s alternating pairs me, live\n' \
    "$THREADS" "$CONNECTIONS" "$DURATION" "$(wrk --version 2>&1 | head -n1 | cut -d' ' -f1-2)" "$WARMUP" "$RUNS"
  printf -- '- me = `GET /api/v1/me` with a bearer token (first admin, password grant of `tessera-cli`, a fresh token per run); live = `GET /api/v1/health/live`, no token, the reference\n'
  printf -- '- platform: ports %s / %s, TESSERA_HOME=%s, database H2, start: %s\n' \
    "$TESSERA_HTTP_PORT" "$TESSERA_KEYCLOAK_PORT" "${TESSERA_HOME#"$ROOT"/}" "$START_KIND"
  printf -- '- every response of every run (warm-ups included) was 200 (counted by the Lua script)\n'
  printf -- '- **me/live = %s** (ratio of the median req/s); median of the per-pair ratios %s\n' "$ratio" "$m_pair"
  markdown_table "${rows[@]}"
} >>"$RESULTS"
log "Appended to $RESULTS"

if [ "$STARTED" = 1 ] && [ "$KEEP_UP" = 1 ]; then
  log "KEEP_UP=1: the platform stays up (TESSERA_HOME=$TESSERA_HOME ./tessera down stops it)."
fi
