#include "collectors/readers/host_glob.hpp"

#include <fnmatch.h>

#include <algorithm>

namespace zt::readers {

std::vector<std::string> glob_host(const collector::HostFs& fs, std::string_view pattern,
                                   std::size_t max_results) {
  if (pattern.empty() || pattern.front() != '/') return {};
  std::vector<std::string> bases{""};
  std::size_t pos = 1;
  while (pos <= pattern.size() && !bases.empty()) {
    const std::size_t slash = std::min(pattern.find('/', pos), pattern.size());
    const std::string part(pattern.substr(pos, slash - pos));
    pos = slash + 1;
    if (part.empty()) continue;
    std::vector<std::string> next;
    if (part.find_first_of("*?[") == std::string::npos) {
      for (const std::string& base : bases) next.push_back(base + "/" + part);
    } else {
      for (const std::string& base : bases) {
        auto names = fs.list_dir(base.empty() ? "/" : base);
        if (!names) continue;
        for (const std::string& name : *names)
          if (::fnmatch(part.c_str(), name.c_str(), FNM_PERIOD) == 0 && next.size() < max_results)
            next.push_back(base + "/" + name);
      }
    }
    bases = std::move(next);
  }
  std::vector<std::string> found;
  for (std::string& path : bases)
    if (!path.empty() && fs.exists(path)) found.push_back(std::move(path));
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace zt::readers
