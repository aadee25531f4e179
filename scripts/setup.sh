#!/usr/bin/env bash
# Installs the dependencies of ZeroTrace from Debian 12's packages:
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
)

case "${1:-all}" in
  build) packages=("${build_packages[@]}") ;;
  all) packages=("${build_packages[@]}" "${test_packages[@]}") ;;
  *) echo "usage: $0 [build|all]" >&2; exit 2 ;;
esac

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = installed ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
