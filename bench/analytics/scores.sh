#!/usr/bin/env bash
# Scores queries over HTTP with N answers stored (default 10,000,000) in 50 stores over two years.
# Usage: bench/analytics/scores.sh [answers]
# With BENCH_DATA=<a directory loaded before> (e.g. by bench/profile/ten-million.sh) it only restarts
# the server on it and times the queries: the figures of a settled server, not of one whose
# housekeeping is still collecting what the bulk load left behind.
. "$(dirname "$0")/../lib/classpath.sh"
. "$(dirname "$0")/../lib/server.sh"
# The load spreads answers over 730 days; the capture window defaults to 30.
export FEEDBACK_MAX_AGE_DAYS=800
MODE=
if [ -d "$BENCH_DATA/channel_0" ]; then
    MODE=query-only
fi
BENCH_JVM_OPTS="${BENCH_JVM_OPTS:--Xmx8g}" start_server
"${BENCH_JAVA[@]}" -cp "$BENCH_CP" de.kundenpuls.bench.AnalyticsBench "$BASE" "${1:-10000000}" $MODE 2>&1 | grep -E "^BENCH|Exception"
# The same two queries with wrk (one connection, keep-alive, 20 s after a 10 s warm-up): its
# latency distribution is the figure of record.
token=$(dev_token marketer)
today=$(TZ=Europe/Berlin date +%F)
for query in "granularity=week&from=$(TZ=Europe/Berlin date -d '-364 days' +%F)&to=$today" \
             "granularity=day&storeId=filiale-07&from=$(TZ=Europe/Berlin date -d '-27 days' +%F)&to=$today"; do
    wrk -t1 -c1 -d10s -H "Authorization: Bearer $token" "$BASE/api/analytics/scores?$query" >/dev/null
    echo "BENCH wrk $query"
    wrk -t1 -c1 -d20s --latency -H "Authorization: Bearer $token" "$BASE/api/analytics/scores?$query" \
        | grep -E "^ +(50|90|99)%|Requests/sec"
done
"$JAVA_HOME/bin/jcmd" "$SERVER_PID" GC.run >/dev/null 2>&1 || true
echo "BENCH heap after a full GC: $("$JAVA_HOME/bin/jcmd" "$SERVER_PID" GC.heap_info 2>/dev/null | grep -Eo 'used [0-9]+K' | head -1)"
stop_server
echo "BENCH data directory: $(du -sb "$BENCH_DATA" | cut -f1) bytes in $BENCH_DATA"
