// systemd_unit: masked (a link to /dev/null in /etc or /run) and enabled (a link in a
// *.wants or *.requires folder of /etc/systemd/system), from the unit files; no systemctl.
#include "collectors/compliance/host_paths.hpp"
#include "collectors/compliance/probe_common.hpp"
#include "collectors/compliance/probes.hpp"

namespace zt::compliance {
namespace {

std::string unit_name(std::string name) {
  return name.find('.') == std::string::npos ? name + ".service" : name;
}

Outcome masked(const Probe& probe, HostView& host, const std::string& unit, bool want) {
  const std::string expected = want ? "masked" : "not masked";
  for (std::string_view dir : {kSystemdDirs[0], kSystemdDirs[1]}) {
    const std::string path = std::string(dir) + "/" + unit;
    if (auto target = host.fs().read_link(path); target && *target == "/dev/null")
      return outcome(want ? Status::pass : Status::fail,
                     {probe.type, path, 0, "link to /dev/null", expected});
  }
  return outcome(want ? Status::fail : Status::pass, {probe.type, "", 0, "not masked", expected});
}

Outcome enabled(const Probe& probe, HostView& host, const std::string& unit, bool want) {
  const std::string expected = want ? "enabled" : "not enabled";
  const std::string base(kSystemdDirs[0]);
  auto folders = host.fs().list_dir(base);
  if (folders)
    for (const std::string& folder : *folders) {
      if (!folder.ends_with(".wants") && !folder.ends_with(".requires")) continue;
      const std::string path = base + "/" + folder + "/" + unit;
      if (host.fs().read_link(path) || !host.fs().is_missing(path))
        return outcome(want ? Status::pass : Status::fail,
                       {probe.type, path, 0, "enabled", expected});
    }
  return outcome(want ? Status::fail : Status::pass,
                 {probe.type, "", 0, "not enabled (no link in a .wants or .requires folder)",
                  expected});
}

}  // namespace

Outcome probe_systemd_unit(const Probe& probe, HostView& host) {
  const std::string unit = unit_name(probe.text_or("name"));
  std::vector<Outcome> parts;
  if (const auto want = probe.flag("masked")) parts.push_back(masked(probe, host, unit, *want));
  if (const auto want = probe.flag("enabled")) parts.push_back(enabled(probe, host, unit, *want));
  return all_of(std::move(parts));
}

}  // namespace zt::compliance
