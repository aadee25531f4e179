#!/usr/bin/env bash
# Benchmark: wall time and peak RSS of a one-shot scan of this host (all usable collectors,
# JSON report to a file), median of N runs (default 7), and each collector's time in the last
# run. Builds the release binary first. Arguments after RUNS go to the agent:
#   scripts/bench.sh [RUNS] [AGENT ARGS…]      e.g. scripts/bench.sh 7 --vuln-db DIR
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
shift $(( $# > 0 ? 1 : 0 ))
bash scripts/setup.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DZT_BUILD_TESTS=OFF >/dev/null
cmake --build build/release -j "${ZT_JOBS:-2}" --target zerotrace-agent >/dev/null
python3 - "$runs" build/release/agent/zerotrace-agent "$@" <<'PY'
import json, os, resource, statistics, subprocess, sys, tempfile, time
runs, agent, extra = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
walls, rss = [], []
with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "report.json")
    for _ in range(runs):
        start = time.monotonic()
        pid = os.fork()
        if pid == 0:
            os.execv(agent, [agent, "--once", "--format", "json", "--output", out] + extra)
        _, status, usage = os.wait4(pid, 0)
        walls.append(time.monotonic() - start)
        rss.append(usage.ru_maxrss / 1024)
        if os.waitstatus_to_exitcode(status) not in (0, 3):
            sys.exit(f"scan failed with status {status}")
    size = os.path.getsize(out)
    with open(out) as f:
        report = json.load(f)
print(f"one-shot scan of this host, {runs} runs:")
print(f"  wall time  median {statistics.median(walls)*1000:.0f} ms  (min {min(walls)*1000:.0f}, max {max(walls)*1000:.0f})")
print(f"  peak RSS   median {statistics.median(rss):.1f} MiB  (min {min(rss):.1f}, max {max(rss):.1f})")
print(f"  report     {size} bytes of JSON, {len(report['findings'])} findings")
print("  collectors in the last run:")
for name, result in sorted(report["scan"]["results"].items()):
    print(f"    {name:10} {result['status']:9} {result['duration_ms']:6} ms")
PY
