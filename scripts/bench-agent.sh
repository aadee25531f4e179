#!/usr/bin/env bash
# Benchmark: the agent daemon's RSS and CPU while idle between scans and during a scan cycle
# of this host with its upload, and how many batches per second a full spool drains into a
# local ingest (real PostgreSQL, real ingest). Builds release binaries first (in
# $ZT_BUILD_DIR, default build/bench). Arguments go to the benchmark:
#   scripts/bench-agent.sh [--idle-seconds N] [--cycles N]
exec bash "$(dirname "$0")/bench-release.sh" zt_bench_agent "$@"
