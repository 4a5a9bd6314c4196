# Helpers shared by the bench scripts (sourced, not run).

# Installs the Debian packages named, when a command or Python module they provide is missing. Root only;
# otherwise says what to install and fails.
need_packages() { # package...
  if [[ $(id -u) -ne 0 ]]; then
    echo "missing: $* (apt-get install -y $*)" >&2
    return 2
  fi
  echo "installing $* (Debian packages, once)..." >&2
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_wrk() { command -v wrk >/dev/null || need_packages wrk; }

ensure_seed_python() {
  /usr/bin/python3 -c 'import fastapi, uvicorn, jwt' 2>/dev/null \
    || need_packages python3-fastapi python3-uvicorn python3-jwt
}

# A free TCP port on 127.0.0.1.
free_port() {
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# Waits until http://127.0.0.1:PORT/PATH answers (any status), at most ~30 s.
wait_http() { # port path
  for _ in $(seq 1 300); do
    if curl -s -o /dev/null "http://127.0.0.1:$1$2"; then return 0; fi
    sleep 0.1
  done
  echo "nothing answered on port $1 within 30 s" >&2
  return 1
}

# Resident set size of a process and its children (uvicorn's workers), in MiB.
rss_mib() { # pid
  local pids total=0 kb
  pids="$1 $(pgrep -P "$1" | tr "\n" " " || true)"
  for p in $pids; do
    kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)
    total=$((total + ${kb:-0}))
  done
  echo $((total / 1024))
}

load_average() { cut -d' ' -f1 /proc/loadavg; }

machine_line() {
  echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB RAM; $(java -version 2>&1 | head -1); load average $(cut -d' ' -f1-3 /proc/loadavg)"
}
