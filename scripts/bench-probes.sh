#!/usr/bin/env bash
# Benchmark: one run of the network collector's live probing over 30 local listeners of mixed
# kinds (redis-server, memcached, openssl s_server, in-process HTTP servers, SSH-like greeters,
# silent ports): wall time, peak RSS and what each kind was identified as. Builds release
# binaries first (in $ZT_BUILD_DIR, default build/bench). Arguments go to the benchmark:
#   scripts/bench-probes.sh [--redis N] [--memcached N] [--tls N] [--http N] [--greeters N]
#                           [--silent N] [--timeout-ms N]
exec bash "$(dirname "$0")/bench-release.sh" zt_bench_probes "$@"
