#!/usr/bin/env bash
# Benchmark: findings per second written through `zerotrace-ingest serve` (batches of 1,000
# findings over HTTPS on loopback, several agents at once) beside raw COPY of the same rows
# into the same tables in the same run; p50/p99 batch latency, the ingest's peak RSS, and a
# check that the database holds every row sent (non-zero exit when not). Builds the release
# binaries first (in $ZT_BUILD_DIR, default build/bench). Arguments go to the benchmark:
#   scripts/bench-ingest.sh [--agents N] [--batches N] [--findings N]
exec bash "$(dirname "$0")/bench-release.sh" zt_bench_ingest "$@"
