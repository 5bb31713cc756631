#!/usr/bin/env bash
# End-to-end figures for `tpmkit check -f` and `tpmkit apply` on generated programs of
# 1k, 10k and 100k tasks: wall time (best of 3) and peak memory.
# Usage: bench/foundation.sh [BUILD_DIR]   (a Release build; default build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
ninja -C "$build" tpmkit tpmkit_gen_program >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

best() {  # best wall seconds and max RSS (MiB) of 3 runs of a command
  local best_t=999999 rss=0
  for _ in 1 2 3; do
    "$@" >/dev/null 2>"$work/time" || true
    local t m
    t=$(grep -F 'Elapsed (wall clock)' "$work/time" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
    m=$(grep -F 'Maximum resident' "$work/time" | awk '{print $NF}')
    best_t=$(echo "$t $best_t" | awk '{print ($1<$2)?$1:$2}')
    rss=$m
  done
  echo "$best_t $((rss / 1024))"
}

printf '%-8s %-10s %12s %10s %10s\n' tasks bytes check_s apply_s peak_MiB
for n in 1000 10000 100000; do
  f="$work/p$n.yaml"
  "$build/bench/tpmkit_gen_program" "$n" > "$f"
  read -r ct cm < <(best /usr/bin/time -v "$build/tpmkit" check -f "$f")
  at=999999; am=0
  for _ in 1 2 3; do
    rm -f "$work/ws.db"*
    /usr/bin/time -v "$build/tpmkit" --db "$work/ws.db" apply "$f" >/dev/null 2>"$work/time"
    t=$(grep -F 'Elapsed (wall clock)' "$work/time" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
    am=$(( $(grep -F 'Maximum resident' "$work/time" | awk '{print $NF}') / 1024 ))
    at=$(echo "$t $at" | awk '{print ($1<$2)?$1:$2}')
  done
  printf '%-8s %-10s %12s %10s %10s\n' "$n" "$(stat -c %s "$f")" "$ct" "$at" "$((cm > am ? cm : am))"
done
