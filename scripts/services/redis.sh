#!/usr/bin/env bash
# A private Redis for tests and the local full stack: its own folder, port, pidfile and log, never
# the system's service; append-only file on, so a restart keeps the shared books. Usage: redis.sh start DIR PORT | stop DIR
# Prints the connection URL on start (and only that on stdout). Installs Debian's redis-server
# when the binaries are missing. Starting a DIR whose instance already runs just prints its URL.
set -euo pipefail
cmd=${1:?usage: redis.sh start DIR PORT | stop DIR}
dir=$(mkdir -p "${2:?data folder}" && cd "$2" && pwd)
pidfile="$dir/redis.pid"
log="$dir/redis.log"

if ! command -v redis-server >/dev/null || ! command -v redis-cli >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >&2
  else
    echo "Redis is not installed: run 'sudo apt-get install -y redis-server'" >&2
    exit 1
  fi
fi

# Whether a process lives (a zombie left unreaped counts as gone).
alive() { kill -0 "$1" 2>/dev/null && ! grep -q '^[0-9]* (.*) Z' "/proc/$1/stat" 2>/dev/null; }

# The pid of this DIR's running instance, or nothing.
running_pid() {
  local pid
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile" 2>/dev/null || true)
  if [ -n "$pid" ] && alive "$pid" && grep -q redis-server "/proc/$pid/cmdline" 2>/dev/null; then echo "$pid"; fi
}

case "$cmd" in
  start)
    port=${3:?port}
    pid=$(running_pid)
    if [ -n "$pid" ]; then
      # Already running: answer with the port it was started on; if it does not answer, replace it.
      old_port=$(cat "$dir/port" 2>/dev/null || echo "$port")
      if [ "$(timeout 2 redis-cli -h 127.0.0.1 -p "$old_port" ping 2>/dev/null)" = PONG ]; then
        echo "redis://127.0.0.1:$old_port"
        exit 0
      fi
      kill -9 "$pid" 2>/dev/null || true
      while alive "$pid"; do sleep 0.1; done
    fi
    rm -f "$pidfile"
    echo "$port" >"$dir/port"
    : >"$log"
    redis-server --daemonize yes --dir "$dir" --pidfile "$pidfile" --logfile "$log" \
      --port "$port" --bind 127.0.0.1 --save "" --appendonly yes --appendfsync everysec >&2 ||
      { cat "$log" >&2; exit 1; }
    deadline=$((SECONDS + 20))
    while [ "$SECONDS" -lt "$deadline" ]; do
      if [ "$(timeout 2 redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" = PONG ]; then
        echo "redis://127.0.0.1:$port"
        exit 0
      fi
      # The daemon writes its pidfile only once it listens; until then its log lines start "PID:".
      pid=$(cat "$pidfile" 2>/dev/null || sed -n 's/^\([0-9]*\):.*/\1/p' "$log" | tail -n 1)
      if [ -n "$pid" ] && ! alive "$pid"; then
        echo "redis exited during start-up on 127.0.0.1:$port; log:" >&2
        tail -n 50 "$log" >&2 || true
        exit 1
      fi
      sleep 0.2
    done
    echo "redis did not answer PING on 127.0.0.1:$port within 20 s; log:" >&2
    tail -n 50 "$log" >&2 || true
    pid=$(running_pid)
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi
    exit 1
    ;;
  stop)
    pid=$(running_pid)
    if [ -z "$pid" ]; then rm -f "$pidfile"; exit 0; fi
    port=$(cat "$dir/port" 2>/dev/null || true)
    if [ -n "$port" ]; then timeout 5 redis-cli -h 127.0.0.1 -p "$port" shutdown nosave >/dev/null 2>&1 || true; fi
    for _ in $(seq 1 50); do
      alive "$pid" || { rm -f "$pidfile"; exit 0; }
      sleep 0.2
    done
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      alive "$pid" || { rm -f "$pidfile"; exit 0; }
      sleep 0.2
    done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$pidfile"
    ;;
  *)
    echo "usage: redis.sh start DIR PORT | stop DIR" >&2
    exit 2
    ;;
esac
