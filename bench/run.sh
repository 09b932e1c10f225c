#!/usr/bin/env bash
# Runs the whole Tributary benchmark in one go and writes bench/results/latest.md (also printed).
#
#   bench/run.sh
#
# Systems, in order: Tributary --fsync always, Tributary --fsync interval, moto_server (in memory, no durability),
# Redis Streams with AOF appendfsync always, Redis Streams with AOF appendfsync everysec.
# Each gets the put workloads (wrk, or redis-benchmark for Redis), a drain of what was written, and the
# put -> visible latency test. Every server is started here on a free loopback port with a fresh temporary data
# directory and stopped on exit, whatever happens.
#
# Environment (defaults in brackets):
#   BENCH_DURATION [10]           seconds per put workload
#   BENCH_THREADS [2] BENCH_CONNS [16]   wrk -t / -c, and redis-benchmark --threads / -c
#   BENCH_LATENCY_SAMPLES [2000]  put -> visible samples per system;  BENCH_LATENCY_GAP_MS [1]
#   BENCH_SYSTEMS ["tributary-always tributary-interval moto redis-always redis-everysec"]
#   TRIBUTARY_BIN [.build/release/tributary]
#   BENCH_BUILD_WAIT [900]        seconds to wait for a running build or test run to finish before measuring
#   BENCH_BUSY_PATTERN [swift-build|swift-test|swift-frontend|xctest|pytest]  what counts as one (pgrep -f)
#   BENCH_TMP [/tmp]              where data directories go (same disk as the repo here)
#   BENCH_KEEP [0]                1 keeps the work directory (logs, raw wrk output) after the run
set -euo pipefail
{ # The whole script is one block, read before it runs: editing this file during a run cannot derail the run.

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH_DIR")
DURATION=${BENCH_DURATION:-10}
THREADS=${BENCH_THREADS:-2}
CONNS=${BENCH_CONNS:-16}
SAMPLES=${BENCH_LATENCY_SAMPLES:-2000}
GAP_MS=${BENCH_LATENCY_GAP_MS:-1}
SYSTEMS=${BENCH_SYSTEMS:-"tributary-always tributary-interval moto redis-always redis-everysec"}
TRIBUTARY_BIN=${TRIBUTARY_BIN:-$REPO/.build/release/tributary}
BUILD_WAIT=${BENCH_BUILD_WAIT:-900}
# Processes that make figures meaningless on 2 cores: builds, test runs.
BUSY_PATTERN=${BENCH_BUSY_PATTERN:-swift-build|swift-test|swift-frontend|xctest|pytest}
RESULTS_DIR="$BENCH_DIR/results"
STARTED_AT=$(date +%s)

say() { printf '\n== [%3ds] %s\n' $(( $(date +%s) - STARTED_AT )) "$*"; }
die() { printf '\nbench/run.sh: FAILED: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------- preflight
missing=()
for tool in wrk redis-server redis-benchmark redis-cli moto_server curl python3; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
python3 -c 'import boto3, redis, hiredis' 2>/dev/null || missing+=("python: boto3 redis hiredis")
if [ ${#missing[@]} -gt 0 ]; then
  say "missing: ${missing[*]} -> running bench/setup.sh"
  "$BENCH_DIR/setup.sh"
fi
python3 -c 'import moto.server' 2>/dev/null || die "moto[server] does not import (run bench/setup.sh)"
if [[ " $SYSTEMS " == *" tributary-"* ]]; then
  [ -x "$TRIBUTARY_BIN" ] || die "no Tributary binary at $TRIBUTARY_BIN (build it: swift build -c release)"
fi

WORK=$(mktemp -d "${BENCH_TMP:-/tmp}/tributary-bench.XXXXXX")
ROWS="$WORK/rows.jsonl"
RAW="$WORK/raw-output.log"
: >"$ROWS"
PIDS=()

stop_pid() {  # graceful stop, then SIGKILL after 10 s; only ever the pids this script started
  local pid=$1 name=$2 waited=0
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do
    if [ $waited -ge 100 ]; then
      local sockets
      sockets=$(ss -tanp 2>/dev/null | grep "pid=$pid," | awk '{print $1}' | sort | uniq -c | xargs || true)
      echo "  WARNING: $name (pid $pid) ignored SIGTERM for 10 s: SIGKILL (its TCP sockets then: ${sockets:-none})" >&2
      echo "$name ignored SIGTERM for 10 s and was killed (its TCP sockets then: ${sockets:-none})" >>"$WORK/warnings"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  # A running step (bench.py and the wrk / redis-benchmark it waits for, which stop by themselves) goes first.
  if [ -n "${STEP_PID:-}" ]; then pkill -TERM -P "$STEP_PID" 2>/dev/null || true; stop_pid "$STEP_PID" bench.py; fi
  for pid in "${PIDS[@]}"; do stop_pid "$pid" "pid $pid"; done
  if [ "${BENCH_KEEP:-0}" = 1 ] || [ $status -ne 0 ]; then
    echo "work directory kept: $WORK" >&2
  else
    rm -rf "$WORK"
  fi
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Starts "$@" in the background with its output in $WORK/<name>.log; sets SERVER_PID.
start_server() {
  local name=$1; shift
  "$@" >"$WORK/$name.log" 2>&1 &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
}

stop_server() {
  local pid=$1 name=$2 kept=()
  stop_pid "$pid" "$name"
  for p in "${PIDS[@]}"; do [ "$p" = "$pid" ] || kept+=("$p"); done
  PIDS=("${kept[@]+"${kept[@]}"}")
}

wait_kinesis() {  # until ListStreams answers 200
  local port=$1 pid=$2 name=$3
  for _ in $(seq 1 300); do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$WORK/$name.log" >&2; die "$name exited during start-up"; }
    if [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$port/" \
          -H 'Content-Type: application/x-amz-json-1.1' -H 'X-Amz-Target: Kinesis_20131202.ListStreams' \
          -H 'Authorization: AWS4-HMAC-SHA256 Credential=test/20240101/us-east-1/kinesis/aws4_request, SignedHeaders=host, Signature=0' \
          -d '{}' 2>/dev/null)" = 200 ]; then
      return 0
    fi
    sleep 0.1
  done
  die "$name did not answer ListStreams on port $port within 30 s"
}

wait_redis() {
  local port=$1 pid=$2 name=$3
  for _ in $(seq 1 300); do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$WORK/$name.log" >&2; die "$name exited during start-up"; }
    [ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" = PONG ] && return 0
    sleep 0.1
  done
  die "$name did not answer PING on port $port within 30 s"
}

busy() { pgrep -f -- "$BUSY_PATTERN" >/dev/null 2>&1; }

FAILED_STEPS=0
TOTAL_STEPS=0
OVERLAPPED_STEPS=0
STEP_PID=""
step() {  # runs one bench.py step; a failing step is recorded (its row says FAILED) and the run goes on
  local status=0 overlap=0
  busy && overlap=1
  python3 "$BENCH_DIR/bench.py" "$@" &
  STEP_PID=$!
  wait "$STEP_PID" || status=$?
  STEP_PID=""
  busy && overlap=1
  TOTAL_STEPS=$((TOTAL_STEPS + 1))
  if [ $overlap = 1 ]; then
    OVERLAPPED_STEPS=$((OVERLAPPED_STEPS + 1))
    echo "  WARNING: a build or test run overlapped this step: its figures are not trustworthy" >&2
  fi
  if [ $status -ne 0 ]; then
    FAILED_STEPS=$((FAILED_STEPS + 1))
    echo "  step FAILED (exit $status): bench.py $1" >&2
  fi
}

# -------------------------------------------------------------------------------- wait for a quiet machine
WARNING=""
if busy; then
  say "busy machine ($(pgrep -f -- "$BUSY_PATTERN" | head -3 | xargs -r ps -o comm= -p | sort -u | xargs)): waiting up to ${BUILD_WAIT}s (figures taken during a build or test run are meaningless)"
  waited=0
  while busy && [ $waited -lt "$BUILD_WAIT" ]; do sleep 5; waited=$((waited + 5)); done
  if busy; then
    WARNING="a build or test run (${BUSY_PATTERN}) was running during this measurement: the figures are not trustworthy"
    echo "WARNING: $WARNING" >&2
  fi
fi

STARTED_AT=$(date +%s)  # the run's own time, without the wait above

# A private copy of the binary: a rebuild during the run can neither swap it nor fail on a busy text file.
BINARY_INFO=""
if [[ " $SYSTEMS " == *" tributary-"* ]]; then
  cp "$TRIBUTARY_BIN" "$WORK/tributary"
  BINARY_INFO="$TRIBUTARY_BIN built $(date -r "$TRIBUTARY_BIN" '+%Y-%m-%d %H:%M %Z')"
fi

# ------------------------------------------------------------------------------------------------- systems
run_kinesis_system() {  # name, system label, tier label, endpoint
  local name=$1 system=$2 tier=$3 endpoint=$4
  for workload in put500x100 put500x1k put1x100; do
    say "$system [$tier] $workload"
    step kinesis-put --system "$system" --tier "$tier" --endpoint "$endpoint" --workload "$workload" \
      --work "$WORK" --duration "$DURATION" --threads "$THREADS" --conns "$CONNS" --out "$ROWS" --log "$RAW"
  done
  say "$system [$tier] put -> visible latency ($SAMPLES samples)"
  step kinesis-latency --system "$system" --tier "$tier" --endpoint "$endpoint" --samples "$SAMPLES" \
    --gap-ms "$GAP_MS" --out "$ROWS" --log "$RAW"
}

run_tributary() {  # fsync mode, tier label
  local mode=$1 tier=$2 port name="tributary-$1"
  port=$(free_port)
  mkdir -p "$WORK/data-$name"
  say "starting Tributary --fsync $mode on 127.0.0.1:$port"
  start_server "$name" "$WORK/tributary" serve --host 127.0.0.1 --port "$port" --data-dir "$WORK/data-$name" \
    --fsync "$mode"
  local pid=$SERVER_PID
  wait_kinesis "$port" "$pid" "$name"
  run_kinesis_system "$name" "Tributary" "$tier" "http://127.0.0.1:$port"
  kill -0 "$pid" 2>/dev/null || die "Tributary (--fsync $mode) died during the run; see $WORK/$name.log"
  stop_server "$pid" "Tributary --fsync $mode"
  du -sh "$WORK/data-$name" | awk '{print "  data written: " $1}'
  rm -rf "$WORK/data-$name"
}

run_moto() {
  local port
  port=$(free_port)
  say "starting moto_server on 127.0.0.1:$port (in memory: no durability at all)"
  start_server moto python3 -m moto.server -H 127.0.0.1 -p "$port"
  local pid=$SERVER_PID
  wait_kinesis "$port" "$pid" moto
  run_kinesis_system moto "moto_server" "none (in memory)" "http://127.0.0.1:$port"
  kill -0 "$pid" 2>/dev/null || die "moto_server died during the run; see $WORK/moto.log"
  stop_server "$pid" moto_server
}

run_redis() {  # appendfsync mode
  local mode=$1 port name="redis-$1" tier="AOF appendfsync $1"
  port=$(free_port)
  mkdir -p "$WORK/data-$name"
  say "starting redis-server (appendonly yes, appendfsync $mode) on 127.0.0.1:$port"
  # No RDB snapshots and no AOF rewrite during the run: only the append path is measured.
  start_server "$name" redis-server --port "$port" --bind 127.0.0.1 --dir "$WORK/data-$name" --save '' \
    --appendonly yes --appendfsync "$mode" --auto-aof-rewrite-percentage 0 --daemonize no --protected-mode yes
  local pid=$SERVER_PID
  wait_redis "$port" "$pid" "$name"
  local label
  label="Redis $(redis-server --version | sed -n 's/.*v=\([0-9.]*\).*/\1/p')"
  for workload in put500x100 put500x1k put1x100; do
    say "Redis [$tier] $workload"
    step redis-put --system "$label" --tier "$tier" \
      --port "$port" --workload "$workload" --duration "$DURATION" --threads "$THREADS" --conns "$CONNS" \
      --out "$ROWS" --log "$RAW"
  done
  say "Redis [$tier] put -> visible latency ($SAMPLES samples)"
  step redis-latency --system "$label" --tier "$tier" --port "$port" --samples "$SAMPLES" --gap-ms "$GAP_MS" \
    --out "$ROWS" --log "$RAW"
  kill -0 "$pid" 2>/dev/null || die "redis-server died during the run; see $WORK/$name.log"
  stop_server "$pid" "redis-server"
  rm -rf "$WORK/data-$name"
}

for system in $SYSTEMS; do
  case $system in
    tributary-always) run_tributary always "fsync always" ;;
    tributary-interval) run_tributary interval "fsync interval (1 s)" ;;
    moto) run_moto ;;
    redis-always) run_redis always ;;
    redis-everysec) run_redis everysec ;;
    *) die "unknown system $system" ;;
  esac
done

# ------------------------------------------------------------------------------------------------- report
ELAPSED=$(( $(date +%s) - STARTED_AT ))
COMMIT=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git -C "$REPO" status --porcelain -- Sources Package.swift 2>/dev/null)" ]; then COMMIT="$COMMIT (+ uncommitted changes in Sources)"; fi
if [ "$OVERLAPPED_STEPS" -gt 0 ]; then
  echo "$OVERLAPPED_STEPS of $TOTAL_STEPS steps overlapped a build or test run ($BUSY_PATTERN)" >>"$WORK/warnings"
fi
[ -f "$WORK/warnings" ] && WARNING="${WARNING:+$WARNING; }$(paste -sd '\t' "$WORK/warnings" | sed 's/\t/; /g')"
MACHINE=$(python3 "$BENCH_DIR/bench.py" machine --path "$WORK")
WARNING="$WARNING" COMMIT="$COMMIT" BINARY_INFO="$BINARY_INFO" MACHINE="$MACHINE" ELAPSED="$ELAPSED" \
PARAMS="wrk -t$THREADS -c$CONNS -d${DURATION}s --timeout 10s per put workload (redis-benchmark --threads $THREADS -c $CONNS, run length sized to ~${DURATION}s); 4 shards / 4 stream keys; latency: $SAMPLES sequential puts ${GAP_MS} ms apart" \
python3 - "$WORK/meta.json" <<'EOF'
import datetime, json, os, sys
json.dump({
    "date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
    "commit": os.environ["COMMIT"],
    "binary": os.environ.get("BINARY_INFO", ""),
    "machine": os.environ["MACHINE"],
    "parameters": os.environ["PARAMS"] + f"; whole run {os.environ['ELAPSED']} s",
    "warning": os.environ.get("WARNING", ""),
}, open(sys.argv[1], "w"))
EOF
mkdir -p "$RESULTS_DIR"
cp "$RAW" "$RESULTS_DIR/latest-raw.log" 2>/dev/null || true
cp "$ROWS" "$RESULTS_DIR/latest-rows.jsonl"
say "results (bench/results/latest.md)"
report_status=0
python3 "$BENCH_DIR/bench.py" report --rows "$ROWS" --md "$RESULTS_DIR/latest.md" --meta "$WORK/meta.json" \
  || report_status=$?
echo
echo "whole run: ${ELAPSED}s"
if [ "$FAILED_STEPS" -gt 0 ] || [ "$report_status" -ne 0 ]; then
  die "$FAILED_STEPS step(s) failed and the report flags failed rows (exit $report_status): see the table"
fi
exit 0
}
