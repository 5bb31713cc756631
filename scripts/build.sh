#!/usr/bin/env bash
# Configures and builds tpmkit. Usage: scripts/build.sh [BUILD_DIR] [extra cmake args...]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build}
shift || true
jobs=$(nproc)
# The web app embeds htmx from node_modules at the version package-lock.json pins.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DTPMKIT_WERROR=ON "$@" >/dev/null
ninja -C "$dir" -j "$jobs"
