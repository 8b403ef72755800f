#!/usr/bin/env bash
# Runs every example command of README.md's ```sh blocks that starts with
# "build/" or calls build/cleaner (but not the quick start's set-up line
# or anything that needs the network), from the source folder, with
# "build/" replaced by the build folder under test; each must exit 0.
# Keeps the README honest.
# Usage: readme_examples_test.sh SOURCE_DIR BUILD_DIR
set -uo pipefail
src=$1
bin=$2
cd "$src" || exit 1
passed=0
failed=0
in_sh=0
while IFS= read -r line; do
  case "$line" in
    '```sh') in_sh=1; continue ;;
    '```'*) in_sh=0; continue ;;
  esac
  [ $in_sh = 1 ] || continue
  case "$line" in
    *apt-get*|*curl\ *|*http://*|*https://*) continue ;;
    build/*|*" build/cleaner "*) ;;
    *) continue ;;
  esac
  cmd="${line%%  #*}"              # drop a trailing comment
  cmd="${cmd//build\//$bin/}"
  if bash -c "$cmd" > /dev/null 2> /tmp/readme_example_err.$$; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $line"
    sed 's/^/    /' /tmp/readme_example_err.$$ | head -5
  fi
done < README.md
rm -f /tmp/readme_example_err.$$
echo "$passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
