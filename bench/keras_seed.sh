#!/usr/bin/env bash
# Seed 001's Keras network, whole processes side by side: `adagrad fit --model mlp --hidden 64 --compat keras` (50
# epochs at batch 32, 1,600 AdaGrad updates, exact gradients by backpropagation, start-up included) against PyTorch
# 1.13 float64 on one thread making the same 1,600 updates (bench/keras_seed_torch.py, `import torch` included).
# Medians of N runs (default 7), interleaved. Usage: bench/keras_seed.sh [N]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-7}"
data=src/test/resources/keras-seed/data.csv
./adagrad --version >/dev/null # build the jar first if needed
now() { date +%s%N; }
declare -a ours torch
for ((i = 0; i < runs; i++)); do
  start=$(now)
  ./adagrad fit --data "$data" --model mlp --hidden 64 --compat keras --lr 0.01 --epochs 50 >/dev/null
  ours+=($(( ($(now) - start) / 1000000 )))
  start=$(now); /usr/bin/python3 bench/keras_seed_torch.py "$data" >/dev/null; torch+=($(( ($(now) - start) / 1000000 )))
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "runs: $runs each, medians in ms"
echo "adagrad fit --model mlp (Keras seed):  $(median "${ours[@]}") ms"
echo "PyTorch float64, 1 thread:             $(median "${torch[@]}") ms"
echo "ratio adagrad / PyTorch:               $(echo "scale=2; $(median "${ours[@]}") / $(median "${torch[@]}")" | bc)"
