#!/usr/bin/env bash
# Installs the dependencies, builds tpmkit and loads the demo program into a SQLite
# workspace (demo.db), then shows it and its weekly status report. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh build -DTPMKIT_BUILD_TESTS=OFF -DTPMKIT_BUILD_BENCH=OFF
export TPMKIT_DB=demo.db
./build/tpmkit apply examples/phoenix.yaml
./build/tpmkit show
./build/tpmkit status --snapshot
