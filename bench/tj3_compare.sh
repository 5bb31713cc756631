#!/usr/bin/env bash
# tpmkit vs TaskJuggler (tj3) on the same generated networks: wall and CPU time (best of
# 3; 1 when a run takes more than 30 s) of `tpmkit schedule -f FILE --json` and of `tj3`
# with a CSV task report (start and end of every task), the ratios tj3 / tpmkit, and the
# number of tasks whose dates differ (0 expected). Both times include reading the file and
# writing the output; CPU time (user + system) is less disturbed by a busy machine.
#
# The networks (bench/tj3_compare.py) are what the two tools schedule the same way:
# fixed durations in working days, finish-to-start links with non-negative lags
# (`gaplength`), milestones, Mon-Fri, no holidays, no progress. See the helper's header
# for why SS/FF/SF links are left out.
#
# Usage: bench/tj3_compare.sh [BUILD_DIR] [SIZES...]   (a Release build; default build,
#        sizes 100 1000 10000). Installs the Debian package tj3 when it is missing (this
#        script only: the build and the tests never need it). Each run is capped at 300 s
#        (timeout).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
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

ratio() { echo "$1 $2" | awk '$1 + 0 > 0 && $2 + 0 > 0 {printf "%.0fx", $2 / $1; next} {print "-"}'; }

echo "tj3: $(tj3 --version 2>/dev/null | head -1)"
printf '%-7s %-7s | %9s %9s | %9s %9s | %7s %7s | %s\n' tasks links tpmkit_w tpmkit_cpu \
  tj3_w tj3_cpu wall cpu mismatches
for n in "${sizes[@]}"; do
  dir="$work/n$n"
  mkdir -p "$dir"
  links=$(python3 bench/tj3_compare.py gen "$n" 1 "$dir")
  read -r ours_w ours_c < <(python3 bench/tj3_compare.py time "$dir/schedule.json" \
    "$tpmkit" schedule -f "$dir/program.yaml" --json)
  read -r tj3_w tj3_c < <(cd "$dir" && python3 "$root/bench/tj3_compare.py" time "$dir/tj3.out" \
    tj3 --silent --no-color program.tjp)
  if [ -f "$dir/dates.csv" ] && [ "$ours_w" != failed ]; then
    read -r _ mismatches < <(python3 bench/tj3_compare.py check "$dir/schedule.json" "$dir/dates.csv")
  else
    mismatches="n/a"
  fi
  printf '%-7s %-7s | %9s %9s | %9s %9s | %7s %7s | %s\n' "$n" "$links" "$ours_w" "$ours_c" \
    "$tj3_w" "$tj3_c" "$(ratio "$ours_w" "$tj3_w")" "$(ratio "$ours_c" "$tj3_c")" "$mismatches"
done
