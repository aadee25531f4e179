#pragma once
// Loopback ports for the servers the integration tests start: a free one, and waiting until
// one accepts connections.
#include <chrono>

namespace zt::test {

// A TCP port on 127.0.0.1 that nothing listens on now (the kernel's pick).
unsigned short free_loopback_port();

// True once a TCP connection to 127.0.0.1:port succeeds, false when `limit` passes first.
bool wait_for_loopback_port(unsigned short port, std::chrono::milliseconds limit);

}  // namespace zt::test
