#!/usr/bin/env bash
# tpmkit vs TaskJuggler (tj3) on the same generated networks: wall time of
# `tpmkit schedule -f FILE --json` and of `tj3` with a CSV task report (start and end of
# every task), their ratio, and the number of tasks whose dates differ (0 expected).
#
# The networks (bench/tj3_compare.py) are what the two tools schedule the same way:
# fixed durations in working days, finish-to-start links with non-negative lags
# (`gaplength`), milestones, Mon-Fri, no holidays, no progress. See the helper's header
# for why SS/FF/SF links are left out.
#
# Usage: bench/tj3_compare.sh [BUILD_DIR] [SIZES...]   (a Release build; default build,
#        sizes 100 1000 10000). Installs the Debian package tj3 when it is missing (this
#        script only: the build and the tests never need it). Each run is capped at 300 s.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000 10000)
tpmkit="$build/tpmkit"
[ -x "$tpmkit" ] || { echo "no $tpmkit: build it first (ninja -C $build tpmkit)" >&2; exit 2; }
if ! command -v tj3 >/dev/null; then
  echo "installing tj3 (Debian package tj3)" >&2
  if [ "$(id -u)" = 0 ]; then apt-get install -y tj3 >/dev/null; else sudo apt-get install -y tj3 >/dev/null; fi
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Best wall time in seconds of 3 runs of a command (stdout to $out), capped at 300 s each;
# "timeout" when a run is cut off.
best() {
  local out=$1
  shift
  local best_t=""
  for _ in 1 2 3; do
    local t0 t1
    t0=$(date +%s.%N)
    if ! timeout 300 "$@" >"$out" 2>"$work/err"; then
      if [ $? -eq 124 ]; then echo timeout; return; fi
      cat "$work/err" >&2
      echo failed
      return
    fi
    t1=$(date +%s.%N)
    best_t=$(echo "$t0 $t1 ${best_t:-1e9}" | awk '{d = $2 - $1; print (d < $3) ? d : $3}')
  done
  printf '%.3f\n' "$best_t"
}

echo "tj3: $(tj3 --version 2>/dev/null | head -1)"
printf '%-7s %-7s %12s %10s %9s %12s\n' tasks links tpmkit_s tj3_s ratio mismatches
for n in "${sizes[@]}"; do
  dir="$work/n$n"
  mkdir -p "$dir"
  links=$(python3 bench/tj3_compare.py gen "$n" 1 "$dir")
  t_ours=$(best "$dir/schedule.json" "$tpmkit" schedule -f "$dir/program.yaml" --json)
  t_tj3=$( (cd "$dir" && best "$dir/tj3.out" tj3 --silent --no-color program.tjp) )
  ratio=$(echo "$t_ours $t_tj3" | awk '$1 + 0 > 0 && $2 + 0 > 0 {printf "%.0fx", $2 / $1; next} {print "-"}')
  if [ -f "$dir/dates.csv" ] && [ "$t_ours" != failed ]; then
    read -r _ mismatches < <(python3 bench/tj3_compare.py check "$dir/schedule.json" "$dir/dates.csv")
  else
    mismatches="n/a"
  fi
  printf '%-7s %-7s %12s %10s %9s %12s\n' "$n" "$links" "$t_ours" "$t_tj3" "$ratio" "$mismatches"
done
