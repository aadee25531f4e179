#!/usr/bin/env bash
# Builds the release packages: zerotrace-agent and zerotrace-ingest as .deb and .rpm, in
# build/packages (a Release build in $ZT_BUILD_DIR, default build/package, without the tests).
# Prints the packages made.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh build
build=${ZT_BUILD_DIR:-build/package}
out=$PWD/build/packages
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DZT_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j "${ZT_JOBS:-2}" --target zerotrace-agent zerotrace-ingest
mkdir -p "$out"
for generator in DEB RPM; do
  cpack --config "$build/CPackConfig.cmake" -G "$generator" -B "$out" >/dev/null
done
rm -rf "$out/_CPack_Packages"
ls -l "$out"/*.deb "$out"/*.rpm
