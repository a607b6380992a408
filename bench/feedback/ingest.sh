#!/usr/bin/env bash
# Feedback ingest over HTTP: 20 clients, batches of 50, until N answers (default 2,000,000) are
# acknowledged, all into one store-day (the case where a day's bucket used to be rewritten) or
# over four stores. Usage: bench/feedback/ingest.sh [answers] [one-store-day|four-stores]
. "$(dirname "$0")/../lib/classpath.sh"
. "$(dirname "$0")/../lib/server.sh"
# Anonymous answers without a device id: no anti-mashing interval applies to them.
BENCH_JVM_OPTS="-Xmx8g" start_server
"${BENCH_JAVA[@]}" -cp "$BENCH_CP" de.kundenpuls.bench.IngestBench "$BASE" "${1:-2000000}" 20 50 "${2:-one-store-day}" 2>&1 \
    | grep -E "^BENCH|Exception"
stop_server
echo "data directory after the run: $(du -sh "$BENCH_DATA" | cut -f1)"
