#pragma once
// A throwaway Podman API service for the integration tests, set up as the research notes
// found works on this machine: storage (vfs), configuration and socket in a temp dir, runc
// with the cgroupfs manager, ulimits within root's hard limits, and an image built from the
// static busybox (localhost/zt-busybox:1.0, also tagged :latest) where the machine can
// unpack one (see limitation()). Containers are made through
// the API with NetworkMode none or host only (the default bridge would change the host's
// network). The destructor removes every container it made, stops the service (only the
// process it started) and removes the temp dir.
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/support/process.hpp"
#include "tests/support/temp_tree.hpp"

namespace zt::test {

struct ApiReply {
  long status = 0;  // 0: no HTTP answer
  std::string body;
  std::string error;
};

class PodmanService {
 public:
  // Throws std::runtime_error (with the service's log) when a step fails.
  PodmanService();
  ~PodmanService();
  PodmanService(const PodmanService&) = delete;
  PodmanService& operator=(const PodmanService&) = delete;

  const std::filesystem::path& socket() const { return socket_; }
  ApiReply request(const std::string& method, const std::string& path,
                   const std::string& body = {});
  // Creates and starts a container; its id. Throws when the engine refuses.
  std::string run(const std::string& name, const nlohmann::json& create_body);
  // Why containers cannot be made here, or "" when they can. In a chroot (the fresh-machine
  // check) Podman cannot unpack an image: its layer unpacking remounts "/", which is not a
  // mount point there, and runc finds no cgroup mount to start a container in.
  const std::string& limitation() const { return limitation_; }

 private:
  std::vector<std::string> podman_args(std::vector<std::string> tail) const;
  TempTree tree_;
  std::filesystem::path socket_;
  std::vector<std::string> env_;
  std::unique_ptr<Child> service_;
  std::vector<std::string> containers_;
  std::string limitation_;
};

// The one service of this test program, started on first use and stopped at exit.
PodmanService& shared_podman();

}  // namespace zt::test
