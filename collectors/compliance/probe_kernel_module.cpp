// kernel_module: loaded (in /proc/modules) and disabled (an `install <name> /bin/false` or
// `/bin/true`, or a `blacklist <name>`, in the modprobe.d files merged by name).
#include <algorithm>

#include "collectors/compliance/host_paths.hpp"
#include "collectors/compliance/probe_common.hpp"
#include "collectors/compliance/probes.hpp"
#include "collectors/core/text.hpp"

namespace zt::compliance {
namespace {

// Module names: '-' and '_' are the same to the kernel.
std::string normal_name(std::string_view name) {
  std::string out(name);
  std::replace(out.begin(), out.end(), '-', '_');
  return out;
}

Outcome loaded(const Probe& probe, HostView& host, const std::string& name, bool want) {
  const std::string path(kProcModulesPath);
  const std::string expected = want ? "loaded" : "not loaded";
  const FileText& file = host.read(path);
  if (file.state == FileText::State::error)
    return outcome(Status::error, {probe.type, path, 0, file.error, expected});
  if (file.state == FileText::State::missing)  // a host tree without /proc: not checked
    return outcome(Status::pass, {probe.type, path, 0, "not readable here; not checked", expected});
  for (const ConfLine& line : conf_lines(file.text)) {
    const auto words = collector::split_whitespace(line.text);
    if (!words.empty() && normal_name(words.front()) == name)
      return outcome(want ? Status::pass : Status::fail,
                     {probe.type, path, line.number, "loaded", expected});
  }
  return outcome(want ? Status::fail : Status::pass,
                 {probe.type, path, 0, "not loaded", expected});
}

bool disabling_command(std::string_view command) {
  return command == "/bin/false" || command == "/bin/true" || command == "/usr/bin/false" ||
         command == "/usr/bin/true";
}

Outcome disabled(const Probe& probe, HostView& host, const std::string& name, bool want) {
  const std::string expected = want ? "disabled (install /bin/false or blacklist)" : "not disabled";
  std::vector<Evidence> found;
  std::vector<Evidence> errors;
  for (const std::string& path : host.merged_conf_files(kModprobeDirs, ".conf")) {
    const FileText& file = host.read(path);
    if (file.state == FileText::State::error) errors.push_back({probe.type, path, 0, file.error, ""});
    if (file.state != FileText::State::ok) continue;
    for (const ConfLine& line : conf_lines(file.text)) {
      const auto words = collector::split_whitespace(line.text);
      if (words.size() < 2 || normal_name(words[1]) != name) continue;
      if (words[0] == "blacklist" || (words[0] == "install" && words.size() >= 3 &&
                                      disabling_command(words[2])))
        found.push_back({probe.type, path, line.number, std::string(line.text), expected});
    }
  }
  if (!found.empty()) return {want ? Status::pass : Status::fail, std::move(found)};
  if (!errors.empty()) return {Status::error, std::move(errors)};
  return outcome(want ? Status::fail : Status::pass,
                 {probe.type, "", 0, "no install or blacklist line in modprobe.d", expected});
}

}  // namespace

Outcome probe_kernel_module(const Probe& probe, HostView& host) {
  const std::string name = normal_name(probe.text_or("name"));
  std::vector<Outcome> parts;
  if (const auto want = probe.flag("loaded")) parts.push_back(loaded(probe, host, name, *want));
  if (const auto want = probe.flag("disabled")) parts.push_back(disabled(probe, host, name, *want));
  return all_of(std::move(parts));
}

}  // namespace zt::compliance
