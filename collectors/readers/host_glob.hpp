#pragma once
// Expands a glob pattern over host paths through HostFs, as glob(3) would inside the host
// root: '*', '?' and '[…]' in any component, no match for a leading '.' unless the pattern
// has one, results sorted. A pattern without wildcards gives the path if it exists. I/O
// only through HostFs; folders that cannot be listed contribute nothing.
#include <string>
#include <string_view>
#include <vector>

#include "collectors/core/host_fs.hpp"

namespace zt::readers {

std::vector<std::string> glob_host(const collector::HostFs& fs, std::string_view pattern,
                                   std::size_t max_results);

}  // namespace zt::readers
