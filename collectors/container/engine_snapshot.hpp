#pragma once
// What one run learns from a live engine through its API: version, containers (listed and
// inspected), images. A call that fails (refused, timeout, not JSON, HTTP error) becomes a
// problem naming the call, and the run keeps what it has; if /version fails nothing else is
// asked. Never throws.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "collectors/container/engine_api.hpp"
#include "collectors/container/engine_client.hpp"
#include "collectors/core/collector.hpp"

namespace zt::container {

struct EngineSnapshot {
  std::string socket;                    // host path
  std::optional<EngineVersion> version;  // set when the engine answered
  std::vector<ContainerSummary> containers;
  std::vector<ContainerInfo> inspected;
  std::vector<ImageSummary> images;
  std::size_t not_inspected = 0;  // past max_containers, or left when the run stopped
};

EngineSnapshot read_engine(EngineClient& client, std::string socket_host_path,
                           const collector::Context& context, std::size_t max_containers,
                           std::vector<std::string>& problems);

}  // namespace zt::container
