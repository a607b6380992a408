#!/usr/bin/env bash
# Heap, data-directory size and restart time with 1 million profiles (or $1).
. "$(dirname "$0")/../lib/classpath.sh"
N=${1:-1000000}
DIR=$(mktemp -d /tmp/kundenpuls-million.XXXXXX)
"${BENCH_JAVA[@]}" -Xmx8g -cp "$BENCH_CP" de.kundenpuls.bench.MillionProfilesBench "$N" "$DIR"
rm -rf "$DIR"
