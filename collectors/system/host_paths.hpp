#pragma once
// Every host path the system collector reads, in one place. They are host paths: HostFs
// resolves them under the configured host root.
#include <cstddef>
#include <string_view>

#include "collectors/readers/host_paths.hpp"

namespace zt::system {

// os-release(5): collectors/core/os_release.hpp, which the agent reads too.

// Package databases: the shared readers' (rpm's, in several places and formats:
// readers/rpm_packages.hpp).
using readers::kApkInstalledPath;
using readers::kDpkgStatusPath;

inline constexpr std::string_view kKernelReleasePath = "/proc/sys/kernel/osrelease";
inline constexpr std::string_view kUptimePath = "/proc/uptime";

// The reboot flag that Debian's and Ubuntu's package hooks (and needrestart) create, with the
// packages that asked for it next to it. /var/run is normally a symlink to /run, but an old or
// unusual host may have either one only; the first flag found wins.
struct RebootFlagPaths {
  std::string_view flag;
  std::string_view packages;
};
inline constexpr RebootFlagPaths kRebootFlagPaths[] = {
    {"/var/run/reboot-required", "/var/run/reboot-required.pkgs"},
    {"/run/reboot-required", "/run/reboot-required.pkgs"},
};

// Installed kernels when the package database names none: /boot/vmlinuz-<release>, else
// /lib/modules/<release> holding a modules.dep (a directory without one is a leftover of a
// removed kernel).
inline constexpr std::string_view kBootPath = "/boot";
inline constexpr std::string_view kModulesPath = "/lib/modules";
inline constexpr std::string_view kModulesDepName = "modules.dep";

// Debian's debian-security-support lists: the ended list has one file per release
// (security-support-ended.deb12), the limited list one file for the release it was built for.
inline constexpr std::string_view kSecuritySupportEndedPrefix =
    "/usr/share/debian-security-support/security-support-ended.deb";
inline constexpr std::string_view kSecuritySupportLimitedPath =
    "/usr/share/debian-security-support/security-support-limited";

// Read caps. Package databases are several MB on big hosts; the cap for them is an option.
inline constexpr std::size_t kSmallFileMaxBytes = std::size_t{1} << 20;

}  // namespace zt::system
