#!/usr/bin/env bash
# Startup benchmark: cold and warm `./tessera up` time and the idle RSS of WildFly and Keycloak.
#
#   bench/startup.sh                 3 cold and 3 warm runs
#   RUNS=5 bench/startup.sh          more runs (medians get steadier)
#   IDLE_SECONDS=20                  how long the platform idles before its RSS is read
#   BENCH_HTTP_PORT=18080 BENCH_KEYCLOAK_PORT=18180 BENCH_HOME=bench/target/tessera-home
#
# cold: a fresh TESSERA_HOME per run: WildFly and Keycloak unpacked from the local Maven repository
#       (no downloads: the distributions are already there), Keycloak's build step, realm import,
#       WildFly configured and the EAR deployed. Timed until `up` returns, i.e. both are healthy.
# warm: the same TESSERA_HOME: `down`, then `up` timed.
# RSS:  after each warm up, IDLE_SECONDS of idling, then VmRSS of each component's java process.
# Prints a table and appends a dated section to bench/RESULTS.md. Stops the platform at the end.

# shellcheck disable=SC2016 # backticks in single quotes are Markdown, not command substitution
set -euo pipefail

# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS=${RUNS:-3}
IDLE_SECONDS=${IDLE_SECONDS:-20}
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer, not '$RUNS'."
[[ $IDLE_SECONDS =~ ^[0-9]+$ ]] || die "IDLE_SECONDS must be a whole number of seconds, not '$IDLE_SECONDS'."
CMDLINE="RUNS=$RUNS IDLE_SECONDS=$IDLE_SECONDS bench/startup.sh"

[ -x "${JAVA_HOME:-}/bin/java" ] || die "set JAVA_HOME to a JDK 21+ (e.g. /usr/lib/jvm/temurin-25-jdk-amd64)."
command -v curl >/dev/null || ensure_packages curl
ensure_built

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$BENCH_DIR/target/startup-$STAMP
mkdir -p "$OUT"

# Whatever happens, nothing of ours keeps running: the last warm run ends with `down` anyway.
cleanup() {
  local rc=$?
  tessera down >/dev/null 2>&1 || true
  [ $rc -eq 0 ] || log "startup benchmark failed (exit $rc); the platform is stopped. Logs: $OUT"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Start from a stopped platform (api.sh with KEEP_UP=1 may have left ours running).
tessera down >/dev/null
check_ports_free

# Runs `./tessera up`, with a timestamp on each line of its output, and prints
# "total keycloak_part wildfly_part" in seconds. The Keycloak part ends at the first line about
# WildFly (provisioning or starting it); the WildFly part is the rest until `up` returns.
timed_up() {
  local log=$1 t0 t1 twf
  t0=$(now)
  tessera up 2>&1 | while IFS= read -r line; do printf '%s %s\n' "$(now)" "$line"; done >"$log" ||
    die "./tessera up failed; its output: $log"
  sed -i 's/\(password: *\).*/\1<redacted>/' "$log"
  t1=$(now)
  twf=$(awk '/WildFly/ { print $1; exit }' "$log")
  [ -n "$twf" ] || twf=$t1
  printf '%s %s %s\n' "$(elapsed "$t0" "$t1")" "$(elapsed "$t0" "$twf")" "$(elapsed "$twf" "$t1")"
}

# Sum of VmRSS (MiB) of the java processes in a component's process group. The pid file holds
# the group leader (kc.sh / standalone.sh); java is its child.
component_rss_mib() {
  local pgid pid kb total=0
  pgid=$(cat "$TESSERA_HOME/run/$1.pid")
  for pid in $(pgrep -g "$pgid" java); do
    kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)
    total=$((total + ${kb:-0}))
  done
  [ "$total" -gt 0 ] || die "no java process found in the process group of $1 (pgid $pgid)."
  awk -v kb="$total" 'BEGIN { printf "%.0f", kb / 1024 }'
}

log "Startup benchmark: $RUNS cold and $RUNS warm runs, TESSERA_HOME=$TESSERA_HOME, ports $TESSERA_HTTP_PORT/$TESSERA_KEYCLOAK_PORT, logs in $OUT"

cold=() cold_kc=() cold_wf=()
for i in $(seq 1 "$RUNS"); do
  rm -rf "$TESSERA_HOME"
  read -r total kc wf < <(timed_up "$OUT/cold-$i.log")
  log "cold run $i: up in ${total}s (Keycloak part ${kc}s, WildFly part ${wf}s)"
  cold+=("$total") cold_kc+=("$kc") cold_wf+=("$wf")
  tessera down >/dev/null
done

# The last cold run left a complete TESSERA_HOME behind: the warm runs reuse it.
warm=() warm_kc=() warm_wf=() rss_wf=() rss_kc=() notes=()
for i in $(seq 1 "$RUNS"); do
  tessera down >/dev/null
  read -r total kc wf < <(timed_up "$OUT/warm-$i.log")
  # A warm start should redo nothing; say so if it did (e.g. the mappers jar was rebuilt meanwhile).
  if grep -qE 'Building Keycloak|Preparing|Configuring WildFly' "$OUT/warm-$i.log"; then
    notes+=("warm run $i re-provisioned something: $(grep -oE 'Building Keycloak|Preparing [A-Za-z]+|Configuring WildFly' "$OUT/warm-$i.log" | paste -sd, -)")
  fi
  log "warm run $i: up in ${total}s (Keycloak part ${kc}s, WildFly part ${wf}s); idling ${IDLE_SECONDS}s"
  warm+=("$total") warm_kc+=("$kc") warm_wf+=("$wf")
  sleep "$IDLE_SECONDS"
  rss_wf+=("$(component_rss_mib wildfly)") rss_kc+=("$(component_rss_mib keycloak)")
  log "warm run $i: idle RSS WildFly ${rss_wf[-1]} MiB, Keycloak ${rss_kc[-1]} MiB"
done
tessera down >/dev/null

m_cold=$(median "${cold[@]}")
m_warm=$(median "${warm[@]}")
ratio=$(awk -v w="$m_warm" -v c="$m_cold" 'BEGIN { printf "%.2f", w / c }')

# name|unit|median|values...
rows=(
  "cold up|s|$m_cold|${cold[*]}"
  "cold: Keycloak part|s|$(median "${cold_kc[@]}")|${cold_kc[*]}"
  "cold: WildFly part|s|$(median "${cold_wf[@]}")|${cold_wf[*]}"
  "warm up|s|$m_warm|${warm[*]}"
  "warm: Keycloak part|s|$(median "${warm_kc[@]}")|${warm_kc[*]}"
  "warm: WildFly part|s|$(median "${warm_wf[@]}")|${warm_wf[*]}"
  "warm / cold (medians)|x|$ratio|"
  "WildFly RSS, idle|MiB|$(median "${rss_wf[@]}")|${rss_wf[*]}"
  "Keycloak RSS, idle|MiB|$(median "${rss_kc[@]}")|${rss_kc[*]}"
)

printf '\n%-24s %-4s %8s   %s\n' measure unit median "runs 1..$RUNS"
for row in "${rows[@]}"; do
  IFS='|' read -r name unit med values <<<"$row"
  printf '%-24s %-4s %8s   %s\n' "$name" "$unit" "$med" "$values"
done
for note in ${notes[@]+"${notes[@]}"}; do printf 'note: %s\n' "$note"; done

results_header
{
  printf '\n## %s — startup (`bench/startup.sh`)\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
  printf -- '- command: `%s` (from the repository root)\n' "$CMDLINE"
  machine_description
  printf -- '- setup: ports %s (HTTP) / %s (Keycloak), TESSERA_HOME=%s, database H2 (default), TESSERA_SKIP_BUILD=1\n' \
    "$TESSERA_HTTP_PORT" "$TESSERA_KEYCLOAK_PORT" "${TESSERA_HOME#"$ROOT"/}"
  printf -- '- cold = fresh TESSERA_HOME (unpack both servers from the local Maven repository — downloads excluded, the zips were already there —, Keycloak build step, realm import, WildFly configuration, EAR deployment); warm = same TESSERA_HOME, `down` then `up`. Both timed until `up` returns (both components healthy). Keycloak part = until the first WildFly line of `up`; WildFly part = the rest.\n'
  printf -- '- RSS = VmRSS of the java process of each component after a warm `up` and %ss idle.\n' "$IDLE_SECONDS"
  markdown_table "${rows[@]}"
  for note in ${notes[@]+"${notes[@]}"}; do printf '\nNote: %s.\n' "$note"; done
} >>"$RESULTS"
log "Appended to $RESULTS"
