#!/usr/bin/env bash
# compare and sweep on every core: wall and CPU time (user + sys) of `adagrad compare` with one optimizer, with two,
# and with two pinned to one core (taskset -c 0), N rounds (default 3) interleaved. Two optimizers on two cores show
# CPU/wall near 2 and a wall time near the slower one alone; pinned, CPU/wall is 1 and the wall time their sum.
# Usage: bench/parallel.sh [N]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-3}"
steps=20000000
./adagrad --version >/dev/null
run() { # label, then the command
  local label="$1"; shift
  /usr/bin/time -f "$label: %e s wall, %U s user + %S s sys, CPU/wall %P" "$@" >/dev/null
}
for ((i = 0; i < runs; i++)); do
  for opts in adagrad adam adagrad,adam; do
    run "compare $opts" ./adagrad compare --f "(1-x)^2+100*(y-x^2)^2" --x0 x=-1.5,y=2 --optimizers "$opts" \
      --lr 0.001 --steps "$steps"
  done
  run "compare adagrad,adam on one core" taskset -c 0 ./adagrad compare --f "(1-x)^2+100*(y-x^2)^2" \
    --x0 x=-1.5,y=2 --optimizers adagrad,adam --lr 0.001 --steps "$steps"
  run "sweep adagrad,adam, 2 points" ./adagrad sweep --f "(1-x)^2+100*(y-x^2)^2" --x0 x=-1.5,y=2 \
    --optimizers adagrad,adam --lr 0.0001..0.001 --points 2 --steps "$((steps / 2))"
done
nproc
uptime
