#!/usr/bin/env bash
# Streaming rows: `adagrad run --f "w^2+10*b^2" --x0 w=1,b=1 --lr 0.01 --steps N --format F > /dev/null` in a 64 MB
# heap (-Xmx64m through JAVA_TOOL_OPTIONS is not used: the jar is run as the launcher runs it, plus -Xmx64m), for
# F = csv, jsonl and table; rows per second by wall time and by CPU time (user + sys), R rounds (default 3). With
# ANCHOR=/path/to/another/checkout (built) its jar runs alternately beside ours, same flags: a paired comparison.
# Usage: bench/streaming.sh [STEPS] [ROUNDS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
steps="${1:-10000000}"
rounds="${2:-3}"
./adagrad --version >/dev/null # build the jar and its class-data archive first if needed
roots=("$PWD")
[ -n "${ANCHOR:-}" ] && roots+=("$ANCHOR")
for ((r = 0; r < rounds; r++)); do
  for format in csv jsonl table; do
    for root in "${roots[@]}"; do
      flags=(-Xmx64m -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto)
      [ -f "$root/target/adagrad.jsa" ] && flags+=("-XX:SharedArchiveFile=$root/target/adagrad.jsa")
      /usr/bin/time -f "%e %U %S" -o /tmp/adagrad-bench-time java "${flags[@]}" -jar "$root/target/adagrad.jar" \
        run --f "w^2+10*b^2" --x0 w=1,b=1 --lr 0.01 --steps "$steps" --format "$format" >/dev/null
      read -r wall user sys </tmp/adagrad-bench-time
      awk -v root="$root" -v f="$format" -v n="$steps" -v w="$wall" -v u="$user" -v s="$sys" 'BEGIN {
        printf "%-28s %-6s %6.2f s wall %6.2f s cpu  %5.2f M rows/s wall  %5.2f M rows/s cpu\n",
          root, f, w, u + s, n / w / 1e6, n / (u + s) / 1e6 }'
    done
  done
done
