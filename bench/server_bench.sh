#!/usr/bin/env bash
# The REST API under load (issue 11): wrk against `tpmkit serve` on loopback, over a
# temporary SQLite workspace holding the demo program, authenticated with an API token.
# Prints wrk's figures for:
#   1. GET /api/v1/programs/phoenix/risks, keep-alive, 64 connections (served from the
#      read cache after the first request; the program does not change meanwhile);
#   2. the same read with every request at a new target (?n=...), so none is cached;
#   3. the register at about 1,000 requests/s (10 connections, one request per 10 ms each);
#   4. GET .../forecast (10,000 iterations), cached by the program's version;
#   5. the forecast uncached (a new seed per request), 2 connections.
# Usage: bench/server_bench.sh [BUILD_DIR] [SECONDS]   (needs wrk: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
seconds=${2:-10}
bin=$PWD/$build/tpmkit
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
t() { "$bin" --db "$work/bench.db" "$@"; }
t apply examples/phoenix.yaml >/dev/null
echo "bench-password-7" | t user add bench --admin --password-stdin >/dev/null
token=$(t --json token create bench --role viewer | sed -n 's/.*"secret": "\([^"]*\)".*/\1/p')
"$bin" --db "$work/bench.db" serve --listen 127.0.0.1:0 > /dev/null 2> "$work/serve.err" &
server=$!
for _ in $(seq 100); do grep -q "on http://" "$work/serve.err" && break; sleep 0.1; done
url=http://$(grep -o '127\.0\.0\.1:[0-9]*' "$work/serve.err")
cat > "$work/unique.lua" <<'LUA'
local n = 0
request = function()
  n = n + 1
  return wrk.format(nil, wrk.path .. "?n=" .. n)
end
LUA
cat > "$work/unique_seed.lua" <<'LUA'
local n = 0
request = function()
  n = n + 1
  return wrk.format(nil, wrk.path .. "?seed=" .. n)
end
LUA
{ cat "$work/unique.lua"; echo 'function delay() return 10 end'; } > "$work/paced.lua"
run() {
  local title=$1; shift
  echo "== $title"
  wrk -d "${seconds}s" --latency -H "Authorization: Bearer $token" "$@" |
    grep -E 'Requests/sec|Latency  |50%|90%|99%|Non-2xx|Socket errors'
}
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'); load: $(cut -d' ' -f1-3 /proc/loadavg)"
run "risks, cached, 64 connections" -t 1 -c 64 "$url/api/v1/programs/phoenix/risks"
run "risks, uncached, 64 connections" -t 1 -c 64 -s "$work/unique.lua" "$url/api/v1/programs/phoenix/risks"
run "risks at ~1,000 req/s (10 connections x 100/s), uncached" -t 1 -c 10 -s "$work/paced.lua" "$url/api/v1/programs/phoenix/risks"
run "forecast 10,000 iterations, cached, 64 connections" -t 1 -c 64 "$url/api/v1/programs/phoenix/forecast"
run "forecast 10,000 iterations, uncached (new seed each), 2 connections" -t 1 -c 2 -s "$work/unique_seed.lua" "$url/api/v1/programs/phoenix/forecast"
