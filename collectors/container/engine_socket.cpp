#include "collectors/container/engine_socket.hpp"

#include <charconv>
#include <cstdio>

#include "collectors/container/host_paths.hpp"
#include "collectors/core/utf8.hpp"
#include "collectors/core/text.hpp"

namespace zt::container {
namespace {

std::string octal(std::uint32_t mode) {
  char text[8];
  std::snprintf(text, sizeof text, "%04o", mode & 07777u);
  return text;
}

}  // namespace

std::vector<std::string> socket_paths_looked_at(const std::string& configured) {
  if (!configured.empty()) return {configured};
  return {std::begin(kSocketCandidates), std::end(kSocketCandidates)};
}

std::vector<EngineSocket> find_sockets(const collector::HostFs& fs, const std::string& configured) {
  std::vector<EngineSocket> found;
  for (const std::string& path : socket_paths_looked_at(configured)) {
    auto info = fs.stat(path);
    if (!info || info->type != collector::FileType::socket) continue;
    auto local = fs.resolve(path);
    if (!local) continue;
    bool seen = false;
    for (const EngineSocket& s : found) seen = seen || s.local == *local;
    if (!seen) found.push_back({path, *local, *info});
  }
  return found;
}

std::optional<SocketExposure> socket_exposure(const collector::FileInfo& info,
                                              const std::map<std::uint32_t, std::string>& groups) {
  const std::string mode = "mode " + octal(info.mode);
  if (info.mode & 0002u)
    return SocketExposure{model::Severity::critical,
                          "every local user can connect to it (" + mode + ")"};
  if (info.gid != 0 && (info.mode & 0020u)) {
    const auto it = groups.find(info.gid);
    const std::string group = it != groups.end() ? it->second : "gid " + std::to_string(info.gid);
    if (group != "docker")
      return SocketExposure{model::Severity::high,
                            "members of group " + group + " can connect to it (" + mode + ")"};
  }
  if (info.mode & 0004u)
    return SocketExposure{model::Severity::low, "every local user can read it (" + mode +
                                                    "); connecting still needs "
                                                    "write permission"};
  return std::nullopt;
}

std::map<std::uint32_t, std::string> parse_group_names(std::string_view text) {
  std::map<std::uint32_t, std::string> out;
  for (std::string_view line : collector::split_lines(text)) {
    // name:password:gid:members
    const std::size_t a = line.find(':');
    if (a == std::string_view::npos || a == 0) continue;
    const std::size_t b = line.find(':', a + 1);
    if (b == std::string_view::npos) continue;
    const std::size_t c = line.find(':', b + 1);
    const std::string_view gid_text =
        line.substr(b + 1, (c == std::string_view::npos ? line.size() : c) - b - 1);
    std::uint32_t gid = 0;
    const auto [end, ec] = std::from_chars(gid_text.data(), gid_text.data() + gid_text.size(), gid);
    if (ec != std::errc() || end != gid_text.data() + gid_text.size()) continue;
    const std::string_view name = line.substr(0, a);
    if (collector::is_valid_utf8(name)) out.emplace(gid, std::string(name));
  }
  return out;
}

}  // namespace zt::container
