#!/usr/bin/env bash
# Benchmarks of vulnerability intelligence (issue 15's goals), each printing its figures:
#   1. the matcher: one host of 1,000 packages against 200,000 affected ranges (zt_bench_match)
#   2. zerotrace-ingest feeds import of 100,000 OSV records, again unchanged, again with a
#      tenth changed (zt_bench_feed_import)
#   3. the fleet's rematch: 1,000 hosts x 1,000 packages against 200,000 ranges on a throwaway
#      PostgreSQL, database writes included (zt_bench_rematch)
#   4. zerotrace-agent --once --vuln-db on this host against a generated OSV folder of
#      RECORDS Debian records (default 40,000, about Debian's own count), a tenth of them
#      naming this host's source packages, then against the same records as one all.zip, the
#      form osv.dev exports (scripts/bench.sh)
# Usage: scripts/bench-vuln.sh [match|import|rematch|once]…   (default: all four)
set -euo pipefail
cd "$(dirname "$0")/.."
steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=(match import rematch once)
for step in "${steps[@]}"; do
  echo "== $step"
  case $step in
    match) bash scripts/bench-release.sh zt_bench_match ;;
    import) bash scripts/bench-release.sh zt_bench_feed_import ;;
    rematch) bash scripts/bench-release.sh zt_bench_rematch ;;
    once)
      osv=$(mktemp -d)
      trap 'rm -rf "$osv"' EXIT
      python3 scripts/lib/generate_osv_for_host.py "$osv" "${RECORDS:-40000}"
      bash scripts/bench.sh 7 --vuln-db "$osv"
      python3 -c 'import os, sys, zipfile
with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as z:
    for name in sorted(os.listdir(sys.argv[1])):
        z.write(os.path.join(sys.argv[1], name), name)' "$osv" "$osv.zip"
      trap 'rm -rf "$osv" "$osv.zip"' EXIT
      echo "-- the same records as one all.zip ($(du -h "$osv.zip" | cut -f1))"
      bash scripts/bench.sh 7 --vuln-db "$osv.zip" ;;
    *) echo "unknown step: $step (match, import, rematch, once)" >&2; exit 2 ;;
  esac
done
