#!/usr/bin/env bash
# Tests leave nothing in the temporary directory (issue 14.14): runs the
# CLI, corpus and shard test cases of cleaner_tests with TMPDIR set to an
# empty folder of their own, then requires that folder to be empty again.
#
#   tests/no_leftovers_test.sh BUILD/tests/cleaner_tests
set -euo pipefail
tests_bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
TMPDIR=$tmp "$tests_bin" "[cli],[corpus],[shard]" > "$tmp.log" 2>&1 ||
  { cat "$tmp.log"; rm -f "$tmp.log"; echo "FAIL: the test cases themselves failed"; exit 1; }
rm -f "$tmp.log"
left=$(find "$tmp" -mindepth 1 -maxdepth 1 | head -5)
if [ -n "$left" ]; then
  echo "FAIL: tests left in TMPDIR:"
  echo "$left"
  exit 1
fi
echo "ok: nothing left in TMPDIR"
