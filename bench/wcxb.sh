#!/bin/bash
# bench/wcxb.sh: quality of HTML extraction on the WCXB development split
# (../shared/bench/wcxb/dev, 1,497 pages of 7 kinds with ground truth; see
# its SOURCE.md). Unpacks the pages to a scratch folder outside the project,
# cleans them with `cleaner -j 2 --input-format html --output-format jsonl`,
# and prints the scorer's per-kind table, how often page_type agrees with the
# ground truth's page type (a confusion table), and the number of empty
# outputs whose ground truth is not empty (the goal is 0).
#
# Usage: bench/wcxb.sh [BUILD_DIR]
#   BUILD_DIR  a configured and built tree (default: build/ beside bench/)
# Extra cleaner flags for the run can be given in $WCXB_FLAGS.
# Scratch files go to a temporary folder removed at exit (set WCXB_KEEP=DIR to
# keep the unpacked pages in DIR/html and the outputs in DIR/out).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
wcxb="$root/../shared/bench/wcxb"
build="${1:-$root/build}"
python=/usr/bin/python3
flags=(${WCXB_FLAGS:-})

[[ -x "$build/cleaner" ]] || { echo "wcxb.sh: $build/cleaner not built" >&2; exit 2; }
[[ -d "$wcxb/dev/html" ]] || { echo "wcxb.sh: no pages at $wcxb/dev/html" >&2; exit 2; }

if [[ -n "${WCXB_KEEP:-}" ]]; then
  scratch="$WCXB_KEEP"
  mkdir -p "$scratch"
else
  scratch="$(mktemp -d)"
  trap 'rm -rf "$scratch"' EXIT
fi
pages="$scratch/html"
out="$scratch/out"
if [[ ! -d "$pages" ]] || (( $(ls "$pages" | wc -l) != $(ls "$wcxb/dev/html" | wc -l) )); then
  rm -rf "$pages"
  mkdir -p "$pages"
  for f in "$wcxb/dev/html"/*.html.gz; do
    b="$(basename "$f" .gz)"
    gzip -dc "$f" >"$pages/$b"
  done
fi
rm -rf "$out"
mkdir -p "$out"
"$build/cleaner" -j 2 --input-format html --output-format jsonl "${flags[@]}" "$pages" \
  >"$scratch/out.jsonl" 2>"$scratch/stderr" || true
# One <id>.txt per page for the scorer, and the page_type each page got.
"$python" - "$scratch/out.jsonl" "$out" <<'PY'
import json, os, sys
src, out = sys.argv[1:]
with open(src, encoding="utf-8") as f, open(os.path.join(out, "page_types.tsv"), "w") as kinds:
    for line in f:
        d = json.loads(line)
        page = os.path.basename(d["id"])[:-len(".html")]
        with open(os.path.join(out, page + ".txt"), "w", encoding="utf-8") as t:
            t.write(d.get("text") or "")
        kinds.write(f"{page}\t{d['metadata'].get('page_type', '')}\n")
PY
"$python" "$wcxb/score.py" "$out" --per-type
echo
"$python" - "$wcxb/dev/ground-truth" "$out" <<'PY'
import collections, json, os, sys
gt_dir, out = sys.argv[1:]
got = dict(l.rstrip("\n").split("\t") for l in open(os.path.join(out, "page_types.tsv")))
confusion = collections.Counter()
empty = []
for name in sorted(os.listdir(gt_dir)):
    page = name[:-len(".json")]
    with open(os.path.join(gt_dir, name), encoding="utf-8") as f:
        truth = (json.load(f).get("ground_truth") or {}).get("main_content") or ""
    with open(os.path.join(gt_dir, name), encoding="utf-8") as f:
        kind = json.load(f)["_internal"]["page_type"]["primary"]
    confusion[kind, got.get(page, "")] += 1
    if not truth.strip():
        continue
    path = os.path.join(out, page + ".txt")
    text = open(path, encoding="utf-8", errors="replace").read() if os.path.exists(path) else ""
    if not text.strip():
        empty.append(page)
kinds = sorted({k for k, _ in confusion})
right = sum(n for (k, g), n in confusion.items() if k == g)
print(f"page_type right on {right} of {sum(confusion.values())} pages; rows: truth, columns: page_type")
print(" " * 14 + "".join(f"{g[:6]:>7}" for g in kinds))
for k in kinds:
    print(f"{k:<14}" + "".join(f"{confusion[k, g]:>7}" for g in kinds))
print(f"empty outputs with non-empty ground truth: {len(empty)}" + (f" ({' '.join(empty[:20])}{' ...' if len(empty) > 20 else ''})" if empty else ""))
PY
