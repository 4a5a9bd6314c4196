#!/usr/bin/env bash
# Cold start of `integrations list`, whole process, median of several runs, for JVM flag choices.
#
#   bench/cli-startup.sh [RUNS]          (default 20; results in bench/results/cli-startup.json)
#
# Needs java and python3 only. Runs against a fresh data directory in a temporary folder with fixed
# test keys, so it touches nothing of yours. On a shared machine wall time is noisy: compare medians,
# look at the CPU time too, and report the load average printed first.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-20}"
jar="$root/integrations-cli/target/integrations.jar"
archive="$(mktemp -d)/bench.jsa"
work="$(mktemp -d)"
trap 'rm -rf "$work" "$(dirname "$archive")"' EXIT

"$root/integrations" --version >/dev/null   # builds the jar if it is missing or stale, and trains its archive
cd "$work"
export INTEGRATIONS_DATA_DIR="$work/data"
export INTEGRATIONS_JWT_SECRET="bench-secret-0123456789abcdef0123456789"
export INTEGRATIONS_ENCRYPTION_KEY="AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:cds=off -Xlog:cds+dynamic=off \
  -XX:ArchiveClassesAtExit="$archive" -jar "$jar" list >/dev/null

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); cores: $(nproc); $(java -version 2>&1 | head -1)"
mkdir -p "$root/bench/results"
# The variants run round-robin, one run of each in turn, so that a change in the machine's load
# affects them alike; medians of wall time and of CPU time (user+sys, from the kernel's accounting).
python3 - "$runs" "$root/bench/results/cli-startup.json" \
  "java -jar (JVM defaults)" "java -jar $jar list" \
  "C1 only + SerialGC" "java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -jar $jar list" \
  "C1 + SerialGC + AppCDS" "java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -Xlog:cds=off -XX:SharedArchiveFile=$archive -jar $jar list" \
  "./integrations launcher" "$root/integrations list" \
  "./integrations, INTEGRATIONS_CDS=off" "env INTEGRATIONS_CDS=off $root/integrations list" <<'PY'
import json, os, resource, shlex, statistics, subprocess, sys, time
runs, out, pairs = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
variants = list(zip(pairs[::2], pairs[1::2]))
results = {name: {"wall": [], "cpu": []} for name, _ in variants}

def once(command):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(shlex.split(command), stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

for _, command in variants:  # warm the page cache
    once(command)
for _ in range(runs):
    for name, command in variants:
        wall, cpu = once(command)
        results[name]["wall"].append(wall)
        results[name]["cpu"].append(cpu)
for name, _ in variants:
    wall, cpu = results[name]["wall"], results[name]["cpu"]
    print(f"{name:<38} median {statistics.median(wall)*1000:5.0f} ms  (min {min(wall)*1000:5.0f}, "
          f"max {max(wall)*1000:5.0f})   cpu median {statistics.median(cpu)*1000:5.0f} ms")
json.dump({"runs": runs, "load": open("/proc/loadavg").read().split()[:3], "results": results},
          open(out, "w"), indent=1)
PY
