#pragma once
// Loopback ports for the servers the integration tests start: a free one, starting a server on
// one with a retry when another process takes it first, and waiting until one accepts
// connections.
#include <chrono>
#include <functional>

#include "tests/support/process.hpp"

namespace zt::test {

// A TCP port on 127.0.0.1 that nothing listens on now. Drawn at random below the kernel's
// ephemeral range (ip_local_port_range starts at 32768), so no outgoing connection of this
// machine can take it before the server binds it; a test running beside this one may still
// draw it, which is why servers are started through start_on_free_port.
unsigned short free_loopback_port();

// Calls start(port) with a new free port until it returns true, at most 5 times, and returns
// the port the server got. start() returns false when its server could not bind the port (it
// lost it to another process between the draw and its bind) and throws on any other failure.
unsigned short start_on_free_port(const std::function<bool(unsigned short port)>& start);

// True once a TCP connection to 127.0.0.1:port succeeds, false when `limit` passes first.
bool wait_for_loopback_port(unsigned short port, std::chrono::milliseconds limit);

// For a server started as `child` on `port`: true once the port accepts connections while the
// child runs; false when the child exits first (it could not bind the port); throws
// std::runtime_error naming the port and the child's stderr when `limit` passes first.
bool wait_for_child_port(Child& child, unsigned short port, std::chrono::milliseconds limit);

}  // namespace zt::test
