#pragma once
// Every host path the compliance collector names itself, in one place (the packs name the
// rest). HostFs resolves them under the host root. The account files, sshd_config and the
// package databases are the shared readers' (readers/host_paths.hpp, readers/rpm_packages.hpp).
#include <cstddef>
#include <string_view>

namespace zt::compliance {

// sysctl.d(5): the folders merged by file name (the first folder holding a name wins), then
// /etc/sysctl.conf last; the running values under /proc/sys (only when the host root is "/").
inline constexpr std::string_view kSysctlDirs[] = {"/etc/sysctl.d", "/run/sysctl.d",
                                                   "/usr/local/lib/sysctl.d", "/usr/lib/sysctl.d",
                                                   "/lib/sysctl.d"};
inline constexpr std::string_view kSysctlConfPath = "/etc/sysctl.conf";
inline constexpr std::string_view kProcSysPath = "/proc/sys";

// modprobe.d(5), merged by file name like sysctl.d; the loaded modules.
inline constexpr std::string_view kModprobeDirs[] = {"/etc/modprobe.d", "/run/modprobe.d",
                                                     "/usr/lib/modprobe.d", "/lib/modprobe.d"};
inline constexpr std::string_view kProcModulesPath = "/proc/modules";

// The mounts: the kernel's table (the agent's own /proc/self/mounts when the host root is "/",
// else a /proc/mounts under the root) and the persistent one.
inline constexpr std::string_view kLiveMountsPath = "/proc/self/mounts";
inline constexpr std::string_view kRootedMountsPath = "/proc/mounts";
inline constexpr std::string_view kFstabPath = "/etc/fstab";

// systemd's unit folders, highest priority first; links are looked for in the first two.
inline constexpr std::string_view kSystemdDirs[] = {"/etc/systemd/system", "/run/systemd/system",
                                                    "/usr/lib/systemd/system",
                                                    "/lib/systemd/system"};

inline constexpr std::string_view kPamDir = "/etc/pam.d";
inline constexpr std::string_view kLoginDefsPath = "/etc/login.defs";
inline constexpr std::string_view kAuditRulesDir = "/etc/audit/rules.d";
inline constexpr std::string_view kAuditRulesPath = "/etc/audit/audit.rules";

// Read cap of any file a probe reads, and how many paths one glob may match.
inline constexpr std::size_t kFileMaxBytes = std::size_t{4} << 20;
inline constexpr std::size_t kMaxGlobMatches = 1024;

}  // namespace zt::compliance
