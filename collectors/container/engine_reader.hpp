#pragma once
// Asks a live engine, through its API, what the Snapshot's EngineSnapshot holds
// (snapshot.hpp): version, containers (listed and inspected), images. A call that fails
// (refused, timeout, not JSON, HTTP error) becomes a problem naming the call, and the run
// keeps what it has; if /version fails nothing else is asked. Never throws.
#include <cstddef>
#include <string>
#include <vector>

#include "collectors/container/engine_client.hpp"
#include "collectors/container/snapshot.hpp"
#include "collectors/core/collector.hpp"

namespace zt::container {

EngineSnapshot read_engine(EngineClient& client, std::string socket_host_path,
                           const collector::Context& context, std::size_t max_containers,
                           std::vector<std::string>& problems);

}  // namespace zt::container
