#!/usr/bin/env bash
# Where our server's time goes under load: starts ./integrations serve (launcher defaults, request log on)
# with Java Flight Recorder, loads GET /api/integrations with wrk for DURATION, and prints the hottest
# methods (top frame and top frame of our code, from jdk.ExecutionSample), the monitors threads blocked on
# (jdk.JavaMonitorEnter) and the GC pauses. The recording stays in bench/results/ for `jfr` or JMC.
#
#   bench/profile.sh                       # 64 connections, 20 s
#   DURATION=30s CONNS=32 bench/profile.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/bench/lib.sh"
CONNS=${CONNS:-64}
DURATION=${DURATION:-20s}
out="$root/bench/results/profile-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
ensure_wrk
"$root/integrations" --version >/dev/null

work="$(mktemp -d)"
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"' EXIT
tg_port=$(free_port)
/usr/bin/python3 "$root/bench/telegram_standin.py" "$tg_port" & pids+=($!)
port=$(free_port)
export INTEGRATIONS_DATA_DIR="$work/data" INTEGRATIONS_HOST=127.0.0.1 INTEGRATIONS_PORT="$port"
export INTEGRATIONS_JWT_SECRET="bench-secret-0123456789abcdef0123456789"
export INTEGRATIONS_ENCRYPTION_KEY="AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
export TELEGRAM_API_URL="http://127.0.0.1:$tg_port"
unset INTEGRATIONS_DB_URL INTEGRATIONS_CONFIG_FILE INTEGRATIONS_SERVER_URL
wait_http "$tg_port" /
# The user of bench/run.sh: Telegram connected, the other integrations not.
(cd "$work" && "$root/integrations" connect telegram --bot-token 123456:bench-bot-token --user bench >/dev/null)
token=$(cd "$work" && "$root/integrations" token --user bench --ttl 2h --json \
  | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
(cd "$work" && INTEGRATIONS_JAVA_OPTS="${INTEGRATIONS_JAVA_OPTS:-} -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints" \
  exec "$root/integrations" serve >"$out/serve.log" 2>&1) & pid=$!; pids+=($pid)
wait_http "$port" /health
url="http://127.0.0.1:$port/api/integrations"
wrk -t2 -c"$CONNS" -d"${WARMUP:-30s}" -H "Authorization: Bearer $token" "$url" >/dev/null   # warm-up: C2 needs it on a busy machine
jcmd "$pid" JFR.start name=load settings=profile filename="$out/load.jfr" >/dev/null
echo "load average $(load_average); recording $DURATION under wrk -t2 -c$CONNS"
wrk --latency -t2 -c"$CONNS" -d"$DURATION" -H "Authorization: Bearer $token" "$url" | grep -E 'Requests/sec|99%'
jcmd "$pid" JFR.stop name=load >/dev/null

jfr print --events jdk.ExecutionSample "$out/load.jfr" >"$out/samples.txt"
/usr/bin/python3 - "$out/samples.txt" <<'PY'
import collections, re, sys
samples, top, ours, current = 0, collections.Counter(), collections.Counter(), None
frames = []
def flush():
    global samples
    if not frames: return
    samples += 1
    top[frames[0]] += 1
    for f in frames:
        if f.startswith("dev.integrations."):
            ours[f] += 1; break
for line in open(sys.argv[1]):
    line = line.strip()
    if line.startswith("jdk.ExecutionSample"):
        flush(); frames.clear()
    m = re.match(r"([\w.$<>]+)\(", line)
    if m and "line:" in line: frames.append(m.group(1))
flush()
print(f"\n{samples} execution samples; hottest top frames:")
for f, n in top.most_common(25): print(f"  {100*n/samples:5.1f}%  {f}")
print("\nby our first frame on the stack (inclusive):")
for f, n in ours.most_common(12): print(f"  {100*n/samples:5.1f}%  {f}")
PY
echo
echo "blocked on monitors (jdk.JavaMonitorEnter, >20 ms by the profile settings):"
jfr summary "$out/load.jfr" | grep -E 'JavaMonitorEnter|GarbageCollection |ThreadPark' || true
jfr print --events jdk.JavaMonitorEnter "$out/load.jfr" | grep -E 'monitorClass' | sort | uniq -c | sort -rn | head -5 || true
echo "recording: $out/load.jfr"
