#include "tests/support/redis_server.hpp"

#include <stdlib.h>

#include <fstream>
#include <stdexcept>

#include "tests/support/loopback.hpp"

namespace zt::test {

RedisServer::RedisServer(const std::vector<std::string>& extra_lines) {
  std::string pattern = (std::filesystem::temp_directory_path() / "zt-redis-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  dir_ = pattern;
  const std::string dir = dir_.string();
  port_ = start_on_free_port([&](unsigned short port) {
    std::string conf = "bind 127.0.0.1\nport " + std::to_string(port) + "\ndaemonize no\ndir " +
                       dir + "\nlogfile " + dir + "/redis.log\nsave \"\"\nappendonly no\n";
    for (const std::string& line : extra_lines) conf += line + "\n";
    {
      std::ofstream out(config_path());
      out << conf;
      if (!out) throw std::runtime_error("cannot write " + config_path().string());
    }
    child_ = std::make_unique<Child>(
        std::vector<std::string>{"/usr/bin/redis-server", config_path().string()});
    return wait_for_child_port(*child_, port, std::chrono::seconds(30));
  });
}

RedisServer::~RedisServer() {
  child_.reset();  // killed and reaped before its directory goes
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

}  // namespace zt::test
