#!/usr/bin/env bash
# Installs the dependencies of ZeroTrace from Debian 12's packages (and, for the tests,
# Node-RED from the npm registry: Debian has no package of it):
#   bash scripts/setup.sh build   what building the agent, the ingest and their packages needs,
#                                 and running them together (scripts/local.sh)
#   bash scripts/setup.sh         that, and what the test suite needs (the real engines and
#                                 tools the tests run against)
# Idempotent: when everything is already installed it prints nothing and touches nothing.
# Must run as root (or with sudo available) on Debian 12 "bookworm".
set -euo pipefail

build_packages=(
  # toolchain
  g++ make cmake ninja-build pkg-config
  # libraries (see docs/ARCHITECTURE.md, "Libraries and the direction of their dependencies")
  libboost-dev libcurl4-openssl-dev nlohmann-json3-dev libyaml-cpp-dev libspdlog-dev
  libcli11-dev libssl-dev zlib1g-dev libsystemd-dev libpq-dev
  # vulnerability feeds (OSV all.zip) and rpm databases (rpmdb.sqlite)
  libzip-dev libsqlite3-dev
  # packages: .deb (dpkg-shlibdeps) and .rpm
  dpkg-dev rpm
  # scripts/local.sh: its private PostgreSQL cluster (server, psql) and the ingest's certificate
  postgresql openssl
)
test_packages=(
  # Catch2 v2, a JSON Schema validator, the tools the live tests compare against
  catch2 python3 python3-jsonschema procps iproute2 openssl bsdutils
  # a real PostgreSQL server: the tests start throwaway clusters of their own
  postgresql
  # real engines for the database and container collectors' tests (started by the tests on
  # loopback ports and private sockets; runc because crun cannot start containers on hosts
  # with hybrid cgroups, busybox-static for the test image)
  redis-server memcached podman runc busybox-static
  # the packages installed and checked by the tests, systemd-analyze for the units
  lintian systemd
  # the Windows sources are cross-compiled in the tests (the rest of the Windows build's
  # needs are windows_packages, below)
  g++-mingw-w64-x86-64-posix
  # real servers for the iot_ot collector's tests: MQTT brokers (mosquitto_pub is the oracle
  # of anonymous access) and a Modbus/TCP server
  mosquitto mosquitto-clients python3-pymodbus python3-serial python3-serial-asyncio
  # and the api collector's: etcd (etcdctl is the oracle of access), a Prometheus exporter
  etcd-server etcd-client prometheus-node-exporter
  # and the ai_ml collector's: Jupyter Notebook servers, and NumPy for the model files the
  # tests write with Python (make_models.py)
  jupyter-notebook python3-numpy
)
# The Windows agent, cross-built with MinGW-w64 and run under Wine in the tests
# (docs/WINDOWS.md): Debian's MinGW build of zlib and wine64; yaml-cpp is built below. Optional:
# without them setup warns, and the tests of the Windows agent say what is missing and pass over.
windows_packages=(libz-mingw-w64-dev wine64)
# Servers from npm the tests look for under /opt/zerotrace-test/<folder>: Node-RED and an OPC
# UA server (node-opcua) for the iot_ot collector's, the Model Context Protocol's reference
# server for the ai_ml collector's.
npm_test_servers=(
  "node-red node-red@4.1.15"
  "opcua node-opcua-server@2.186.4"
  "mcp @modelcontextprotocol/server-everything@2026.8.31"
)

case "${1:-all}" in
  build) packages=("${build_packages[@]}") ;;
  all)
    packages=("${build_packages[@]}" "${test_packages[@]}")
    # npm comes with Node.js where Node.js is not Debian's own (NodeSource's has it built in).
    command -v npm >/dev/null || packages+=(nodejs npm)
    ;;
  *) echo "usage: $0 [build|all]" >&2; exit 2 ;;
esac

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = installed ] || missing+=("$p")
done
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

install_windows_packages() {
  local missing_windows=() p status
  for p in "${windows_packages[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
    [ "$status" = installed ] || missing_windows+=("$p")
  done
  [ ${#missing_windows[@]} -gt 0 ] || return 0
  echo "setup: installing ${missing_windows[*]}" >&2
  "${as_root[@]}" apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing_windows[@]}" >/dev/null ||
    echo "setup: warning: apt-get could not install ${missing_windows[*]}: the Windows agent" \
      "will not be built or run in the tests" >&2
}
[ "${1:-all}" != all ] || install_windows_packages

# Installs PACKAGE@VERSION with npm into /opt/zerotrace-test/FOLDER unless it is there. Only
# the tests of that server need it: without it they say so and pass over, the rest runs.
install_npm_test_server() {
  local folder=/opt/zerotrace-test/$1 spec=$2
  local name=${spec%@*} version=${spec##*@}
  local installed
  installed=$(sed -n 's/^ *"version": *"\(.*\)",$/\1/p' \
    "$folder/node_modules/$name/package.json" 2>/dev/null || true)
  [ "$installed" != "$version" ] || return 0
  echo "setup: installing $spec in $folder (npm)" >&2
  "${as_root[@]}" mkdir -p "$folder"
  "${as_root[@]}" npm install --prefix "$folder" --no-audit --no-fund --loglevel=error \
    "$spec" >/dev/null ||
    echo "setup: warning: npm could not install $spec (is the npm registry reachable, and" \
      "its certificate trusted by npm's cafile?): the tests that need it will not run" >&2
}
if [ "${1:-all}" = all ]; then
  for server in "${npm_test_servers[@]}"; do
    # shellcheck disable=SC2086  # "folder spec": two words
    install_npm_test_server $server
  done
fi

# The Windows agent's libraries that Debian has no MinGW build of (yaml-cpp; libzip for the
# vulnerability database's OSV zip): Debian's source packages (apt-get source, which needs
# deb-src lines: added for Debian's own archive when there are none), built statically with the
# MinGW-w64 toolchain file into /opt/zerotrace-mingw, where cmake/mingw-w64-x86_64.cmake looks.
# Only the Windows build needs them: when one cannot be built, setup warns and goes on.
mingw_prefix=/opt/zerotrace-mingw
add_deb_src() {
  ! grep -rqs '^Types:.*deb-src\|^deb-src ' /etc/apt/sources.list /etc/apt/sources.list.d/ ||
    return 0
  echo "setup: adding deb-src lines for Debian's archive (apt-get source)" >&2
  printf '%s\n' 'Types: deb-src' 'URIs: http://deb.debian.org/debian' \
    'Suites: bookworm bookworm-updates' 'Components: main' \
    'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg' |
    "${as_root[@]}" tee /etc/apt/sources.list.d/zerotrace-deb-src.sources >/dev/null
  "${as_root[@]}" apt-get update -qq
}
# build_for_mingw SOURCE-PACKAGE CMAKE-PACKAGE [CMAKE-OPTION...]
build_for_mingw() {
  local package=$1 config=$2
  shift 2
  [ ! -d $mingw_prefix/lib/cmake/"$config" ] || return 0
  echo "setup: building $package from Debian's source package for MinGW-w64 in $mingw_prefix" >&2
  local work status=1
  work=$(mktemp -d)
  # && throughout: errexit does not apply in an if condition or an && list.
  if command -v x86_64-w64-mingw32-g++-posix >/dev/null && add_deb_src; then
    (
      cd "$work" &&
        apt-get source -qq "$package" >/dev/null 2>&1 &&
        source_dir=$(find . -maxdepth 1 -type d -name "$package-*" | head -n 1) &&
        [ -n "$source_dir" ] &&
        cmake -S "$source_dir" -B build -G Ninja -DCMAKE_BUILD_TYPE=Release \
          -DCMAKE_TOOLCHAIN_FILE="$repository/cmake/mingw-w64-x86_64.cmake" \
          -DCMAKE_INSTALL_PREFIX=$mingw_prefix -DBUILD_SHARED_LIBS=OFF --log-level=ERROR \
          -Wno-dev "$@" >/dev/null &&
        nice cmake --build build -j2 >/dev/null &&
        "${as_root[@]}" cmake --install build >/dev/null
    ) && status=0
  fi
  rm -rf "$work"
  [ $status -eq 0 ] ||
    echo "setup: warning: $package could not be built for MinGW-w64 (are the MinGW compilers" \
      "installed and Debian's deb-src reachable?): the Windows agent will not be built" >&2
}
if [ "${1:-all}" = all ]; then
  repository=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  build_for_mingw yaml-cpp yaml-cpp -DYAML_BUILD_SHARED_LIBS=OFF -DYAML_CPP_BUILD_TESTS=OFF \
    -DYAML_CPP_BUILD_TOOLS=OFF -DYAML_CPP_BUILD_CONTRIB=OFF
  # zlib only (Debian's MinGW build): the OSV zips are deflate; no crypto, no tools.
  build_for_mingw libzip libzip -DENABLE_BZIP2=OFF -DENABLE_LZMA=OFF \
    -DENABLE_COMMONCRYPTO=OFF -DENABLE_GNUTLS=OFF -DENABLE_MBEDTLS=OFF -DENABLE_OPENSSL=OFF \
    -DENABLE_WINDOWS_CRYPTO=OFF -DBUILD_TOOLS=OFF -DBUILD_REGRESS=OFF -DBUILD_EXAMPLES=OFF \
    -DBUILD_DOC=OFF
fi
