#!/usr/bin/env bash
# Runs every test of Kundenpuls: unit, HTTP, storage, crash, browser and UI tests.
set -euo pipefail
cd "$(dirname "$0")"
. bin/find-jdk.sh
echo "Using JDK $JAVA_HOME"
exec ./mvnw -B -ntp verify "$@"
