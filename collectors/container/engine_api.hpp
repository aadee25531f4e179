#pragma once
// What the collector reads from a Docker Engine API (Docker, or Podman's compatible API), and
// the pure parsers of the answers: GET /version, /containers/json?all=1, /images/json and
// /containers/{id}/json. Each takes the body text and returns the typed value, or an error
// naming the answer and the field ("container inspect: HostConfig.CapAdd: expected …").
// Empty values are read alike whatever the engine sends ([] or null or nothing).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schema-client/model/result.hpp"

namespace zt::container {

using model::Result;

enum class EngineKind { docker, podman };
std::string_view to_string(EngineKind kind);

struct EngineVersion {
  EngineKind kind = EngineKind::docker;
  std::string version;      // "20.10.24+dfsg1", "4.3.1"
  std::string api_version;  // Docker API version: "1.41"
};

struct ContainerSummary {
  std::string id;
  std::string name;  // without the leading '/'
  std::string image;
  std::string state;   // "running", "created", "exited"
  std::string status;  // "Up 5 seconds"
};

struct ImageSummary {
  std::string id;
  std::vector<std::string> tags;  // "<none>:<none>" left out
  long long size = 0;
};

struct MountInfo {
  std::string type;  // "bind", "volume", "tmpfs"
  std::string source;
  std::string destination;
  bool rw = false;
};

struct ContainerInfo {
  std::string id;
  std::string name;      // without the leading '/'
  std::string image;     // as the container was created from: Config.Image
  std::string image_id;  // "sha256:…"
  std::string state;     // State.Status
  std::string user;      // Config.User: "" means the image's user (root, for most)
  bool privileged = false;
  std::string network_mode;
  std::string pid_mode;
  std::string ipc_mode;
  std::string userns_mode;
  std::vector<std::string> cap_add;
  std::vector<std::string> cap_drop;
  std::vector<std::string> security_opt;
  std::optional<long long> memory;      // bytes; 0 or absent: no limit
  std::optional<long long> pids_limit;  // absent, 0 or negative: no limit
  bool readonly_rootfs = false;
  std::vector<MountInfo> mounts;
};

Result<EngineVersion> parse_engine_version(std::string_view text);
Result<std::vector<ContainerSummary>> parse_container_list(std::string_view text);
Result<std::vector<ImageSummary>> parse_image_list(std::string_view text);
Result<ContainerInfo> parse_container_inspect(std::string_view text);

// "4f1c…" → the 12-character short id engines print.
std::string short_id(std::string_view id);

}  // namespace zt::container
