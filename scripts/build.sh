#!/usr/bin/env bash
# Configures and builds tpmkit. Usage: scripts/build.sh [BUILD_DIR] [extra cmake args...]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build}
shift || true
jobs=$(nproc)
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DTPMKIT_WERROR=ON "$@" >/dev/null
ninja -C "$dir" -j "$jobs"
