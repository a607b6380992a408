# Sourced by benchmark scripts: builds the server jar when needed and starts it on a fresh data
# directory in the embedded profile. Sets BASE and SERVER_PID; stops the server on exit.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$ROOT/bin/find-jdk.sh"
command -v wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk; }
if [ ! -f "$ROOT/server/embedded/target/kundenpuls-embedded.jar" ] || [ "${BENCH_REBUILD:-0}" = 1 ]; then
    (cd "$ROOT" && ./mvnw -B -ntp -q package -DskipTests)
fi
BENCH_PORT=${BENCH_PORT:-18080}
BENCH_DATA=${BENCH_DATA:-$(mktemp -d /tmp/kundenpuls-bench.XXXXXX)}
BASE="http://127.0.0.1:$BENCH_PORT"

start_server() {
    # A few bench clients stand for the thousands of app accounts and kiosks of a chain, so the
    # per-sender limits (5 answers at once per app account, 500 per kiosk) and the 3 s device
    # interval are lifted here; CaptureAbuseTest checks them at their production values.
    FEEDBACK_LIMITS_SHOPPER_BURST=1000000000 FEEDBACK_LIMITS_SHOPPER_REFILL_SECONDS=1 \
    FEEDBACK_LIMITS_KIOSK_BURST=1000000000 FEEDBACK_LIMITS_KIOSK_REFILL_SECONDS=1 FEEDBACK_MIN_INTERVAL_MS=0 \
    DEMO_HISTORY=${DEMO_HISTORY:-false} SERVER_PORT=$BENCH_PORT OBSERVE_PORT=0 STORAGE_DIRECTORY="$BENCH_DATA" STANDIN_PORT=0 \
        "$JAVA_HOME/bin/java" ${BENCH_JVM_OPTS:--Xmx4g} "$@" -jar "$ROOT/server/embedded/target/kundenpuls-embedded.jar" \
        > "$BENCH_DATA.log" 2>&1 &
    SERVER_PID=$!
    # Up to 5 minutes: a data directory with ten million profiles takes tens of seconds to open.
    for _ in $(seq 1 1500); do
        if curl -fs "$BASE/observe/health" >/dev/null 2>&1; then
            return 0
        fi
        sleep 0.2
    done
    echo "server did not start; log: $BENCH_DATA.log" >&2
    tail -20 "$BENCH_DATA.log" >&2
    exit 1
}

stop_server() {
    if [ -n "${SERVER_PID:-}" ]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
        SERVER_PID=
    fi
}
trap stop_server EXIT

dev_token() {
    curl -fs -X POST "$BASE/api/dev/tokens" -H 'Content-Type: application/json' -d "{\"role\":\"$1\"${2:+,\"store\":\"$2\"}}" \
        | sed 's/.*"token":"\([^"]*\)".*/\1/'
}
