#!/usr/bin/env bash
# Installs what is needed, builds zerotrace-agent (release) and runs a one-shot scan of this
# host, printing the report. Extra arguments go to the agent, e.g. --format json.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh build
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DZT_BUILD_TESTS=OFF >/dev/null
cmake --build build/release -j "${ZT_JOBS:-2}" --target zerotrace-agent >/dev/null
exec build/release/agent/zerotrace-agent --once "$@"
