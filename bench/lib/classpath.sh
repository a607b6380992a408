# Sourced by benchmark scripts that run Java benchmark mains from server/src/test/java/de/kundenpuls/bench:
# compiles the test classes and sets BENCH_CP to the server's test class path.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$ROOT/bin/find-jdk.sh"
(cd "$ROOT" && ./mvnw -B -ntp -q -pl server -am test-compile -DskipTests \
    && ./mvnw -B -ntp -q -pl server -am dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test)
BENCH_CP="$ROOT/server/target/test-classes:$ROOT/server/target/classes:$(cat "$ROOT/server/target/bench.classpath")"
BENCH_JAVA=("$JAVA_HOME/bin/java" --add-exports java.base/jdk.internal.misc=ALL-UNNAMED)
