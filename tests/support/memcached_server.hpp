#pragma once
// A real, throwaway Memcached (Debian's memcached) for integration tests: bound to 127.0.0.1
// on a free TCP port, with UDP on the same port number or off; killed (its own pid only)
// when the object goes. As root it runs as the `memcache` user (it refuses root without -u).
#include <memory>

#include "tests/support/process.hpp"

namespace zt::test {

class MemcachedServer {
 public:
  // Throws std::runtime_error if it does not come up.
  explicit MemcachedServer(bool udp);
  MemcachedServer(const MemcachedServer&) = delete;
  MemcachedServer& operator=(const MemcachedServer&) = delete;

  unsigned short port() const { return port_; }
  int pid() const { return child_->pid(); }

 private:
  unsigned short port_ = 0;
  std::unique_ptr<Child> child_;
};

}  // namespace zt::test
