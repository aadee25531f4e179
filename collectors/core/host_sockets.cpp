#include "collectors/core/host_sockets.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include "collectors/core/proc_paths.hpp"
#include "collectors/core/proc_process.hpp"

namespace zt::collector {
namespace {

using collector::HostFs;

void read_tables(const HostFs& fs, HostSockets& out) {
  std::map<std::tuple<int, std::uint16_t, int, std::string>, ListeningSocket> by_key;
  for (const SocketTablePath& table : kSocketTables) {
    auto text = fs.read_file(table.path, kSocketTableMaxBytes);
    if (!text) {
      if (!(table.family == Family::ipv6 && fs.is_missing(table.path)))
        out.problems.push_back("cannot read " + text.error().message);
      continue;
    }
    const SocketTable parsed = parse_socket_table(*text, table.protocol, table.family);
    if (parsed.malformed_lines > 0)
      out.problems.push_back(fs.describe(table.path) + ": " +
                             std::to_string(parsed.malformed_lines) +
                             " malformed line(s) left out");
    for (const ProcSocket& s : parsed.sockets) {
      if (!is_listening(s)) continue;
      const auto key = std::make_tuple(static_cast<int>(s.protocol), s.local_port,
                                       static_cast<int>(s.family), s.local_address);
      auto [it, fresh] = by_key.try_emplace(key);
      ListeningSocket& l = it->second;
      if (fresh) {
        l.protocol = s.protocol;
        l.family = s.family;
        l.address = s.local_address;
        l.port = s.local_port;
        l.source = std::string(table.path);
        l.socket_uid = s.uid;
      }
      l.inodes.push_back(s.inode);
    }
  }
  for (auto& [key, listener] : by_key) out.listeners.push_back(std::move(listener));
}

// Which pids hold which listener's sockets.
void find_owners(const Context& context, HostSockets& out) {
  const HostFs& fs = context.fs();
  std::unordered_map<std::uint64_t, std::size_t> wanted;  // inode → listener
  for (std::size_t i = 0; i < out.listeners.size(); ++i)
    for (std::uint64_t inode : out.listeners[i].inodes)
      if (inode != 0) wanted.emplace(inode, i);
  if (wanted.empty()) return;

  auto entries = fs.list_dir(kProcPath);
  if (!entries) {
    out.problems.push_back("cannot list " + entries.error().message +
                           "; listening sockets are reported without their processes");
    return;
  }
  for (const std::string& name : *entries) {
    const auto pid = parse_pid(name);
    if (!pid) continue;
    if (out.pids_scanned % 64 == 0 && context.should_stop()) {
      out.stopped = true;
      out.problems.push_back(
          "stopped while matching sockets to processes: deadline passed or shutdown "
          "requested; some listeners have no process");
      return;
    }
    ++out.pids_scanned;
    auto fds = fs.list_dir(proc_fd_dir(*pid));
    if (!fds) {
      ++out.pids_unreadable;
      continue;
    }
    for (const std::string& fd : *fds) {
      auto target = fs.read_link(proc_fd_path(*pid, fd));
      if (!target) continue;
      const auto inode = parse_socket_link(*target);
      if (!inode) continue;
      if (auto it = wanted.find(*inode); it != wanted.end())
        out.listeners[it->second].pids.push_back(*pid);
    }
  }
}

void name_owners(const HostFs& fs, HostSockets& out) {
  std::map<std::uint32_t, std::string> users;
  if (auto passwd = fs.read_file(kPasswdPath, kSmallFileMaxBytes)) users = parse_passwd(*passwd);
  const auto user_name = [&](std::uint32_t uid) {
    auto it = users.find(uid);
    return it != users.end() ? it->second : std::to_string(uid);
  };
  for (ListeningSocket& l : out.listeners) {
    std::sort(l.pids.begin(), l.pids.end());
    l.pids.erase(std::unique(l.pids.begin(), l.pids.end()), l.pids.end());
    for (int pid : l.pids) {  // the lowest pid that can still be read
      auto comm = fs.read_file(proc_comm_path(pid), kSmallFileMaxBytes);
      auto status = fs.read_file(proc_status_path(pid), kSmallFileMaxBytes);
      if (!comm || !status) continue;
      const auto uid = parse_status_uid(*status);
      auto cmdline = fs.read_file(proc_cmdline_path(pid), kSmallFileMaxBytes);
      l.process = ProcessInfo{pid, parse_comm(*comm),
                              uid ? user_name(*uid) : user_name(l.socket_uid),
                              cmdline ? parse_cmdline(*cmdline) : std::vector<std::string>{}};
      break;
    }
  }
}

}  // namespace

HostSockets read_host_sockets(const Context& context) {
  HostSockets out;
  read_tables(context.fs(), out);
  find_owners(context, out);
  name_owners(context.fs(), out);
  return out;
}

}  // namespace zt::collector
