#!/usr/bin/env bash
# Benchmark: the content walk (collectors/core/content_walk.hpp) over a generated tree of
# 200,000 files: files/s and bytes/s with a counting detector and with the privacy
# collector's detector, the stop time under a wall-time budget, and the peak RSS. Builds only
# the benchmark, in Release (in $ZT_BUILD_DIR, default build/bench-walk). Arguments go to it:
#   scripts/bench-walk.sh [--files N] [--per-folder N] [--budget-ms N] [--seed N]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${ZT_BUILD_DIR:-build/bench-walk}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
{
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DZT_BUILD_TESTS=ON &&
  cmake --build "$build" -j "${ZT_JOBS:-2}" --target zt_bench_walk
} >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
"$build"/tests/bench/zt_bench_walk "$@"
