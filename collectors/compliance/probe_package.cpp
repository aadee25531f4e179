// package: installed or not, from the host's package database (dpkg, apk or rpm: the shared
// readers).
#include "collectors/compliance/probe_common.hpp"
#include "collectors/compliance/probes.hpp"

namespace zt::compliance {

Outcome probe_package(const Probe& probe, HostView& host) {
  const std::string name = probe.text_or("name");
  const bool want = probe.flag("installed").value_or(true);
  const std::string expected = name + (want ? " installed" : " not installed");
  const Packages& packages = host.packages();
  if (!packages.names)
    return outcome(Status::error, {probe.type, packages.source, 0, packages.error, expected});
  const bool installed = packages.names->contains(name);
  return outcome(installed == want ? Status::pass : Status::fail,
                 {probe.type, packages.source, 0,
                  name + (installed ? " installed" : " not installed"), expected});
}

}  // namespace zt::compliance
