#!/usr/bin/env bash
# Building a quarter's report (issue 11: 100,000 cases in at most 10 s with at most 512 MB of heap, linear from 10k):
# a deterministic LLR quarter streamed into the QuarterlyReturnBuilder (and the restricted list), build, every workbook
# written (ReportBenchmark). Each run is a fresh JVM with -Xmx512m and the JIT flags template.yaml gives the functions;
# RUNS runs per size; the medians per size, the time per 1,000 cases and the ratio of the largest size to the smallest.
# Needs no running ./run-local.
# Usage: infrastructure/local/report-bench.sh [sizes...]   (default 10000 25000 50000 100000)
# Environment: RUNS (default 3), SEED (default 42), JVM_OPTS (default template.yaml's JAVA_TOOL_OPTIONS), VERBOSE=1 for each run,
# WARMUPS (default 0: each timed build is the JVM's first, as in a fresh Lambda JVM; 1 or more: that many untimed builds
# of the same size first, to see the builder's own growth without a fresh JVM's fixed cost).
set -euo pipefail
cd "$(dirname "$0")/../.."
classpath_file=infrastructure/local/target/runtime-classpath.txt
[ -f "$classpath_file" ] || { echo "build first: ./mvnw -B -q -DskipTests package" >&2; exit 1; }
classpath="infrastructure/local/target/classes:$(cat "$classpath_file")"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 25000 50000 100000)
runs=${RUNS:-3}
seed=${SEED:-42}
jvm_opts=${JVM_OPTS:--XX:+TieredCompilation -XX:TieredStopAtLevel=1}
warmups=${WARMUPS:-0}
results=$(mktemp)
trap 'rm -f "$results"' EXIT

echo "Quarterly report build: LLR 2026-Q3, seed $seed, $runs fresh JVMs per size (java -Xmx512m $jvm_opts), $warmups untimed builds first"
for size in "${sizes[@]}"; do
  for run in $(seq 1 "$runs"); do
    # shellcheck disable=SC2086 # the JVM options are words
    out=$(java -Xmx512m $jvm_opts -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$classpath" \
      org.advocacyhub.local.bench.ReportBenchmark "$size" "$seed" LLR "$warmups")
    [ -z "${VERBOSE:-}" ] || echo "$out" | grep -v '^result'
    echo "$out" | grep '^result' >>"$results"
    echo "  $size cases, run $run: $(echo "$out" | grep '^result' | sed -E 's/.* build_ms=([0-9.]+).* gen_ms=([0-9.]+).* peak_mb=([0-9.]+).*/build \1 ms, generation \2 ms, peak heap \3 MB/')"
  done
done

# The median of field $2 over the runs of size $1.
median() {
  grep -E "^result cases=$1 " "$results" | sed -E "s/.* $2=([0-9.]+).*/\\1/" | sort -n |
    awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

echo
printf '%9s %10s %12s %10s %12s %12s %10s %9s %10s %8s %8s\n' "cases" "build ms" "ms/1k cases" "build CPU" "generation" \
  "gen+build" "wall/gen" "peak MB" "retained" "GC ms" "figures"
for size in "${sizes[@]}"; do
  build=$(median "$size" build_ms)
  gen=$(median "$size" gen_ms)
  wall=$(median "$size" wall_ms)
  figures=$(grep -E "^result cases=$size " "$results" | sed -E 's/.* figures=([0-9a-f]+).*/\1/' | sort -u | paste -sd/)
  printf '%9d %10.1f %12.2f %10.1f %12.1f %12.1f %10.2f %9.1f %10.1f %8.0f %8s\n' "$size" "$build" \
    "$(awk -v b="$build" -v n="$size" 'BEGIN { print b / (n / 1000) }')" "$(median "$size" build_cpu_ms)" "$gen" "$wall" \
    "$(awk -v w="$wall" -v g="$gen" 'BEGIN { print w / g }')" "$(median "$size" peak_mb)" "$(median "$size" retained_mb)" \
    "$(median "$size" gc_ms)" "$figures"
done
echo
echo "Phases (medians, ms):"
printf '%9s %10s %10s %10s %10s %10s\n' "cases" "addCase" "addTime" "add other" "build()" "write"
for size in "${sizes[@]}"; do
  printf '%9d %10.1f %10.1f %10.1f %10.1f %10.1f\n' "$size" "$(median "$size" add_case_ms)" "$(median "$size" add_time_ms)" \
    "$(median "$size" add_other_ms)" "$(median "$size" figures_ms)" "$(median "$size" write_ms)"
done
if [ ${#sizes[@]} -gt 1 ]; then
  first=${sizes[0]}
  last=${sizes[${#sizes[@]} - 1]}
  awk -v a="$(median "$first" build_ms)" -v b="$(median "$last" build_ms)" -v n="$first" -v m="$last" \
    'BEGIN { printf "ratio of median build times %d/%d cases: %.2f (cases x%.1f); between them %.2f ms per 1,000 more cases\n",
                    m, n, b / a, m / n, (b - a) / ((m - n) / 1000) }'
fi
echo "build = time inside the builder's and list's add calls + build(asAt, version) + writing every workbook;"
echo "build CPU = CPU time of the benchmark's thread in the build run less the generation-only run's (steadier when busy);"
echo "generation = generating the same quarter and discarding it (the baseline); peak = heap in use at its fullest (garbage included);"
echo "retained = heap the builder holds with every case in (after a full GC); figures = fingerprint of the figures (one per size)."
