#!/usr/bin/env bash
# Installs what is needed, builds the whole test suite and runs it under CTest, built with
# AddressSanitizer and UndefinedBehaviorSanitizer: one build catches both wrong answers and
# memory or undefined-behaviour errors, in half the time of a plain build plus a sanitized one.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
jobs=${ZT_JOBS:-2}
build=${ZT_BUILD_DIR:-build/asan}
echo "== build ($build: Debug, ASan + UBSan)" >&2
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DZT_SANITIZE=ON >/dev/null
cmake --build "$build" -j "$jobs"
echo "== tests" >&2
ctest --test-dir "$build" --output-on-failure -j "$jobs" --timeout 300
