#pragma once
// Reading a host file that may legitimately be absent (an optional configuration file).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "collectors/core/host_fs.hpp"

namespace zt::collector {

// The file's text; nothing when it is not there; nothing and a problem naming it ("cannot read
// /etc/shadow: Permission denied") when it is there but cannot be read.
std::optional<std::string> read_optional(const HostFs& fs, std::string_view host_path,
                                         std::size_t max_bytes,
                                         std::vector<std::string>& problems);

}  // namespace zt::collector
