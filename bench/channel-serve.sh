#!/usr/bin/env bash
# Channel serving benchmark: requests/s and latency of what conda clients fetch from a Tessera
# channel — a linux-64 repodata.json of COUNT packages and one package file of BIG_MB megabytes —
# against nginx (Debian) serving the very same files from the channel's directory on disk.
#
#   bench/channel-serve.sh               5 rounds of 8 s runs per target, COUNT=200, BIG_MB=4
#   RUNS=5 DURATION=8 WARMUP=5 COUNT=200 BIG_MB=4 WRK_THREADS=2 WRK_CONNECTIONS=16 bench/channel-serve.sh
#   KEEP_UP=1 bench/channel-serve.sh     leave the platform running afterwards (if this script started it)
#   NGINX_PORT=18096 BENCH_HTTP_PORT=18080 BENCH_KEYCLOAK_PORT=18180 BENCH_HOME=...
#
# Starts the platform (warm when BENCH_HOME holds one), creates a public conda channel, uploads
# COUNT small packages and one large one through the API (curl -F), starts nginx on NGINX_PORT with
# the channels' data directory as its root, checks both serve identical bytes, then runs
# tessera-index, nginx-index, tessera-file, nginx-file RUNS times after a warm-up. Prints a table
# and appends a dated section to bench/RESULTS.md. The channel is deleted at the end.

# shellcheck disable=SC2016 # backticks in single quotes are Markdown, not command substitution
set -euo pipefail

# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS=${RUNS:-5}
DURATION=${DURATION:-8}
WARMUP=${WARMUP:-5}
COUNT=${COUNT:-200}
BIG_MB=${BIG_MB:-4}
KEEP_UP=${KEEP_UP:-0}
NGINX_PORT=${NGINX_PORT:-18096}
export WRK_THREADS=${WRK_THREADS:-2} WRK_CONNECTIONS=${WRK_CONNECTIONS:-16}
for var in RUNS DURATION WARMUP COUNT BIG_MB NGINX_PORT WRK_THREADS WRK_CONNECTIONS; do
  [[ ${!var} =~ ^[1-9][0-9]*$ ]] || die "$var must be a positive integer, not '${!var}'."
done
CMDLINE="RUNS=$RUNS DURATION=$DURATION WARMUP=$WARMUP COUNT=$COUNT BIG_MB=$BIG_MB WRK_THREADS=$WRK_THREADS WRK_CONNECTIONS=$WRK_CONNECTIONS bench/channel-serve.sh"

[ -x "${JAVA_HOME:-}/bin/java" ] || die "set JAVA_HOME to a JDK 21+ (e.g. /usr/lib/jvm/temurin-25-jdk-amd64)."
command -v wrk >/dev/null || ensure_packages wrk
command -v jq >/dev/null || ensure_packages jq
command -v curl >/dev/null || ensure_packages curl
[ -x /usr/sbin/nginx ] || ensure_packages nginx-light
ensure_built

BASE=http://127.0.0.1:$TESSERA_HTTP_PORT
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$BENCH_DIR/target/channel-serve-$STAMP
mkdir -p "$OUT/packages" "$OUT/nginx"

STARTED=0 NGINX_PID='' CHANNEL=''
cleanup() {
  local rc=$? token
  [ -z "$NGINX_PID" ] || kill "$NGINX_PID" 2>/dev/null || true
  if [ -n "$CHANNEL" ] && token=$(admin_token 2>/dev/null); then
    curl -s -o /dev/null --max-time 60 -X DELETE -H "Authorization: Bearer $token" "$BASE/api/v1/channels/$CHANNEL" || true
  fi
  if [ "$STARTED" = 1 ] && { [ $rc -ne 0 ] || [ "$KEEP_UP" != 1 ]; }; then
    tessera down >/dev/null 2>&1 || true
  fi
  [ $rc -eq 0 ] || log "channel serving benchmark failed (exit $rc)$([ "$STARTED" = 1 ] && echo '; the platform is stopped'). Output: $OUT"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

! port_busy "$NGINX_PORT" || die "port $NGINX_PORT (NGINX_PORT) is in use."
start_platform
SERVER_LOG=$TESSERA_HOME/logs/app/server.log
LOG_LINES_AT_START=$(wc -l <"$SERVER_LOG" 2>/dev/null || echo 0)

# --- a channel to serve -----------------------------------------------------------------------------

read_admin_credentials
TOKEN=$(admin_token)
CHANNEL=bench-serve-$(date +%s)
api POST /channels "$TOKEN" "{\"name\": \"$CHANNEL\", \"type\": \"conda\"}" >/dev/null
log "Building $COUNT small packages and one of $BIG_MB MB ..."
/usr/bin/python3 - "$OUT/packages" "$COUNT" "$BIG_MB" <<'PY'
import io, json, os, sys, tarfile
out, count, big_mb = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def package(name, version, payload):
    index = {"name": name, "version": version, "build": "0", "build_number": 0, "subdir": "linux-64", "license": "MIT",
             "depends": ["python >=3.11,<3.12.0a0", "numpy >=1.23"], "timestamp": 1700000000000}
    with tarfile.open(os.path.join(out, f"{name}-{version}-0.tar.bz2"), "w:bz2") as t:
        for path, data in [("info/index.json", json.dumps(index).encode()), (f"lib/{name}.bin", payload)]:
            info = tarfile.TarInfo(path); info.size = len(data); t.addfile(info, io.BytesIO(data))
for i in range(count):
    package(f"benchpkg{i}", f"1.{i % 10}.0", b"x" * 100)
package("benchbig", "1.0.0", os.urandom(big_mb * 1024 * 1024))
PY
for file in "$OUT"/packages/*.tar.bz2; do
  status=$(curl -s -o "$OUT/upload.json" -w '%{http_code}' --max-time 120 -H "Authorization: Bearer $TOKEN" -F "file=@$file" "$BASE/api/v1/channels/$CHANNEL/files")
  [ "$status" = 201 ] || die "uploading $(basename "$file") answered $status: $(head -c 300 "$OUT/upload.json")"
done
BIG=benchbig-1.0.0-0.tar.bz2
BIG_BYTES=$(stat -c %s "$OUT/packages/$BIG")
INDEX_BYTES=$(stat -c %s "$TESSERA_HOME/data/channels/$CHANNEL/linux-64/repodata.json")

# Tessera writes its files 0600 (temporary files moved into place): nginx's workers must run as
# the user that owns them.
cat >"$OUT/nginx/nginx.conf" <<CONF
$([ "$(id -u)" -eq 0 ] && echo 'user root;')
worker_processes 2;
daemon off;
pid $OUT/nginx/nginx.pid;
error_log $OUT/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  types { application/json json; }
  default_type application/octet-stream;
  client_body_temp_path $OUT/nginx/body;
  proxy_temp_path $OUT/nginx/proxy;
  fastcgi_temp_path $OUT/nginx/fastcgi;
  uwsgi_temp_path $OUT/nginx/uwsgi;
  scgi_temp_path $OUT/nginx/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $TESSERA_HOME/data/channels;
    etag on;
  }
}
CONF
/usr/sbin/nginx -c "$OUT/nginx/nginx.conf" -p "$OUT/nginx" >"$OUT/nginx/stdout.log" 2>&1 &
NGINX_PID=$!
for _ in $(seq 1 100); do port_busy "$NGINX_PORT" && break; sleep 0.1; done
NGINX_VERSION=$(/usr/sbin/nginx -v 2>&1 | sed 's/.*: //')

TESSERA_INDEX=$BASE/repository/conda/$CHANNEL/linux-64/repodata.json
NGINX_INDEX=http://127.0.0.1:$NGINX_PORT/$CHANNEL/linux-64/repodata.json
TESSERA_FILE=$BASE/repository/conda/$CHANNEL/linux-64/$BIG
NGINX_FILE=http://127.0.0.1:$NGINX_PORT/$CHANNEL/linux-64/$BIG
for pair in "$TESSERA_INDEX $NGINX_INDEX" "$TESSERA_FILE $NGINX_FILE"; do
  read -r ours theirs <<<"$pair"
  curl -sf --max-time 30 -o "$OUT/ours" "$ours" || die "GET $ours failed"
  curl -sf --max-time 30 -o "$OUT/theirs" "$theirs" || die "GET $theirs failed"
  cmp -s "$OUT/ours" "$OUT/theirs" || die "$ours and $theirs differ"
done

target_url() {
  case $1 in tessera-index) echo "$TESSERA_INDEX" ;; nginx-index) echo "$NGINX_INDEX" ;; tessera-file) echo "$TESSERA_FILE" ;; nginx-file) echo "$NGINX_FILE" ;; esac
}
TARGETS=(tessera-index nginx-index tessera-file nginx-file)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
log "Channel serving benchmark: $RUNS rounds of ${DURATION}s runs (wrk -t$WRK_THREADS -c$WRK_CONNECTIONS), output in $OUT"
for t in "${TARGETS[@]}"; do
  wrk_measure "$OUT/warmup-$t.txt" "$WARMUP" "$(target_url "$t")" >/dev/null
done
declare -A rps=() p50=() p99=() mbs=() last=()
index_ratio=() file_ratio=()
for i in $(seq 1 "$RUNS"); do
  for t in "${TARGETS[@]}"; do
    read -r r a b m < <(wrk_measure "$OUT/$t-$i.txt" "$DURATION" "$(target_url "$t")")
    rps[$t]+="$r " p50[$t]+="$a " p99[$t]+="$b " mbs[$t]+="$m "
    last[$t]=$r
  done
  index_ratio+=("$(ratio "${last[tessera-index]}" "${last[nginx-index]}")")
  file_ratio+=("$(ratio "${last[tessera-file]}" "${last[nginx-file]}")")
  log "round $i: index ${last[tessera-index]} vs ${last[nginx-index]} req/s (${index_ratio[-1]}), file ${last[tessera-file]} vs ${last[nginx-file]} req/s (${file_ratio[-1]})"
done

# shellcheck disable=SC2086 # word splitting of the run lists is intended
{
  results_header
  echo "## $(date -u '+%Y-%m-%d %H:%M') UTC — conda channel serving against nginx (\`bench/channel-serve.sh\`)"
  echo
  echo "- command: \`$CMDLINE\` (from the repository root)"
  machine_description
  echo "- load: \`wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d${DURATION}s --latency\` on the same machine; warm-up ${WARMUP}s per target; $RUNS rounds of tessera-index, nginx-index, tessera-file, nginx-file"
  echo "- files: one public channel, linux-64/repodata.json of $((COUNT + 1)) packages ($INDEX_BYTES bytes) and a package file of $BIG_BYTES bytes, uploaded through the API; nginx $NGINX_VERSION (2 workers, sendfile, etag) serves the channel's directory on disk, so both send identical bytes"
  echo "- tessera = \`/repository/conda/{channel}/...\` (anonymous, public channel: the channel looked up, the file's row read, the download counted in memory, ETag/Range handling, the bytes copied by the servlet)"
  echo "- platform: TESSERA_HOME=${TESSERA_HOME#"$ROOT"/}, database H2, start: $START_KIND; server.log: $(($(tail -n +"$((LOG_LINES_AT_START + 1))" "$SERVER_LOG" | grep -cE ' (ERROR|WARN) ' || true))) new ERROR/WARN lines"
  echo "- **repodata.json: tessera/nginx = $(ratio "$(median ${rps[tessera-index]})" "$(median ${rps[nginx-index]})")**, **package file: tessera/nginx = $(ratio "$(median ${rps[tessera-file]})" "$(median ${rps[nginx-file]})")** (ratios of the median req/s); per-round medians $(median "${index_ratio[@]}") and $(median "${file_ratio[@]}")"
  echo
  printf '| measure | unit | median |'; for i in $(seq 1 "$RUNS"); do printf ' run %s |' "$i"; done; echo
  printf '|---|---|---|'; for _ in $(seq 1 "$RUNS"); do printf -- '---|'; done; echo
  for t in "${TARGETS[@]}"; do
    for m in rps p50 p99 mbs; do
      declare -n values=$m
      unit=$(case $m in rps) echo req/s ;; mbs) echo MB/s ;; *) echo ms ;; esac)
      printf '| %s %s | %s | **%s** |' "$t" "$m" "$unit" "$(median ${values[$t]})"
      for v in ${values[$t]}; do printf ' %s |' "$v"; done
      echo
      unset -n values
    done
  done
  printf '| index ratio per round | x | **%s** |' "$(median "${index_ratio[@]}")"; for v in "${index_ratio[@]}"; do printf ' %s |' "$v"; done; echo
  printf '| file ratio per round | x | **%s** |' "$(median "${file_ratio[@]}")"; for v in "${file_ratio[@]}"; do printf ' %s |' "$v"; done; echo
  echo
} | tee -a "$RESULTS"
