#!/usr/bin/env bash
# Benchmark: findings per second written through `zerotrace-ingest serve` (batches of 1,000
# findings over HTTPS on loopback, several agents at once) beside raw COPY of the same rows
# into the same tables in the same run; p50/p99 batch latency, the ingest's peak RSS, and a
# check that the database holds every row sent (non-zero exit when not). Builds the release
# binaries first (in $ZT_BUILD_DIR, default build/release). Arguments go to the benchmark:
#   scripts/bench-ingest.sh [--agents N] [--batches N] [--findings N]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${ZT_BUILD_DIR:-build/bench}
bash scripts/setup.sh
log=$(mktemp)
trap 'rm -f "$log"' EXIT
{
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DZT_BUILD_TESTS=ON &&
  cmake --build "$build" -j "${ZT_JOBS:-2}" --target zerotrace-ingest zt_bench_ingest
} >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
"$build"/tests/bench/zt_bench_ingest "$@"
