#pragma once
// The `container` collector: Docker and Podman containers, images and engine settings. It
// talks to the engine's Docker-compatible API over its unix socket (the `socket` option, or
// the first socket found among host_paths.hpp's candidates, always a host path resolved
// through HostFs), inspects every container, and reads daemon.json and registries.conf through
// HostFs. Finding types and severities: finding_types.hpp. Without a socket or a configuration
// file it is not usable (capabilities() says which paths it looked at) and collect() returns
// nothing.
//
// Nothing it reads makes collect() throw. An engine that refuses, stalls (every call has a
// time limit) or answers something that is not its API is a problem, and the run keeps what it
// has. It checks Context::should_stop() between calls. Not for concurrent collect() calls.
#include <functional>
#include <memory>

#include "collectors/container/engine_client.hpp"
#include "collectors/core/collector.hpp"

namespace zt::container {

// name "container", category container, default interval 900 s; talks to engines with
// make_socket_client.
collector::CollectorDescriptor descriptor();

using ClientFactory = std::function<std::unique_ptr<EngineClient>(const ClientSettings&)>;

// The collector with another way to reach the engine (tests replay recorded answers).
std::unique_ptr<collector::Collector> make_collector(const collector::OptionValues& values,
                                                     ClientFactory clients);

}  // namespace zt::container
