#!/usr/bin/env bash
# Intake handler cold start and warm latency, and the warm latency of allocation and recording time,
# against the engines of a running ./run-local; then the allocation timer's run time on engines of its own.
# Usage: infrastructure/local/bench.sh [warm-requests] [casework-cases]   (defaults 1000 and 300)
#        infrastructure/local/bench.sh cost [referrals] [warm-up]   (issue 24 item 7: what a referral costs; defaults 40 and 10)
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${1:-}" = cost ]; then
  # Requests, units and warm milliseconds per referral and per schedule run, on engines of its own, then the monthly cost.
  java $(sed -n 's/^ *JAVA_TOOL_OPTIONS: *//p' template.yaml | head -1) -Dorg.slf4j.simpleLogger.defaultLogLevel=info \
    -cp "infrastructure/local/bench/sdk-calls:infrastructure/local/target/classes:$(cat infrastructure/local/target/runtime-classpath.txt)" \
    org.advocacyhub.local.bench.CostProfile "${2:-40}" "${3:-10}" 2>infrastructure/local/target/cost-profile.log
  exit
fi
jar=functions/referral-intake/target/referral-intake-lambda.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -B -q -DskipTests package" >&2; exit 1; }
cp_cold="$jar:infrastructure/local/target/classes"
echo "Cold start: fresh JVM on the Lambda jar to first response (java -XX:TieredStopAtLevel=1, as template.yaml sets), 5 runs"
times=()
for i in 1 2 3 4 5; do
  start=$(date +%s%N)
  java -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp_cold" \
    org.advocacyhub.local.bench.IntakeBenchmark cold >/dev/null
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "  runs (ms): ${times[*]}   median: ${sorted[2]} ms"
# The warm runs: each with a same-run baseline that makes the handler's engine calls directly with the SDK, the ratio
# of medians being the handler's own cost. infrastructure/local/bench/sdk-calls registers the SDK interceptor that
# counts and captures those calls (org.advocacyhub.local.bench.SdkCalls), on these JVMs only. Each JVM runs with the
# options template.yaml gives the functions in Lambda (JAVA_TOOL_OPTIONS: C1 only, serial GC); WARM_JVM_OPTIONS
# replaces them (e.g. WARM_JVM_OPTIONS=" " for the JVM's defaults, where C2 compiles during the run).
lambda_jvm=$(sed -n 's/^ *JAVA_TOOL_OPTIONS: *//p' template.yaml | head -1)
read -r -a warm_jvm <<< "${WARM_JVM_OPTIONS:-$lambda_jvm}"
cp_warm="infrastructure/local/bench/sdk-calls:infrastructure/local/target/classes:$(cat infrastructure/local/target/runtime-classpath.txt)"
echo "Warm: ${1:-1000} requests in one JVM after warm-up, each paired with a baseline run (JVM options: ${warm_jvm[*]:-defaults})"
java "${warm_jvm[@]}" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp_warm" \
  org.advocacyhub.local.bench.IntakeBenchmark warm "${1:-1000}"
echo "Casework: POST /cases/{ref}/allocation and POST /cases/{ref}/time on ${2:-300} fresh cases (the running ./run-local screens them)"
java "${warm_jvm[@]}" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp_warm" \
  org.advocacyhub.local.bench.CaseworkBenchmark "${2:-300}"
echo "Allocation timer: runs with 100 alerts due among 10,000 open clocks, each paired with a baseline run (own engines on free ports)"
java "${warm_jvm[@]}" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp_warm" \
  org.advocacyhub.local.bench.TimerBenchmark 10000 100 2>/dev/null | grep -E '^(engine|timer|baseline|ratio)'
