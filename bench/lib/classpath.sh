# Sourced by benchmark scripts that run Java benchmark mains from the test sources
# (server/src/test/java/de/kundenpuls/bench, server/embedded/src/test/java/de/kundenpuls/bench):
# compiles the test classes and sets BENCH_CP to the embedded build's test class path.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$ROOT/bin/find-jdk.sh"
# One invocation, so that the reactor resolves shared-model and the server to their freshly
# compiled classes; the embedded module runs last and leaves its class path in the file.
(cd "$ROOT" && ./mvnw -B -ntp -q -pl server/embedded -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$ROOT/server/embedded/target/bench.classpath" -Dmdep.includeScope=test)
BENCH_CP="$ROOT/server/embedded/target/test-classes:$ROOT/server/embedded/target/classes:$ROOT/server/target/test-classes:$ROOT/server/target/classes:$(cat "$ROOT/server/embedded/target/bench.classpath")"
BENCH_JAVA=("$JAVA_HOME/bin/java" --add-exports java.base/jdk.internal.misc=ALL-UNNAMED)
