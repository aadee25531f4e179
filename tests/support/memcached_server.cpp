#include "tests/support/memcached_server.hpp"

#include <unistd.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "tests/support/loopback.hpp"

namespace zt::test {

MemcachedServer::MemcachedServer(bool udp) {
  port_ = start_on_free_port([&](unsigned short port) {
    const std::string text = std::to_string(port);
    std::vector<std::string> argv = {"/usr/bin/memcached", "-l", "127.0.0.1", "-p", text, "-U",
                                     udp ? text : "0",     "-m", "16"};
    if (::geteuid() == 0) {
      argv.push_back("-u");
      argv.push_back("memcache");
    }
    child_ = std::make_unique<Child>(argv);
    return wait_for_child_port(*child_, port, std::chrono::seconds(30));
  });
}

}  // namespace zt::test
