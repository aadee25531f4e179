#!/usr/bin/env bash
# Builds the release binaries and one benchmark program of tests/bench (in $ZT_BUILD_DIR,
# default build/bench), then runs it with the remaining arguments:
#   scripts/bench-release.sh zt_bench_ingest [ARGS…]
# Called by bench-ingest.sh and bench-agent.sh, which say what each measures.
set -euo pipefail
cd "$(dirname "$0")/.."
target=$1
shift
build=${ZT_BUILD_DIR:-build/bench}
bash scripts/setup.sh
log=$(mktemp)
trap 'rm -f "$log"' EXIT
{
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DZT_BUILD_TESTS=ON &&
  cmake --build "$build" -j "${ZT_JOBS:-2}" --target zerotrace-ingest zerotrace-agent "$target"
} >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
"$build"/tests/bench/"$target" "$@"
