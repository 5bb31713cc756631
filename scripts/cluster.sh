#!/usr/bin/env bash
# The team arrangement on one machine, for trying it out and for tests: a throwaway
# PostgreSQL (or SQLite file), two `tpmkit serve` processes on loopback ports sharing
# that database, and nginx in front configured from deploy/nginx/tpmkit.conf. Prints the
# URL and serves until Ctrl-C or SIGTERM, then stops everything and deletes the data.
#   scripts/cluster.sh [--port PORT] [--db postgres|sqlite] [--demo] [--build DIR]
#     --port   nginx's loopback port (default 8080)
#     --db     postgres: a temporary cluster from pg_virtualenv (postgresql-common);
#              sqlite: one workspace file that both servers open (SQLite's locks
#              serialize their writes). Default postgres.
#     --demo   loads examples/phoenix.yaml and adds the administrator "admin", whose
#              generated password is printed once
#     --build  where tpmkit was built (default build)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
port=8080
db=postgres
demo=0
build=build
usage() { echo "usage: scripts/cluster.sh [--port PORT] [--db postgres|sqlite] [--demo] [--build DIR]" >&2; exit 2; }
args=("$@")
while (($#)); do
  case "$1" in
    --port) port=${2:?}; shift 2 ;;
    --db) db=${2:?}; shift 2 ;;
    --demo) demo=1; shift ;;
    --build) build=${2:?}; shift 2 ;;
    *) usage ;;
  esac
done
[[ $db == postgres || $db == sqlite ]] || usage
bin=$repo/$build/tpmkit
[ -x "$bin" ] || { echo "cluster.sh: no $bin; build first (scripts/build.sh $build)" >&2; exit 1; }
command -v nginx >/dev/null || PATH=$PATH:/usr/sbin
command -v nginx >/dev/null || { echo "cluster.sh: nginx is missing (scripts/install-deps.sh)" >&2; exit 1; }

# PostgreSQL: run this script again inside pg_virtualenv, which makes a cluster in a
# temporary directory, exports PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE, and
# removes the cluster when the script returns.
if [[ $db == postgres && -z ${TPMKIT_CLUSTER_IN_PG:-} ]]; then
  command -v pg_virtualenv >/dev/null ||
    { echo "cluster.sh: pg_virtualenv is missing (apt-get install postgresql)" >&2; exit 1; }
  TPMKIT_CLUSTER_IN_PG=1 exec pg_virtualenv "$0" "${args[@]}"
fi

work=$(mktemp -d -t tpmkit-cluster.XXXXXX)
chmod 755 "$work"
pids=()
stop() {
  trap - EXIT INT TERM
  # nginx first, so no request reaches a server that is going away; then the servers,
  # each of which finishes its requests in flight on SIGTERM.
  ((${#pids[@]})) && kill -TERM "${pids[@]}" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$work"
  echo "cluster.sh: stopped" >&2
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ $db == postgres ]]; then
  # An empty URL: libpq takes host, port, user, password and database from the PG*
  # variables, so the password appears in no command line.
  url=postgresql://
else
  url=$work/team.db
fi
t() { "$bin" --db "$url" "$@"; }
t init >/dev/null
if ((demo)); then
  t apply examples/phoenix.yaml >/dev/null
  if ! t --json user list | grep -q '"name": "admin"'; then
    echo "Administrator 'admin' (the password is shown once):"
    t user add admin --admin
  fi
fi

# Each server on a free loopback port, read back from its "on http://..." line.
server_ports=()
for n in 1 2; do
  "$bin" --db "$url" serve --listen 127.0.0.1:0 --public-url "http://127.0.0.1:$port" \
    --trusted-proxy 127.0.0.1 \
    --evidence-root "$work/evidence" >"$work/serve$n.log" 2>"$work/serve$n.err" &
  pids=("$!" "${pids[@]}")
  for _ in $(seq 100); do grep -q 'on http://' "$work/serve$n.err" && break; sleep 0.1; done
  p=$(grep -o 'on http://127\.0\.0\.1:[0-9]*' "$work/serve$n.err" | grep -o '[0-9]*$') ||
    { cat "$work/serve$n.err" >&2; exit 1; }
  server_ports+=("$p")
done

scripts/nginx-conf.sh "$work" "$port" "${server_ports[@]}" >"$work/nginx.conf"
nginx -c "$work/nginx.conf" -p "$work" -e "$work/nginx-error.log" &
pids=("$!" "${pids[@]}")
for _ in $(seq 50); do
  curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && break
  kill -0 "${pids[0]}" 2>/dev/null || { cat "$work/nginx-error.log" >&2; exit 1; }
  sleep 0.1
done

echo
echo "tpmkit cluster: http://127.0.0.1:$port  (nginx -> servers on ports ${server_ports[*]})"
if [[ $db == postgres ]]; then
  echo "database: PostgreSQL $PGDATABASE on $PGHOST:$PGPORT (user $PGUSER, password in PGPASSWORD)"
else
  echo "database: $url"
fi
echo "logs: $work (serve1.log, serve2.log, nginx-access.log); Ctrl-C stops everything"
# Until a signal, or until one of the processes ends by itself.
wait -n "${pids[@]}" || true
echo "cluster.sh: a process ended; stopping the others" >&2
