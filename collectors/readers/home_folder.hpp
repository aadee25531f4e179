#pragma once
// A user's home folder as the host's /etc/passwd names it, for the collectors that look for a
// service's files in its user's home (Node-RED's ~/.node-red, Jupyter's ~/.jupyter). Never
// throws.
#include <string>
#include <string_view>

#include "collectors/core/host_fs.hpp"

namespace zt::readers {

// The home of `user`, or "" when /etc/passwd cannot be read or has no such user.
std::string home_of(const collector::HostFs& fs, std::string_view user);

}  // namespace zt::readers
