#!/bin/bash
# bench/aeb.sh: quality and speed of HTML extraction on the Article
# Extraction Benchmark (../shared/bench/aeb/, 181 pages with hand-made
# ground truth), in one run:
#
#   * F1 / P / R of the cleaner's output, scored by ../shared/bench/score.py
#     (the benchmark's own metric), for the full pipeline, for the extractor
#     alone (--no-filter --no-repair), and for --no-extract with and without
#     the text filters (the floor: all visible text);
#   * single-thread throughput (docs/s, MB/s) of the library (bench_clean)
#     and of a Gumbo parse-only pass over the same pages (bench_gumbo_parse),
#     and the ratio of the two (the goal is >= 0.7).
#
# Usage: bench/aeb.sh [BUILD_DIR] [REPEAT] [ROUNDS]
#   BUILD_DIR  a configured and built tree (default: build/ beside bench/)
#   REPEAT     passes over the pages in one timing (default 1)
#   ROUNDS     timings of each program, interleaved; the best counts (default 3)
# Extra cleaner flags for every run can be given in $AEB_FLAGS.
# Outputs go to a temporary folder that is removed at exit (set AEB_KEEP=DIR
# to keep them there, e.g. to run score.py --per-page on them).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
shared="$root/../shared/bench"
build="${1:-$root/build}"
repeat="${2:-1}"
rounds="${3:-3}"
html="$shared/aeb/html"
python=/usr/bin/python3
flags=(${AEB_FLAGS:-})

for f in "$build/cleaner" "$build/bench/bench_clean" "$build/bench/bench_gumbo_parse"; do
  [[ -x "$f" ]] || { echo "aeb.sh: $f not built (cmake --build $build)" >&2; exit 2; }
done
[[ -d "$html" ]] || { echo "aeb.sh: no benchmark pages at $html" >&2; exit 2; }

if [[ -n "${AEB_KEEP:-}" ]]; then
  out="$AEB_KEEP"
  mkdir -p "$out"
else
  out="$(mktemp -d)"
  trap 'rm -rf "$out"' EXIT
fi

score() {  # NAME FLAGS... : cleans every page into $out/NAME and prints its score line
  local name="$1"
  shift
  rm -rf "${out:?}/$name"
  mkdir -p "$out/$name"
  "$build/cleaner" "${flags[@]}" "$@" -o "$out/$name" "$html" 2>"$out/$name.stderr" || true
  "$python" "$shared/score.py" --bootstrap 0 "$name=$out/$name" | sed -n 2p
}

echo "== quality (score.py; F1 precision recall accuracy empty missing)"
printf '%-28s %9s %15s %15s %15s %6s %6s\n' system F1 precision recall accuracy empty miss
score full
score extract-only --no-filter --no-repair
score no-extract+filters --no-extract
score no-extract-raw --no-extract --no-filter --no-repair

echo "== speed (single thread; best of $rounds rounds of $repeat passes, interleaved)"
# The machine is shared: the three programs take turns, and each keeps its
# best round, so that a burst of load elsewhere does not decide the ratio.
docs_s() { sed -E 's/.*docs\/s ([0-9.]+).*/\1/' <<<"$1"; }
best() {  # CURRENT_BEST_LINE NEW_LINE: the line with more docs/s
  if [[ -z "$1" ]] || awk -v a="$(docs_s "$1")" -v b="$(docs_s "$2")" 'BEGIN{exit !(b > a)}'; then
    echo "$2"
  else
    echo "$1"
  fi
}
parse="" full="" extract=""
for ((r = 0; r < rounds; ++r)); do
  parse="$(best "$parse" "$("$build/bench/bench_gumbo_parse" --repeat "$repeat" "$html")")"
  full="$(best "$full" "$("$build/bench/bench_clean" --repeat "$repeat" "${flags[@]}" "$html")")"
  extract="$(best "$extract" "$("$build/bench/bench_clean" --repeat "$repeat" "${flags[@]}" \
    --no-filter --no-repair "$html")")"
done
echo "gumbo parse-only      $parse"
echo "cleaner (full)        $full"
echo "cleaner (extract)     $extract"
"$python" - "$(docs_s "$parse")" "$(docs_s "$full")" "$(docs_s "$extract")" <<'PY'
import sys
parse, full, extract = map(float, sys.argv[1:])
print(f"ratio to parse-only:  full {full / parse:.2f}   extract-only {extract / parse:.2f}   (goal >= 0.70)")
PY
