#!/usr/bin/env bash
# The main comparison, in ONE run on the same cores: GET /api/integrations of our server (started as an
# operator starts it: ./integrations serve, with the launcher's defaults and the request log on), the
# same bytes from a bare Javalin 7 route (same JVM options), and the original stack (FastAPI + uvicorn +
# SQLite, bench/seed). Prints requests/s, p50, p99 and the ratios of the goals P1 (ours / bare) and P2
# (ours / original), our server's RSS idle and under load, and the load average at each measurement.
#
#   bench/run.sh                                   # 30 s warm-up, then 2 rounds x 10 s per server: ~4 min
#   ROUNDS=3 DURATION=15s CONNS=64 bench/run.sh
#
# Needs java, curl, wrk and Debian's python3-fastapi, python3-uvicorn, python3-jwt (installed when
# missing and run as root). Loopback only; each wrk run is bounded by DURATION. Our server runs on a
# fresh data directory in a temporary folder with throw-away keys: nothing of yours is touched.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/bench/lib.sh"

THREADS=${THREADS:-2}
CONNS=${CONNS:-64}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-30s}
ROUNDS=${ROUNDS:-2}
out="$root/bench/results/run-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"

ensure_wrk
ensure_seed_python
"$root/integrations" --version >/dev/null   # builds the jar when missing or stale
jar="$root/integrations-cli/target/integrations.jar"
# The JVM options the launcher gives serve, so that the bare route runs under the same ones.
serve_opts=()
eval "$(grep -E '^serve_opts=' "$root/integrations" || true)"

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

tg_port=$(free_port)
/usr/bin/python3 "$root/bench/telegram_standin.py" "$tg_port" & pids+=($!)
ours_port=$(free_port)
export INTEGRATIONS_DATA_DIR="$work/data" INTEGRATIONS_HOST=127.0.0.1 INTEGRATIONS_PORT="$ours_port"
export INTEGRATIONS_JWT_SECRET="bench-secret-0123456789abcdef0123456789"
export INTEGRATIONS_ENCRYPTION_KEY="AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
export TELEGRAM_API_URL="http://127.0.0.1:$tg_port"
unset INTEGRATIONS_DB_URL INTEGRATIONS_CONFIG_FILE INTEGRATIONS_SERVER_URL
wait_http "$tg_port" /
# Like the original's data: the user has one connected integration (Telegram), two not connected.
(cd "$work" && "$root/integrations" connect telegram --bot-token 123456:bench-bot-token --user bench >/dev/null)
token=$(cd "$work" && "$root/integrations" token --user bench --ttl 2h --json \
  | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')

(cd "$work" && exec "$root/integrations" serve >"$out/serve.log" 2>&1) & ours_pid=$!; pids+=($ours_pid)
ours_started=$SECONDS
wait_http "$ours_port" /health
curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$ours_port/api/integrations" >"$work/body.json"

bare_port=$(free_port)
java "${serve_opts[@]}" -cp "$jar" "$root/bench/BareServer.java" "$bare_port" "$work/body.json" \
  >"$out/bare.log" 2>&1 & pids+=($!)
seed_port=$(free_port)
(cd "$work" && SEED_DB="$work/seed.db" exec /usr/bin/python3 -m uvicorn --app-dir "$root/bench/seed" app:app \
  --host 127.0.0.1 --port "$seed_port" --workers 2 --log-level warning >"$out/seed.log" 2>&1) & seed_pid=$!
pids+=($seed_pid)
seed_token=$(/usr/bin/python3 -c "import jwt,time; print(jwt.encode({'sub':'1','user_id':1,'exp':int(time.time())+7200},'peer-secret-0123456789abcdef0123456789',algorithm='HS256'))")
wait_http "$bare_port" /bare
wait_http "$seed_port" /hello
sleep 2
# Idle RSS once start-up is over: 12 s after the start, past the launcher's first native-heap trim (5 s).
while (( SECONDS - ours_started < 12 )); do sleep 1; done
ours_idle=$(rss_mib "$ours_pid")

declare -A url header
url[ours]="http://127.0.0.1:$ours_port/api/integrations"; header[ours]="Authorization: Bearer $token"
url[bare]="http://127.0.0.1:$bare_port/bare"; header[bare]="Authorization: Bearer $token"   # the same request bytes as ours
url[seed]="http://127.0.0.1:$seed_port/api/integrations"; header[seed]="Authorization: Bearer $seed_token"
echo "answers: ours $(wc -c <"$work/body.json") bytes, bare $(curl -s "${url[bare]}" | wc -c) bytes," \
  "original $(curl -s -H "${header[seed]}" "${url[seed]}" | wc -c) bytes"

{
  machine_line
  echo "wrk -t$THREADS -c$CONNS, $DURATION per measurement, $ROUNDS rounds (bare, ours, original in turn), warm-up $WARMUP each"
  echo "serve JVM options: ${serve_opts[*]:-(JVM defaults)}"
} | tee "$out/summary.txt"

for name in bare ours seed; do
  wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" -H "${header[$name]}" "${url[$name]}" >/dev/null
done

peak=0
measure() { # name round
  local name=$1 round=$2 file="$out/$1-$2.txt" load sampler
  load=$(load_average)
  if [[ $name == ours ]]; then
    (while sleep 1; do rss_mib "$ours_pid"; done) >"$out/ours-rss-$round.txt" & sampler=$!
  fi
  wrk --latency -t"$THREADS" -c"$CONNS" -d"$DURATION" -H "${header[$name]}" "${url[$name]}" >"$file"
  [[ $name == ours ]] && kill "$sampler" 2>/dev/null && wait "$sampler" 2>/dev/null || true
  printf '%s %s %s %s %s %s\n' "$name" "$round" "$load" \
    "$(awk '/^Requests\/sec/ {print $2}' "$file")" \
    "$(awk '$1 == "50%" {print $2}' "$file")" "$(awk '$1 == "99%" {print $2}' "$file")" >>"$out/samples.txt"
  grep -E 'Non-2xx|Socket errors' "$file" | sed "s/^/  $name round $round: /" || true
}
for round in $(seq 1 "$ROUNDS"); do
  for name in bare ours seed; do measure "$name" "$round"; done
done
sleep 5
ours_after=$(rss_mib "$ours_pid")
ours_peak=$(cat "$out"/ours-rss-*.txt | sort -n | tail -1)

/usr/bin/python3 - "$out/samples.txt" "$ours_idle" "$ours_peak" "$ours_after" <<'PY' | tee -a "$out/summary.txt"
import statistics, sys
def ms(v):  # wrk prints 812.00us, 1.23ms, 1.02s
    for unit, f in (("us", 0.001), ("ms", 1), ("s", 1000)):
        if v.endswith(unit): return float(v[:-len(unit)]) * f
rows = [l.split() for l in open(sys.argv[1])]
names = {"bare": "bare Javalin 7 route, same bytes", "ours": "GET /api/integrations (ours)",
         "seed": "original stack (FastAPI + SQLite)"}
best = {}
print(f"\n| {'server':<36} | {'req/s (median)':>14} | {'p50':>8} | {'p99':>8} | load avg |")
print(f"|{'-'*38}|{'-'*16}:|{'-'*9}:|{'-'*9}:|---------:|")
for key, title in names.items():
    r = [x for x in rows if x[0] == key]
    rps = statistics.median(float(x[3]) for x in r)
    best[key] = rps
    print(f"| {title:<36} | {rps:>14,.0f} | {statistics.median(ms(x[4]) for x in r):>6.2f}ms"
          f" | {statistics.median(ms(x[5]) for x in r):>6.2f}ms | {' '.join(x[2] for x in r):>8} |")
print(f"\nP1 ours / bare Javalin: {best['ours'] / best['bare']:.2f}   (goal >= 0.6)")
print(f"P2 ours / original:     {best['ours'] / best['seed']:.1f}x  (goal >= 40x)")
print(f"P7 our RSS: {sys.argv[2]} MiB idle 12 s after start, {sys.argv[3]} MiB peak under load, {sys.argv[4]} MiB 5 s after")
PY
echo "raw output: $out"
