#!/usr/bin/env bash
# Deployment proxy benchmark: requests/s and latency of GET /apps/{name}/ (a Flask app served by
# gunicorn) through Tessera's deployment proxy with a deployment token, against the same gunicorn
# directly, and against JupyterHub's configurable-http-proxy (node-http-proxy, no authentication)
# in front of it.
#
#   bench/deploy-proxy.sh            5 rounds proxy, direct, chp of 10 s runs, 2 threads, 16 connections
#   RUNS=7 DURATION=10 WARMUP=10 THREADS=2 CONNECTIONS=16 bench/deploy-proxy.sh
#   KEEP_UP=1 bench/deploy-proxy.sh  leave the platform running afterwards (if this script started it)
#   CHP_PORT=18093 CHP_API_PORT=18094 BENCH_HTTP_PORT=18080 BENCH_KEYCLOAK_PORT=18180 BENCH_HOME=...
#
# Starts the platform (warm when BENCH_HOME already holds one), uploads a project whose command is
# the flask-api template's app.py under gunicorn (2 workers), deploys it, generates a deployment
# token, finds the app's port in the workload's state, starts configurable-http-proxy in front of
# that port, warms all three up (WARMUP s each, discarded), then runs proxy, direct, chp ... RUNS
# times. Any response other than 200 aborts. Prints a table and appends a dated section to
# bench/RESULTS.md. The deployment and the project are removed at the end.

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
CHP_PORT=${CHP_PORT:-18093}
CHP_API_PORT=${CHP_API_PORT:-18094}
for var in RUNS DURATION WARMUP THREADS CONNECTIONS CHP_PORT CHP_API_PORT; do
  [[ ${!var} =~ ^[1-9][0-9]*$ ]] || die "$var must be a positive integer, not '${!var}'."
done
CMDLINE="RUNS=$RUNS DURATION=$DURATION WARMUP=$WARMUP THREADS=$THREADS CONNECTIONS=$CONNECTIONS bench/deploy-proxy.sh"

[ -x "${JAVA_HOME:-}/bin/java" ] || die "set JAVA_HOME to a JDK 21+ (e.g. /usr/lib/jvm/temurin-25-jdk-amd64)."
command -v wrk >/dev/null || ensure_packages wrk
command -v jq >/dev/null || ensure_packages jq
command -v curl >/dev/null || ensure_packages curl
command -v npm >/dev/null || ensure_packages npm
command -v zip >/dev/null || ensure_packages zip
# gunicorn and Flask of Debian's Python, whatever python3 comes first on PATH.
/usr/bin/python3 -c 'import gunicorn, flask' 2>/dev/null || ensure_packages gunicorn python3-flask
ensure_built

BASE=http://127.0.0.1:$TESSERA_HTTP_PORT
LUA=$BENCH_DIR/wrk-status.lua
CHP=$BENCH_DIR/target/node_modules/.bin/configurable-http-proxy

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$BENCH_DIR/target/deploy-proxy-$STAMP
mkdir -p "$OUT"

STARTED=0 CHP_PID='' DEPLOYMENT_ID='' PROJECT_ID=''
cleanup() {
  local rc=$? token
  [ -z "$CHP_PID" ] || kill "$CHP_PID" 2>/dev/null || true
  if [ -n "$PROJECT_ID" ] && token=$(admin_token 2>/dev/null); then
    [ -z "$DEPLOYMENT_ID" ] || curl -s -o /dev/null --max-time 60 -X DELETE -H "Authorization: Bearer $token" "$BASE/api/v1/deployments/$DEPLOYMENT_ID" || true
    curl -s -o /dev/null --max-time 60 -X DELETE -H "Authorization: Bearer $token" "$BASE/api/v1/projects/$PROJECT_ID" || true
  fi
  if [ "$STARTED" = 1 ] && { [ $rc -ne 0 ] || [ "$KEEP_UP" != 1 ]; }; then
    tessera down >/dev/null 2>&1 || true
  fi
  [ $rc -eq 0 ] || log "deployment proxy benchmark failed (exit $rc)$([ "$STARTED" = 1 ] && echo '; the platform is stopped'). Output: $OUT"
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
GUNICORN_VERSION=$(/usr/bin/python3 -m gunicorn --version 2>/dev/null | awk '{ gsub(/[()]/, ""); print $NF }' || echo unknown)

# --- a deployment to measure ------------------------------------------------------------------------

read_admin_credentials
TOKEN=$(admin_token)
NAME=bench-api-$(date +%s)
mkdir -p "$OUT/project"
cp "$ROOT/ejb/src/main/resources/project-templates/flask-api/app.py" "$OUT/project/"
cat >"$OUT/project/anaconda-project.yml" <<YAML
name: $NAME
commands:
  default:
    unix: /usr/bin/python3 -m gunicorn --workers 2 --bind 127.0.0.1:\$PORT app:app
YAML
(cd "$OUT/project" && zip -q -r "$OUT/project.zip" .)
PROJECT_ID=$(curl -sS --fail-with-body --max-time 120 -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/octet-stream' \
  --data-binary "@$OUT/project.zip" "$BASE/api/v1/projects/upload?name=$NAME&filename=project.zip" | jq -r .id) || die "the project upload failed"
log "Deploying project $PROJECT_ID as $NAME ..."
DEPLOYMENT=$(api POST "/projects/$PROJECT_ID/deployments" "$TOKEN" "{\"name\": \"$NAME\"}")
DEPLOYMENT_ID=$(jq -r .id <<<"$DEPLOYMENT")
VERSION_ID=$(jq -r '.versions[0].id' <<<"$DEPLOYMENT")
deadline=$(($(date +%s) + 180))
while :; do
  status=$(api GET "/deployments/$DEPLOYMENT_ID" "$TOKEN" | jq -r .status)
  [ "$status" = running ] && break
  [ "$status" = failed ] && die "the deployment failed: $(api GET "/deployments/$DEPLOYMENT_ID/logs" "$TOKEN")"
  [ "$(date +%s)" -lt "$deadline" ] || die "the deployment is still $status after 180 s"
  sleep 0.5
done
APP_TOKEN=$(api POST "/deployments/$DEPLOYMENT_ID/tokens" "$TOKEN" '{"expiresInDays": 1}' | jq -r .token)
APP_PORT=$(sed -n 's/^port=//p' "$TESSERA_HOME/data/workloads/app-$VERSION_ID/workload.properties")
[ -n "$APP_PORT" ] || die "could not read the port of deployment $DEPLOYMENT_ID from its workload state."

PROXY_URL=$BASE/apps/$NAME/
DIRECT_URL=http://127.0.0.1:$APP_PORT/apps/$NAME/
CHP_URL=http://127.0.0.1:$CHP_PORT/apps/$NAME/

"$CHP" --ip 127.0.0.1 --port "$CHP_PORT" --api-port "$CHP_API_PORT" --default-target "http://127.0.0.1:$APP_PORT" \
  --log-level warn >"$OUT/chp.log" 2>&1 &
CHP_PID=$!
for _ in $(seq 1 100); do port_busy "$CHP_PORT" && break; sleep 0.1; done

check() {
  local status
  status=$(curl -s -o "$OUT/check.json" -w '%{http_code}' --max-time 10 -H "$2" "$1")
  { [ "$status" = 200 ] && jq -e .message "$OUT/check.json" >/dev/null 2>&1; } ||
    die "GET $1 answered $status, not 200 with the app's JSON: $(head -c 300 "$OUT/check.json")"
}
PROXY_HEADER="Authorization: Bearer $APP_TOKEN"
PLAIN_HEADER="Accept: application/json"
check "$PROXY_URL" "$PROXY_HEADER"
check "$DIRECT_URL" "$PLAIN_HEADER"
check "$CHP_URL" "$PLAIN_HEADER"
log "Deployment $NAME: gunicorn $GUNICORN_VERSION (2 workers) on port $APP_PORT; configurable-http-proxy $CHP_VERSION on port $CHP_PORT"

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

target_url() { case $1 in proxy) echo "$PROXY_URL" ;; direct) echo "$DIRECT_URL" ;; chp) echo "$CHP_URL" ;; esac; }
target_header() { case $1 in proxy) echo "$PROXY_HEADER" ;; *) echo "$PLAIN_HEADER" ;; esac; }

TARGETS=(proxy direct chp)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a - b }'; }
log "Deployment proxy benchmark: $RUNS rounds of ${DURATION}s runs (wrk -t$THREADS -c$CONNECTIONS), warm-up ${WARMUP}s per target, output in $OUT"
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
added_p99_direct=$(minus "$(med "${p99[proxy]}")" "$(med "${p99[direct]}")")
added_p99_chp=$(minus "$(med "${p99[chp]}")" "$(med "${p99[direct]}")")

rows=()
for t in "${TARGETS[@]}"; do
  rows+=(
    "$t req/s|req/s|$(med "${rps[$t]}")|${rps[$t]% }"
    "$t p50|ms|$(med "${p50[$t]}")|${p50[$t]% }"
    "$t p99|ms|$(med "${p99[$t]}")|${p99[$t]% }"
    "$t requests (all 200)|n|$(med "${req[$t]}")|${req[$t]% }"
  )
done
rows+=("proxy/direct per round|x|$m_pd|${pd_ratio[*]}" "proxy/chp per round|x|$m_pc|${pc_ratio[*]}")

LOG_NEW=$(tail -n +"$((LOG_LINES_AT_START + 1))" "$SERVER_LOG" 2>/dev/null | grep -cE ' (ERROR|WARN) ' || true)

printf '\n%-26s %-5s %9s   %s\n' measure unit median "runs 1..$RUNS"
for row in "${rows[@]}"; do
  IFS='|' read -r name unit m values <<<"$row"
  printf '%-26s %-5s %9s   %s\n' "$name" "$unit" "$m" "$values"
done
printf '\nreq/s, ratio of the medians: proxy/direct %s, proxy/chp %s, chp/direct %s (per-round medians %s, %s); p99 added over direct: proxy %s ms, chp %s ms\n' \
  "$r_pd" "$r_pc" "$r_cd" "$m_pd" "$m_pc" "$added_p99_direct" "$added_p99_chp"

results_header
{
  printf '\n## %s — deployment proxy throughput (`bench/deploy-proxy.sh`)\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
  printf -- '- command: `%s` (from the repository root)\n' "$CMDLINE"
  machine_description
  printf -- '- load: `wrk -t%s -c%s -d%ss --timeout 10s --latency -s bench/wrk-status.lua -H ... URL`, on the same machine; warm-up %ss per target, discarded; then %s rounds proxy, direct, chp\n' \
    "$THREADS" "$CONNECTIONS" "$DURATION" "$WARMUP" "$RUNS"
  printf -- '- backend: the flask-api template'"'"'s app.py under gunicorn %s (2 sync workers), deployed by Tessera; the request is `GET /apps/{name}/` (a small JSON)\n' "$GUNICORN_VERSION"
  printf -- '- proxy = `http://127.0.0.1:%s/apps/{name}/` with `Authorization: Bearer <deployment token>`: the token is moved aside before WildFly'"'"'s security, checked (hash, expiry, revocation; kept 10 s), a version chosen by the split, Undertow proxies; direct = gunicorn'"'"'s port; chp = configurable-http-proxy %s (no authentication) in front of the same port\n' \
    "$TESSERA_HTTP_PORT" "$CHP_VERSION"
  printf -- '- platform: TESSERA_HOME=%s, database H2, start: %s; server.log: %s new ERROR/WARN lines\n' "${TESSERA_HOME#"$ROOT"/}" "$START_KIND" "$LOG_NEW"
  printf -- '- **proxy/direct = %s**, **proxy/chp = %s** (ratios of the median req/s; chp/direct %s); per-round medians %s and %s; **p99 added over direct: proxy %s ms, chp %s ms**\n' \
    "$r_pd" "$r_pc" "$r_cd" "$m_pd" "$m_pc" "$added_p99_direct" "$added_p99_chp"
  markdown_table "${rows[@]}"
} >>"$RESULTS"
log "Appended to $RESULTS"
