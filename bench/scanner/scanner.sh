#!/usr/bin/env bash
# Barcode decode rate per severity level and decode time per frame on the generated photo set.
# Usage: bench/scanner/scanner.sh [photos per level] [seed]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/bin/find-jdk.sh"
(cd "$ROOT" && ./mvnw -B -ntp -q -pl mobile-app -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$ROOT/mobile-app/target/bench.classpath" -Dmdep.includeScope=test)
CP="$ROOT/mobile-app/target/test-classes:$ROOT/mobile-app/target/classes:$ROOT/shared-model/target/classes:$(cat "$ROOT/mobile-app/target/bench.classpath")"
"$JAVA_HOME/bin/java" -Djava.awt.headless=true -cp "$CP" de.kundenpuls.app.scan.ScannerBench "${1:-20}" "${2:-42}" | grep BENCH
