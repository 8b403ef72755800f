#!/bin/bash
# Corpus throughput: N JSON Lines records through `cleaner --output-format
# jsonl` with --jobs 1 and --jobs 2 (or JOBS). Checks that every record comes
# out, ids in input order, and that the outputs are byte-identical; prints the
# wall times and the speed-up.
#
# Usage: bench/corpus_throughput.sh [CLEANER] [N] [JOBS]
#   CLEANER  the binary (default: build/cleaner)   N  records (default 20000)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../build/cleaner}
n=${2:-20000}
jobs=${3:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$here/corpus_gen.py" "$n" > "$work/in.jsonl"
echo "input: $n records, $(du -m "$work/in.jsonl" | cut -f1) MB"

run() {  # run JOBS OUT -> prints seconds
  local start end
  start=$(date +%s.%N)
  "$bin" --output-format jsonl -j "$1" "$work/in.jsonl" > "$2" 2> "$2.err" || true
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

t1=$(run 1 "$work/out1.jsonl")
tn=$(run "$jobs" "$work/outn.jsonl")
lines=$(wc -l < "$work/out1.jsonl")
echo "jobs 1: ${t1}s   jobs $jobs: ${tn}s   speed-up: $(echo "scale=2; $t1 / $tn" | bc)x"
echo "records out: $lines (of $n)"
if cmp -s "$work/out1.jsonl" "$work/outn.jsonl"; then echo "outputs byte-identical: yes"; else echo "outputs byte-identical: NO"; exit 1; fi
python3 - "$work/out1.jsonl" "$n" <<'PY'
import json, sys
ids = [json.loads(l)["id"] for l in open(sys.argv[1], encoding="utf-8")]
want = [f"doc-{i:07d}" for i in range(int(sys.argv[2]))]
print("ids in input order:", "yes" if ids == want else "NO")
sys.exit(0 if ids == want else 1)
PY
tail -1 "$work/outn.jsonl.err"
