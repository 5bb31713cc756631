#!/usr/bin/env bash
# Installs the dependencies, builds tpmkit with warnings as errors, and runs every test:
# once in Release, then the fast tiers (unit, golden, e2e) under AddressSanitizer and
# UndefinedBehaviorSanitizer, then each fuzz harness for a minute (clang, ASan + UBSan).
# Also checks the formatting of the sources.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh

echo "== format check"
git ls-files -z 'src/*.h' 'src/*.cc' 'tests/*.h' 'tests/*.cc' 'bench/*.cc' 'fuzz/*.h' 'fuzz/*.cc' 2>/dev/null \
  | xargs -0 -r clang-format --dry-run -Werror

echo "== Release build and tests"
scripts/build.sh build
ctest --test-dir build --output-on-failure -j "$(nproc)"

echo "== ASan + UBSan build and tests"
scripts/build.sh build-asan -DCMAKE_BUILD_TYPE=Debug -DTPMKIT_SANITIZE=ON -DTPMKIT_BUILD_BENCH=OFF
# The PostgreSQL store suite runs here too; the whole CLI suite on PostgreSQL
# (e2e.cli_postgres) and the fault tests run in the Release stage only, to keep CI short.
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j "$(nproc)" -L 'unit|golden|e2e|postgres' \
    -E '^e2e\.cli_postgres$'

echo "== fuzzing, 60 s per harness"
scripts/fuzz.sh all "${TPMKIT_FUZZ_SECONDS:-60}"
