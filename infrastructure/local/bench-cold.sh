#!/usr/bin/env bash
# Cold start of every function in template.yaml against the engines of a running ./run-local, side by side with a
# naive Micronaut SQS handler that makes no AWS call (infrastructure/local/bench/naive-micronaut).
#
# For each function: a fresh JVM on its Lambda jar (CodeUri), with the JVM options template.yaml sets
# (JAVA_TOOL_OPTIONS) and its environment, builds the handler (Handler) as Lambda does, handles its sample event from
# infrastructure/events/ and exits (org.advocacyhub.local.bench.ColdStart, the one class added to the classpath).
# Timed as a whole process: one untimed warm-up pair, then RUNS pairs, baseline and handler one after the other.
# Prints per function the median wall time and CPU time (user + system), the median of the pairwise ratios
# handler/baseline, the jar's size, the peak RSS (median of the runs), and the median time from the process's start to
# the first event handled and its pairwise ratio to the baseline's wall time (to_response, resp_ratio: the cold start
# less the JVM's exit, which Lambda never runs).
#
# Usage: infrastructure/local/bench-cold.sh [runs] [FunctionId...]     (runs: 7; functions: all)
# Environment:
#   DYNAMODB_PORT SQS_PORT SES_PORT S3_PORT  the running ./run-local's engines (8000, 9324, 8005, 9000)
#   SETTLE       seconds to wait before each function's runs, for the local stack to finish the work the previous
#                function's runs gave it (10)
#   CDS=on|off   on (default): each function runs with its application class-data-sharing archive,
#                functions/<module>/target/<module>-lambda.jsa (made by `./mvnw package`, ClassDataArchives; made here by
#                the warm-up run when missing or older than its jar or the launcher). off: no archive, as the java21 zip
#                runtime starts.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
runs=${1:-7}
shift || true
only=" $* "
cds=${CDS:-on}
out=target/cold-start
mkdir -p "$out/runs"

[ -x /usr/bin/time ] || { echo "bench-cold: needs /usr/bin/time (Debian package time)" >&2; exit 1; }
[ -f infrastructure/local/target/runtime-classpath.txt ] || { echo "build first: ./mvnw -B -q -DskipTests package" >&2; exit 1; }

# The baseline: built once (Maven may fetch its few dependencies the first time).
baseline_dir=infrastructure/local/bench/naive-micronaut
if [ ! -f "$baseline_dir/target/cp.txt" ] || [ "$baseline_dir/pom.xml" -nt "$baseline_dir/target/cp.txt" ]; then
  echo "bench-cold: building the naive Micronaut baseline ($baseline_dir)"
  (cd "$baseline_dir" && "$root/mvnw" -B -q package -DskipTests >/dev/null \
    && "$root/mvnw" -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null)
fi
baseline_cp="$root/$baseline_dir/target/classes:$(sed 's/\x1b\[[0-9;]*m//g' "$baseline_dir/target/cp.txt")"
baseline=(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$baseline_cp" baseline.ColdSqs)

# The launcher in a jar of its own (class-data sharing archives classes from jars only), as the build makes it
# (ClassDataArchives), remade only when its classes change: an archive is valid only with the very jars it was made from.
launcher=infrastructure/local/target/cold-start/cold-start-launcher.jar
classes=infrastructure/local/target/classes/org/advocacyhub/local/bench
if [ ! -f "$launcher" ] || [ -n "$(find "$classes" \( -name 'ColdStart*.class' -o -name 'Bench*.class' \) -newer "$launcher")" ]; then
  java -cp "infrastructure/local/target/classes:$(cat infrastructure/local/target/runtime-classpath.txt)" \
    org.advocacyhub.local.bench.ClassDataArchives --launcher "$root"
fi
launcher=$root/$launcher

# Each function's environment and the plan (functions.tsv), resolved against the running engines.
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "infrastructure/local/target/classes:$(cat infrastructure/local/target/runtime-classpath.txt)" \
  org.advocacyhub.local.bench.ColdStartPlan "$out" >/dev/null

median() { sort -g | awk '{v[NR]=$1} END {if (NR % 2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }

# timed <file> <command...>: runs once; appends "wall_ms cpu_ms rss_kb" to <file>; fails on a failed run.
timed() {
  local file=$1; shift
  local start end
  start=$(date +%s%N)
  if ! /usr/bin/time -f '%U %S %M' -o "$out/runs/time.txt" "$@" >"$out/runs/last.log" 2>&1; then
    echo "bench-cold: failed: $*" >&2; cat "$out/runs/last.log" >&2; exit 1
  fi
  end=$(date +%s%N)
  read -r user sys rss < <(tail -1 "$out/runs/time.txt")
  local response
  response=$(sed -n 's/^first response at epoch ms: \([0-9]*\)$/\1/p' "$out/runs/last.log")
  [ -z "$response" ] || response=$(( response - start / 1000000 ))
  echo "$(( (end - start) / 1000000 )) $(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%d", (u + s) * 1000}') $rss ${response:--}" >>"$file"
}

echo "Cold start, whole process, $runs runs after a warm-up, interleaved with the naive Micronaut baseline; CDS=$cds"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(java -version 2>&1 | head -1)"
printf '%-30s %9s %9s %7s %9s %9s %7s %8s %8s %11s %10s\n' function wall_ms cpu_ms ratio base_wall base_cpu jar_MB rss_MB base_rss \
  to_response resp_ratio
while IFS=$'\t' read -r id handler jar event kind opts; do
  [ "$only" = "  " ] || [[ "$only" == *" $id "* ]] || continue
  # Absolute, as the build's archives name their jars (a path spelt otherwise does not match the archive).
  jar=$root/$jar
  archive=${jar%.jar}.jsa
  cds_flags=()
  if [ "$cds" = on ]; then
    if [ ! -f "$archive" ] || [ "$jar" -nt "$archive" ] || [ "$launcher" -nt "$archive" ]; then
      cds_flags=(-XX:ArchiveClassesAtExit="$archive")
    else
      cds_flags=(-XX:SharedArchiveFile="$archive")
    fi
  fi
  # Let the local stack finish what the previous function's runs started (it screens and acknowledges each referral the
  # intake runs make) before this function's runs, which would otherwise share the two cores with it.
  sleep "${SETTLE:-10}"
  mapfile -t variables <"$out/$id.env"
  handler_cmd=(env "${variables[@]}" JAVA_TOOL_OPTIONS="$opts" java "${cds_flags[@]}" -cp "$jar:$launcher"
    org.advocacyhub.local.bench.ColdStart "$handler" "$event" "$kind")
  rm -f "$out/runs/$id".*
  timed "$out/runs/$id.warmup" "${baseline[@]}"
  timed "$out/runs/$id.warmup" "${handler_cmd[@]}"
  if [ "$cds" = on ] && [ "${cds_flags[0]}" != "-XX:SharedArchiveFile=$archive" ]; then
    handler_cmd=(env "${variables[@]}" JAVA_TOOL_OPTIONS="$opts" java -XX:SharedArchiveFile="$archive" -cp "$jar:$launcher"
      org.advocacyhub.local.bench.ColdStart "$handler" "$event" "$kind")
    timed "$out/runs/$id.warmup" "${handler_cmd[@]}"
  fi
  for ((i = 0; i < runs; i++)); do
    timed "$out/runs/$id.base" "${baseline[@]}"
    timed "$out/runs/$id.handler" "${handler_cmd[@]}"
  done
  paste -d' ' "$out/runs/$id.handler" "$out/runs/$id.base" | awk '{print $1 / $5}' >"$out/runs/$id.ratio"
  printf '%-30s %9s %9s %7.2f %9s %9s %7.1f %8.0f %8.0f %11s %10.2f\n' "$id" \
    "$(cut -d' ' -f1 "$out/runs/$id.handler" | median)" "$(cut -d' ' -f2 "$out/runs/$id.handler" | median)" \
    "$(median <"$out/runs/$id.ratio")" \
    "$(cut -d' ' -f1 "$out/runs/$id.base" | median)" "$(cut -d' ' -f2 "$out/runs/$id.base" | median)" \
    "$(awk -v b="$(stat -c %s "$jar")" 'BEGIN {print b / 1000000}')" \
    "$(cut -d' ' -f3 "$out/runs/$id.handler" | median | awk "{print \$1 / 1024}")" \
    "$(cut -d' ' -f3 "$out/runs/$id.base" | median | awk "{print \$1 / 1024}")" \
    "$(cut -d' ' -f4 "$out/runs/$id.handler" | median)" \
    "$(paste -d' ' "$out/runs/$id.handler" "$out/runs/$id.base" | awk '{print $4 / $5}' | median)"
done <"$out/functions.tsv"
