#include "collectors/netconfig/locate.hpp"

#include <algorithm>

#include "collectors/netconfig/host_paths.hpp"
#include "collectors/readers/host_glob.hpp"

namespace zt::netconfig {
namespace {

using collector::FileType;
using collector::HostFs;

bool skipped(const std::string& name) {
  if (name.empty() || name.front() == '.') return true;
  return std::any_of(std::begin(kSkippedFolders), std::end(kSkippedFolders),
                     [&](const char* folder) { return name == folder; });
}

void walk(const HostFs& fs, const std::string& folder, int depth, std::vector<std::string>& out,
          std::size_t cap, std::vector<std::string>& problems) {
  auto entries = fs.list_dir(folder);
  if (!entries) {
    problems.push_back("cannot list " + entries.error().message);
    return;
  }
  for (const std::string& name : *entries) {
    if (skipped(name) || out.size() > cap) continue;
    const std::string path = (folder == "/" ? "" : folder) + "/" + name;
    const auto info = fs.stat(path);
    if (!info) continue;  // a dangling link: nothing to audit
    if (info->type == FileType::regular) out.push_back(path);
    else if (info->type == FileType::directory && depth > 0) walk(fs, path, depth - 1, out, cap, problems);
  }
}

}  // namespace

LocatedFiles locate_configs(const HostFs& fs, const std::vector<std::string>& paths, int max_depth,
                            std::size_t max_files, std::vector<std::string>& problems) {
  LocatedFiles located;
  for (const std::string& pattern : paths) {
    for (const std::string& match : readers::glob_host(fs, pattern, kMaxGlobMatches)) {
      ++located.matched_paths;
      const auto info = fs.stat(match);
      if (!info) continue;
      if (info->type == FileType::regular) located.files.push_back(match);
      else if (info->type == FileType::directory)
        walk(fs, match, max_depth, located.files, max_files, problems);
    }
  }
  std::sort(located.files.begin(), located.files.end());
  located.files.erase(std::unique(located.files.begin(), located.files.end()), located.files.end());
  if (located.files.size() > max_files) {
    problems.push_back(std::to_string(located.files.size() - max_files) +
                       " configuration file(s) over max_files (" + std::to_string(max_files) +
                       ") not audited");
    located.files.resize(max_files);
  }
  return located;
}

}  // namespace zt::netconfig
