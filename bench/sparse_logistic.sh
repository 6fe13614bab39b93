#!/usr/bin/env bash
# Sparse logistic regression at AdaGrad's scale: `adagrad data sparse-logistic` writes 10^5 rows of 10^6 binary
# features (about 46 present a row) as svmlight; then one epoch at batch 1 of `adagrad fit --model logistic` with
# AdaGrad, against scikit-learn's SGDClassifier(loss="log_loss", max_iter=1) on the same file (python3-sklearn).
# adagrad's epoch time is its whole run minus a run with --epochs 0 (start-up, load and the start's evaluation);
# scikit-learn's is its fit() alone. Medians of N runs (default 5), interleaved. Usage: bench/sparse_logistic.sh [N]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-5}"
python=/usr/bin/python3
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
file="$data/sparse.svm"
./adagrad data sparse-logistic --features 1000000 --rows 100000 --density 5e-5 --seed 1 --output "$file"
echo "data: $(wc -l <"$file") rows, $(du -h "$file" | cut -f1), $(awk '{n += NF - 1} END {printf "%.1f", n / NR}' "$file") nonzeros a row"

now() { date +%s%N; }
seconds() { echo "scale=3; $1 / 1000000000" | bc; }
declare -a whole zero sk_fit sk_load
for ((i = 0; i < runs; i++)); do
  start=$(now); ./adagrad fit --data "$file" --model logistic --batch-size 1 --epochs 1 --lr 0.1 >"$data/out"
  whole+=($(( $(now) - start )))
  start=$(now); ./adagrad fit --data "$file" --model logistic --epochs 0 >/dev/null; zero+=($(( $(now) - start )))
  read -r load fit accuracy < <($python bench/sparse_logistic.py "$file")
  sk_load+=("$load"); sk_fit+=("$fit")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
w=$(median "${whole[@]}"); z=$(median "${zero[@]}")
epoch=$(echo "scale=3; ($w - $z) / 1000000000" | bc)
echo "runs: $runs each, medians"
echo "adagrad fit, whole run (JVM, load, 1 epoch):   $(seconds "$w") s   (peak memory: see /usr/bin/time -v)"
echo "adagrad fit, start-up + load only (--epochs 0): $(seconds "$z") s"
echo "adagrad, one epoch at batch 1 (AdaGrad):        $epoch s   final: $(tail -n 1 "$data/out")"
echo "scikit-learn load_svmlight_file:                $(median "${sk_load[@]}") s"
echo "scikit-learn SGDClassifier, one epoch:          $(median "${sk_fit[@]}") s   train accuracy $accuracy"
echo "ratio adagrad epoch / scikit-learn epoch:       $(echo "scale=2; $epoch / $(median "${sk_fit[@]}")" | bc)"
