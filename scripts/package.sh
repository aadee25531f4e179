#!/usr/bin/env bash
# Builds the release packages: zerotrace-agent and zerotrace-ingest as .deb and .rpm, in
# build/packages (a Release build in $ZT_BUILD_DIR, default build/package, without the tests),
# and the Windows agent as a zip (packaging/windows; cross-built in $ZT_WINDOWS_PACKAGE_DIR,
# default build/package-windows) when the MinGW-w64 compiler and the libraries that
# `bash scripts/setup.sh` builds for it are here. Prints the packages made.
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
if [ -x /usr/bin/x86_64-w64-mingw32-g++-posix ] && [ -d /opt/zerotrace-mingw/lib/cmake/libzip ]
then
  windows=${ZT_WINDOWS_PACKAGE_DIR:-build/package-windows}
  cmake -S . -B "$windows" -G Ninja -DCMAKE_TOOLCHAIN_FILE=cmake/mingw-w64-x86_64.cmake \
    -DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS_RELEASE=-O2 -DNDEBUG" >/dev/null
  cmake --build "$windows" -j "${ZT_JOBS:-2}" --target zerotrace-agent
  cpack --config "$windows/CPackConfig.cmake" -B "$out" >/dev/null
  zip=("$out"/zerotrace-agent-*-windows-x86_64.zip)
else
  zip=()
  echo "package: no Windows zip: the MinGW-w64 compiler or its libraries are missing" \
       "(bash scripts/setup.sh installs and builds them)" >&2
fi
rm -rf "$out/_CPack_Packages"
ls -l "$out"/*.deb "$out"/*.rpm "${zip[@]}"
