#!/usr/bin/env bash
# repodata.json build benchmark: Tessera's index writer (org.tessera.channels: records kept as JSON
# text, rendered and written as repodata.json and .json.zst, each swapped in whole) for N generated
# package records, a full build and an incremental one after one more record, against the same
# work in plain Python (json.dumps + zstandard, what conda-index does last). It also times what a
# .json.bz2 would add (Tessera writes none: see CondaIndexFiles).
#
#   bench/repodata-build.sh              N=50000 records, RUNS=5 rounds (after one warm-up round)
#   N=50000 RUNS=7 bench/repodata-build.sh
#
# No platform is started: the writer runs as a single-file Java program (bench/RepodataBuild.java)
# over the ejb module's classes. Appends a dated section to bench/RESULTS.md.

# shellcheck disable=SC2016 # backticks in single quotes are Markdown
set -euo pipefail

# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

N=${N:-50000}
RUNS=${RUNS:-5}
for var in N RUNS; do
  [[ ${!var} =~ ^[1-9][0-9]*$ ]] || die "$var must be a positive integer, not '${!var}'."
done
[ -x "${JAVA_HOME:-}/bin/java" ] || die "set JAVA_HOME to a JDK 21+ (e.g. /usr/lib/jvm/temurin-25-jdk-amd64)."
/usr/bin/python3 -c 'import zstandard' 2>/dev/null || ensure_packages python3-zstandard

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$BENCH_DIR/target/repodata-build-$STAMP
mkdir -p "$OUT"

if [ ! -f "$ROOT/ejb/target/classes/org/tessera/channels/domain/Repodata.class" ]; then
  log "Compiling the ejb module ..."
  (cd "$ROOT" && mvn -B -q compile -pl ejb -am >"$OUT/build.log" 2>&1) || die "the build failed; see $OUT/build.log"
fi
(cd "$ROOT" && mvn -B -q dependency:build-classpath -pl ejb -Dmdep.outputFile="$OUT/classpath.txt" >"$OUT/classpath.log" 2>&1) ||
  die "could not resolve the ejb module's class path; see $OUT/classpath.log"
CP=$ROOT/ejb/target/classes:$(cat "$OUT/classpath.txt")

log "Tessera's writer: $N records, $RUNS rounds ..."
"$JAVA_HOME/bin/java" -Xmx2g -Dtessera.home="$OUT/home" -cp "$CP" "$BENCH_DIR/RepodataBuild.java" "$N" "$OUT" "$RUNS" >"$OUT/tessera.txt"
log "Python reference: $N records, $RUNS rounds ..."
/usr/bin/python3 "$BENCH_DIR/repodata_reference.py" "$OUT" "$RUNS" >"$OUT/reference.txt"

col() { awk -v k="$1" '{ for (i = 1; i < NF; i++) if ($i == k) print $(i + 1) }' "$2" | paste -sd' '; }
FULL=$(col full "$OUT/tessera.txt")
INCR=$(col incremental "$OUT/tessera.txt")
JSON=$(col json "$OUT/tessera.txt")
ZST=$(col zst "$OUT/tessera.txt")
BZ2=$(col bz2 "$OUT/tessera.txt")
REF=$(col full "$OUT/reference.txt")
BYTES=$(col bytes "$OUT/tessera.txt" | awk '{ print $1 }')
# shellcheck disable=SC2086 # word splitting of the run lists is intended
m_full=$(median $FULL) m_incr=$(median $INCR) m_ref=$(median $REF) m_json=$(median $JSON) m_zst=$(median $ZST) m_bz2=$(median $BZ2)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
row() { printf '| %s | ms | **%s** | %s |\n' "$1" "$2" "$(tr ' ' '|' <<<"$3" | sed 's/|/ | /g')"; }

results_header
{
  echo "## $(date -u '+%Y-%m-%d %H:%M') UTC — repodata.json build, $N records (\`bench/repodata-build.sh\`)"
  echo
  echo "- command: \`N=$N RUNS=$RUNS bench/repodata-build.sh\` (from the repository root)"
  machine_description
  echo "- index: one linux-64 subdirectory, $N records (5,000 names, 4 dependencies each), repodata.json $BYTES bytes; written as repodata.json and .json.zst (level 6), each to a temporary file and moved into place"
  echo "- tessera = \`Repodata\` + \`CondaIndexFiles.write\` in one JVM (-Xmx2g), after a warm-up round; reference = \`/usr/bin/python3\` json.loads of each record + json.dumps(sort_keys) + zstandard level 6 of the same records, written the same way, after a warm-up round"
  echo "- **full build: tessera/reference = $(ratio "$m_full" "$m_ref")** (time ratio, lower is better); **incremental/full = $(ratio "$m_incr" "$m_full")**; render JSON $m_json ms, zst $m_zst ms; a .json.bz2 would add $m_bz2 ms ($(ratio "$m_bz2" "$m_incr") of an incremental build)"
  echo
  echo "| measure | unit | median | runs |"
  echo "|---|---|---|---|"
  row "tessera full build" "$m_full" "$FULL"
  row "tessera incremental (one more record)" "$m_incr" "$INCR"
  row "reference full build (Python)" "$m_ref" "$REF"
  row "render JSON" "$m_json" "$JSON"
  row "compress zst" "$m_zst" "$ZST"
  row "compress bz2 (not written)" "$m_bz2" "$BZ2"
  echo
} | tee -a "$RESULTS"
