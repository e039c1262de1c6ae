#!/usr/bin/env bash
# Packs the local runtime's tests with a small Java runtime into .device/ (ignored by git), for a
# GPU node that has no Maven and no registries, and prints the command to run there. The GPU node
# test (LocalRuntimeGpuNodeTest) and the cgroup test (LocalRuntimeLimitsTest) skip, saying why,
# on hosts without a GPU or without cgroup v2; on a GPU node with cgroup v2 they run.
#
#   it/gpu-node-check.sh            then, on the GPU node, from the checkout: the printed command
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
OUT=$ROOT/.device
cd "$ROOT"
grep -qx '/.device/' .git/info/exclude 2>/dev/null || { mkdir -p .git/info && echo /.device/ >>.git/info/exclude; }
mvn -B -q test-compile -pl ejb -am
mvn -B -q dependency:get -Dartifact=org.junit.platform:junit-platform-console-standalone:1.11.4
rm -rf "$OUT" && mkdir -p "$OUT/lib"
"$JAVA_HOME/bin/jlink" --add-modules java.base,java.logging,java.xml,java.naming,java.management,jdk.unsupported,jdk.crypto.ec,java.net.http \
  --strip-debug --no-header-files --no-man-pages --compress=zip-9 --output "$OUT/jre"
strip --strip-unneeded "$OUT/jre/lib/server/libjvm.so" 2>/dev/null || true
(cd ejb/target/classes && "$JAVA_HOME/bin/jar" cf "$OUT/lib/ejb-classes.jar" org)
(cd ejb/target/test-classes && "$JAVA_HOME/bin/jar" cf "$OUT/lib/ejb-tests.jar" org/tessera/runtime/infrastructure/LocalRuntime*)
mvn -B -q dependency:copy -Dartifact=org.junit.platform:junit-platform-console-standalone:1.11.4 -DoutputDirectory="$OUT/lib"
mvn -B -q dependency:copy-dependencies -pl ejb -DincludeArtifactIds=org.eclipse.jgit,assertj-core,slf4j-api,commons-compress -DoutputDirectory="$OUT/lib"
du -sh "$OUT"
cat <<'RUN'
On the GPU node, from the checkout (with .device carried along):
  cd .device && CP=$(ls lib/*.jar | grep -v console | tr '\n' ':') && jre/bin/java -jar lib/junit-platform-console-standalone-1.11.4.jar execute \
    --class-path "$CP" --select-class org.tessera.runtime.infrastructure.LocalRuntimeGpuNodeTest \
    --select-class org.tessera.runtime.infrastructure.LocalRuntimeLimitsTest --select-class org.tessera.runtime.infrastructure.LocalRuntimeTest --details=tree
RUN
