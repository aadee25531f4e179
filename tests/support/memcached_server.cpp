#include "tests/support/memcached_server.hpp"

#include <unistd.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "tests/support/loopback.hpp"

namespace zt::test {

MemcachedServer::MemcachedServer(bool udp) : port_(free_loopback_port()) {
  const std::string port = std::to_string(port_);
  std::vector<std::string> argv = {"/usr/bin/memcached", "-l", "127.0.0.1", "-p", port, "-U",
                                   udp ? port : "0",     "-m", "16"};
  if (::geteuid() == 0) {
    argv.push_back("-u");
    argv.push_back("memcache");
  }
  child_ = std::make_unique<Child>(argv);
  if (!wait_for_loopback_port(port_, std::chrono::seconds(5)))
    throw std::runtime_error("memcached did not listen on 127.0.0.1:" + port + ": " +
                             child_->stderr_text());
}

}  // namespace zt::test
