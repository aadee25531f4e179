#pragma once
// Every host path the shared readers name, in one place: the collectors that use a reader use
// these (HostFs resolves them under the host root). rpm's databases are in rpm_packages.hpp.
#include <cstddef>
#include <string_view>

namespace zt::readers {

inline constexpr std::string_view kPasswdPath = "/etc/passwd";
inline constexpr std::string_view kShadowPath = "/etc/shadow";
inline constexpr std::string_view kGroupPath = "/etc/group";

// sshd: the main file; relative Include patterns are relative to kSshConfigDir (sshd_config(5)).
inline constexpr std::string_view kSshdConfigPath = "/etc/ssh/sshd_config";
inline constexpr std::string_view kSshConfigDir = "/etc/ssh";

inline constexpr std::string_view kDpkgStatusPath = "/var/lib/dpkg/status";
inline constexpr std::string_view kApkInstalledPath = "/lib/apk/db/installed";

// Read cap of the account and sshd files: they are small; a bigger one is a problem.
inline constexpr std::size_t kConfigMaxBytes = std::size_t{4} << 20;
// How deep sshd Include may nest (sshd's own limit is 16), and how many files one Include
// pattern may bring in.
inline constexpr int kMaxIncludeDepth = 16;
inline constexpr std::size_t kMaxIncludedFiles = 256;

}  // namespace zt::readers
