#!/bin/bash
# Throughput of the text path (segment -> filter -> repair -> normalize) on
# one core, in MB/s of input, with the stages isolated, in one run:
#
#   full           the default text path (plain text output)
#   no-repair      segment -> filter -> normalize
#   no-filter      segment -> repair -> normalize
#   base           segment -> normalize only: the same-run baseline
#   jsonl          the full path with --output-format jsonl (adds language
#                  identification for the metadata)
#
# The corpus is the 181 clean AEB article bodies (articleBody of
# ../shared/bench/aeb/ground-truth.json) written as .txt files, or a folder
# given as CORPUS. Each configuration runs ROUNDS times, taking turns with
# the others, and its best round counts (these machines are noisy). Each
# round is timed after one untimed pass (bench_clean's --warmup): what a
# process builds once is not a cost per megabyte.
#
# Usage: bench/text_speed.sh [BUILD_DIR] [REPEAT] [ROUNDS] [CORPUS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../build}"
repeat="${2:-10}"
rounds="${3:-5}"
corpus="${4:-}"
bin="$build/bench/bench_clean"
[ -x "$bin" ] || { echo "text_speed.sh: $bin not found; build first" >&2; exit 2; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
if [ -z "$corpus" ]; then
  corpus="$tmp/bodies"
  mkdir -p "$corpus"
  /usr/bin/python3 - "$here/../../shared/bench/aeb/ground-truth.json" "$corpus" <<'EOF'
import json, sys, pathlib
truth = json.load(open(sys.argv[1], encoding='utf-8'))
for doc_id, rec in truth.items():
    pathlib.Path(sys.argv[2], doc_id + '.txt').write_text(rec['articleBody'], encoding='utf-8')
EOF
fi

names=(full no-repair no-filter base jsonl)
flags=("" "--no-repair" "--no-filter" "--no-filter --no-repair" "--output-format jsonl")
declare -A best
for ((r = 0; r < rounds; r++)); do
  for i in "${!names[@]}"; do
    # shellcheck disable=SC2086
    mbs=$("$bin" --repeat "$repeat" --input-format text ${flags[$i]} "$corpus" |
          sed -n 's/.*MB\/s \([0-9.]*\).*/\1/p')
    prev="${best[${names[$i]}]:-0}"
    best[${names[$i]}]=$(awk -v a="$mbs" -v b="$prev" 'BEGIN { print (a > b) ? a : b }')
  done
done
bytes=$(du -sb "$corpus" | cut -f1)
echo "corpus: $corpus ($bytes bytes), repeat $repeat, best of $rounds rounds"
for n in "${names[@]}"; do
  awk -v n="$n" -v v="${best[$n]}" -v b="${best[base]}" \
    'BEGIN { printf "%-10s %8.1f MB/s   %.2fx of base (segment + normalize)\n", n, v, v / b }'
done
