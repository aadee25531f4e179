#!/usr/bin/env bash
# Benchmark of the compliance collector (issue 16's goal: the CIS Debian 12 pack on a live host
# under 300 ms and 30 MiB): a one-shot scan of this host running only the compliance collector
# with the shipped pack (wall time and peak RSS, median of RUNS, default 7; scripts/bench.sh),
# then, side by side in the same run, `lynis audit system --quick` (installed from Debian when
# missing), timed the same way once.
#   scripts/bench-compliance.sh [RUNS] [PACK]      PACK: cis_debian12 (default), cis_ubuntu2204
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
pack=${2:-cis_debian12}
config=$(mktemp --suffix .yaml)
trap 'rm -f "$config"' EXIT
cat >"$config" <<EOF
collectors:
  compliance:
    pack_dirs: ["$PWD/conf/compliance"]
    packs: [$pack]
EOF
echo "== zerotrace-agent --once --collectors compliance ($pack)"
bash scripts/bench.sh "$runs" --collectors compliance --config "$config"
echo "== lynis audit system --quick"
command -v lynis >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq lynis >/dev/null
/usr/bin/time -f "  wall time  %e s\n  peak RSS   %M KiB" \
  lynis audit system --quick --no-colors --no-log >/dev/null
