#!/usr/bin/env bash
# P3: JMH microbenchmarks (bench/jmh, built only with the 'jmh' profile, never by mvn verify).
#
#   bench/jmh.sh                      # every benchmark, 1 thread (the per-core figure), then 2 threads
#   bench/jmh.sh -t 1 CredentialsFor  # JMH's own options and a benchmark name pattern
#
# Needs java and Maven (MVN_FLAGS=-o for offline, the default; MVN_FLAGS= to let Maven download JMH once).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -q -B ${MVN_FLAGS--o} -Pjmh -pl bench/jmh -am package -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true
echo "load average $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $(java -version 2>&1 | head -1)"
mkdir -p bench/results
if [[ $# -gt 0 ]]; then
  exec java -jar bench/jmh/target/benchmarks.jar "$@"
fi
for threads in 1 2; do
  java -jar bench/jmh/target/benchmarks.jar -t "$threads" -rf json -rff "bench/results/jmh-t$threads.json" \
    | grep -E '^(Benchmark|CredentialsFor|[A-Za-z]+Benchmark)' || true
done
