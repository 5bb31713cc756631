#!/usr/bin/env bash
# Load test of the team arrangement (issue 13): wrk through nginx (configured from
# deploy/nginx/tpmkit.conf) to `tpmkit serve` processes, with an API token, on a fresh
# workspace holding the demo program. Prints, for reads (bench/wrk/reads.lua) and then
# writes (bench/wrk/writes.lua): requests per second, p50 and p99 latency and the error
# count, where any answer outside 2xx is an error; exits 1 when there is one.
#   bench/load.sh [--db postgres|sqlite] [--servers N] [--build DIR] [--seconds N]
#                 [--connections N]
#     postgres (default): a throwaway cluster from pg_virtualenv (scripts/with-postgres.sh),
#     two servers; sqlite: one workspace file, one server.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
db=postgres
servers=""
build=build
seconds=10
connections=16
args=("$@")
while (($#)); do
  case "$1" in
    --db) db=${2:?}; shift 2 ;;
    --servers) servers=${2:?}; shift 2 ;;
    --build) build=${2:?}; shift 2 ;;
    --seconds) seconds=${2:?}; shift 2 ;;
    --connections) connections=${2:?}; shift 2 ;;
    *) echo "usage: bench/load.sh [--db postgres|sqlite] [--servers N] [--build DIR] [--seconds N] [--connections N]" >&2; exit 2 ;;
  esac
done
[[ -n $servers ]] || { [[ $db == postgres ]] && servers=2 || servers=1; }
if [[ $db == postgres && -z ${TPMKIT_TEST_POSTGRES:-} ]]; then
  exec scripts/with-postgres.sh "$0" "${args[@]}"
fi
command -v nginx >/dev/null || PATH=$PATH:/usr/sbin
for tool in wrk nginx; do
  command -v $tool >/dev/null || { echo "load.sh: $tool is missing (scripts/install-deps.sh)" >&2; exit 1; }
done
bin=$repo/$build/tpmkit
work=$(mktemp -d -t tpmkit-load.XXXXXX)
chmod 755 "$work"
pids=()
trap '((${#pids[@]})) && kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
url=${TPMKIT_TEST_POSTGRES:-$work/load.db}
t() { "$bin" --db "$url" "$@"; }
t apply examples/phoenix.yaml >/dev/null
echo "load-test-password-7" | t user add loader --password-stdin >/dev/null
t user grant loader phoenix editor >/dev/null
token=$(t --json token create loader --role editor --program phoenix |
  sed -n 's/.*"secret": "\([^"]*\)".*/\1/p')

ports=()
for n in $(seq "$servers"); do
  "$bin" --db "$url" serve --listen 127.0.0.1:0 --evidence-root "$work/evidence" \
    >/dev/null 2>"$work/serve$n.err" &
  pids+=("$!")
  for _ in $(seq 100); do grep -q 'on http://' "$work/serve$n.err" && break; sleep 0.1; done
  ports+=("$(grep -o 'on http://127\.0\.0\.1:[0-9]*' "$work/serve$n.err" | grep -o '[0-9]*$')")
done
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
scripts/nginx-conf.sh "$work" "$port" "${ports[@]}" | sed 's|access_log .*;|access_log off;|' \
  >"$work/nginx.conf"
nginx -c "$work/nginx.conf" -p "$work" -e "$work/nginx-error.log" &
pids+=("$!")
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.1; done

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "arrangement: nginx -> $servers x tpmkit serve on $([[ $db == postgres ]] && echo "PostgreSQL $(psql -tAc 'show server_version' 2>/dev/null)" || echo SQLite); wrk -t2 -c$connections -d${seconds}s"
failed=0
for kind in reads writes; do
  cat bench/wrk/count.lua "bench/wrk/$kind.lua" >"$work/$kind.lua"
  line=$(wrk -t 2 -c "$connections" -d "${seconds}s" -s "$work/$kind.lua" \
    -H "Authorization: Bearer $token" "http://127.0.0.1:$port" | grep '^RESULT') ||
    { echo "load.sh: wrk gave no result for $kind" >&2; exit 1; }
  echo "$kind: ${line#RESULT }"
  [[ $line == *" errors=0 "* ]] || failed=1
done
((failed == 0)) || { echo "load.sh: errors above (see $work)" >&2; exit 1; }
