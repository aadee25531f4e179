#include "collectors/container/container_options.hpp"

#include <algorithm>

namespace zt::container {
namespace {

using collector::OptionSpec;
using collector::OptionType;

constexpr OptionSpec kOptions[] = {
    {"socket", OptionType::text, "",
     "host path of the Docker or Podman API socket; empty: the first socket found among "
     "/run/docker.sock, /var/run/docker.sock, /run/podman/podman.sock"},
    {"api_timeout_ms", OptionType::integer, "3000",
     "time limit of each engine API call, in milliseconds", 100, 60000},
    {"max_response_bytes", OptionType::integer, "8388608",
     "largest engine API answer read, in bytes; a larger one is a problem", 65536, 268435456},
    {"max_containers", OptionType::integer, "500",
     "most containers inspected per run (the others are counted in the inventory)", 1, 100000},
};

}  // namespace

std::span<const OptionSpec> option_specs() { return kOptions; }

ContainerOptions ContainerOptions::from(const collector::OptionValues& values) {
  ContainerOptions options;
  options.socket = values.text("socket");
  // The loader enforces the ranges; the clamps keep a hand-made OptionValues in bounds.
  options.api_timeout =
      std::chrono::milliseconds{std::clamp(values.integer("api_timeout_ms"), 100LL, 60000LL)};
  options.max_response_bytes = static_cast<std::size_t>(
      std::clamp(values.integer("max_response_bytes"), 65536LL, 268435456LL));
  options.max_containers =
      static_cast<std::size_t>(std::clamp(values.integer("max_containers"), 1LL, 100000LL));
  return options;
}

}  // namespace zt::container
