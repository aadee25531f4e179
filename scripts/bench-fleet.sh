#!/usr/bin/env bash
# Benchmark: zerotrace-fleet-sim, a fleet of virtual agents (each its own key and machine id)
# enrolling, then sending heartbeats and scans on schedule with jitter, over HTTPS keep-alive
# on loopback, against one `zerotrace-ingest serve` and a throwaway PostgreSQL; time can be
# compressed (60 s heartbeats compressed 10 times for 10,000 agents is the load of 100,000).
# Prints per route requests per second, p50/p95/p99 latency and answers by status, the
# database's transactions and rows per second, the ingest's peak RSS and the database's size
# per agent, and each scan's JSON bytes and database rows (--differential: scans as deltas
# against the last acknowledged one). Builds the release binaries first (in $ZT_BUILD_DIR, default build/bench).
# Arguments go to the simulator:
#   scripts/bench-fleet.sh [--agents N] [--connections N] [--compression X] [--duration S]
#                          [--heartbeat-seconds S] [--scan-seconds S] [--findings N]
#                          [--change-rate R] [--seed N] [--differential]
#                          [--full-upload-every N] [--reconnect]
exec bash "$(dirname "$0")/bench-release.sh" zerotrace-fleet-sim "$@"
