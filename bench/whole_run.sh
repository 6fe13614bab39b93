#!/usr/bin/env bash
# The whole process of a long run against a hand-written Java program doing the same steps (docs/performance.md):
#   ./adagrad run --f "(1-x)^2+100*(y-x^2)^2" --x0 x=-1.5,y=2 --lr 0.001 --steps S --every S --format csv
# against bench/java/HandWrittenRosenbrock.java (central differences with the same step rule, PyTorch's AdaGrad, f
# and the finiteness checks every step, the same CSV). N pairs, interleaved (the machine may be shared), medians of
# wall time and of CPU time (user + sys); the two outputs must be the same bytes.
#   bench/whole_run.sh [N] [S]        (defaults: 5 pairs, 60000000 steps)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
steps=${2:-60000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
javac -d "$work" bench/java/HandWrittenRosenbrock.java
./adagrad --version > /dev/null # builds the jar if the sources changed
adagrad=(./adagrad run --f "(1-x)^2+100*(y-x^2)^2" --x0 x=-1.5,y=2 --lr 0.001 --steps "$steps" --every "$steps"
         --format csv)
hand=(java -XX:+UseSerialGC -cp "$work" HandWrittenRosenbrock "$steps")
measure() { # prints "wall cpu" in seconds; output to $work/$1.out
    local name=$1; shift
    /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" > "$work/$name.out"
    awk '{ printf "%s %.2f\n", $1, $2 + $3 }' "$work/time"
}
: > "$work/a"; : > "$work/h"
for ((i = 1; i <= runs; i++)); do
    measure adagrad "${adagrad[@]}" >> "$work/a"
    measure hand "${hand[@]}" >> "$work/h"
done
cmp -s "$work/adagrad.out" "$work/hand.out" || { echo "the outputs differ:"; diff "$work/adagrad.out" "$work/hand.out" || true; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
aw=$(cut -d' ' -f1 "$work/a" | median); ac=$(cut -d' ' -f2 "$work/a" | median)
hw=$(cut -d' ' -f1 "$work/h" | median); hc=$(cut -d' ' -f2 "$work/h" | median)
echo "runs: $runs pairs of $steps steps, medians"
echo "adagrad run:   wall $aw s, cpu $ac s"
echo "hand-written:  wall $hw s, cpu $hc s"
awk -v aw="$aw" -v hw="$hw" -v ac="$ac" -v hc="$hc" \
    'BEGIN { printf "ratio adagrad / hand-written: wall %.2f, cpu %.2f\n", aw / hw, ac / hc }'
