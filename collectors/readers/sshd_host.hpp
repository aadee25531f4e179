#pragma once
// The host's effective sshd configuration: /etc/ssh/sshd_config with its Includes, read
// through HostFs (sshd_config.hpp has the semantics). Never throws.
#include <optional>
#include <string>
#include <vector>

#include "collectors/core/host_fs.hpp"
#include "collectors/readers/sshd_config.hpp"

namespace zt::readers {

// nullopt when there is no sshd_config (sshd not configured), or it exists and cannot be read
// (a problem says so); included files that cannot be read are problems too.
std::optional<SshdConfig> read_host_sshd_config(const collector::HostFs& fs,
                                                std::vector<std::string>& problems);

}  // namespace zt::readers
