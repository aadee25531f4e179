#pragma once
// The `system` collector: what the host is (os-release, kernel release, uptime), whether it
// waits for a reboot to finish applying updates (a finding), and its installed packages
// (dependencies, from the dpkg or apk database). All reads go through HostFs; the parsing is
// in the pure functions next to this file. collect() never throws: what it cannot read
// becomes a problem of the result and the rest is still collected.
#include "collectors/core/collector.hpp"
#include "collectors/system/os_release.hpp"

namespace zt::system {

collector::CollectorDescriptor descriptor();

// The host's os-release (/etc/os-release, else /usr/lib/os-release), for the agent's own
// description of the host.
model::Result<OsRelease> read_host_os_release(const collector::HostFs& fs);

}  // namespace zt::system
