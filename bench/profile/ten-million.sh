#!/usr/bin/env bash
# Profiles at chain scale (issue 12.4): N profiles (default 10,000,000) written through the real
# storage code, M answers (default 10,000,000, 50 stores, two years) through HTTP, then over HTTP:
# restart to ready, the first audiences right after it, PATCH /api/me on existing profiles, and the
# heap after a full GC. Usage: bench/profile/ten-million.sh [profiles] [answers]
. "$(dirname "$0")/../lib/classpath.sh"
. "$(dirname "$0")/../lib/server.sh"
PROFILES=${1:-10000000}
ANSWERS=${2:-10000000}
export FEEDBACK_MAX_AGE_DAYS=800
BENCH_JVM_OPTS="${BENCH_JVM_OPTS:--Xmx8g}"
export BENCH_JVM_OPTS
# RESUME=1 with BENCH_DATA=<a directory of an earlier run> skips the loads already done there.
if [ "${RESUME:-0}" != 1 ]; then
    "${BENCH_JAVA[@]}" -Xmx8g -cp "$BENCH_CP" de.kundenpuls.bench.ProfileLoad "$PROFILES" "$BENCH_DATA" 2>&1 | grep -E "^BENCH wrote .*profiles/s|Exception"
fi
if [ "${RESUME:-0}" != 1 ] || [ "${RESUME_ANSWERS:-1}" = 1 ]; then
    start_server
    "${BENCH_JAVA[@]}" -cp "$BENCH_CP" de.kundenpuls.bench.AnalyticsBench "$BASE" "$ANSWERS" load-only 2>&1 | grep -E "^BENCH loaded .* in .* s =|Exception"
    stop_server
fi
echo "BENCH data directory after loading: $(du -sb "$BENCH_DATA" | cut -f1) bytes"
if [ "${COMPACT:-1}" = 1 ]; then
    t0=$(date +%s.%N)
    start_server
    t1=$(date +%s.%N)
    echo "BENCH restart to ready right after the loads (health 200): $(echo "$t1 - $t0" | bc) s"
    stop_server
    # What a live server's housekeeping does over hours, in one go: a restart in production opens a
    # directory of live data, not the superseded versions of a bulk load.
    "${BENCH_JAVA[@]}" -Xmx8g -cp "$BENCH_CP" de.kundenpuls.bench.Compact "$BENCH_DATA" 2>&1 | grep -E "^BENCH|Exception"
    echo "BENCH data directory after housekeeping: $(du -sb "$BENCH_DATA" | cut -f1) bytes"
fi

# The loads needed 800 days to place two years of answers; the restart runs with the production
# capture window (30 days), which decides how many recent answer ids the start rebuilds.
export FEEDBACK_MAX_AGE_DAYS=${RESTART_MAX_AGE_DAYS:-30}
t0=$(date +%s.%N)
start_server
t1=$(date +%s.%N)
echo "BENCH restart to ready (health 200): $(echo "$t1 - $t0" | bc) s"
grep -E "Storage opened|Rebuilt at start" "$BENCH_DATA.log" | sed 's/^.*INFO [^:]*: /BENCH   /'
marketer=$(dev_token marketer)
for audience in '{}' '{"homeStoreIds":["filiale-07","filiale-08"],"locales":["de"],"platforms":["ios"]}' \
                '{"category":"dairy","minAffinity":0.5,"ageBands":["25-34","35-44"],"visitedWithinDays":30}'; do
    body="{\"name\":\"Bench\",\"audience\":$audience,\"variants\":[{\"locale\":\"de\",\"title\":\"Hallo {firstName}\",\"body\":\"Neu\"}]}"
    times=()
    for run in 1 2 3 4 5 6 7; do
        times+=("$(curl -fs -o /tmp/kundenpuls-audience.json -w '%{time_total}' -X POST "$BASE/api/campaigns/preview" \
            -H "Authorization: Bearer $marketer" -H 'Content-Type: application/json' -d "$body")")
    done
    size=$(sed 's/.*"audienceSize":\([0-9]*\).*/\1/' /tmp/kundenpuls-audience.json)
    echo "BENCH audience $audience: size=$size first_s=${times[0]} median_s=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 4p)"
done
TOKENS=$(mktemp)
for i in $(seq 1 2000); do
    curl -fs -X POST "$BASE/api/dev/tokens" -H 'Content-Type: application/json' \
        -d "{\"role\":\"shopper\",\"uid\":\"p$(( (i * 4999) % PROFILES ))\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/' >> "$TOKENS"
    echo >> "$TOKENS"
done
sed -i '/^$/d' "$TOKENS"
echo "BENCH PATCH /api/me on 2,000 existing profiles spread over all, 50 connections, 30 s:"
TOKENS=$TOKENS wrk -t2 -c50 -d30s --latency -s "$(dirname "$0")/existing.lua" "$BASE" | grep -E "BENCH"
"$JAVA_HOME/bin/jcmd" "$SERVER_PID" GC.run >/dev/null 2>&1 || true
echo "BENCH heap after a full GC: $("$JAVA_HOME/bin/jcmd" "$SERVER_PID" GC.heap_info 2>/dev/null | grep -Eo 'used [0-9]+K' | head -1)"
stop_server
echo "BENCH data directory: $(du -sb "$BENCH_DATA" | cut -f1) bytes in $BENCH_DATA"
