#!/usr/bin/env bash
# Many deployments on one machine: COUNT deployments of the flask-api template created at once,
# the time from "deploy" to "running" of each (its distribution), and the memory each one holds
# (resident set of its process tree), against the same app started COUNT times by hand
# (`python app.py` on a free port, timed until the port answers) in the same run.
#
#   bench/deploy-many.sh             50 deployments, then 50 hand-started apps
#   COUNT=20 bench/deploy-many.sh
#   KEEP_UP=1 bench/deploy-many.sh   leave the platform running afterwards (if this script started it)
#
# Appends a dated section to bench/RESULTS.md. Every deployment and the project are removed at the
# end, and every hand-started app is stopped.

# shellcheck disable=SC2016 # backticks in single quotes are Markdown, not command substitution
set -euo pipefail

# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

COUNT=${COUNT:-50}
KEEP_UP=${KEEP_UP:-0}
if ! [[ $COUNT =~ ^[1-9][0-9]*$ ]] || [ "$COUNT" -gt 200 ]; then die "COUNT must be from 1 to 200, not '$COUNT'."; fi
CMDLINE="COUNT=$COUNT bench/deploy-many.sh"
[ -x "${JAVA_HOME:-}/bin/java" ] || die "set JAVA_HOME to a JDK 21+ (e.g. /usr/lib/jvm/temurin-25-jdk-amd64)."
command -v jq >/dev/null || ensure_packages jq
command -v curl >/dev/null || ensure_packages curl
python3 -c 'import flask' 2>/dev/null || ensure_packages python3-flask
ensure_built

BASE=http://127.0.0.1:$TESSERA_HTTP_PORT
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$BENCH_DIR/target/deploy-many-$STAMP
mkdir -p "$OUT"

STARTED=0 PROJECT_ID='' IDS=() PIDS=()
cleanup() {
  local rc=$? token id pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -n "$PROJECT_ID" ] && token=$(admin_token 2>/dev/null); then
    for id in "${IDS[@]}"; do
      curl -s -o /dev/null --max-time 60 -X DELETE -H "Authorization: Bearer $token" "$BASE/api/v1/deployments/$id" || true
    done
    curl -s -o /dev/null --max-time 60 -X DELETE -H "Authorization: Bearer $token" "$BASE/api/v1/projects/$PROJECT_ID" || true
  fi
  if [ "$STARTED" = 1 ] && { [ $rc -ne 0 ] || [ "$KEEP_UP" != 1 ]; }; then
    tessera down >/dev/null 2>&1 || true
  fi
  [ $rc -eq 0 ] || log "deploy-many benchmark failed (exit $rc). Output: $OUT"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_platform

read_admin_credentials
TOKEN=$(admin_token)
PROJECT_ID=$(api POST /projects "$TOKEN" "{\"name\": \"bench-many-$(date +%s)\", \"template\": \"flask-api\"}" | jq -r .id)

# rss_kib PID: resident memory of a process and its children, in KiB.
rss_kib() {
  local pids
  # shellcheck disable=SC2046 # one pid per word
  pids=$(printf '%s,' "$1" $(pgrep -P "$1" || true))
  ps -o rss= -p "${pids%,}" | awk '{ s += $1 } END { print s + 0 }'
}

log "Creating $COUNT deployments at once ..."
declare -A created_at=()
for i in $(seq 1 "$COUNT"); do
  started=$(now)
  IDS+=("$(api POST "/projects/$PROJECT_ID/deployments" "$TOKEN" "{\"name\": \"bench-many-${STAMP,,}-$i\"}" | jq -r .id)")
  created_at[${IDS[-1]}]=$started
done
deadline=$(($(date +%s) + 600))
declare -A ready_after=()
while [ ${#ready_after[@]} -lt "$COUNT" ]; do
  [ "$(date +%s)" -lt "$deadline" ] || die "only ${#ready_after[@]} of $COUNT deployments ran after 600 s"
  TOKEN=$(admin_token)
  for id in "${IDS[@]}"; do
    [ -z "${ready_after[$id]:-}" ] || continue
    status=$(api GET "/deployments/$id" "$TOKEN" | jq -r .status)
    case $status in
      running) ready_after[$id]=$(elapsed "${created_at[$id]}" "$(now)") ;;
      failed) die "deployment $id failed: $(api GET "/deployments/$id/logs" "$TOKEN" | head -c 500)" ;;
    esac
  done
  sleep 0.5
done
deploy_rss=()
for id in "${IDS[@]}"; do
  version=$(api GET "/deployments/$id" "$TOKEN" | jq -r '.versions[0].id')
  pid=$(sed -n 's/^pid=//p' "$TESSERA_HOME/data/workloads/app-$version/workload.properties")
  deploy_rss+=("$(rss_kib "$pid")")
done
deploy_times=("${ready_after[@]}")

log "Starting the same app $COUNT times by hand ..."
APP_DIR=$ROOT/ejb/src/main/resources/project-templates/flask-api
hand_times=() hand_rss=()
ports=()
# Free ports only: deployments and other programs may hold some of this range.
candidate=62000
for i in $(seq 1 "$COUNT"); do
  candidate=$((candidate + 1))
  while port_busy "$candidate"; do candidate=$((candidate + 1)); done
  ports+=("$candidate")
done
declare -A hand_started=()
for i in $(seq 1 "$COUNT"); do
  hand_started[$i]=$(now)
  (cd "$APP_DIR" && HOST=127.0.0.1 PORT=${ports[$((i - 1))]} URL_PREFIX=/apps/x exec python app.py >"$OUT/hand-$i.log" 2>&1) &
  PIDS+=($!)
done
for i in $(seq 1 "$COUNT"); do
  until port_busy "${ports[$((i - 1))]}"; do sleep 0.05; done
  hand_times+=("$(elapsed "${hand_started[$i]}" "$(now)")")
done
for pid in "${PIDS[@]}"; do hand_rss+=("$(rss_kib "$pid")"); done

pct() { printf '%s\n' "${@:2}" | sort -n | awk -v p="$1" '{ v[NR] = $1 } END { i = int((NR - 1) * p + 0.5) + 1; print v[i] }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
d50=$(pct 0.5 "${deploy_times[@]}") d90=$(pct 0.9 "${deploy_times[@]}") dmax=$(pct 1 "${deploy_times[@]}") dmin=$(pct 0 "${deploy_times[@]}")
h50=$(pct 0.5 "${hand_times[@]}") h90=$(pct 0.9 "${hand_times[@]}") hmax=$(pct 1 "${hand_times[@]}")
dmem=$(mib "$(pct 0.5 "${deploy_rss[@]}")") hmem=$(mib "$(pct 0.5 "${hand_rss[@]}")")
ratio=$(awk -v a="$d50" -v b="$h50" 'BEGIN { printf "%.2f", a / b }')
printf '\n%s deployments: start to running min %s s, median %s s, p90 %s s, max %s s; median memory %s MiB each\n' "$COUNT" "$dmin" "$d50" "$d90" "$dmax" "$dmem"
printf '%s hand-started apps: start to listening median %s s, p90 %s s, max %s s; median memory %s MiB each\n' "$COUNT" "$h50" "$h90" "$hmax" "$hmem"
printf 'median start, deployment / by hand: %s\n' "$ratio"

results_header
{
  printf '\n## %s — %s deployments at once (`bench/deploy-many.sh`)\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$COUNT"
  printf -- '- command: `%s` (from the repository root)\n' "$CMDLINE"
  machine_description
  printf -- '- platform start: %s; the deployments are `POST /api/v1/projects/{id}/deployments` of one flask-api project, one after the other without waiting, then polled every 0.5 s; "by hand" starts `python app.py` %s times at once in the template directory and waits for each port\n' "$START_KIND" "$COUNT"
  printf -- '- deployment, create to running: min %s s, **median %s s**, p90 %s s, max %s s; by hand, start to listening: **median %s s**, p90 %s s, max %s s; **median ratio %s**\n' "$dmin" "$d50" "$d90" "$dmax" "$h50" "$h90" "$hmax" "$ratio"
  printf -- '- resident memory per app (process tree, median): **deployment %s MiB**, by hand %s MiB (the platform itself adds nothing per deployment beyond its rows)\n' "$dmem" "$hmem"
} >>"$RESULTS"
log "Appended to $RESULTS"
