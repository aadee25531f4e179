#pragma once
// The `netconfig` collector: audits the network devices' configurations that backup tools
// (RANCID, Oxidized) keep on this host, or any file or folder named in its options, with the
// auditor of audit.hpp (Cisco IOS / IOS-XE today; other vendors are detected and reported
// unsupported). Findings: finding_types.hpp; every read through HostFs. A file whose size,
// modification time and SHA-256 are those of the previous run keeps its earlier audit (the
// collector instance remembers them), so only changed files are parsed again; every run
// still reports every file's findings. Nothing it reads makes collect() throw.
#include <chrono>
#include <functional>
#include <memory>

#include "collectors/core/collector.hpp"

namespace zt::netconfig {

collector::CollectorDescriptor descriptor();

// The day against which firmware end-of-support dates are compared. descriptor().make uses
// the UTC day; tests pass a fixed one.
using Today = std::function<std::chrono::sys_days()>;

std::unique_ptr<collector::Collector> make_collector(const collector::OptionValues& options,
                                                     Today today);

}  // namespace zt::netconfig
