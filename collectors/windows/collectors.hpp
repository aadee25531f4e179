#pragma once
// The Windows collectors: descriptors of `system`, `network` and `auth` for the Windows
// agent's registry (collectors/builtin_windows.cpp), under the names of the Linux collectors
// they stand in for, so a config and a batch name the same collectors on both platforms.
//   system:  the Windows version, the installed programs (both registry views) as
//            dependencies, installed hotfixes, pending reboot markers (system_collector_windows)
//   network: listening TCP and UDP sockets with their processes (network_collector_windows)
//   auth:    local accounts, Administrators, password and lockout policy
//            (auth_collector_windows)
// They take no options. What they cannot read is a problem of the result, never a throw.
#include <memory>

#include "collectors/core/collector.hpp"

namespace zt::windows {

// The factory (CollectorDescriptor::make) of a collector that takes no options.
template <typename T>
std::unique_ptr<collector::Collector> make_without_options(const collector::OptionValues&) {
  return std::make_unique<T>();
}

collector::CollectorDescriptor system_descriptor();
collector::CollectorDescriptor network_descriptor();
collector::CollectorDescriptor auth_descriptor();

}  // namespace zt::windows
