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
  # the Windows service's sources are cross-compiled in the tests
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
