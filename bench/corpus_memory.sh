#!/bin/bash
# Corpus memory: peak RSS (/usr/bin/time -v, "Maximum resident set size") of
# `cleaner --output-format jsonl` over 10,000 and 100,000 records, read from
# JSON Lines (default) or from a per-record-gzip WARC (FORMAT=warc; two WARC
# records, request and response, per document). Streaming means the two peaks
# should be about equal (the acceptance bound is 100k <= 1.2 x 10k): memory
# follows the documents in flight, not the corpus.
#
# Usage: bench/corpus_memory.sh [CLEANER] [JOBS] [SMALL] [LARGE] [FORMAT]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../build/cleaner}
jobs=${2:-2}
small=${3:-10000}
large=${4:-100000}
format=${5:-jsonl}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

peak() {  # peak N -> prints "KB"
  local in="$work/in.jsonl" want=$1
  if [ "$format" = warc ]; then
    in="$work/in.warc.gz"
    python3 "$here/corpus_gen.py" "$1" --warc > "$in"
    want=$(( $1 - ($1 + 2) / 3 ))  # the text/plain third is skipped
  else
    python3 "$here/corpus_gen.py" "$1" > "$in"
  fi
  /usr/bin/time -v "$bin" --output-format jsonl -j "$jobs" "$in" \
    > "$work/out.jsonl" 2> "$work/time.txt" || true
  local out
  out=$(wc -l < "$work/out.jsonl")
  [ "$out" -eq "$want" ] || { echo "records out: $out, expected $want" >&2; exit 1; }
  grep "Maximum resident set size" "$work/time.txt" | awk '{print $NF}'
}

a=$(peak "$small")
b=$(peak "$large")
echo "$format, -j $jobs: peak RSS $small docs ${a} KB, $large docs ${b} KB, ratio $(echo "scale=3; $b / $a" | bc)"
