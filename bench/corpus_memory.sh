#!/bin/bash
# Corpus memory: peak RSS (/usr/bin/time -v, "Maximum resident set size") of
# `cleaner --output-format jsonl` over 10,000 and 100,000 JSON Lines records.
# Streaming means the two peaks should be about equal (the acceptance bound is
# 100k <= 1.2 x 10k): memory follows the documents in flight, not the corpus.
#
# Usage: bench/corpus_memory.sh [CLEANER] [JOBS] [SMALL] [LARGE]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../build/cleaner}
jobs=${2:-2}
small=${3:-10000}
large=${4:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

peak() {  # peak N -> prints "KB"
  python3 "$here/corpus_gen.py" "$1" > "$work/in.jsonl"
  /usr/bin/time -v "$bin" --output-format jsonl -j "$jobs" "$work/in.jsonl" \
    > "$work/out.jsonl" 2> "$work/time.txt" || true
  local out
  out=$(wc -l < "$work/out.jsonl")
  [ "$out" -eq "$1" ] || { echo "records out: $out of $1" >&2; exit 1; }
  grep "Maximum resident set size" "$work/time.txt" | awk '{print $NF}'
}

a=$(peak "$small")
b=$(peak "$large")
echo "peak RSS: $small docs ${a} KB, $large docs ${b} KB, ratio $(echo "scale=3; $b / $a" | bc)"
