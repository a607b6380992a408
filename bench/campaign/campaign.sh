#!/usr/bin/env bash
# Audience evaluation over 1,000,000 profiles and the end-to-end send rate of a 100,000-recipient
# campaign to the FCM stand-in, next to the stand-in's own rate. Usage: bench/campaign/campaign.sh [profiles] [recipients]
. "$(dirname "$0")/../lib/classpath.sh"
"${BENCH_JAVA[@]}" -Xmx8g -Dhttp.maxConnections=200 -cp "$BENCH_CP" de.kundenpuls.bench.CampaignBench "${1:-1000000}" "${2:-100000}" \
    2>&1 | grep -E "^BENCH|Exception|Error"
