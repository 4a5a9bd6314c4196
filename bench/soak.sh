#!/usr/bin/env bash
# P7: our server's resident memory idle and under sustained load, with the launcher's defaults. Starts
# ./integrations serve as an operator does (request log on, to a file), samples its RSS every 5 s while
# idle, then under wrk load on GET /api/integrations for SOAK, then idle again, and prints the samples'
# minimum / median / maximum per phase and the growth between the first and last minute of load (flat
# means no leak).
#
#   bench/soak.sh                 # 10 minutes of load (the goal's run), 64 connections
#   SOAK=3m bench/soak.sh         # shorter
#
# Needs java, curl, wrk (installed when missing and run as root). Loopback only, bounded by SOAK.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/bench/lib.sh"
SOAK=${SOAK:-10m}
CONNS=${CONNS:-64}
IDLE=${IDLE:-30}
out="$root/bench/results/soak-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
ensure_wrk
"$root/integrations" --version >/dev/null

work="$(mktemp -d)"
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"' EXIT
port=$(free_port)
export INTEGRATIONS_DATA_DIR="$work/data" INTEGRATIONS_HOST=127.0.0.1 INTEGRATIONS_PORT="$port"
export INTEGRATIONS_JWT_SECRET="bench-secret-0123456789abcdef0123456789"
export INTEGRATIONS_ENCRYPTION_KEY="AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
unset INTEGRATIONS_DB_URL INTEGRATIONS_CONFIG_FILE INTEGRATIONS_SERVER_URL
token=$(cd "$work" && "$root/integrations" token --user bench --ttl 2h --json \
  | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
(cd "$work" && exec "$root/integrations" serve >"$out/serve.log" 2>&1) & pid=$!; pids+=($pid)
wait_http "$port" /health
curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/integrations" >/dev/null

machine_line | tee "$out/summary.txt"
echo "serve: $(tr '\0' ' ' <"/proc/$pid/cmdline" | cut -c1-200)" | tee -a "$out/summary.txt"
sample() { # phase seconds
  local end=$((SECONDS + $2))
  while ((SECONDS < end)); do
    echo "$1 $SECONDS $(rss_mib "$pid") $(load_average)" >>"$out/rss.txt"
    sleep 5
  done
}
echo "idle ${IDLE}s, load $SOAK (wrk -t2 -c$CONNS), idle ${IDLE}s; RSS every 5 s"
sample idle-before "$IDLE"
wrk --latency -t2 -c"$CONNS" -d"$SOAK" -H "Authorization: Bearer $token" \
  "http://127.0.0.1:$port/api/integrations" >"$out/wrk.txt" & wrk_pid=$!; pids+=($wrk_pid)
while kill -0 "$wrk_pid" 2>/dev/null; do
  echo "load $SECONDS $(rss_mib "$pid") $(load_average)" >>"$out/rss.txt"
  sleep 5
done
sample idle-after "$IDLE"
grep -E 'Requests/sec|99%|Non-2xx|Socket errors' "$out/wrk.txt" | tee -a "$out/summary.txt"
/usr/bin/python3 - "$out/rss.txt" <<'PY' | tee -a "$out/summary.txt"
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
for phase in ("idle-before", "load", "idle-after"):
    rss = [int(r[2]) for r in rows if r[0] == phase]
    loads = [r[3] for r in rows if r[0] == phase]
    print(f"{phase:<12} RSS MiB min {min(rss)}  median {statistics.median(rss):.0f}  max {max(rss)}"
          f"   ({len(rss)} samples, load average {loads[0]} .. {loads[-1]})")
load = [(int(r[1]), int(r[2])) for r in rows if r[0] == "load"]
first = [m for t, m in load if t - load[0][0] < 60]
last = [m for t, m in load if load[-1][0] - t < 60]
print(f"under load: first minute median {statistics.median(first):.0f} MiB, last minute median"
      f" {statistics.median(last):.0f} MiB (goal: <= 150 idle, <= 300 under load, flat)")
PY
echo "samples: $out/rss.txt"
