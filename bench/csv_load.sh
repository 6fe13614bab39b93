#!/usr/bin/env bash
# fit's CSV loading: `adagrad fit --model linear --epochs 0` on a 100,000-row, 21-column file (adagrad data linear --features 20,
# y and x1..x20 at full precision) minus `adagrad --version` (the start-up), medians of N runs (default 7),
# interleaved. With ANCHOR=/path/to/another/checkout the same runs of its ./adagrad go alternately beside ours.
# Usage: bench/csv_load.sh [N]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-7}"
data="${TMPDIR:-/tmp}/adagrad-bench-100000x21.csv"
./adagrad --version >/dev/null # build the jar first if needed
[ -f "$data" ] || ./adagrad data linear --rows 100000 --features 20 --seed 1 --output "$data"
launchers=(./adagrad)
[ -n "${ANCHOR:-}" ] && launchers+=("$ANCHOR/adagrad")
now() { date +%s%N; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for launcher in "${launchers[@]}"; do "$launcher" --version >/dev/null; done
declare -A load start
for ((i = 0; i < runs; i++)); do
  for launcher in "${launchers[@]}"; do
    t=$(now); "$launcher" --version >/dev/null; start[$launcher]+="$(( ($(now) - t) / 1000000 )) "
    t=$(now); "$launcher" fit --data "$data" --model linear --target y --epochs 0 >/dev/null; load[$launcher]+="$(( ($(now) - t) / 1000000 )) "
  done
done
echo "runs: $runs each, medians in ms; file: $(wc -c <"$data") bytes"
for launcher in "${launchers[@]}"; do
  l=$(median ${load[$launcher]}); s=$(median ${start[$launcher]})
  echo "$launcher: fit --epochs 0 $l ms, --version $s ms, loading about $((l - s)) ms"
done
