#include "collectors/container/container_options.hpp"

#include "collectors/core/option_table.hpp"

namespace zt::container {
namespace {

const collector::OptionTable<ContainerOptions>& table() {
  using namespace collector;  // the row makers: flag, integer, text, text_list
  using O = ContainerOptions;
  static const OptionTable<O> kTable{
      text<&O::socket>(
          "socket",
          "host path of the Docker or Podman API socket; empty: the first socket found among "
          "/run/docker.sock, /var/run/docker.sock, /run/podman/podman.sock"),
      integer<&O::api_timeout>("api_timeout_ms", 100, 60000,
                               "time limit of each engine API call, in milliseconds"),
      integer<&O::max_response_bytes>(
          "max_response_bytes", 65536, 268435456,
          "largest engine API answer read, in bytes; a larger one is a problem"),
      integer<&O::max_containers>(
          "max_containers", 1, 100000,
          "most containers inspected per run (the others are counted in the inventory)"),
  };
  return kTable;
}

}  // namespace

std::span<const collector::OptionSpec> option_specs() { return table().specs(); }

ContainerOptions ContainerOptions::from(const collector::OptionValues& values) {
  return table().read(values);
}

}  // namespace zt::container
