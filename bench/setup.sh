#!/usr/bin/env bash
# Installs what bench/run.sh needs (Debian, as root). Idempotent: installs only what is missing.
#   apt: wrk, redis-server, redis-tools (redis-benchmark, redis-cli), curl
#   pip: moto[server] (moto_server), boto3, redis + hiredis (the Redis drain and latency client)
set -euo pipefail

apt_missing=()
command -v wrk >/dev/null 2>&1 || apt_missing+=(wrk)
command -v redis-server >/dev/null 2>&1 || apt_missing+=(redis-server)
command -v redis-benchmark >/dev/null 2>&1 || apt_missing+=(redis-tools)
command -v curl >/dev/null 2>&1 || apt_missing+=(curl)
if [ ${#apt_missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${apt_missing[@]}"
  # Debian's package starts a redis-server on 6379 where an init system runs; the bench starts its own.
fi

pip_missing=()
python3 -c 'import moto.server, flask, flask_cors' 2>/dev/null || pip_missing+=('moto[server]')
python3 -c 'import boto3' 2>/dev/null || pip_missing+=(boto3)
python3 -c 'import redis' 2>/dev/null || pip_missing+=(redis)
python3 -c 'import hiredis' 2>/dev/null || pip_missing+=(hiredis)
if [ ${#pip_missing[@]} -gt 0 ]; then
  python3 -m pip install --quiet "${pip_missing[@]}"
fi

# Fail loudly if anything is still not usable.
for tool in wrk redis-server redis-benchmark redis-cli curl; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench/setup.sh: $tool is still missing" >&2; exit 1; }
done
python3 -c 'import moto.server, boto3, redis, hiredis' || { echo "bench/setup.sh: Python modules missing" >&2; exit 1; }
echo "bench/setup.sh: wrk, redis $(redis-server --version | sed -n 's/.*v=\([0-9.]*\).*/\1/p'), moto $(python3 -c 'import moto; print(moto.__version__)') ready"
