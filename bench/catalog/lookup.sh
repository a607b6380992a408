#!/usr/bin/env bash
# Product lookup throughput and p99 against an empty Helidon handler on the same server, same run:
# wrk, 2 threads, 50 connections. Usage: bench/catalog/lookup.sh [seconds]
. "$(dirname "$0")/../lib/server.sh"
DURATION=${1:-15}
export BENCH_EMPTY_ROUTE=true CATALOG_SEED_DEMO=true
start_server
GTIN=4013456000018
curl -fs "$BASE/api/products/$GTIN" > /dev/null
run() {
    wrk -t2 -c50 -d5s "$1" > /dev/null  # warm-up
    wrk -t2 -c50 -d"${DURATION}s" --latency "$1" | awk '/Requests\/sec/ {rps=$2} /^ +99%/ {p99=$2} END {print rps, p99}'
}
read -r empty_rps empty_p99 < <(run "$BASE/bench/empty")
read -r lookup_rps lookup_p99 < <(run "$BASE/api/products/$GTIN")
read -r lookup_en_rps lookup_en_p99 < <(run "$BASE/api/products/$GTIN?lang=en")
echo "empty handler:          $empty_rps req/s, p99 $empty_p99"
echo "GET /api/products/GTIN: $lookup_rps req/s, p99 $lookup_p99"
echo "  ?lang=en:             $lookup_en_rps req/s, p99 $lookup_en_p99"
awk -v a="$lookup_rps" -v b="$empty_rps" 'BEGIN {printf "ratio lookup/empty: %.2f\n", a/b}'
