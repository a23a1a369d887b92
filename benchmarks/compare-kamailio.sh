#!/usr/bin/env bash
# wisp and Kamailio side by side on this machine, under the same load from the same harness.
#
#   benchmarks/compare-kamailio.sh [rounds]        (default 3; about 5 minutes a round)
#
# 1. installs Kamailio 5.6 from Debian if it is missing;
# 2. starts it on 127.0.0.1:8091 with benchmarks/kamailio/kamailio.cfg (WS registrar, usrloc in
#    memory with handle_lost_tcp, stateless forward() with record_route, nathelper aliases);
# 3. starts wisp on 127.0.0.1:8090 (ws only);
# 4. measures each server's memory per idle registered connection (CONNECTIONS of them, fresh
#    servers), then runs the load benchmarks against both, alternating which goes first, for
#    the given number of rounds;
# 5. prints every round's figures, the medians and the wisp/Kamailio ratios.
#
# Both servers and the load generator share this machine's cores. Everything stays on loopback
# and stops by itself. Environment: THREADS (16), USERS (64), CONNECTIONS (19000).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
rounds="${1:-3}"
threads="${THREADS:-16}"
users="${USERS:-64}"
connections="${CONNECTIONS:-19000}"
results="$root/benchmarks/target/compare-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$results"
jar="$root/benchmarks/target/benchmarks.jar"
wisp_url="ws://127.0.0.1:8090"
kamailio_url="ws://127.0.0.1:8091"

say() { printf '\n== %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v kamailio >/dev/null || [ ! -f /usr/lib/x86_64-linux-gnu/kamailio/modules/websocket.so ]; then
  say "installing kamailio and kamailio-websocket-modules from Debian"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq kamailio kamailio-websocket-modules >/dev/null
fi

say "building wisp and the benchmarks"
mvn -q -B -f "$root/pom.xml" -DskipTests package

pids=()
stop_servers() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  done
  pids=()
}
trap stop_servers EXIT

wait_for_port() {
  for _ in $(seq 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "nothing listens on 127.0.0.1:$1" >&2
  return 1
}

start_servers() {
  # -m: shared memory in MB for 19000 connections (Kamailio keeps a read buffer per connection).
  kamailio -f "$root/benchmarks/kamailio/kamailio.cfg" -P "$results/kamailio.pid" -A PORT=8091 -m 2048 -M 32 \
    >>"$results/kamailio.log" 2>&1
  wait_for_port 8091
  pids+=("$(cat "$results/kamailio.pid")")
  WISP_WS_HOST=127.0.0.1 WISP_WS_PORT=8090 WISP_WSS_ENABLED=false WISP_LIMITS_MAX_CONNECTIONS_PER_IP=30000 \
    WISP_LOG_LEVEL=WARN java -jar "$root/proxy/target/wisp.jar" >>"$results/wisp.log" 2>&1 &
  pids+=("$!")
  wisp_pid="$!"
  wait_for_port 8090
}

jmh() {
  java -jar "$jar" "$@" -f 1 -foe true -p users="$users" -t "$threads"
}

say "memory per idle registered connection: $connections connections to each fresh server"
start_servers
for server in wisp kamailio; do
  if [ "$server" = wisp ]; then url="$wisp_url"; pid="$wisp_pid"; else url="$kamailio_url"; pid="$(cat "$results/kamailio.pid")"; fi
  java -jar "$jar" ConnectionScaleBenchmark -f 1 -foe true -wi 0 -i 1 -p target="$url" -p connections="$connections" \
    -p serverPid="$pid" -p report="$results/memory-$server.json" | grep -E "MEMORY|ConnectionScaleBenchmark\." || true
done
stop_servers

say "load: $rounds rounds, $threads threads, $users users, servers alternating"
start_servers
for round in $(seq "$rounds"); do
  if [ $((round % 2)) -eq 1 ]; then order="wisp kamailio"; else order="kamailio wisp"; fi
  for server in $order; do
    if [ "$server" = wisp ]; then url="$wisp_url"; else url="$kamailio_url"; fi
    say "round $round: $server"
    jmh 'LoadBenchmark\.(register|call)$' -p target="$url" -wi 1 -w 5 -i 3 -r 10 \
      -rf json -rff "$results/round$round-$server-throughput.json" | grep -E "^LoadBenchmark" || true
    jmh 'LoadBenchmark\.callSetup$' -p target="$url" -wi 1 -w 5 -i 3 -r 10 \
      -rf json -rff "$results/round$round-$server-setup.json" | grep -E "^LoadBenchmark.callSetup(:p0.99 | )" || true
  done
done
stop_servers

say "summary (also in $results/summary.md)"
node "$root/benchmarks/compare-summary.mjs" "$results" | tee "$results/summary.md"
