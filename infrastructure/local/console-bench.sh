#!/usr/bin/env bash
# The staff console's page times through the local gateway, each against the JSON route on the same use case, in one run.
# Starts its own engines on free ports (./run-local not needed). Usage: infrastructure/local/console-bench.sh [requests] [waiting-cases]
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f infrastructure/local/target/runtime-classpath.txt ] || { echo "build first: ./mvnw -B -q -DskipTests package" >&2; exit 1; }
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "infrastructure/local/target/classes:$(cat infrastructure/local/target/runtime-classpath.txt)" \
  org.advocacyhub.local.ConsolePageBenchmark "${1:-200}" "${2:-20}" 2>/dev/null | grep -Ev '^(GET|POST|HEAD) /.* -> [0-9]+ \('
