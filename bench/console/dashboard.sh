#!/usr/bin/env bash
# Dashboard load to interactive in headless Chromium with N feedback answers stored (default 1,000,000),
# and the scores query behind it. Usage: bench/console/dashboard.sh [answers]
# (DEMO_HISTORY=true bench/console/dashboard.sh 0: the living demo alone)
. "$(dirname "$0")/../lib/classpath.sh"
. "$(dirname "$0")/../lib/server.sh"
export FEEDBACK_MIN_INTERVAL_MS=0
# The load spreads answers over the last 365 days; the capture window defaults to 30.
export FEEDBACK_MAX_AGE_DAYS=400
BENCH_JVM_OPTS="-Xmx8g" start_server
# With DEMO_HISTORY=true the server listens while it writes the living demo: wait for it.
if [ "${DEMO_HISTORY:-false}" = true ]; then
    for _ in $(seq 1 600); do grep -q "Seeded the demo history" "$BENCH_DATA.log" && break; sleep 0.2; done
    grep -o "Seeded the demo history.*" "$BENCH_DATA.log"
fi
"${BENCH_JAVA[@]}" -cp "$BENCH_CP" de.kundenpuls.bench.DashboardBench "$BASE" "${1:-1000000}" 2>&1 | grep -E "^BENCH|Exception"
echo "data directory: $(du -sh "$BENCH_DATA" | cut -f1)"
