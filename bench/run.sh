#!/usr/bin/env bash
# Load benchmark: GET /api/integrations (real server, valid JWT, through the composition root) next to
# a bare Javalin route answering the same bytes, in the same JVM and the same run. Needs wrk
# (Debian: apt-get install -y wrk). Loopback only; each wrk run is bounded by DURATION.
#   bench/run.sh                          # defaults: 2 threads, 32 connections, 20 s per measurement
#   THREADS=2 CONNS=64 DURATION=30s bench/run.sh
#   MVN_FLAGS= bench/run.sh               # let Maven go online (default: -o, offline)
set -euo pipefail
cd "$(dirname "$0")/.."

THREADS=${THREADS:-2}
CONNS=${CONNS:-32}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
OUT=integrations-http/target/bench
mkdir -p "$OUT"

command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 2; }

# Built in the reactor, never installed: ~/.m2 may be shared with other checkouts. Each module writes its
# own classpath file; the sibling modules appear in integrations-http's as their target/ jars.
mvn -q -B ${MVN_FLAGS--o} -pl integrations-http -am package dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CP="integrations-http/target/classes:$(cat integrations-http/target/bench-classpath.txt)"

# The server logs one line per request, as in production, to a file rather than the terminal.
coproc SERVER { exec java -Xms256m -Xmx512m \
  -Dorg.slf4j.simpleLogger.logFile="$PWD/$OUT/server.log" \
  -cp "$CP" bench/BenchServer.java; }
trap 'exec {SERVER[1]}>&- 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true' EXIT

while IFS= read -r line <&"${SERVER[0]}"; do
  case "$line" in
    REAL_URL=*) REAL_URL=${line#REAL_URL=} ;;
    BARE_URL=*) BARE_URL=${line#BARE_URL=} ;;
    TOKEN=*) TOKEN=${line#TOKEN=} ;;
    BODY_BYTES=*) echo "answer: $line"; break ;;
  esac
done

run() { # name url [header]
  local name=$1 url=$2; shift 2
  wrk --latency -t"$THREADS" -c"$CONNS" -d"$DURATION" "$@" "$url" > "$OUT/$name.txt"
  local rps p50 p99 errors
  rps=$(awk '/^Requests\/sec/ {print $2}' "$OUT/$name.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$OUT/$name.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$OUT/$name.txt")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' "$OUT/$name.txt")
  printf '%-22s %10s req/s   p50 %-9s p99 %-9s %s\n' "$name" "$rps" "$p50" "$p99" "$errors"
  eval "${name//-/_}_RPS=$rps"
}

echo "warming up both routes ($WARMUP each)..."
wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" -H "Authorization: Bearer $TOKEN" "$REAL_URL" > /dev/null
wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" "$BARE_URL" > /dev/null

echo "measuring: $THREADS threads, $CONNS connections, $DURATION each (java $(java -version 2>&1 | head -1 | cut -d'"' -f2), $(nproc) cores)"
run bare-javalin "$BARE_URL"
run api-integrations "$REAL_URL" -H "Authorization: Bearer $TOKEN"
awk -v real="$api_integrations_RPS" -v bare="$bare_javalin_RPS" \
  'BEGIN { printf "ratio api/bare throughput: %.2f\n", real / bare }'
echo "raw wrk output in $OUT/"
