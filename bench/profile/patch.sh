#!/usr/bin/env bash
# Durable profile updates: PATCH /api/me from 1,000 shoppers over 50 connections. Every 2xx is a
# write acknowledged only after its Eclipse Store commit. Usage: bench/profile/patch.sh [seconds]
. "$(dirname "$0")/../lib/server.sh"
DURATION=${1:-20}
start_server
TOKENS=$(mktemp)
for i in $(seq 1 1000); do dev_token shopper >> "$TOKENS"; echo >> "$TOKENS"; done
sed -i '/^$/d' "$TOKENS"
# Create the profiles first so that the run measures updates.
while read -r t; do curl -fs -o /dev/null -H "Authorization: Bearer $t" "$BASE/api/me"; done < "$TOKENS"
TOKENS=$TOKENS wrk -t2 -c50 -d5s -s "$(dirname "$0")/patch.lua" "$BASE" > /dev/null
echo "PATCH /api/me, 50 connections, ${DURATION}s:"
TOKENS=$TOKENS wrk -t2 -c50 -d"${DURATION}s" --latency -s "$(dirname "$0")/patch.lua" "$BASE" | grep -E "BENCH|Requests/sec|99%"
echo "data directory: $(du -sh "$BENCH_DATA" | cut -f1)"
