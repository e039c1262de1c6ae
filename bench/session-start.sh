#!/usr/bin/env bash
# Session start benchmark: the time from POST /api/v1/projects/{id}/sessions to the first reply of
# a kernel through Tessera's proxy (poll the session until it runs, create a kernel, execute 1+1
# over the kernel's websocket, wait for the reply) against doing the same by hand on the same
# machine: clone the project into a fresh directory, start the same jupyter-notebook there, wait
# until its port is open, and do the same kernel round trip directly with its token.
#
#   bench/session-start.sh           1 warm-up pair (discarded), then 5 pairs tessera/direct
#   RUNS=7 WARMUP_RUNS=1 POLL=0.2 bench/session-start.sh
#   KEEP_UP=1 bench/session-start.sh leave the platform running afterwards (if this script started it)
#   DIRECT_PORT=18093 BENCH_HTTP_PORT=18080 BENCH_KEYCLOAK_PORT=18180 BENCH_HOME=...
#
# The kernel round trip is bench/kernel-roundtrip.py (Debian's python3-websocket). Both sides poll
# every POLL seconds (Tessera: GET /api/v1/sessions/{id} until running, which Tessera decides by
# connecting to the notebook's port; direct: a connection to the port). The order within a pair
# alternates. Each session is stopped (DELETE) and each direct notebook killed before the next
# start. Prints a table and appends a dated section to bench/RESULTS.md; the project is removed at
# the end and the platform left as found.

# shellcheck disable=SC2016 # backticks in single quotes are Markdown, not command substitution
set -euo pipefail

# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS=${RUNS:-5}
WARMUP_RUNS=${WARMUP_RUNS:-1}
POLL=${POLL:-0.2}
KEEP_UP=${KEEP_UP:-0}
DIRECT_PORT=${DIRECT_PORT:-18093}
START_TIMEOUT=${START_TIMEOUT:-180}
for var in RUNS DIRECT_PORT START_TIMEOUT; do
  [[ ${!var} =~ ^[1-9][0-9]*$ ]] || die "$var must be a positive integer, not '${!var}'."
done
[[ $WARMUP_RUNS =~ ^[0-9]+$ ]] || die "WARMUP_RUNS must be a number, not '$WARMUP_RUNS'."
[[ $POLL =~ ^[0-9]*\.?[0-9]+$ ]] || die "POLL must be a number of seconds, not '$POLL'."
CMDLINE="RUNS=$RUNS WARMUP_RUNS=$WARMUP_RUNS POLL=$POLL bench/session-start.sh"

[ -x "${JAVA_HOME:-}/bin/java" ] || die "set JAVA_HOME to a JDK 21+ (e.g. /usr/lib/jvm/temurin-25-jdk-amd64)."
command -v jq >/dev/null || ensure_packages jq
command -v curl >/dev/null || ensure_packages curl
command -v git >/dev/null || ensure_packages git
[ -x /usr/bin/jupyter-notebook ] || ensure_packages jupyter-notebook
/usr/bin/python3 -c 'import websocket' 2>/dev/null || ensure_packages python3-websocket
ensure_built

BASE=http://127.0.0.1:$TESSERA_HTTP_PORT
ROUNDTRIP=$BENCH_DIR/kernel-roundtrip.py
export TIMEOUT=$START_TIMEOUT # kernel-roundtrip.py's limit

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$BENCH_DIR/target/session-start-$STAMP
mkdir -p "$OUT"

# --- platform: leave it as found; remove what this script created ---------------------------------

STARTED=0 PROJECT_ID='' SESSION_ID='' DIRECT_PID=''
stop_direct() {
  [ -n "$DIRECT_PID" ] || return 0
  kill -TERM -- "-$DIRECT_PID" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$DIRECT_PID" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$DIRECT_PID" 2>/dev/null || true
  DIRECT_PID=''
}
cleanup() {
  local rc=$? token
  stop_direct
  if [ -n "$PROJECT_ID" ] && token=$(admin_token 2>/dev/null); then
    [ -z "$SESSION_ID" ] || curl -s -o /dev/null --max-time 60 -X DELETE -H "Authorization: Bearer $token" "$BASE/api/v1/sessions/$SESSION_ID" || true
    curl -s -o /dev/null --max-time 60 -X DELETE -H "Authorization: Bearer $token" "$BASE/api/v1/projects/$PROJECT_ID" || true
  fi
  if [ "$STARTED" = 1 ] && { [ $rc -ne 0 ] || [ "$KEEP_UP" != 1 ]; }; then
    tessera down >/dev/null 2>&1 || true
  fi
  [ $rc -eq 0 ] || log "session start benchmark failed (exit $rc)$([ "$STARTED" = 1 ] && echo '; the platform is stopped'). Output: $OUT"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

! port_busy "$DIRECT_PORT" || die "port $DIRECT_PORT (DIRECT_PORT) is in use."
start_platform
SERVER_LOG=$TESSERA_HOME/logs/app/server.log
LOG_LINES_AT_START=$(wc -l <"$SERVER_LOG" 2>/dev/null || echo 0)

read_admin_credentials
TOKEN=$(admin_token)
PROJECT_ID=$(api POST /projects "$TOKEN" "{\"name\": \"bench-start-$STAMP\", \"template\": \"python-notebook\"}" | jq -r .id)
REPOSITORY=$TESSERA_HOME/data/git/$PROJECT_ID.git
[ -d "$REPOSITORY" ] || die "the project's repository is not at $REPOSITORY"
JUPYTER_VERSION=$(/usr/bin/jupyter-notebook --version 2>/dev/null || echo unknown)

# --- one start each way ---------------------------------------------------------------------------

# Each sets RESULT to "total running roundtrip create connect execute" (seconds); total ends at the
# reply (kernel-roundtrip.py's end=), not when the helper has deleted the kernel and exited. Not run
# in a subshell, so that a failure leaves SESSION_ID / DIRECT_PID to the clean-up.
run_tessera() { # NAME
  local token t0 t1 rt port
  token=$(admin_token)
  t0=$(now)
  SESSION_ID=$(api POST "/projects/$PROJECT_ID/sessions" "$token" '{}' | jq -r .id)
  wait_session_running "$SESSION_ID" "$token" "$START_TIMEOUT" "$POLL"
  t1=$(now)
  rt=$(/usr/bin/python3 "$ROUNDTRIP" "$BASE/s/$SESSION_ID/" "Bearer $token" 2>>"$OUT/$1.err") ||
    die "$1: the kernel round trip through the proxy failed: $(cat "$OUT/$1.err")"
  port=$(editor_arg "$SESSION_ID" port)
  api GET "/sessions/$SESSION_ID/logs?lines=200" "$token" >"$OUT/$1-session.log" 2>&1 || true
  api DELETE "/sessions/$SESSION_ID" "$token" >/dev/null
  for _ in $(seq 1 300); do { [ -n "$port" ] && port_busy "$port"; } || break; sleep 0.1; done
  SESSION_ID=''
  RESULT="$(elapsed3 "$t0" "${rt##*end=}") $(elapsed3 "$t0" "$t1") $(roundtrip_fields "${rt% end=*}")"
}

run_direct() { # NAME
  local dir=$OUT/$1 t0 t1 rt deadline secret
  secret=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
  mkdir -p "$dir/home"
  t0=$(now)
  git clone -q "file://$REPOSITORY" "$dir/work" 2>>"$dir/out.log" || die "$1: git clone of $REPOSITORY failed"
  # As Tessera's local runtime does: its own process session, a fresh HOME, a minimal environment.
  (cd "$dir/work" && exec env -i PATH="$PATH" LANG="${LANG:-C.UTF-8}" HOME="$dir/home" setsid /usr/bin/jupyter-notebook --no-browser \
    --ip=127.0.0.1 --port="$DIRECT_PORT" --NotebookApp.token="$secret" --NotebookApp.base_url=/x/ --allow-root >>"$dir/out.log" 2>&1) &
  DIRECT_PID=$!
  deadline=$(($(date +%s) + START_TIMEOUT))
  until port_busy "$DIRECT_PORT"; do
    kill -0 "$DIRECT_PID" 2>/dev/null || die "$1: jupyter-notebook exited: $(tail -n 5 "$dir/out.log")"
    [ "$(date +%s)" -lt "$deadline" ] || die "$1: jupyter-notebook does not listen after $START_TIMEOUT s"
    sleep "$POLL"
  done
  t1=$(now)
  rt=$(/usr/bin/python3 "$ROUNDTRIP" "http://127.0.0.1:$DIRECT_PORT/x/" "token $secret" 2>>"$OUT/$1.err") ||
    die "$1: the direct kernel round trip failed: $(cat "$OUT/$1.err")"
  stop_direct
  for _ in $(seq 1 300); do port_busy "$DIRECT_PORT" || break; sleep 0.1; done
  RESULT="$(elapsed3 "$t0" "${rt##*end=}") $(elapsed3 "$t0" "$t1") $(roundtrip_fields "${rt% end=*}")"
}

elapsed3() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
# "1.234 create=0.1 connect=0.2 execute=0.3" -> "1.234 0.1 0.2 0.3"
roundtrip_fields() { sed -E 's/ [a-z]+=/ /g' <<<"$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

log "Session start benchmark: $WARMUP_RUNS warm-up pair(s), then $RUNS pairs tessera/direct; output in $OUT"
for i in $(seq 1 "$WARMUP_RUNS"); do
  run_tessera "warmup-tessera-$i"
  t=${RESULT%% *}
  run_direct "warmup-direct-$i"
  log "warm-up $i: tessera $t s, direct ${RESULT%% *} s"
done

declare -A col
KINDS=(total running roundtrip create connect execute)
pair_ratio=()
for i in $(seq 1 "$RUNS"); do
  # The order within a pair alternates, so that neither side always follows the other.
  if [ $((i % 2)) = 1 ]; then
    run_tessera "tessera-$i" && t=$RESULT
    run_direct "direct-$i" && d=$RESULT
  else
    run_direct "direct-$i" && d=$RESULT
    run_tessera "tessera-$i" && t=$RESULT
  fi
  read -r -a tv <<<"$t"
  read -r -a dv <<<"$d"
  { [ ${#tv[@]} = 6 ] && [ ${#dv[@]} = 6 ]; } || die "run $i: unexpected measurements '$t' / '$d'"
  for k in "${!KINDS[@]}"; do
    col[tessera-${KINDS[$k]}]+="${tv[$k]} " col[direct-${KINDS[$k]}]+="${dv[$k]} "
  done
  pair_ratio+=("$(ratio "${tv[0]}" "${dv[0]}")")
  log "pair $i: tessera ${tv[0]} s (running after ${tv[1]} s, round trip ${tv[2]} s), direct ${dv[0]} s (listening after ${dv[1]} s, round trip ${dv[2]} s); tessera/direct ${pair_ratio[-1]}"
done

# shellcheck disable=SC2086 # the lists are space-separated on purpose
med() { median $1; }
labels=(
  "total: POST (or clone) to first kernel reply"
  "until running / listening"
  "kernel round trip"
  "round trip: create kernel (POST api/kernels)"
  "round trip: open websocket (waits for the kernel)"
  "round trip: execute 1+1"
)
rows=()
for side in tessera direct; do
  for k in "${!KINDS[@]}"; do
    rows+=("$side ${labels[$k]}|s|$(med "${col[$side-${KINDS[$k]}]}")|${col[$side-${KINDS[$k]}]% }")
  done
done
m_total_t=$(med "${col[tessera-total]}") m_total_d=$(med "${col[direct-total]}")
r_total=$(ratio "$m_total_t" "$m_total_d")
r_running=$(ratio "$(med "${col[tessera-running]}")" "$(med "${col[direct-running]}")")
r_roundtrip=$(ratio "$(med "${col[tessera-roundtrip]}")" "$(med "${col[direct-roundtrip]}")")
m_pair=$(median "${pair_ratio[@]}")
rows+=("tessera/direct total per pair|x|$m_pair|${pair_ratio[*]}")

LOG_NEW=$(tail -n +"$((LOG_LINES_AT_START + 1))" "$SERVER_LOG" 2>/dev/null | grep -cE ' (ERROR|WARN) ' || true)
tail -n +"$((LOG_LINES_AT_START + 1))" "$SERVER_LOG" 2>/dev/null | grep -E ' (ERROR|WARN) ' >"$OUT/server-warnings.log" || true

printf '\n%-58s %-4s %8s   %s\n' measure unit median "runs 1..$RUNS"
for row in "${rows[@]}"; do
  IFS='|' read -r name unit m values <<<"$row"
  printf '%-58s %-4s %8s   %s\n' "$name" "$unit" "$m" "$values"
done
printf '\ntessera/direct (ratios of the medians): total %s, until running %s, kernel round trip %s (median of the per-pair total ratios %s)\n' \
  "$r_total" "$r_running" "$r_roundtrip" "$m_pair"
printf 'server.log: %s new ERROR/WARN lines during the benchmark (%s)\n' "$LOG_NEW" "$OUT/server-warnings.log"

results_header
{
  printf '\n## %s — session start to first kernel reply (`bench/session-start.sh`)\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
  printf -- '- command: `%s` (from the repository root)\n' "$CMDLINE"
  machine_description
  printf -- '- tessera = `POST /api/v1/projects/{id}/sessions {}` (python-notebook project, default profile, local runtime: JGit checkout, `setsid prlimit jupyter-notebook`), `GET /api/v1/sessions/{id}` every %s s until running, then `bench/kernel-roundtrip.py` through `/s/{id}/` with the bearer token: create a kernel, open its websocket, execute `1+1`, wait for the execute_reply; the session is stopped before the next start\n' "$POLL"
  printf -- '- direct = `git clone file://` of the same project into a fresh directory, `/usr/bin/jupyter-notebook --no-browser --ip=127.0.0.1 --port=%s --NotebookApp.token=T --NotebookApp.base_url=/x/ --allow-root` there (setsid, fresh HOME), a connection to the port every %s s until it is open, then the same round trip with `Authorization: token T`; killed before the next start\n' "$DIRECT_PORT" "$POLL"
  printf -- '- Jupyter Notebook %s, python3-websocket %s; %s warm-up pair(s) discarded; the order within a pair alternates; platform: ports %s / %s, TESSERA_HOME=%s, database H2, start: %s; server.log: %s new ERROR/WARN lines during the benchmark\n' \
    "$JUPYTER_VERSION" "$(/usr/bin/python3 -c 'import websocket; print(websocket.__version__)')" "$WARMUP_RUNS" \
    "$TESSERA_HTTP_PORT" "$TESSERA_KEYCLOAK_PORT" "${TESSERA_HOME#"$ROOT"/}" "$START_KIND" "$LOG_NEW"
  printf -- '- **tessera/direct = %s** (ratio of the median totals; median of the per-pair ratios %s); until running %s, kernel round trip %s\n' \
    "$r_total" "$m_pair" "$r_running" "$r_roundtrip"
  markdown_table "${rows[@]}"
} >>"$RESULTS"
log "Appended to $RESULTS"

if [ "$STARTED" = 1 ] && [ "$KEEP_UP" = 1 ]; then
  log "KEEP_UP=1: the platform stays up (TESSERA_HOME=$TESSERA_HOME ./tessera down stops it)."
fi
