#pragma once
// Docker's daemon configuration (/etc/docker/daemon.json): the settings the collector checks.
// Pure; errors name the file and the field ("/etc/docker/daemon.json: hosts: expected …").
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schema-client/model/result.hpp"

namespace zt::container {

struct DaemonConfig {
  std::vector<std::string> hosts;  // "-H" addresses: "unix://…", "tcp://…"
  std::vector<std::string> insecure_registries;
  bool tls = false;
  bool tlsverify = false;
  std::optional<bool> live_restore;  // absent: dockerd's default, off
  std::string userns_remap;          // "" = no remapping
  // The 1-based line that names daemon.json key `key` (keys are unique there), 0 when none.
  std::size_t line_of(std::string_view key) const;
  std::string text;  // the file as read, for line_of
};

model::Result<DaemonConfig> parse_daemon_json(std::string_view text, std::string_view file);

}  // namespace zt::container
