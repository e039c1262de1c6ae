#!/usr/bin/env bash
# LDAP benchmark: the cost of the group rules mapper (tessera-group-rules-ldap-mapper) in a full
# sync of a large directory and in sign-in latency.
#
#   bench/ldap-sync.sh                        3 runs, 10,000 users, 1,000 groups, 40 logins per variant
#   RUNS=5 LDAP_USERS=10000 LDAP_GROUPS=1000 LOGINS=40 bench/ldap-sync.sh
#   KEEP_UP=1                                 leave the platform running at the end
#   BENCH_HTTP_PORT=18080 BENCH_KEYCLOAK_PORT=18180 BENCH_HOME=bench/target/tessera-home
#   LDAP_PORT=18389                           the in-memory directory's port
#   LDAP_INDEXES=member,uid                   attributes the directory indexes for equality, as
#                                             production directories do (default: none, a full scan)
#
# Directory: generated LDIF (inetOrgPerson users with fixed entryUUIDs, groupOfNames groups
# grp-ae5-0000..; user n is in groups n, n+333 and n+667 mod LDAP_GROUPS), served by UnboundID in memory
# (bench/LdapServer.java). In Keycloak: one LDAP provider (READ_ONLY, import on, cache policy
# NO_CACHE so that every sign-in goes through the mappers) with Keycloak's built-in
# group-ldap-mapper (IMPORT mode), created once; a first full sync imports the users (reported).
# Then RUNS alternating pairs of full syncs of the imported users:
#   off: built-in group-ldap-mapper only;  on: the same plus the rules mapper (3 rules).
# The rules mapper is added before and removed after each "on" sync; one untimed "on" sync first
# makes its grants, so that the timed ones measure the steady state (the directory search per user,
# evaluation, checks). Sign-in: LOGINS password grants of tessera-cli for random users, off and on.
# Prints a table and appends a dated section to bench/RESULTS.md. Removes the provider (and with it
# the imported users) and stops the directory at the end.

# shellcheck disable=SC2016 # backticks in single quotes are Markdown, not command substitution
set -euo pipefail

# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS=${RUNS:-3}
USERS_N=${LDAP_USERS:-10000}
GROUPS_N=${LDAP_GROUPS:-1000}
LOGINS=${LOGINS:-40}
LDAP_PORT=${LDAP_PORT:-18389}
LDAP_INDEXES=${LDAP_INDEXES:-}
[[ $LDAP_INDEXES =~ ^[A-Za-z0-9,]*$ ]] || die "LDAP_INDEXES must be attribute names separated by commas, not '$LDAP_INDEXES'."
for knob in RUNS USERS_N GROUPS_N LOGINS LDAP_PORT; do
  [[ ${!knob} =~ ^[1-9][0-9]*$ ]] || die "$knob must be a positive integer, not '${!knob}'."
done
CMDLINE="RUNS=$RUNS LDAP_USERS=$USERS_N LDAP_GROUPS=$GROUPS_N LOGINS=$LOGINS${LDAP_INDEXES:+ LDAP_INDEXES=$LDAP_INDEXES} bench/ldap-sync.sh"

[ -x "${JAVA_HOME:-}/bin/java" ] || die "set JAVA_HOME to a JDK 21+ (e.g. /usr/lib/jvm/temurin-25-jdk-amd64)."
command -v curl >/dev/null || ensure_packages curl
command -v jq >/dev/null || ensure_packages jq
ensure_built

UNBOUNDID_VERSION=$(sed -n 's:.*<version.unboundid-ldapsdk>\(.*\)</version.unboundid-ldapsdk>.*:\1:p' "$ROOT/pom.xml")
UNBOUNDID_JAR=$HOME/.m2/repository/com/unboundid/unboundid-ldapsdk/$UNBOUNDID_VERSION/unboundid-ldapsdk-$UNBOUNDID_VERSION.jar
if [ ! -f "$UNBOUNDID_JAR" ]; then
  (cd "$ROOT" && mvn -B -q -N org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get \
    -Dartifact="com.unboundid:unboundid-ldapsdk:$UNBOUNDID_VERSION" -Dtransitive=false) ||
    die "could not fetch unboundid-ldapsdk $UNBOUNDID_VERSION with Maven."
fi

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$BENCH_DIR/target/ldap-sync-$STAMP
mkdir -p "$OUT"
KC=http://127.0.0.1:$TESSERA_KEYCLOAK_PORT/auth
ADMIN=$KC/admin/realms/tessera
BASE=dc=example,dc=org
PASSWORD=bench-Pa55word
DIRECTORY_SECRET=bench-directory-secret
LDAP_PID=
PROVIDER_ID=
STARTED_PLATFORM=

cleanup() {
  local rc=$?
  if [ -n "$PROVIDER_ID" ]; then
    log "Removing the LDAP provider and its imported users ..."
    curl -sf -m 900 -X DELETE -H "Authorization: Bearer $(admin_token)" "$ADMIN/components/$PROVIDER_ID" >/dev/null || true
  fi
  [ -z "$LDAP_PID" ] || kill "$LDAP_PID" 2>/dev/null || true
  if [ -n "$STARTED_PLATFORM" ] && [ "${KEEP_UP:-0}" != 1 ]; then tessera down >/dev/null 2>&1 || true; fi
  [ $rc -eq 0 ] || log "LDAP benchmark failed (exit $rc). Logs: $OUT"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- directory ---------------------------------------------------------------------------------

generate_ldif() {
  awk -v users="$USERS_N" -v groups="$GROUPS_N" -v base="$BASE" -v pw="$PASSWORD" 'BEGIN {
    printf "dn: %s\nobjectClass: top\nobjectClass: domain\ndc: example\n\n", base
    printf "dn: ou=users,%s\nobjectClass: organizationalUnit\nou: users\n\n", base
    printf "dn: ou=groups,%s\nobjectClass: organizationalUnit\nou: groups\n\n", base
    for (u = 0; u < users; u++) {
      uid = sprintf("user%05d", u)
      printf "dn: uid=%s,ou=users,%s\nobjectClass: inetOrgPerson\nuid: %s\ncn: %s\ngivenName: %s\nsn: Bench\n", uid, base, uid, uid, uid
      printf "mail: %s@example.org\nuserPassword: %s\nentryUUID: 00000000-0000-4000-8000-%012d\n\n", uid, pw, u
    }
    for (g = 0; g < groups; g++) {
      printf "dn: cn=grp-ae5-%04d,ou=groups,%s\nobjectClass: groupOfNames\ncn: grp-ae5-%04d\n", g, base, g
      printf "member: cn=empty-membership-placeholder\n"
      printf "entryUUID: 00000000-0000-4000-9000-%012d\n", g
      for (u = 0; u < users; u++) {
        if (u % groups == g || (u + 333) % groups == g || (u + 667) % groups == g) printf "member: uid=user%05d,ou=users,%s\n", u, base
      }
      printf "\n"
    }
  }' >"$OUT/directory.ldif"
}

start_directory() {
  port_busy "$LDAP_PORT" && die "port $LDAP_PORT (LDAP_PORT) is in use."
  "$JAVA_HOME/bin/java" -cp "$UNBOUNDID_JAR" "$BENCH_DIR/LdapServer.java" "$LDAP_PORT" "$OUT/directory.ldif" \
    "$DIRECTORY_SECRET" "$LDAP_INDEXES" >"$OUT/directory.log" 2>&1 &
  LDAP_PID=$!
  local i
  for i in $(seq 1 120); do
    grep -q '^ready' "$OUT/directory.log" && return
    kill -0 "$LDAP_PID" 2>/dev/null || die "the directory did not start: $(tail -5 "$OUT/directory.log")"
    sleep 1
  done
  die "the directory was not ready within 120 s"
}

# --- Keycloak admin REST -----------------------------------------------------------------------

admin_token() {
  local user pass
  user=$(sed -n 's/^KC_BOOTSTRAP_ADMIN_USERNAME=//p' "$TESSERA_HOME/secrets/admin.env")
  pass=$(sed -n 's/^KC_BOOTSTRAP_ADMIN_PASSWORD=//p' "$TESSERA_HOME/secrets/admin.env")
  curl -sf -d grant_type=password -d client_id=admin-cli --data-urlencode "username=$user" \
    --data-urlencode "password=$pass" "$KC/realms/master/protocol/openid-connect/token" | jq -r .access_token
}

# admin METHOD PATH [JSON]: prints the body; fails on an HTTP error.
admin() {
  curl -sSf -m 1800 -X "$1" -H "Authorization: Bearer $(admin_token)" -H 'Content-Type: application/json' \
    ${3:+--data "$3"} "$ADMIN$2"
}

component_id() { # parent type name
  admin GET "/components?parent=$1&type=$2&name=$3" | jq -r '.[0].id // empty'
}

create_provider() {
  local realm_id
  realm_id=$(admin GET "" | jq -r .id)
  local old
  old=$(component_id "$realm_id" org.keycloak.storage.UserStorageProvider bench-ldap)
  [ -z "$old" ] || admin DELETE "/components/$old" >/dev/null
  admin POST /components "$(jq -n --arg parent "$realm_id" --arg url "ldap://127.0.0.1:$LDAP_PORT" \
    --arg secret "$DIRECTORY_SECRET" --arg base "$BASE" '{
      name: "bench-ldap", providerId: "ldap", providerType: "org.keycloak.storage.UserStorageProvider", parentId: $parent,
      config: { enabled: ["true"], vendor: ["other"], connectionUrl: [$url], bindDn: ["cn=Directory Manager"],
        bindCredential: [$secret], authType: ["simple"], usersDn: ["ou=users," + $base], usernameLDAPAttribute: ["uid"],
        rdnLDAPAttribute: ["uid"], uuidLDAPAttribute: ["entryUUID"], userObjectClasses: ["inetOrgPerson"],
        searchScope: ["1"], editMode: ["READ_ONLY"], importEnabled: ["true"], pagination: ["true"],
        batchSizeForSync: ["1000"], trustEmail: ["true"], cachePolicy: ["NO_CACHE"] } }')" >/dev/null
  PROVIDER_ID=$(component_id "$realm_id" org.keycloak.storage.UserStorageProvider bench-ldap)
  admin POST /components "$(jq -n --arg parent "$PROVIDER_ID" --arg base "$BASE" '{
      name: "groups", providerId: "group-ldap-mapper", providerType: "org.keycloak.storage.ldap.mappers.LDAPStorageMapper",
      parentId: $parent, config: { "groups.dn": ["ou=groups," + $base], "group.name.ldap.attribute": ["cn"],
        "group.object.classes": ["groupOfNames"], "preserve.group.inheritance": ["false"],
        "membership.ldap.attribute": ["member"], "membership.attribute.type": ["DN"],
        "membership.user.ldap.attribute": ["uid"], mode: ["IMPORT"],
        "user.roles.retrieve.strategy": ["LOAD_GROUPS_BY_MEMBER_ATTRIBUTE"],
        "drop.non.existing.groups.during.sync": ["false"], "ignore.missing.groups": ["false"] } }')" >/dev/null
}

RULES_JSON='["cn:grp-ae5-00* -> roles=ae-uploader", "cn:grp-ae5-01* -> roles=ae-uploader,ae-deployer", "dn:cn=grp-ae5-0999,ou=groups,dc=example,dc=org -> groups=/everyone"]'

add_rules_mapper() {
  admin POST /components "$(jq -n --arg parent "$PROVIDER_ID" --arg base "$BASE" --argjson rules "$RULES_JSON" '{
      name: "rules", providerId: "tessera-group-rules-ldap-mapper",
      providerType: "org.keycloak.storage.ldap.mappers.LDAPStorageMapper", parentId: $parent,
      config: { rules: $rules, "groups.dn": ["ou=groups," + $base] } }')" >/dev/null
}

remove_rules_mapper() {
  local id
  id=$(component_id "$PROVIDER_ID" org.keycloak.storage.ldap.mappers.LDAPStorageMapper rules)
  [ -z "$id" ] || admin DELETE "/components/$id" >/dev/null
}

# Prints the seconds a full sync took; its result goes to the log.
timed_sync() {
  local t0 t1
  t0=$(now)
  admin POST "/user-storage/$PROVIDER_ID/sync?action=triggerFullSync" >>"$OUT/sync.log"
  t1=$(now)
  echo >>"$OUT/sync.log"
  elapsed "$t0" "$t1"
}

# Prints the median milliseconds of LOGINS password grants of random users.
login_median() {
  local i uid result times=()
  for i in $(seq 1 "$LOGINS"); do
    uid=$(printf 'user%05d' $(( (RANDOM * 32768 + RANDOM) % USERS_N )))
    result=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -d grant_type=password -d client_id=tessera-cli \
      -d "username=$uid" -d "password=$PASSWORD" "$KC/realms/tessera/protocol/openid-connect/token")
    [ "${result%% *}" = 200 ] || die "sign-in of $uid answered ${result%% *}"
    times+=("$(awk -v s="${result#* }" 'BEGIN { printf "%.1f", s * 1000 }')")
  done
  median "${times[@]}"
}

# --- run ---------------------------------------------------------------------------------------

if ! bench_platform_running; then
  check_ports_free
  log "Starting the platform (./tessera up) on ports $TESSERA_HTTP_PORT / $TESSERA_KEYCLOAK_PORT ..."
  tessera up >"$OUT/up.log" 2>&1 || die "./tessera up failed; see $OUT/up.log"
  STARTED_PLATFORM=1
fi

log "Generating $USERS_N users and $GROUPS_N groups ..."
generate_ldif
log "Starting the directory on port $LDAP_PORT ..."
start_directory
create_provider
log "First full sync (imports $USERS_N users) ..."
IMPORT_S=$(timed_sync)
log "  import: ${IMPORT_S}s"
add_rules_mapper
log "Untimed full sync with the rules mapper (it makes its grants) ..."
FIRST_ON_S=$(timed_sync)
remove_rules_mapper

OFF=() ON=() RATIOS=()
for run in $(seq 1 "$RUNS"); do
  if [ $((run % 2)) -eq 1 ]; then
    off=$(timed_sync); add_rules_mapper; on=$(timed_sync); remove_rules_mapper
  else
    add_rules_mapper; on=$(timed_sync); remove_rules_mapper; off=$(timed_sync)
  fi
  OFF+=("$off") ON+=("$on")
  RATIOS+=("$(awk -v a="$on" -v b="$off" 'BEGIN { printf "%.3f", a / b }')")
  log "  run $run: off ${off}s, on ${on}s"
done

log "Sign-in latency, $LOGINS logins each ..."
login_median >/dev/null # warm-up: the first logins of a fresh provider pay for class loading
LOGIN_OFF=$(login_median)
add_rules_mapper
LOGIN_ON=$(login_median)
remove_rules_mapper
log "  login median: off ${LOGIN_OFF} ms, on ${LOGIN_ON} ms"

SYNC_OFF=$(median "${OFF[@]}")
SYNC_ON=$(median "${ON[@]}")
RATIO=$(median "${RATIOS[@]}")
LOGIN_RATIO=$(awk -v a="$LOGIN_ON" -v b="$LOGIN_OFF" 'BEGIN { printf "%.3f", a / b }')

row() { # name unit median values...
  local name=$1 unit=$2 med=$3
  shift 3
  printf '| %s | %s | **%s** |' "$name" "$unit" "$med"
  printf ' %s |' "$@"
  printf '\n'
}
header=$(printf '| measure | unit | median |'; for run in $(seq 1 "$RUNS"); do printf ' run %s |' "$run"; done)
rule=$(printf '|---|---|---|'; for _ in $(seq 1 "$RUNS"); do printf -- '---|'; done)
TABLE=$(printf '%s\n%s\n' "$header" "$rule"
  row "full sync, built-in group mapper only (off)" s "$SYNC_OFF" "${OFF[@]}"
  row "full sync, plus the rules mapper (on)" s "$SYNC_ON" "${ON[@]}"
  row "on/off per pair" x "$RATIO" "${RATIOS[@]}")
printf '\n%s\n\n' "$TABLE"

results_header
{
  printf '\n## %s — LDAP sync and sign-in with the group rules mapper (`bench/ldap-sync.sh`)\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
  printf -- '- command: `%s` (from the repository root; platform ports %s / %s, TESSERA_HOME=%s)\n' \
    "$CMDLINE" "$TESSERA_HTTP_PORT" "$TESSERA_KEYCLOAK_PORT" "$TESSERA_HOME"
  machine_description
  printf -- '- directory: UnboundID %s in memory, %s inetOrgPerson users, %s groupOfNames groups, each user in 3 groups; equality indexes: %s\n' \
    "$UNBOUNDID_VERSION" "$USERS_N" "$GROUPS_N" "${LDAP_INDEXES:-none (every search scans the entries)}"
  printf -- '- provider: READ_ONLY, import on, pagination 1000, cache NO_CACHE; built-in `group-ldap-mapper` (IMPORT) always on\n'
  printf -- '- rules mapper (on): %s\n' "$(jq -r 'map("`" + . + "`") | join(", ")' <<<"$RULES_JSON")"
  printf -- '- first full sync (import of %s users, off): %s s; first sync with the rules mapper (makes its grants, untimed in the table): %s s\n' \
    "$USERS_N" "$IMPORT_S" "$FIRST_ON_S"
  printf -- '- **full sync on/off = %s** (median of the per-pair ratios; %s alternating pairs)\n' "$RATIO" "$RUNS"
  printf -- '- **sign-in median: off %s ms, on %s ms, on/off = %s** (%s password grants of `tessera-cli` each, random users, after %s warm-up logins)\n' \
    "$LOGIN_OFF" "$LOGIN_ON" "$LOGIN_RATIO" "$LOGINS" "$LOGINS"
  printf '\n%s\n' "$TABLE"
} >>"$RESULTS"
log "Results appended to $RESULTS"
