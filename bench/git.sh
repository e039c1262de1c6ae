#!/usr/bin/env bash
# Git benchmark: clone and push of a generated repository (~100 MB, many files, history) through
# Tessera's /git endpoint (JGit behind the token filter, in WildFly) against the same operations
# with git's own transports on the same machine: a file:// path and `git http-backend` behind a
# plain Python HTTP server (bench/git-http-backend.py). Then the time to list projects for a user
# who sees 1,000 projects through a group share, against GET /api/v1/me.
#
#   bench/git.sh                    RUNS=3 SIZE_MB=100 FILES=2000 COMMITS=10 PROJECTS=1000 LISTS=20
#   KEEP_UP=1 bench/git.sh          leave the platform running afterwards (if this script started it)
#
# Each run pushes into a fresh target (a new project, a new bare repository) and clones into a
# fresh directory (the history goes to branch `bench`: a new project has a first commit of its
# own); runs alternate tessera, file, http-backend. Ratios are of medians.

# shellcheck disable=SC2016 # backticks in single quotes are Markdown, not command substitution
set -euo pipefail

# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS=${RUNS:-3}
SIZE_MB=${SIZE_MB:-100}
FILES=${FILES:-2000}
COMMITS=${COMMITS:-10}
PROJECTS=${PROJECTS:-1000}
LISTS=${LISTS:-20}
KEEP_UP=${KEEP_UP:-0}
BACKEND_PORT=${BACKEND_PORT:-18090}
for var in RUNS SIZE_MB FILES COMMITS PROJECTS LISTS BACKEND_PORT; do
  [[ ${!var} =~ ^[1-9][0-9]*$ ]] || die "$var must be a positive integer, not '${!var}'."
done
CMDLINE="RUNS=$RUNS SIZE_MB=$SIZE_MB FILES=$FILES COMMITS=$COMMITS PROJECTS=$PROJECTS LISTS=$LISTS bench/git.sh"

[ -x "${JAVA_HOME:-}/bin/java" ] || die "set JAVA_HOME to a JDK 21+ (e.g. /usr/lib/jvm/temurin-25-jdk-amd64)."
command -v jq >/dev/null || ensure_packages jq
command -v curl >/dev/null || ensure_packages curl
command -v git >/dev/null || ensure_packages git
command -v python3 >/dev/null || ensure_packages python3
ensure_built

BASE=http://127.0.0.1:$TESSERA_HTTP_PORT
TOKEN_URL=http://localhost:$TESSERA_KEYCLOAK_PORT/auth/realms/tessera/protocol/openid-connect/token
KC_ADMIN=http://localhost:$TESSERA_KEYCLOAK_PORT/auth/admin/realms/tessera
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$BENCH_DIR/target/git-$STAMP
mkdir -p "$OUT"
export HOME=$OUT/home GIT_TERMINAL_PROMPT=0 GIT_CONFIG_NOSYSTEM=1
mkdir -p "$HOME"
git config --global user.name bench
git config --global user.email bench@example.org
git config --global init.defaultBranch main

STARTED=0 BACKEND_PID=
cleanup() {
  local rc=$?
  [ -z "$BACKEND_PID" ] || kill "$BACKEND_PID" 2>/dev/null || true
  if [ "$STARTED" = 1 ] && { [ $rc -ne 0 ] || [ "$KEEP_UP" != 1 ]; }; then
    tessera down >/dev/null 2>&1 || true
  fi
  [ $rc -eq 0 ] || log "git benchmark failed (exit $rc). Output: $OUT"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_platform
port_busy "$BACKEND_PORT" && die "port $BACKEND_PORT (BACKEND_PORT) is in use."

CREDENTIALS=$(tessera admin-credentials)
ADMIN_USER=$(sed -n 's/^username: //p' <<<"$CREDENTIALS")
ADMIN_PASSWORD=$(sed -n 's/^password: //p' <<<"$CREDENTIALS")
token_for() { # USER PASSWORD
  curl -fs --max-time 30 -d client_id=tessera-cli -d grant_type=password --data-urlencode "username=$1" \
    --data-urlencode "password=$2" -d scope=openid "$TOKEN_URL" | jq -r .access_token
}
api() { # METHOD PATH TOKEN [JSON]
  local args=(-fsS --max-time 120 -X "$1" -H "Authorization: Bearer $3")
  [ $# -lt 4 ] || args+=(-H 'Content-Type: application/json' -d "$4")
  curl "${args[@]}" "$BASE/api/v1$2"
}
TOKEN=$(token_for "$ADMIN_USER" "$ADMIN_PASSWORD")
SECRET=$(api POST /me/tokens "$TOKEN" "{\"name\": \"bench-git-$STAMP\", \"expiresInDays\": 1}" | jq -r .token)
new_project() { # NAME -> git URL with credentials
  local url
  url=$(api POST /projects "$TOKEN" "{\"name\": \"$1\", \"template\": \"empty\"}" | jq -r .gitUrl)
  printf '%s' "${url/http:\/\//http://$ADMIN_USER:$SECRET@}"
}
secs() { local t0 t1; t0=$(now); "$@" >>"$OUT/git.log" 2>&1 || die "failed: $* (see $OUT/git.log)"; t1=$(now); awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }'; }

# --- the repository: the first commit of an empty project, then COMMITS commits of random files -----
log "Generating a ${SIZE_MB} MB repository: $FILES files over $COMMITS commits ..."
SOURCE=$OUT/source
git clone -q "$(new_project "bench-seed-$STAMP")" "$SOURCE" 2>>"$OUT/git.log"
per_file=$((SIZE_MB * 1024 * 1024 / FILES))
python3 - "$SOURCE" "$FILES" "$COMMITS" "$per_file" <<'PY'
import os, subprocess, sys
root, files, commits, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
per_commit = files // commits
for c in range(commits):
    for f in range(c * per_commit, (c + 1) * per_commit):
        d = os.path.join(root, "data", f"d{f % 50:02d}")
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, f"f{f:05d}.bin"), "wb") as out:
            out.write(os.urandom(size))
    subprocess.run(["git", "-C", root, "add", "-A"], check=True)
    subprocess.run(["git", "-C", root, "commit", "-qm", f"Add batch {c + 1}"], check=True)
PY
REPO_MB=$(du -sm "$SOURCE/.git" | cut -f1)
log "Repository: $(git -C "$SOURCE" rev-list --count HEAD) commits, $(git -C "$SOURCE" ls-files | wc -l) files, .git $REPO_MB MB"

BACKEND_ROOT=$OUT/backend FILE_ROOT=$OUT/file
mkdir -p "$BACKEND_ROOT" "$FILE_ROOT"
python3 "$BENCH_DIR/git-http-backend.py" "$BACKEND_PORT" "$BACKEND_ROOT" &
BACKEND_PID=$!
sleep 1
bare() { git init -q --bare "$1" && git -C "$1" symbolic-ref HEAD refs/heads/main; }

push_t=() push_f=() push_h=() clone_t=() clone_f=() clone_h=()
for i in $(seq 1 "$RUNS"); do
  tessera_url=$(new_project "bench-push-$STAMP-$i")
  bare "$FILE_ROOT/r$i.git"
  bare "$BACKEND_ROOT/r$i.git"
  # A new project has a first commit of its own, so the history goes to a new branch everywhere.
  push_t+=("$(secs git -C "$SOURCE" push -q "$tessera_url" main:bench)")
  push_f+=("$(secs git -C "$SOURCE" push -q "file://$FILE_ROOT/r$i.git" main:bench)")
  push_h+=("$(secs git -C "$SOURCE" push -q "http://127.0.0.1:$BACKEND_PORT/r$i.git" main:bench)")
  clone_t+=("$(secs git clone -q -b bench "$tessera_url" "$OUT/clone-t$i")")
  clone_f+=("$(secs git clone -q -b bench "file://$FILE_ROOT/r$i.git" "$OUT/clone-f$i")")
  clone_h+=("$(secs git clone -q -b bench "http://127.0.0.1:$BACKEND_PORT/r$i.git" "$OUT/clone-h$i")")
  [ "$(git -C "$OUT/clone-t$i" rev-parse HEAD)" = "$(git -C "$SOURCE" rev-parse HEAD)" ] || die "run $i: the Tessera clone differs from the source"
  rm -rf "$OUT/clone-t$i" "$OUT/clone-f$i" "$OUT/clone-h$i"
  log "run $i: push tessera ${push_t[-1]} s, file ${push_f[-1]} s, http-backend ${push_h[-1]} s; clone tessera ${clone_t[-1]} s, file ${clone_f[-1]} s, http-backend ${clone_h[-1]} s"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
mpt=$(median "${push_t[@]}") mpf=$(median "${push_f[@]}") mph=$(median "${push_h[@]}")
mct=$(median "${clone_t[@]}") mcf=$(median "${clone_f[@]}") mch=$(median "${clone_h[@]}")

# --- listing: a user who sees PROJECTS projects through a group share ------------------------------
log "Creating $PROJECTS projects shared with a group ..."
KC_TOKEN=$(curl -fs -d client_id=admin-cli -d grant_type=password --data-urlencode "username=$(sed -n 's/^KC_BOOTSTRAP_ADMIN_USERNAME=//p' "$TESSERA_HOME/secrets/admin.env")" \
  --data-urlencode "password=$(sed -n 's/^KC_BOOTSTRAP_ADMIN_PASSWORD=//p' "$TESSERA_HOME/secrets/admin.env")" \
  "http://localhost:$TESSERA_KEYCLOAK_PORT/auth/realms/master/protocol/openid-connect/token" | jq -r .access_token)
kc() { curl -fsS -X "$1" -H "Authorization: Bearer $KC_TOKEN" -H 'Content-Type: application/json' ${3:+-d "$3"} "$KC_ADMIN$2"; }
GROUP=bench-readers-$STAMP READER=bench-reader-$STAMP READER_PASSWORD=Bench-$STAMP
kc POST /groups "{\"name\": \"$GROUP\"}"
kc POST /users "{\"username\": \"$READER\", \"enabled\": true, \"email\": \"$READER@example.org\", \"emailVerified\": true, \"firstName\": \"Bench\", \"lastName\": \"Reader\", \"credentials\": [{\"type\": \"password\", \"value\": \"$READER_PASSWORD\", \"temporary\": false}]}"
group_id=$(kc GET "/groups?exact=true&search=$GROUP" | jq -r '.[0].id')
user_id=$(kc GET "/users?exact=true&username=$READER" | jq -r '.[0].id')
kc PUT "/users/$user_id/groups/$group_id"
t0=$(now)
for i in $(seq 1 "$PROJECTS"); do
  [ $((i % 100)) -ne 0 ] || TOKEN=$(token_for "$ADMIN_USER" "$ADMIN_PASSWORD")
  id=$(api POST /projects "$TOKEN" "{\"name\": \"bench-list-$STAMP-$i\", \"template\": \"empty\"}" | jq -r .id)
  api POST "/projects/$id/collaborators" "$TOKEN" "{\"group\": \"$GROUP\", \"permission\": \"read\"}" >/dev/null
done
CREATE_S=$(elapsed "$t0" "$(now)")
READER_TOKEN=$(token_for "$READER" "$READER_PASSWORD")
seen=$(api GET /projects "$READER_TOKEN" | jq length)
[ "$seen" -ge "$PROJECTS" ] || die "the reader sees $seen projects, not $PROJECTS"
time_get() { curl -fs -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $READER_TOKEN" "$BASE/api/v1$1"; }
list_s=() me_s=()
for _ in $(seq 1 "$LISTS"); do
  list_s+=("$(time_get /projects)")
  me_s+=("$(time_get /me)")
done
mls=$(median "${list_s[@]}") mms=$(median "${me_s[@]}")

printf '\n%-28s %10s %10s %14s %12s %16s\n' operation tessera file http-backend tessera/file tessera/backend
printf '%-28s %10s %10s %14s %12s %16s\n' "push ${REPO_MB} MB (s)" "$mpt" "$mpf" "$mph" "$(ratio "$mpt" "$mpf")" "$(ratio "$mpt" "$mph")"
printf '%-28s %10s %10s %14s %12s %16s\n' "clone (s)" "$mct" "$mcf" "$mch" "$(ratio "$mct" "$mcf")" "$(ratio "$mct" "$mch")"
printf '\nlist %s projects (group share): median %s s; GET /me %s s; ratio %s\n' "$seen" "$mls" "$mms" "$(ratio "$mls" "$mms")"

results_header
{
  printf '\n## %s — git and project listing (`bench/git.sh`)\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
  printf -- '- command: `%s` (from the repository root)\n' "$CMDLINE"
  machine_description
  printf -- '- repository: %s commits, %s files of random bytes, `.git` %s MB; git %s; platform start: %s\n' \
    "$(git -C "$SOURCE" rev-list --count HEAD)" "$(git -C "$SOURCE" ls-files | wc -l)" "$REPO_MB" "$(git --version | cut -d' ' -f3)" "$START_KIND"
  printf -- '- tessera = `http://USER:TOKEN@127.0.0.1:%s/git/...` (token filter, JGit in WildFly, file size check on push); file = `file://` path (git pack protocol, no HTTP); http-backend = `git http-backend` behind `bench/git-http-backend.py` (Python HTTP server, CGI, no authentication). Each run pushes into a fresh target and clones into a fresh directory.\n' "$TESSERA_HTTP_PORT"
  printf '\n| operation | tessera (median s) | file | http-backend | tessera/file | tessera/http-backend | tessera runs | file runs | http-backend runs |\n|---|---|---|---|---|---|---|---|---|\n'
  printf '| push | %s | %s | %s | **%s** | **%s** | %s | %s | %s |\n' "$mpt" "$mpf" "$mph" "$(ratio "$mpt" "$mpf")" "$(ratio "$mpt" "$mph")" "${push_t[*]}" "${push_f[*]}" "${push_h[*]}"
  printf '| clone | %s | %s | %s | **%s** | **%s** | %s | %s | %s |\n' "$mct" "$mcf" "$mch" "$(ratio "$mct" "$mcf")" "$(ratio "$mct" "$mch")" "${clone_t[*]}" "${clone_f[*]}" "${clone_h[*]}"
  printf '\n- listing: a user in a group that %s projects are shared with (read); `GET /api/v1/projects` returned %s projects; median of %s calls **%s s** against `GET /api/v1/me` **%s s** with the same token: ratio **%s** (creating and sharing the projects took %s s)\n' \
    "$PROJECTS" "$seen" "$LISTS" "$mls" "$mms" "$(ratio "$mls" "$mms")" "$CREATE_S"
} >>"$RESULTS"
log "Appended to $RESULTS"
