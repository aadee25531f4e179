#pragma once
// A real, throwaway Redis server (Debian's redis-server) for integration tests: a config
// file in a temporary directory, bound to 127.0.0.1 on a free port, nothing saved to disk;
// killed (its own pid only) and deleted when the object goes. Ready in about 0.1 s.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "tests/support/process.hpp"

namespace zt::test {

class RedisServer {
 public:
  // `extra_lines` are appended to the generated redis.conf (protected-mode, requirepass,
  // rename-command, set-proc-title …). Throws std::runtime_error if it does not come up.
  explicit RedisServer(const std::vector<std::string>& extra_lines);
  ~RedisServer();
  RedisServer(const RedisServer&) = delete;
  RedisServer& operator=(const RedisServer&) = delete;

  unsigned short port() const { return port_; }
  int pid() const { return child_->pid(); }
  std::filesystem::path config_path() const { return dir_ / "redis.conf"; }

 private:
  std::filesystem::path dir_;
  unsigned short port_ = 0;
  std::unique_ptr<Child> child_;
};

}  // namespace zt::test
