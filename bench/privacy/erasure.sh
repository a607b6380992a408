#!/usr/bin/env bash
# Export and erasure of one customer, and the time until erased e-mail addresses are gone from the
# data files, on an existing data directory (e.g. the one bench/analytics/scores.sh leaves with
# 10,000,000 answers). Also reports the restart time and the directory size before and after.
# Usage: BENCH_DATA=/tmp/kundenpuls-bench.XXXXXX bench/privacy/erasure.sh
. "$(dirname "$0")/../lib/classpath.sh"
: "${BENCH_DATA:?set BENCH_DATA to an existing data directory}"
. "$(dirname "$0")/../lib/server.sh"
export FEEDBACK_MAX_AGE_DAYS=800
echo "BENCH data directory before: $(du -sb "$BENCH_DATA" | cut -f1) bytes"
start=$(date +%s.%N)
BENCH_JVM_OPTS="-Xmx8g" start_server
echo "BENCH restart to ready: $(echo "$(date +%s.%N) - $start" | bc) s"
"${BENCH_JAVA[@]}" -cp "$BENCH_CP" de.kundenpuls.bench.PrivacyBench "$BASE" "$BENCH_DATA" 2>&1 | grep --line-buffered -E "^BENCH|Exception"
"$JAVA_HOME/bin/jcmd" "$SERVER_PID" GC.run >/dev/null 2>&1 || true
echo "BENCH heap after a full GC: $("$JAVA_HOME/bin/jcmd" "$SERVER_PID" GC.heap_info 2>/dev/null | grep -Eo 'used [0-9]+K' | head -1)"
stop_server
echo "BENCH data directory after: $(du -sb "$BENCH_DATA" | cut -f1) bytes"
