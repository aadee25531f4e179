#include "collectors/web3/node_reader.hpp"

#include <set>

#include "collectors/core/optional_file.hpp"
#include "collectors/core/proc_paths.hpp"
#include "collectors/core/proc_process.hpp"
#include "collectors/web3/host_paths.hpp"
#include "collectors/web3/systemd_exec.hpp"

namespace zt::web3 {
namespace {

using collector::HostFs;
using Problems = std::vector<std::string>;

// The settings of a command line and of the file it names; the command line wins.
NodeSource node_of_command(const HostFs& fs, const NodeCommand& command, std::string location,
                           const std::string& working_dir, Problems& problems) {
  NodeSource node;
  node.location = std::move(location);
  const NodeSettings options = settings_from_options(command.options);
  NodeSettings settings;
  if (auto file = config_file_of(command.client, options)) {
    std::string path = *file;
    if (!path.starts_with('/') && !working_dir.empty()) path = working_dir + "/" + path;
    if (path.starts_with('/')) {
      node.config_file = path;
      if (auto text = collector::read_optional(fs, path, kSmallFileMaxBytes, problems))
        settings =
            settings_from_config(command.client, parse_config(*text, config_format_of(path)));
    }
  }
  for (const auto& [key, value] : options) settings[key] = value;
  node.view = evaluate_node(command.client, settings);
  return node;
}

void read_processes(const collector::Context& context, Snapshot& snapshot, Problems& problems,
                    std::set<std::vector<std::string>>& running) {
  const HostFs& fs = context.fs();
  if (fs.is_missing(collector::kProcPath)) return;  // a host tree without processes
  auto pids = fs.list_dir(collector::kProcPath);
  if (!pids) {
    problems.push_back("cannot list " + pids.error().message + "; running nodes not checked");
    return;
  }
  for (const std::string& name : *pids) {
    const auto pid = collector::parse_pid(name);
    if (!pid) continue;
    if (context.should_stop()) {
      problems.push_back(
          "stopped reading the processes' command lines: deadline passed or "
          "shutdown requested");
      return;
    }
    ++snapshot.processes_scanned;
    auto text = fs.read_file(collector::proc_cmdline_path(*pid), kSmallFileMaxBytes);
    if (!text) continue;  // exited, or a process the agent may not read
    const std::vector<std::string> argv = collector::parse_cmdline(*text);
    const auto command = node_command(argv);
    if (!command) continue;
    running.insert(argv);
    const std::string cwd_link = "/proc/" + std::to_string(*pid) + "/cwd";
    const auto cwd = fs.read_link(cwd_link);
    NodeSource node =
        node_of_command(fs, *command, "process:" + command->program, cwd ? *cwd : "", problems);
    node.pid = *pid;
    snapshot.nodes.push_back(std::move(node));
  }
}

void read_units(const collector::Context& context, Snapshot& snapshot, Problems& problems,
                const std::set<std::vector<std::string>>& running) {
  const HostFs& fs = context.fs();
  std::set<std::string> seen_names;  // /etc overrides /lib: the first unit of a name wins
  for (std::string_view dir : kUnitDirs) {
    if (fs.is_missing(dir)) continue;
    auto names = fs.list_dir(dir);
    if (!names) {
      problems.push_back("cannot list " + names.error().message);
      continue;
    }
    for (const std::string& name : *names) {
      if (!name.ends_with(".service") || !seen_names.insert(name).second) continue;
      if (snapshot.units_read >= kMaxUnitFiles || context.should_stop()) return;
      const std::string path = std::string(dir) + "/" + name;
      auto text = fs.read_file(path, kSmallFileMaxBytes);
      if (!text) continue;  // a link to /dev/null (a masked unit), or a folder
      ++snapshot.units_read;
      for (const std::vector<std::string>& argv : exec_start_commands(*text)) {
        const auto command = node_command(argv);
        if (!command || running.contains(argv)) continue;
        snapshot.nodes.push_back(node_of_command(fs, *command, "unit:" + path, "", problems));
      }
    }
  }
}

void read_config_files(const HostFs& fs, const std::vector<std::string>& files, Snapshot& snapshot,
                       Problems& problems) {
  for (const std::string& path : files) {
    auto text = fs.read_file(path, kSmallFileMaxBytes);
    if (!text) {
      problems.push_back("cannot read " + text.error().message);
      continue;
    }
    const auto entries = parse_config(*text, config_format_of(path));
    const auto client = client_of_config(entries);
    if (!client) {
      problems.push_back(fs.describe(path) +
                         ": not a geth, erigon, besu or nethermind configuration file");
      continue;
    }
    NodeSource node;
    node.location = "config:" + path;
    node.config_file = path;
    node.view = evaluate_node(*client, settings_from_config(*client, entries));
    snapshot.nodes.push_back(std::move(node));
  }
}

}  // namespace

void read_nodes(const collector::Context& context, const std::vector<std::string>& config_files,
                Snapshot& snapshot, std::vector<std::string>& problems) {
  std::set<std::vector<std::string>> running;
  read_processes(context, snapshot, problems, running);
  if (context.stopped_before("systemd units", problems)) return;
  read_units(context, snapshot, problems, running);
  read_config_files(context.fs(), config_files, snapshot, problems);
}

}  // namespace zt::web3
