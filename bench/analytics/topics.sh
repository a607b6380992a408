#!/usr/bin/env bash
# The topics query over HTTP with N commented answers stored (default 1,000,000) in 4 stores over
# the last 28 days. Usage: bench/analytics/topics.sh [answers]
. "$(dirname "$0")/../lib/classpath.sh"
. "$(dirname "$0")/../lib/server.sh"
BENCH_JVM_OPTS="${BENCH_JVM_OPTS:--Xmx8g}" start_server
"${BENCH_JAVA[@]}" -cp "$BENCH_CP" de.kundenpuls.bench.TopicsBench "$BASE" "${1:-1000000}" 2>&1 | grep -E "^BENCH|Exception"
echo "data directory: $(du -sh "$BENCH_DATA" | cut -f1)"
