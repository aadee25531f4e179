#pragma once
// Finding the engine's API socket on the host, and judging who may use it. A socket is a
// host path: it is looked up through HostFs, so a host root (/host) reaches the host's engine.
// A path counts only when it is a socket, never a plain file a fixture tree might hold.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "collectors/core/host_fs.hpp"
#include "schema-client/model/severity.hpp"

namespace zt::container {

struct EngineSocket {
  std::string host_path;        // "/run/docker.sock"
  std::filesystem::path local;  // where it is on this machine, for connect()
  collector::FileInfo info;
};

// With `configured` set: that path, if it is a socket. Otherwise every candidate of
// host_paths.hpp that is a socket, each file once (/var/run is often a link to /run).
std::vector<EngineSocket> find_sockets(const collector::HostFs& fs, const std::string& configured);

// The host paths find_sockets looks at, for messages.
std::vector<std::string> socket_paths_looked_at(const std::string& configured);

// Who else may use a socket: connecting needs write permission on it, so the risk is write
// access beyond root and the engine's own group ("docker"). Nothing when it is private.
struct SocketExposure {
  model::Severity severity = model::Severity::low;
  std::string reason;  // "others can read and write it (mode 0666)"
};
// `groups`: gid → name, from /etc/group (may be empty; an unknown gid is then not trusted).
std::optional<SocketExposure> socket_exposure(const collector::FileInfo& info,
                                              const std::map<std::uint32_t, std::string>& groups);

// gid → group name from /etc/group text. Pure; malformed lines are skipped.
std::map<std::uint32_t, std::string> parse_group_names(std::string_view text);

}  // namespace zt::container
