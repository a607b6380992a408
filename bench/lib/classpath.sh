# Sourced by benchmark scripts that run Java benchmark mains from server/src/test/java/de/kundenpuls/bench:
# compiles the test classes and sets BENCH_CP to the server's test class path.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$ROOT/bin/find-jdk.sh"
# One invocation, so that the reactor resolves shared-model to its freshly compiled classes; the
# server module runs last and leaves its class path in the file.
(cd "$ROOT" && ./mvnw -B -ntp -q -pl server -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$ROOT/server/target/bench.classpath" -Dmdep.includeScope=test)
BENCH_CP="$ROOT/server/target/test-classes:$ROOT/server/target/classes:$(cat "$ROOT/server/target/bench.classpath")"
BENCH_JAVA=("$JAVA_HOME/bin/java" --add-exports java.base/jdk.internal.misc=ALL-UNNAMED)
