#!/usr/bin/env bash
# Installs the dependencies, builds tpmkit, loads the demo program into a SQLite workspace
# (serve-demo.db), creates an administrator with a one-time printed password and serves
# the web app and REST API on http://127.0.0.1:8080 until Ctrl-C. Safe to run again: an existing
# workspace and its users are kept (a new password is printed only for a new admin).
#   scripts/serve-demo.sh [--listen HOST:PORT] [--db FILE] [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
listen=127.0.0.1:8080
db=serve-demo.db
build=1
while (($#)); do
  case "$1" in
    --listen) listen=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "usage: scripts/serve-demo.sh [--listen HOST:PORT] [--db FILE] [--no-build]" >&2; exit 2 ;;
  esac
done
if ((build)); then
  scripts/install-deps.sh
  scripts/build.sh build -DTPMKIT_BUILD_TESTS=OFF -DTPMKIT_BUILD_BENCH=OFF
fi
tpmkit() { ./build/tpmkit --db "$db" "$@"; }
tpmkit apply examples/phoenix.yaml
if ! tpmkit --json user list | grep -q '"name": "admin"'; then
  tpmkit user add admin --admin
fi
echo
echo "Open http://$listen/ in a browser and log in as admin with the password above."
echo "Or log in:  curl -c cookies -H 'Content-Type: application/json' \\"
echo "           -d '{\"user\":\"admin\",\"password\":\"PASSWORD\"}' http://$listen/api/v1/session"
echo "Or make a token: ./build/tpmkit --db $db token create admin --role editor"
echo "See docs/server.md for the API."
echo
exec ./build/tpmkit --db "$db" serve --listen "$listen"
