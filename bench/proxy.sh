#!/usr/bin/env bash
# Proxy benchmark: requests/s and latency of GET /s/{id}/api (Jupyter's version JSON) through
# Tessera's session proxy (bearer token checked by WildFly, access decision, secret swapped in,
# Undertow's proxy handler) against the same Jupyter Notebook directly (its own token), and against
# JupyterHub's configurable-http-proxy (node-http-proxy, no authentication) in front of it.
#
#   bench/proxy.sh                   5 rounds proxy, direct, chp of 10 s runs, 2 threads, 16 connections
#   RUNS=7 DURATION=10 WARMUP=10 THREADS=2 CONNECTIONS=16 bench/proxy.sh
#   KEEP_UP=1 bench/proxy.sh         leave the platform running afterwards (if this script started it)
#   CHP_PORT=18091 CHP_API_PORT=18092 BENCH_HTTP_PORT=18080 BENCH_KEYCLOAK_PORT=18180 BENCH_HOME=...
#
# Starts the platform (warm when BENCH_HOME already holds one), creates a python-notebook project
# and starts a session on it, finds the notebook's port and token on its command line, starts
# configurable-http-proxy (npm, installed once under bench/target/node_modules) in front of that
# port, warms all three up (WARMUP s each, discarded), then runs proxy, direct, chp ... RUNS times.
# Every proxy run gets a fresh access token (they live 300 s). Any response other than 200 aborts.
# Prints a table and appends a dated section to bench/RESULTS.md. The session and the project are
# removed at the end; the platform is left as found.

# shellcheck disable=SC2016 # backticks in single quotes are Markdown, not command substitution
set -euo pipefail

# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS=${RUNS:-5}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-10}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
KEEP_UP=${KEEP_UP:-0}
CHP_PORT=${CHP_PORT:-18091}
CHP_API_PORT=${CHP_API_PORT:-18092}
for var in RUNS DURATION WARMUP THREADS CONNECTIONS CHP_PORT CHP_API_PORT; do
  [[ ${!var} =~ ^[1-9][0-9]*$ ]] || die "$var must be a positive integer, not '${!var}'."
done
{ [ "$DURATION" -le 120 ] && [ "$WARMUP" -le 120 ]; } || die "DURATION and WARMUP must be at most 120 s (tokens live 300 s)."
CMDLINE="RUNS=$RUNS DURATION=$DURATION WARMUP=$WARMUP THREADS=$THREADS CONNECTIONS=$CONNECTIONS bench/proxy.sh"

[ -x "${JAVA_HOME:-}/bin/java" ] || die "set JAVA_HOME to a JDK 21+ (e.g. /usr/lib/jvm/temurin-25-jdk-amd64)."
command -v wrk >/dev/null || ensure_packages wrk
command -v jq >/dev/null || ensure_packages jq
command -v curl >/dev/null || ensure_packages curl
command -v npm >/dev/null || ensure_packages npm
[ -x /usr/bin/jupyter-notebook ] || ensure_packages jupyter-notebook
ensure_built

BASE=http://127.0.0.1:$TESSERA_HTTP_PORT
LUA=$BENCH_DIR/wrk-status.lua
CHP=$BENCH_DIR/target/node_modules/.bin/configurable-http-proxy

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$BENCH_DIR/target/proxy-$STAMP
mkdir -p "$OUT"

# --- platform: leave it as found; remove what this script created ---------------------------------

STARTED=0 CHP_PID='' SESSION_ID='' PROJECT_ID=''
cleanup() {
  local rc=$? token
  [ -z "$CHP_PID" ] || kill "$CHP_PID" 2>/dev/null || true
  if [ -n "$PROJECT_ID" ] && token=$(admin_token 2>/dev/null); then
    [ -z "$SESSION_ID" ] || curl -s -o /dev/null --max-time 60 -X DELETE -H "Authorization: Bearer $token" "$BASE/api/v1/sessions/$SESSION_ID" || true
    curl -s -o /dev/null --max-time 60 -X DELETE -H "Authorization: Bearer $token" "$BASE/api/v1/projects/$PROJECT_ID" || true
  fi
  if [ "$STARTED" = 1 ] && { [ $rc -ne 0 ] || [ "$KEEP_UP" != 1 ]; }; then
    tessera down >/dev/null 2>&1 || true
  fi
  [ $rc -eq 0 ] || log "proxy benchmark failed (exit $rc)$([ "$STARTED" = 1 ] && echo '; the platform is stopped'). Output: $OUT"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for port in "$CHP_PORT" "$CHP_API_PORT"; do
  ! port_busy "$port" || die "port $port (CHP_PORT / CHP_API_PORT) is in use."
done
start_platform
SERVER_LOG=$TESSERA_HOME/logs/app/server.log
LOG_LINES_AT_START=$(wc -l <"$SERVER_LOG" 2>/dev/null || echo 0)

if [ ! -x "$CHP" ]; then
  log "Installing configurable-http-proxy with npm under bench/target ..."
  (cd "$BENCH_DIR/target" && npm install --prefix "$BENCH_DIR/target" --no-audit --no-fund configurable-http-proxy >"$OUT/npm.log" 2>&1) ||
    die "npm install configurable-http-proxy failed; see $OUT/npm.log"
fi
CHP_VERSION=$("$CHP" --version 2>/dev/null || echo unknown)

# --- a session to measure -------------------------------------------------------------------------

read_admin_credentials
TOKEN=$(admin_token)
PROJECT_ID=$(api POST /projects "$TOKEN" "{\"name\": \"bench-proxy-$STAMP\", \"template\": \"python-notebook\"}" | jq -r .id)
log "Starting a session on project $PROJECT_ID ..."
SESSION_ID=$(api POST "/projects/$PROJECT_ID/sessions" "$TOKEN" '{}' | jq -r .id)
wait_session_running "$SESSION_ID" "$TOKEN" 180 0.5
JUPYTER_PORT=$(editor_arg "$SESSION_ID" port)
JUPYTER_TOKEN=$(editor_arg "$SESSION_ID" NotebookApp.token)
STATE_PORT=$(sed -n 's/^port=//p' "$TESSERA_HOME/data/workloads/$SESSION_ID/workload.properties" 2>/dev/null || true)
[ -n "$JUPYTER_PORT" ] || JUPYTER_PORT=$STATE_PORT
{ [ -n "$JUPYTER_PORT" ] && [ -n "$JUPYTER_TOKEN" ]; } || die "could not find the notebook process of session $SESSION_ID (ps -eo args)."
[ -z "$STATE_PORT" ] || [ "$STATE_PORT" = "$JUPYTER_PORT" ] || die "the notebook listens on $JUPYTER_PORT, but workload.properties says $STATE_PORT."
JUPYTER_VERSION=$(/usr/bin/jupyter-notebook --version 2>/dev/null || echo unknown)

PROXY_URL=$BASE/s/$SESSION_ID/api
DIRECT_URL=http://127.0.0.1:$JUPYTER_PORT/s/$SESSION_ID/api
CHP_URL=http://127.0.0.1:$CHP_PORT/s/$SESSION_ID/api

"$CHP" --ip 127.0.0.1 --port "$CHP_PORT" --api-port "$CHP_API_PORT" --default-target "http://127.0.0.1:$JUPYTER_PORT" \
  --log-level warn >"$OUT/chp.log" 2>&1 &
CHP_PID=$!
for _ in $(seq 1 100); do port_busy "$CHP_PORT" && break; sleep 0.1; done

# check URL HEADER: one request must answer 200 with Jupyter's version JSON.
check() {
  local status
  status=$(curl -s -o "$OUT/check.json" -w '%{http_code}' --max-time 10 -H "$2" "$1")
  { [ "$status" = 200 ] && jq -e .version "$OUT/check.json" >/dev/null 2>&1; } ||
    die "GET $1 answered $status, not 200 with Jupyter's version: $(head -c 300 "$OUT/check.json")"
}
check "$PROXY_URL" "Authorization: Bearer $TOKEN"
check "$DIRECT_URL" "Authorization: token $JUPYTER_TOKEN"
check "$CHP_URL" "Authorization: token $JUPYTER_TOKEN"
log "Session $SESSION_ID: notebook $JUPYTER_VERSION on port $JUPYTER_PORT; configurable-http-proxy $CHP_VERSION on port $CHP_PORT"

# --- load -----------------------------------------------------------------------------------------

# wrk_run NAME SECONDS URL HEADER: runs wrk, keeps its output in $OUT/NAME.txt and prints
# "req/s p50_ms p99_ms requests socket_errors". Aborts on any response other than 200.
wrk_run() {
  local name=$1 seconds=$2 url=$3 header=$4 result other fields
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 10s --latency -s "$LUA" -H "$header" "$url" >"$OUT/$name.txt" 2>&1 ||
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

# One target: its URL and the header to send (the proxy's is a fresh bearer token per run).
target_url() { case $1 in proxy) echo "$PROXY_URL" ;; direct) echo "$DIRECT_URL" ;; chp) echo "$CHP_URL" ;; esac; }
target_header() {
  case $1 in
    proxy) printf 'Authorization: Bearer %s' "$(admin_token)" ;;
    *) printf 'Authorization: token %s' "$JUPYTER_TOKEN" ;;
  esac
}

TARGETS=(proxy direct chp)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
log "Proxy benchmark: $RUNS rounds of ${DURATION}s runs (wrk -t$THREADS -c$CONNECTIONS), warm-up ${WARMUP}s per target, output in $OUT"
for t in "${TARGETS[@]}"; do
  log "warm-up: $t"
  wrk_run "warmup-$t" "$WARMUP" "$(target_url "$t")" "$(target_header "$t")" >/dev/null
done

declare -A rps p50 p99 req err last
pd_ratio=() pc_ratio=()
for i in $(seq 1 "$RUNS"); do
  for t in "${TARGETS[@]}"; do
    read -r r a b n e < <(wrk_run "$t-$i" "$DURATION" "$(target_url "$t")" "$(target_header "$t")")
    rps[$t]+="$r " p50[$t]+="$a " p99[$t]+="$b " req[$t]+="$n " err[$t]+="$e "
    last[$t]=$r
  done
  pd_ratio+=("$(ratio "${last[proxy]}" "${last[direct]}")")
  pc_ratio+=("$(ratio "${last[proxy]}" "${last[chp]}")")
  log "round $i: proxy ${last[proxy]} req/s, direct ${last[direct]} req/s, chp ${last[chp]} req/s; proxy/direct ${pd_ratio[-1]}, proxy/chp ${pc_ratio[-1]}"
done

# shellcheck disable=SC2086 # the per-target lists are space-separated on purpose
med() { median $1; }
m_proxy=$(med "${rps[proxy]}") m_direct=$(med "${rps[direct]}") m_chp=$(med "${rps[chp]}")
r_pd=$(ratio "$m_proxy" "$m_direct") r_pc=$(ratio "$m_proxy" "$m_chp") r_cd=$(ratio "$m_chp" "$m_direct")
m_pd=$(median "${pd_ratio[@]}") m_pc=$(median "${pc_ratio[@]}")
l_pd=$(ratio "$(med "${p50[proxy]}")" "$(med "${p50[direct]}")") l_pc=$(ratio "$(med "${p50[proxy]}")" "$(med "${p50[chp]}")")

rows=()
for t in "${TARGETS[@]}"; do
  rows+=(
    "$t req/s|req/s|$(med "${rps[$t]}")|${rps[$t]% }"
    "$t p50|ms|$(med "${p50[$t]}")|${p50[$t]% }"
    "$t p99|ms|$(med "${p99[$t]}")|${p99[$t]% }"
    "$t requests (all 200)|n|$(med "${req[$t]}")|${req[$t]% }"
    "$t socket errors|n|$(med "${err[$t]}")|${err[$t]% }"
  )
done
rows+=("proxy/direct per round|x|$m_pd|${pd_ratio[*]}" "proxy/chp per round|x|$m_pc|${pc_ratio[*]}")

LOG_NEW=$(tail -n +"$((LOG_LINES_AT_START + 1))" "$SERVER_LOG" 2>/dev/null | grep -cE ' (ERROR|WARN) ' || true)
tail -n +"$((LOG_LINES_AT_START + 1))" "$SERVER_LOG" 2>/dev/null | grep -E ' (ERROR|WARN) ' >"$OUT/server-warnings.log" || true

printf '\n%-26s %-5s %9s   %s\n' measure unit median "runs 1..$RUNS"
for row in "${rows[@]}"; do
  IFS='|' read -r name unit m values <<<"$row"
  printf '%-26s %-5s %9s   %s\n' "$name" "$unit" "$m" "$values"
done
printf '\nreq/s, ratio of the medians: proxy/direct %s, proxy/chp %s, chp/direct %s (per-round medians %s, %s); p50 proxy/direct %s, proxy/chp %s\n' \
  "$r_pd" "$r_pc" "$r_cd" "$m_pd" "$m_pc" "$l_pd" "$l_pc"
printf 'server.log: %s new ERROR/WARN lines during the benchmark (%s)\n' "$LOG_NEW" "$OUT/server-warnings.log"

results_header
{
  printf '\n## %s — session proxy throughput (`bench/proxy.sh`)\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
  printf -- '- command: `%s` (from the repository root)\n' "$CMDLINE"
  machine_description
  printf -- '- load: `wrk -t%s -c%s -d%ss --timeout 10s --latency -s bench/wrk-status.lua -H "Authorization: ..." URL` (%s), on the same machine; warm-up %ss per target, discarded; then %s rounds proxy, direct, chp\n' \
    "$THREADS" "$CONNECTIONS" "$DURATION" "$(wrk --version 2>&1 | head -n1 | cut -d' ' -f1-2)" "$WARMUP" "$RUNS"
  printf -- '- backend: one session of a `python-notebook` project, Jupyter Notebook %s (one Tornado process); the request is `GET /s/{id}/api` (its version JSON)\n' "$JUPYTER_VERSION"
  printf -- '- proxy = `http://127.0.0.1:%s/s/{id}/api` with `Authorization: Bearer <access token>` (fresh per run): WildFly checks the token, Tessera decides access and swaps in the session secret, Undertow proxies; direct = `http://127.0.0.1:PORT/s/{id}/api` with `Authorization: token <session secret>`; chp = configurable-http-proxy %s (node %s, no authentication) on port %s in front of the same port, same header as direct\n' \
    "$TESSERA_HTTP_PORT" "$CHP_VERSION" "$(node --version)" "$CHP_PORT"
  printf -- '- platform: ports %s / %s, TESSERA_HOME=%s, database H2, start: %s; server.log: %s new ERROR/WARN lines during the benchmark\n' \
    "$TESSERA_HTTP_PORT" "$TESSERA_KEYCLOAK_PORT" "${TESSERA_HOME#"$ROOT"/}" "$START_KIND" "$LOG_NEW"
  printf -- '- every response of every run (warm-ups included) was 200 (counted by the Lua script)\n'
  printf -- '- **proxy/direct = %s**, **proxy/chp = %s** (ratios of the median req/s; chp/direct %s); medians of the per-round ratios %s and %s; p50 latency proxy/direct %s, proxy/chp %s\n' \
    "$r_pd" "$r_pc" "$r_cd" "$m_pd" "$m_pc" "$l_pd" "$l_pc"
  markdown_table "${rows[@]}"
} >>"$RESULTS"
log "Appended to $RESULTS"

if [ "$STARTED" = 1 ] && [ "$KEEP_UP" = 1 ]; then
  log "KEEP_UP=1: the platform stays up (TESSERA_HOME=$TESSERA_HOME ./tessera down stops it)."
fi
