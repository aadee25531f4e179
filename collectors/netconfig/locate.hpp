#pragma once
// The configuration files under the configured paths: each path is a glob (readers/
// host_glob.hpp); a match that is a file is taken, a folder is read to `max_depth` levels
// below it (hidden entries and version-control folders skipped). Sorted, without repeats, at
// most `max_files` (a problem says how many more there were). I/O through HostFs only.
#include <cstddef>
#include <string>
#include <vector>

#include "collectors/core/host_fs.hpp"

namespace zt::netconfig {

struct LocatedFiles {
  std::vector<std::string> files;  // host paths
  std::size_t matched_paths = 0;   // the globs' matches (files and folders)
};

LocatedFiles locate_configs(const collector::HostFs& fs, const std::vector<std::string>& paths,
                            int max_depth, std::size_t max_files, std::vector<std::string>& problems);

}  // namespace zt::netconfig
