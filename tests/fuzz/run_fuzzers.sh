#!/usr/bin/env bash
# Builds the fuzz targets as libFuzzer fuzzers (clang, ASan + UBSan) and runs
# each for SECONDS (default 60), seeded from testdata/ and using the
# dictionary testdata/fuzz/<target>.dict when there is one.
#
#   tests/fuzz/run_fuzzers.sh [SECONDS] [TARGET...]     # e.g. 1800 fuzz_clean
#
# A finding is saved under build-fuzz/findings/<target>/; turn it into a
# regression case in testdata/ (golden/regressions/ or hostile/) and fix it.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
shift || true
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCLEANER_FUZZ=ON > /dev/null
cmake --build build-fuzz -j"$(nproc)" > /dev/null
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in tests/fuzz/fuzz_*.cc; do targets+=("$(basename "${f%.cc}")"); done
fi
status=0
for t in "${targets[@]}"; do
  corpus=build-fuzz/corpus/$t
  findings=build-fuzz/findings/$t
  mkdir -p "$corpus" "$findings"
  dict=()
  [ -f "testdata/fuzz/$t.dict" ] && dict=(-dict="testdata/fuzz/$t.dict")
  echo "== $t for ${seconds}s"
  if ! "build-fuzz/tests/cleaner_$t" "$corpus" testdata -max_total_time="$seconds" \
      -max_len=65536 -timeout=20 -rss_limit_mb=4096 -artifact_prefix="$findings/" \
      "${dict[@]}" -print_final_stats=1 2>&1 | tail -n 15; then
    status=1
  fi
done
exit $status
