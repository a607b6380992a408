#!/usr/bin/env bash
# Restart to ready on a data directory loaded before (e.g. by bench/profile/ten-million.sh), RUNS times.
# Usage: BENCH_DATA=<directory> [RUNS=3] bench/profile/restart.sh
. "$(dirname "$0")/../lib/server.sh"
export FEEDBACK_MAX_AGE_DAYS=30
export BENCH_JVM_OPTS="${BENCH_JVM_OPTS:--Xmx8g}"
for i in $(seq 1 ${RUNS:-3}); do
  t0=$(date +%s.%N); start_server; t1=$(date +%s.%N)
  echo "restart $i: $(echo "$t1 - $t0" | bc) s; $(grep -E "Storage opened|Rebuilt at start" "$BENCH_DATA.log" | sed 's/^.*INFO [^:]*: //' | tr '\n' ' ')"
  stop_server
done
