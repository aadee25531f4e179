#pragma once
// Every host path the auth collector reads, in one place. They are host paths: HostFs
// resolves them under the configured host root. Home folders come from /etc/passwd; the
// account files and sshd's configuration are the shared readers' (readers/host_paths.hpp).
#include <cstddef>
#include <string_view>

#include "collectors/readers/host_paths.hpp"

namespace zt::auth {

using readers::kGroupPath;
using readers::kPasswdPath;
using readers::kShadowPath;
using readers::kSshdConfigPath;

inline constexpr std::string_view kLoginDefsPath = "/etc/login.defs";

// sudo: the main file; the files it includes are found by following its @include and
// @includedir (#include, #includedir) directives. Debian's includes /etc/sudoers.d.
inline constexpr std::string_view kSudoersPath = "/etc/sudoers";
inline constexpr std::string_view kSudoersDir = "/etc/sudoers.d";

// Password quality: libpwquality's file and its drop-in folder, then the PAM password stack
// (Debian's common-password first, RHEL's system-auth when there is none).
inline constexpr std::string_view kPwqualityConfPath = "/etc/security/pwquality.conf";
inline constexpr std::string_view kPwqualityConfDir = "/etc/security/pwquality.conf.d";
inline constexpr std::string_view kPamPasswordStacks[] = {"/etc/pam.d/common-password",
                                                          "/etc/pam.d/system-auth"};

// authorized_keys under each home folder (sshd's default AuthorizedKeysFile).
inline constexpr std::string_view kSshDirName = ".ssh";
inline constexpr std::string_view kAuthorizedKeysNames[] = {"authorized_keys", "authorized_keys2"};

// Read caps: account and config files are small; a bigger one is a problem, not a read.
inline constexpr std::size_t kConfigMaxBytes = std::size_t{4} << 20;
inline constexpr std::size_t kAuthorizedKeysMaxBytes = std::size_t{1} << 20;
// How deep sudoers @include may nest (sudo's own limit is 128).
inline constexpr int kMaxIncludeDepth = 16;
// How many files one sudoers @includedir or pwquality.conf.d may bring in.
inline constexpr std::size_t kMaxIncludedFiles = 256;

}  // namespace zt::auth
