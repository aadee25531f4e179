#include "collectors/readers/sshd_host.hpp"

#include "collectors/core/optional_file.hpp"
#include "collectors/readers/host_glob.hpp"
#include "collectors/readers/host_paths.hpp"

namespace zt::readers {

std::optional<SshdConfig> read_host_sshd_config(const collector::HostFs& fs,
                                                std::vector<std::string>& problems) {
  auto text = collector::read_optional(fs, kSshdConfigPath, kConfigMaxBytes, problems);
  if (!text) return std::nullopt;
  SshdSource source;
  source.read = [&fs](const std::string& path, std::string& error) -> std::optional<std::string> {
    auto t = fs.read_file(path, kConfigMaxBytes);
    if (t) return std::move(*t);
    error = t.error().message;
    return std::nullopt;
  };
  source.glob = [&fs](const std::string& pattern) {
    return glob_host(fs, pattern, kMaxIncludedFiles);
  };
  SshdConfig config = load_sshd_config(std::string(kSshdConfigPath), *text, source,
                                       kMaxIncludeDepth, kMaxIncludedFiles);
  for (std::string& p : config.problems) problems.push_back(std::move(p));
  config.problems.clear();
  return config;
}

}  // namespace zt::readers
