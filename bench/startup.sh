#!/usr/bin/env bash
# Start-up: wall time of `./adagrad run --f "x^2" --x0 4 --lr 1 --steps 10` against python3 running the seed's own
# 10-step loop (bench/seed_section5.py, numpy imported) under the system interpreter, /usr/bin/python3 (a pyenv shim in
# front of python3 adds its own start-up), median of N runs each (default 21), interleaved so that
# both see the same machine load. Usage: bench/startup.sh [N]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-21}"
./adagrad --version >/dev/null # build the jar (and its class-data archive) first if needed

now() { date +%s%N; }
declare -a java_times python_times
for ((i = 0; i < runs; i++)); do
  start=$(now); ./adagrad run --f "x^2" --x0 4 --lr 1 --steps 10 >/dev/null; java_times+=($(( ($(now) - start) / 1000 )))
  start=$(now); /usr/bin/python3 bench/seed_section5.py >/dev/null; python_times+=($(( ($(now) - start) / 1000 )))
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
java_median=$(median "${java_times[@]}")
python_median=$(median "${python_times[@]}")
echo "runs: $runs each, medians in ms"
printf 'adagrad run (x^2, 10 steps): %6.1f ms\n' "$(echo "$java_median / 1000" | bc -l)"
printf '/usr/bin/python3 seed (numpy):%6.1f ms\n' "$(echo "$python_median / 1000" | bc -l)"
printf 'ratio adagrad / python:      %6.2f\n' "$(echo "$java_median / $python_median" | bc -l)"
