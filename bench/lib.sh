# Shared by the scripts in bench/ (startup.sh, api.sh, git.sh, proxy.sh, session-start.sh); sourced, not run.
# shellcheck shell=bash disable=SC2016 # backticks in single quotes are Markdown

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
TESSERA=$ROOT/tessera
RESULTS=${BENCH_RESULTS:-$BENCH_DIR/RESULTS.md}

# Ports and data directory of their own, so that the benchmarks never meet a developer's
# ./tessera up (8080/8180) or the test suite. bench/target/ is ignored by git (target/ rule).
# Deliberately not taken from TESSERA_* in the caller's environment: startup.sh wipes its home.
export TESSERA_HTTP_PORT=${BENCH_HTTP_PORT:-18080}
export TESSERA_KEYCLOAK_PORT=${BENCH_KEYCLOAK_PORT:-18180}
export TESSERA_HOME=${BENCH_HOME:-$BENCH_DIR/target/tessera-home}
# The default configuration (H2, localhost URLs), whatever the caller's shell has set.
unset TESSERA_DB TESSERA_PUBLIC_URL TESSERA_PUBLIC_HOST TESSERA_KEYCLOAK_URL TESSERA_BIND_ADDRESS
# The benchmarks measure the platform, never a Maven build.
export TESSERA_SKIP_BUILD=1
# A loaded 2-core machine can be slow: a timeout should not end a measurement.
export TESSERA_START_TIMEOUT=${TESSERA_START_TIMEOUT:-600}
if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi

LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() {
  printf 'bench: %s\n' "$*" >&2
  exit 1
}

# Installs missing Debian packages (as the launcher's ensure_packages does).
ensure_packages() {
  local missing=() package sudo=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return
  log "Installing Debian packages: ${missing[*]}"
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null ||
    die "could not install ${missing[*]} with apt-get; install them by hand."
}

# The launcher with TESSERA_SKIP_BUILD=1 needs what the build produces: build once if missing.
ensure_built() {
  if [ -f "$ROOT/ear/target/tessera.ear" ] && [ -f "$ROOT/cli/target/tessera-cli.jar" ] &&
    [ -f "$ROOT/ldap-mappers/target/tessera-ldap-mappers.jar" ]; then
    return
  fi
  log "Building Tessera (ear/target/tessera.ear is missing) ..."
  mkdir -p "$BENCH_DIR/target"
  (cd "$ROOT" && mvn -B -q install -DskipTests -pl '!it' >"$BENCH_DIR/target/build.log" 2>&1) ||
    die "the build failed; see $BENCH_DIR/target/build.log"
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Our own instance (same TESSERA_HOME) counts as running when both pid files point at live processes.
bench_platform_running() {
  local name pid
  for name in keycloak wildfly; do
    pid=$(cat "$TESSERA_HOME/run/$name.pid" 2>/dev/null) || return 1
    kill -0 "$pid" 2>/dev/null || return 1
  done
}

check_ports_free() {
  local port
  for port in "$TESSERA_HTTP_PORT" "$TESSERA_KEYCLOAK_PORT" $((TESSERA_HTTP_PORT - 8080 + 9990)); do
    if port_busy "$port"; then
      die "port $port is in use by another program; free it or set TESSERA_HTTP_PORT / TESSERA_KEYCLOAK_PORT."
    fi
  done
}

tessera() { "$TESSERA" "$@"; }

# Starts the platform unless this TESSERA_HOME's is running already. Sets START_KIND for the results
# (already running, warm, cold) and STARTED=1 when it started it, for the caller's cleanup to stop it.
start_platform() {
  if bench_platform_running; then
    START_KIND="already running"
    log "The platform of $TESSERA_HOME is already running; it stays up afterwards."
  else
    check_ports_free
    if [ -f "$TESSERA_HOME/tessera-home" ]; then START_KIND=warm; else START_KIND="cold (no TESSERA_HOME yet)"; fi
    log "Starting the platform ($START_KIND) in $TESSERA_HOME ..."
    STARTED=1
    tessera up >"$OUT/up.log" 2>&1 || die "./tessera up failed; its output: $OUT/up.log"
  fi
}

# Seconds since the epoch with sub-second precision, and the difference of two of them.
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# Median of the numbers given as arguments (mean of the two middle ones for an even count),
# with as many decimals as the most precise argument (one more for a mean).
median() {
  printf '%s\n' "$@" | sort -g | awk '{
      v[NR] = $1; d = index($1, ".") ? length($1) - index($1, ".") : 0; if (d > dec) dec = d
    } END {
      if (NR == 0) { print "n/a"; exit }
      if (NR % 2) m = v[(NR + 1) / 2]; else { m = (v[NR / 2] + v[NR / 2 + 1]) / 2; if (m != int(m)) { dec++; extra = 1 } }
      out = sprintf("%.*f", dec, m); if (extra) sub(/0$/, "", out)
      print out
    }'
}

# One line per fact about the machine, for RESULTS.md.
machine_description() {
  local mem
  mem=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
  printf -- '- machine: %s cores (nproc), %s memory, %s\n' "$(nproc)" "$mem" "$(uname -sr)"
  printf -- '- java: `%s` (JAVA_HOME=%s)\n' "$("$JAVA_HOME/bin/java" -version 2>&1 | head -n1)" "$JAVA_HOME"
  printf -- '- load average (1/5/15 min) at start: %s, at the end: %s (other work on the machine adds noise)\n' \
    "$LOAD_AT_START" "$(cut -d' ' -f1-3 /proc/loadavg)"
}

results_header() {
  [ -f "$RESULTS" ] && return
  cat >"$RESULTS" <<'EOF'
# Benchmark results

Appended by the scripts in `bench/`, newest at the bottom. See `bench/README.md` for
what each section measures and how to read it. Compare runs only on the same machine, and prefer
the ratios: absolute numbers move with whatever else the machine is doing.
EOF
}

# --- used by proxy.sh and session-start.sh ---------------------------------------------------------

# Sets ADMIN_USER and ADMIN_PASSWORD to the first admin's credentials.
read_admin_credentials() {
  local credentials
  credentials=$(tessera admin-credentials)
  ADMIN_USER=$(sed -n 's/^username: //p' <<<"$credentials")
  ADMIN_PASSWORD=$(sed -n 's/^password: //p' <<<"$credentials")
  { [ -n "$ADMIN_USER" ] && [ -n "$ADMIN_PASSWORD" ]; } || die "could not read the first admin's credentials."
}

# A fresh access token of the first admin (password grant of the public tessera-cli client).
admin_token() {
  local response token
  response=$(curl -s --max-time 30 -d client_id=tessera-cli -d grant_type=password --data-urlencode "username=$ADMIN_USER" \
    --data-urlencode "password=$ADMIN_PASSWORD" -d scope=openid \
    "http://localhost:$TESSERA_KEYCLOAK_PORT/auth/realms/tessera/protocol/openid-connect/token")
  token=$(jq -r '.access_token // empty' <<<"$response" 2>/dev/null || true)
  [ -n "$token" ] || die "no access token from Keycloak: $(head -c 300 <<<"$response")"
  printf '%s' "$token"
}

# api METHOD PATH TOKEN [JSON]: a call of Tessera's REST API (/api/v1PATH); dies on an HTTP error.
api() {
  local args=(-sS --fail-with-body --max-time 120 -X "$1" -H "Authorization: Bearer $3")
  [ $# -lt 4 ] || args+=(-H 'Content-Type: application/json' -d "$4")
  curl "${args[@]}" "http://127.0.0.1:$TESSERA_HTTP_PORT/api/v1$2" || die "$1 /api/v1$2 failed"
}

# wait_session_running ID TOKEN TIMEOUT_S POLL_S: polls GET /api/v1/sessions/ID until its status is
# running; dies when it fails or the time is up.
wait_session_running() {
  local id=$1 token=$2 deadline status json
  deadline=$(($(date +%s) + $3))
  while :; do
    json=$(api GET "/sessions/$id" "$token")
    status=$(jq -r .status <<<"$json")
    case $status in
      running) return 0 ;;
      starting) ;;
      *) die "session $id is $status: $(jq -r '.reason // ""' <<<"$json")" ;;
    esac
    [ "$(date +%s)" -lt "$deadline" ] || die "session $id is still $status after $3 s"
    sleep "$4"
  done
}

# editor_arg ID NAME: the value of --NAME=... on the command line of session ID's notebook process
# (ps shows the whole command line: --port=P --NotebookApp.base_url=/s/ID/ --NotebookApp.token=T).
editor_arg() {
  ps -eo args | awk -v base="--NotebookApp.base_url=/s/$1/" -v name="--$2=" '
    index($0, base) { for (i = 1; i <= NF; i++) if (index($i, name) == 1) { print substr($i, length(name) + 1); exit } }'
}

# --- used by channel-serve.sh --------------------------------------------------------------------

# wrk_measure OUT_FILE SECONDS URL [HEADER]: runs wrk (WRK_THREADS, WRK_CONNECTIONS) with
# wrk-status.lua and prints "req/s p50_ms p99_ms transfer_MBps"; dies on any response other than 200.
wrk_measure() {
  local file=$1 seconds=$2 url=$3 header=${4:-Accept: */*} result
  wrk -t"${WRK_THREADS:-2}" -c"${WRK_CONNECTIONS:-16}" -d"${seconds}s" --timeout 10s --latency -s "$BENCH_DIR/wrk-status.lua" -H "$header" "$url" \
    >"$file" 2>&1 || die "wrk failed; its output: $file"
  result=$(awk '
    function ms(v,   n, u) {
      n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
      if (u == "us") return n / 1000; if (u == "s") return n * 1000; if (u == "m") return n * 60000
      return n
    }
    function mb(v,   n, u) {
      n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
      if (u == "KB") return n / 1024; if (u == "GB") return n * 1024; if (u == "B") return n / 1048576
      return n
    }
    /^Requests\/sec:/ { rps = $2 }
    /^Transfer\/sec:/ { tps = mb($2) }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /^status: / { split($2, a, "="); ok = a[2]; split($3, b, "="); other = b[2] }
    END { printf "%s %.2f %.2f %.1f %s %s\n", rps, p50, p99, tps, ok, other }
  ' "$file")
  read -r -a fields <<<"$result"
  [ -n "${fields[5]:-}" ] || die "could not read wrk's output: $file"
  [ "${fields[5]}" = 0 ] || die "${fields[5]} responses were not 200 (see $file); the run is worthless."
  [ "${fields[4]}" -gt 0 ] || die "no successful response at all (see $file)."
  printf '%s %s %s %s\n' "${fields[@]:0:4}"
}

# markdown_table ROW...: the Markdown table of RESULTS.md for RUNS runs; each ROW is
# "name|unit|median|value of run 1 value of run 2 ..." (values separated by spaces).
markdown_table() {
  local i row name unit med values vals
  printf '\n| measure | unit | median |'
  for i in $(seq 1 "$RUNS"); do printf ' run %s |' "$i"; done
  printf '\n|---|---|---|'
  for _ in $(seq 1 "$RUNS"); do printf -- '---|'; done
  printf '\n'
  for row in "$@"; do
    IFS='|' read -r name unit med values <<<"$row"
    read -r -a vals <<<"$values"
    printf '| %s | %s | **%s** |' "$name" "$unit" "$med"
    for i in $(seq 0 $((RUNS - 1))); do printf ' %s |' "${vals[$i]:-}"; done
    printf '\n'
  done
}
