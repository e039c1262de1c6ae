#!/usr/bin/env bash
# PyPI channel benchmark: wall time of `pip install` of 20 small wheels into a fresh venv from a
# private PyPI channel of Tessera (simple index, token as HTTP Basic) against
# `pip install --no-index --find-links DIR` on the same 20 files, on the same machine, in one run.
#
#   bench/pypi-install.sh            5 rounds, each: a fresh venv per side, index and find-links in alternating order
#   RUNS=3 bench/pypi-install.sh
#   KEEP_UP=1 bench/pypi-install.sh  leave the platform running afterwards (if this script started it)
#   BENCH_HTTP_PORT=18080 BENCH_KEYCLOAK_PORT=18180 BENCH_HOME=...
#
# Builds 20 one-module wheels with `pip wheel --no-index --no-build-isolation` (bench-pypi-01 to
# -20; -01 to -10 each require the package ten further on, so pip resolves dependencies from the
# index too), starts the platform (warm when BENCH_HOME already holds one), creates a private
# PyPI channel, uploads the wheels through the API and makes a personal access token. Each round
# creates two fresh venvs (not timed) and times the two installs; one warm-up round is discarded.
# pip's cache is off on both sides. Prints a table and appends a dated section to bench/RESULTS.md.
# The channel and the token are removed at the end.

# shellcheck disable=SC2016 # backticks in single quotes are Markdown, not command substitution
set -euo pipefail

# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS=${RUNS:-5}
PACKAGES=20
KEEP_UP=${KEEP_UP:-0}
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer, not '$RUNS'."
CMDLINE="RUNS=$RUNS bench/pypi-install.sh"
PYTHON=/usr/bin/python3

[ -x "${JAVA_HOME:-}/bin/java" ] || die "set JAVA_HOME to a JDK 21+ (e.g. /usr/lib/jvm/temurin-25-jdk-amd64)."
command -v jq >/dev/null || ensure_packages jq
command -v curl >/dev/null || ensure_packages curl
"$PYTHON" -c 'import ensurepip, setuptools, wheel' 2>/dev/null || ensure_packages python3-venv python3-setuptools python3-wheel
ensure_built

# pip reads no configuration of the machine (nor its PIP_FIND_LINKS), never prompts, keeps no cache.
unset PIP_FIND_LINKS PIP_INDEX_URL PIP_EXTRA_INDEX_URL
export PIP_CONFIG_FILE=/dev/null PIP_NO_INPUT=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1

BASE=http://127.0.0.1:$TESSERA_HTTP_PORT
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$BENCH_DIR/target/pypi-install-$STAMP
mkdir -p "$OUT/src" "$OUT/wheels"

STARTED=0 CHANNEL='' TOKEN_ID=''
cleanup() {
  local rc=$? token
  if [ -n "$CHANNEL" ] && token=$(admin_token 2>/dev/null); then
    curl -s -o /dev/null --max-time 60 -X DELETE -H "Authorization: Bearer $token" "$BASE/api/v1/channels/$CHANNEL" || true
    [ -z "$TOKEN_ID" ] || curl -s -o /dev/null --max-time 60 -X DELETE -H "Authorization: Bearer $token" "$BASE/api/v1/me/tokens/$TOKEN_ID" || true
  fi
  if [ "$STARTED" = 1 ] && { [ $rc -ne 0 ] || [ "$KEEP_UP" != 1 ]; }; then
    tessera down >/dev/null 2>&1 || true
  fi
  [ $rc -eq 0 ] || log "PyPI install benchmark failed (exit $rc)$([ "$STARTED" = 1 ] && echo '; the platform is stopped'). Output: $OUT"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- 20 wheels -------------------------------------------------------------------------------------

NAMES=()
for i in $(seq -w 1 "$PACKAGES"); do
  name=bench-pypi-$i module=bench_pypi_$i requires=''
  if [ "$((10#$i))" -le 10 ]; then requires=", install_requires=[\"bench-pypi-$(printf '%02d' $((10#$i + 10)))>=1.0\"]"; fi
  mkdir -p "$OUT/src/$name"
  printf 'VALUE = %s\n' "$((10#$i))" >"$OUT/src/$name/$module.py"
  printf 'from setuptools import setup\nsetup(name="%s", version="1.0", py_modules=["%s"], python_requires=">=3.7"%s)\n' \
    "$name" "$module" "$requires" >"$OUT/src/$name/setup.py"
  NAMES+=("$name")
done
log "Building $PACKAGES wheels with pip wheel ..."
(cd "$OUT/src" && "$PYTHON" -m pip wheel -q --no-index --no-build-isolation --no-deps -w "$OUT/wheels" "${NAMES[@]/#/./}" >"$OUT/wheel.log" 2>&1) ||
  die "pip wheel failed; see $OUT/wheel.log"
[ "$(find "$OUT/wheels" -name '*.whl' | wc -l)" -eq "$PACKAGES" ] || die "expected $PACKAGES wheels in $OUT/wheels"
WHEEL_BYTES=$(du -cb "$OUT"/wheels/*.whl | tail -n1 | cut -f1)
PIP_VERSION=$("$PYTHON" -m pip --version | awk '{ print $2 }')

# --- the platform, a private channel with the wheels, a token ---------------------------------------

start_platform
SERVER_LOG=$TESSERA_HOME/logs/app/server.log
LOG_LINES_AT_START=$(wc -l <"$SERVER_LOG" 2>/dev/null || echo 0)

read_admin_credentials
ADMIN_TOKEN=$(admin_token)
CHANNEL=bench-pypi-$(date +%s)
api POST /channels "$ADMIN_TOKEN" "{\"name\": \"$CHANNEL\", \"type\": \"pypi\", \"private\": true}" >/dev/null
log "Uploading $PACKAGES wheels to the private channel $CHANNEL ..."
for wheel in "$OUT"/wheels/*.whl; do
  curl -sS --fail-with-body --max-time 120 -o /dev/null -H "Authorization: Bearer $ADMIN_TOKEN" -F "file=@$wheel" \
    "$BASE/api/v1/channels/$CHANNEL/files" || die "the upload of $wheel failed"
done
CREATED=$(api POST /me/tokens "$ADMIN_TOKEN" "{\"name\": \"$CHANNEL\", \"expiresInDays\": 1}")
TOKEN=$(jq -r .token <<<"$CREATED") TOKEN_ID=$(jq -r .id <<<"$CREATED")
INDEX=http://$ADMIN_USER:$TOKEN@127.0.0.1:$TESSERA_HTTP_PORT/repository/pypi/$CHANNEL/simple/

# --- rounds ---------------------------------------------------------------------------------------

# install_run SIDE N: a fresh venv (not timed), then the timed install; prints the seconds.
install_run() {
  local side=$1 n=$2 venv="$OUT/venv-$1-$2" start end args
  rm -rf "$venv"
  "$PYTHON" -m venv "$venv" >"$OUT/venv-$side-$n.log" 2>&1 || die "python3 -m venv failed; see $OUT/venv-$side-$n.log"
  if [ "$side" = index ]; then args=(--index-url "$INDEX"); else args=(--no-index --find-links "$OUT/wheels"); fi
  start=$(now)
  "$venv/bin/pip" install -q "${args[@]}" "${NAMES[@]}" >"$OUT/$side-$n.log" 2>&1 || die "pip install ($side, round $n) failed; see $OUT/$side-$n.log"
  end=$(now)
  [ "$("$venv/bin/python" -c 'import importlib.metadata as m; print(sum(1 for d in m.distributions() if d.metadata["Name"].startswith("bench-pypi-")))')" = "$PACKAGES" ] ||
    die "pip install ($side, round $n) did not install all $PACKAGES packages; see $OUT/$side-$n.log"
  rm -rf "$venv"
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
log "Warm-up round (discarded) ..."
install_run index 0 >/dev/null
install_run findlinks 0 >/dev/null
index_s=() findlinks_s=() ratios=()
for i in $(seq 1 "$RUNS"); do
  if [ $((i % 2)) -eq 1 ]; then
    a=$(install_run index "$i") b=$(install_run findlinks "$i")
  else
    b=$(install_run findlinks "$i") a=$(install_run index "$i")
  fi
  index_s+=("$a") findlinks_s+=("$b") ratios+=("$(ratio "$a" "$b")")
  log "round $i: index ${a}s, find-links ${b}s, index/find-links ${ratios[-1]}"
done

m_index=$(median "${index_s[@]}") m_find=$(median "${findlinks_s[@]}")
r=$(ratio "$m_index" "$m_find") m_ratio=$(median "${ratios[@]}")
DOWNLOADS=$(api GET "/channels/$CHANNEL/packages" "$ADMIN_TOKEN" | jq '[.[].downloads] | add')
LOG_NEW=$(tail -n +"$((LOG_LINES_AT_START + 1))" "$SERVER_LOG" 2>/dev/null | grep -cE ' (ERROR|WARN) ' || true)

rows=("pip install from the index|s|$m_index|${index_s[*]}" "pip install --find-links|s|$m_find|${findlinks_s[*]}" "index/find-links per round|x|$m_ratio|${ratios[*]}")
printf '\n%-28s %-4s %8s   %s\n' measure unit median "runs 1..$RUNS"
for row in "${rows[@]}"; do
  IFS='|' read -r name unit m values <<<"$row"
  printf '%-28s %-4s %8s   %s\n' "$name" "$unit" "$m" "$values"
done
printf '\nindex/find-links = %s (ratio of the medians; median of the per-round ratios %s)\n' "$r" "$m_ratio"

results_header
{
  printf '\n## %s — pip install from a PyPI channel (`bench/pypi-install.sh`)\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
  printf -- '- command: `%s` (from the repository root)\n' "$CMDLINE"
  machine_description
  printf -- '- packages: %s one-module wheels built with pip wheel (%s bytes in all); bench-pypi-01..10 each require bench-pypi-11..20, all 20 named on the command line\n' \
    "$PACKAGES" "$WHEEL_BYTES"
  printf -- '- client: pip %s of `%s` in a fresh venv per install (venv creation not timed), cache off (`PIP_NO_CACHE_DIR=1`), one warm-up round discarded; index and find-links alternate which goes first\n' \
    "$PIP_VERSION" "$PYTHON"
  printf -- '- index = `pip install --index-url http://USER:TOKEN@127.0.0.1:%s/repository/pypi/CHANNEL/simple/ ...` (private channel, personal access token as Basic on every request); find-links = `pip install --no-index --find-links DIR ...` on the same files\n' \
    "$TESSERA_HTTP_PORT"
  printf -- '- platform: TESSERA_HOME=%s, database H2, start: %s; downloads counted by the channel: %s; server.log: %s new ERROR/WARN lines\n' \
    "${TESSERA_HOME#"$ROOT"/}" "$START_KIND" "$DOWNLOADS" "$LOG_NEW"
  printf -- '- **index/find-links = %s** (ratio of the median wall times; median of the per-round ratios %s)\n' "$r" "$m_ratio"
  markdown_table "${rows[@]}"
} >>"$RESULTS"
log "Appended to $RESULTS"
