#!/usr/bin/env bash
# Builds the libFuzzer harnesses with clang (ASan + UBSan) in build-fuzz and runs one.
#   scripts/fuzz.sh TARGET [SECONDS]     TARGET: program_file | mspdi | jira_csv | http_request | all
# The corpus grows in build-fuzz/corpus/TARGET (seeded from the repository's inputs);
# a crash is written to build-fuzz/artifacts/TARGET/ and the script exits 1: copy the
# file into fuzz/regressions/TARGET/, fix the bug, and ctest (fuzz.TARGET) keeps it fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh program_file|mspdi|jira_csv|http_request|all [SECONDS]}
seconds=${2:-60}
if [[ $target == all ]]; then
  for t in program_file mspdi jira_csv http_request; do "$0" "$t" "$seconds"; done
  exit 0
fi
case $target in
  program_file) seeds=(examples/phoenix.yaml tests/data/valid/*.yaml tests/data/invalid/*.yaml) ;;
  mspdi) seeds=(tests/data/mspdi/*.xml) ;;
  jira_csv) seeds=(tests/data/jira/*.csv fuzz/corpus/jira_csv/*) ;;
  http_request) seeds=(fuzz/corpus/http_request/*) ;;
  *) echo "unknown target '$target': program_file, mspdi, jira_csv, http_request or all" >&2; exit 2 ;;
esac
cc=$(command -v clang-14 || command -v clang)
cxx=$(command -v clang++-14 || command -v clang++)
CC=$cc CXX=$cxx cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DTPMKIT_FUZZ=ON -DTPMKIT_BUILD_TESTS=OFF -DTPMKIT_BUILD_BENCH=OFF >/dev/null
ninja -C build-fuzz "tpmkit_${target}_fuzzer"
corpus=build-fuzz/corpus/$target
artifacts=build-fuzz/artifacts/$target
mkdir -p "$corpus" "$artifacts"
cp -n "${seeds[@]}" fuzz/regressions/"$target"/* "$corpus"/ 2>/dev/null || true
rm -f "$corpus/.keep"
echo "== fuzzing $target for ${seconds}s"
ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1 \
  "build-fuzz/fuzz/tpmkit_${target}_fuzzer" -max_total_time="$seconds" -rss_limit_mb=2048 \
  -timeout=10 -max_len=65536 -print_final_stats=1 -artifact_prefix="$artifacts/" "$corpus"
