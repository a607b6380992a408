#!/usr/bin/env bash
# Cold start of the desktop app: JVM start to the first laid-out frame of the scan screen, on
# headless JavaFX (Monocle, software rendering), a fresh app directory per run, no server running.
# Usage: bench/app/startup.sh [runs]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/bin/find-jdk.sh"
(cd "$ROOT" && ./mvnw -B -ntp -q -pl mobile-app -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$ROOT/mobile-app/target/bench.classpath" -Dmdep.includeScope=test)
CP="$ROOT/mobile-app/target/classes:$ROOT/shared-model/target/classes:$(cat "$ROOT/mobile-app/target/bench.classpath")"
runs=${1:-10}
times=()
for i in $(seq 1 "$runs"); do
    dir=$(mktemp -d)
    line=$("$JAVA_HOME/bin/java" -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dheadless.geometry=1280x1024-32 \
        -Dprism.order=sw --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
        -Dkundenpuls.app.data="$dir" -Dkundenpuls.server=http://127.0.0.1:9 -Dkundenpuls.app.startupProbe=true \
        -cp "$CP" de.kundenpuls.app.Launcher 2>/dev/null | grep STARTUP)
    rm -rf "$dir"
    times+=("${line#*=}")
    echo "run $i: ${line#*=} ms"
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "BENCH app cold start: median %d ms, min %d ms, max %d ms (%d runs)\n", a[int((NR+1)/2)], a[1], a[NR], NR}'
