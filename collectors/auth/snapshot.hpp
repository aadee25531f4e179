#pragma once
// What one run of the auth collector saw, before it becomes findings and the inventory
// (report.hpp). Plain data, already parsed; no password hash or key blob is in it. An empty
// optional means "not known": the file is missing (sshd or sudo not installed), could not be
// read (a problem of the run says so) or the check is switched off.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "collectors/auth/authorized_keys.hpp"
#include "collectors/auth/password_policy.hpp"
#include "collectors/auth/sudoers.hpp"
#include "collectors/readers/accounts.hpp"
#include "collectors/readers/sshd_config.hpp"

namespace zt::auth {

// The shared readers' account and sshd types (collectors/readers), by their auth names.
using readers::GroupEntry;
using readers::effective_value;
using readers::is_login_shell;
using readers::is_yes;
using readers::MatchBlock;
using readers::parse_id;
using readers::parse_integer;
using readers::Parsed;
using readers::PasswdEntry;
using readers::PasswordState;
using readers::ShadowEntry;
using readers::SshdConfig;
using readers::sshd_default;
using readers::SshdSetting;

// A file or folder's permission bits and owner, as stat saw them.
struct PathMode {
  std::string path;
  std::uint32_t mode = 0;
  std::uint32_t uid = 0;
};

struct SudoFile {
  std::string path;
  Sudoers sudoers;
};

struct SudoView {
  std::vector<SudoFile> files;  // in the order sudo reads them
  std::vector<PathMode> modes;  // every sudoers file and included folder
};

struct KeyFile {
  PathMode file;
  AuthorizedKeys keys;
};

struct AccountKeys {
  std::string account;
  std::optional<PathMode> ssh_dir;
  std::vector<KeyFile> files;
};

struct KeysView {
  std::vector<AccountKeys> accounts;  // those with a ~/.ssh folder
  std::size_t accounts_checked = 0;
  bool capped = false;  // more accounts than max_accounts
};

struct PolicyView {
  std::optional<ConfValues> login_defs;  // nullopt: no /etc/login.defs
  std::string pam_stack_path;            // "" when no password stack was found
  std::optional<MinLength> min_length;
};

// The UID from which accounts are human (login.defs UID_MIN, default 1000).
inline constexpr std::uint32_t kDefaultUidMin = 1000;
inline constexpr std::uint32_t kNobodyUid = 65534;

struct Snapshot {
  std::optional<Parsed<PasswdEntry>> passwd;
  std::optional<Parsed<ShadowEntry>> shadow;
  std::optional<Parsed<GroupEntry>> group;
  std::uint32_t uid_min = kDefaultUidMin;
  std::optional<SshdConfig> sshd;  // nullopt: no sshd_config (sshd not configured)
  std::optional<SudoView> sudo;    // nullopt: no /etc/sudoers
  std::optional<KeysView> keys;    // nullopt: not checked
  PolicyView policy;
};

}  // namespace zt::auth
