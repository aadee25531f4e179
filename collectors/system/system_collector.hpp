#pragma once
// The `system` collector: what the host is (os-release, kernel release, uptime), whether it
// waits for a reboot to finish applying updates, whether its release is past (or near) its end
// of life, whether it runs an older kernel than the newest installed, which installed packages
// Debian no longer (fully) supports (findings: finding_types.hpp), and its installed packages
// (dependencies, from the dpkg or apk database). All reads go through HostFs; the parsing is
// in the pure functions next to this file. Nothing it reads makes collect() throw: what it
// cannot read becomes a problem of the result and the rest is still collected.
#include <functional>
#include <memory>

#include "collectors/core/collector.hpp"
#include "collectors/system/civil_date.hpp"

namespace zt::system {

collector::CollectorDescriptor descriptor();

// The collector's clock: the day of a run, against which end-of-life dates are compared.
// descriptor().make uses utc_today; tests pass a fixed day.
using Today = std::function<Date()>;
Date utc_today();

// The collector made from validated options (as descriptor().make) with its clock; the
// eol_as_of option, when set, replaces the clock.
std::unique_ptr<collector::Collector> make_collector(const collector::OptionValues& options,
                                                     Today today);

}  // namespace zt::system
