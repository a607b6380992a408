#!/usr/bin/env bash
# Builds Kundenpuls when needed and starts it on the embedded default: server and web console on
# http://localhost:8080 (console at /console/), Eclipse Store data in ./data, demo catalog,
# dev sign-in, and a local FCM stand-in for push. Pass "app" to also start the desktop app.
set -euo pipefail
cd "$(dirname "$0")"
. bin/find-jdk.sh

jar=server/embedded/target/kundenpuls-embedded.jar
app=mobile-app/target/kundenpuls-app.jar
newest_source=$(find pom.xml */pom.xml server/embedded/pom.xml shared-model/src server/src server/embedded/src mobile-app/src -newer "$jar" -type f -print -quit 2>/dev/null || true)
if [ ! -f "$jar" ] || [ ! -f "$app" ] || [ -n "$newest_source" ]; then
    echo "Building Kundenpuls (tests are run by ./test.sh) ..."
    ./mvnw -B -ntp -q package -DskipTests
fi

# Eclipse Store reads JDK internals for speed (STACK.md); since JDK 24 the JVM warns about
# sun.misc.Unsafe unless told that this use is allowed. Both modes start the server alike.
jvm_flags=(--add-exports java.base/jdk.internal.misc=ALL-UNNAMED)
if [ "$(java_major "$JAVA_HOME")" -ge 24 ]; then
    jvm_flags+=(--sun-misc-unsafe-memory-access=allow)
fi

export KUNDENPULS_PROFILE="${KUNDENPULS_PROFILE:-embedded}"
export STORAGE_DIRECTORY="${STORAGE_DIRECTORY:-$PWD/data}"

if [ "${1:-}" = "app" ]; then
    java "${jvm_flags[@]}" -jar "$jar" &
    server_pid=$!
    trap 'kill $server_pid 2>/dev/null' EXIT
    java "${jvm_flags[@]}" -jar "$app" --server http://localhost:"${SERVER_PORT:-8080}"
    exit 0
fi
exec java "${jvm_flags[@]}" -jar "$jar"
