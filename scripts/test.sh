#!/usr/bin/env bash
# Installs what is needed, builds the whole test suite and runs it under CTest: once as a
# normal build, then once more under AddressSanitizer and UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
jobs=${ZT_JOBS:-2}
for variant in test asan; do
  if [ $variant = asan ]; then flags=(-DCMAKE_BUILD_TYPE=Debug -DZT_SANITIZE=ON)
  else flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo); fi
  echo "== $variant build" >&2
  cmake -S . -B build/$variant -G Ninja "${flags[@]}" >/dev/null
  cmake --build build/$variant -j "$jobs"
  echo "== $variant tests" >&2
  ctest --test-dir build/$variant --output-on-failure -j "$jobs" --timeout 300
done
