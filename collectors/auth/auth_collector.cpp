#include "collectors/auth/auth_collector.hpp"

#include <set>
#include <utility>

#include "collectors/auth/auth_options.hpp"
#include "collectors/auth/host_paths.hpp"
#include "collectors/auth/report.hpp"
#include "collectors/auth/snapshot.hpp"
#include "collectors/core/optional_file.hpp"
#include "collectors/readers/host_glob.hpp"
#include "collectors/readers/sshd_host.hpp"
#include "schema-client/base/path.hpp"

namespace zt::auth {
namespace {

using collector::Availability;
using collector::CollectResult;
using collector::Context;
using collector::HostFs;
using Problems = std::vector<std::string>;
using readers::glob_host;
using readers::parse_group;
using readers::parse_passwd;
using readers::parse_shadow;

std::optional<PathMode> path_mode(const HostFs& fs, const std::string& path) {
  auto info = fs.stat(path);
  if (!info) return std::nullopt;
  return PathMode{path, info->mode, info->uid};
}

using base::parent_of;

std::string join_path(const std::string& folder, std::string_view name) {
  return (folder.ends_with('/') ? folder : folder + "/") + std::string(name);
}

class SudoReader {
 public:
  SudoReader(const HostFs& fs, Problems& problems) : fs_(fs), problems_(problems) {}

  SudoView read() {
    file(std::string(kSudoersPath), 0);
    return std::move(view_);
  }

 private:
  void file(const std::string& path, int depth) {
    if (!seen_.insert(path).second) return;
    if (auto mode = path_mode(fs_, path)) view_.modes.push_back(*mode);
    auto text = fs_.read_file(path, kConfigMaxBytes);
    if (!text) {
      problems_.push_back("cannot read " + text.error().message);
      return;
    }
    view_.files.push_back({path, parse_sudoers(*text)});
    // Copy: the vector of files grows while the includes are followed.
    const std::vector<SudoInclude> includes = view_.files.back().sudoers.includes;
    for (const SudoInclude& inc : includes) {
      const std::string target =
          inc.path.starts_with('/') ? inc.path : join_path(parent_of(path), inc.path);
      if (depth + 1 > kMaxIncludeDepth || view_.files.size() >= kMaxIncludedFiles) {
        problems_.push_back(fs_.describe(path) + ":" + std::to_string(inc.line) + ": include " +
                            target + " not followed: too deep or too many files");
        continue;
      }
      if (!inc.directory) {
        if (!fs_.is_missing(target)) file(target, depth + 1);
        continue;
      }
      if (fs_.is_missing(target)) continue;  // sudo ignores a missing includedir
      if (auto mode = path_mode(fs_, target)) view_.modes.push_back(*mode);
      auto names = fs_.list_dir(target);
      if (!names) {
        problems_.push_back("cannot list " + names.error().message);
        continue;
      }
      for (const std::string& name : *names)
        if (sudo_reads_included_name(name)) file(join_path(target, name), depth + 1);
    }
  }

  const HostFs& fs_;
  Problems& problems_;
  SudoView view_;
  std::set<std::string> seen_;
};

class AuthCollector final : public collector::Collector {
 public:
  explicit AuthCollector(AuthOptions options) : options_(options) {}

  Availability capabilities(const HostFs& fs) const override {
    auto passwd = fs.read_file(kPasswdPath, kConfigMaxBytes);
    if (!passwd) return {false, passwd.error().message};
    std::string found = "passwd";
    for (const auto& [path, name] : {std::pair{kShadowPath, "shadow"},
                                     {kSshdConfigPath, "sshd_config"},
                                     {kSudoersPath, "sudoers"},
                                     {kLoginDefsPath, "login.defs"}})
      if (fs.exists(path)) found += std::string(", ") + name;
    return {true, found};
  }

  CollectResult collect(Context& context) override {
    CollectResult result;
    Snapshot snapshot;
    gather(context, snapshot, result.problems);
    for (Findings part :
         {account_findings(snapshot), snapshot.sshd ? sshd_findings(*snapshot.sshd) : Findings{},
          snapshot.sudo ? sudo_findings(*snapshot.sudo) : Findings{},
          snapshot.keys ? key_findings(*snapshot.keys) : Findings{},
          policy_findings(snapshot.policy, options_.min_password_length)})
      for (model::Finding& f : part) result.findings.push_back(std::move(f));
    result.inventory = make_inventory(snapshot);
    return result;
  }

 private:
  void gather(Context& context, Snapshot& s, Problems& problems) const {
    const HostFs& fs = context.fs();

    read_accounts(fs, s, problems);

    if (context.stopped_before("password policy", problems)) return;
    read_policy(fs, s, problems);

    if (context.stopped_before("sshd configuration", problems)) return;
    s.sshd = readers::read_host_sshd_config(fs, problems);

    if (context.stopped_before("sudoers", problems)) return;
    if (!fs.is_missing(kSudoersPath)) s.sudo = SudoReader(fs, problems).read();

    if (!options_.check_authorized_keys || !s.passwd) return;
    if (context.stopped_before("authorized_keys", problems)) return;
    s.keys = read_keys(context, *s.passwd, problems);
  }

  static void read_accounts(const HostFs& fs, Snapshot& s, Problems& problems) {
    auto passwd = fs.read_file(kPasswdPath, kConfigMaxBytes);
    if (!passwd) {
      problems.push_back("cannot read " + passwd.error().message +
                         "; the account and authorized_keys checks are skipped");
      return;
    }
    s.passwd = parse_passwd(*passwd);
    if (s.passwd->malformed_lines > 0)
      problems.push_back(fs.describe(kPasswdPath) + ": " +
                         std::to_string(s.passwd->malformed_lines) + " malformed line(s) left out");
    auto shadow = fs.read_file(kShadowPath, kConfigMaxBytes);
    if (shadow) {
      s.shadow = parse_shadow(*shadow);
      if (s.shadow->malformed_lines > 0)
        problems.push_back(fs.describe(kShadowPath) + ": " +
                           std::to_string(s.shadow->malformed_lines) +
                           " malformed line(s) left out");
    } else if (!fs.is_missing(kShadowPath)) {  // a host without shadow passwords is not a fault
      problems.push_back("cannot read " + shadow.error().message +
                         "; skipped the checks that need it: empty passwords in shadow, "
                         "system accounts with a usable password, passwords that never "
                         "expire (run the agent as root to enable them)");
    }
    if (auto group = collector::read_optional(fs, kGroupPath, kConfigMaxBytes, problems))
      s.group = parse_group(*group);
  }

  static void read_policy(const HostFs& fs, Snapshot& s, Problems& problems) {
    if (auto defs = collector::read_optional(fs, kLoginDefsPath, kConfigMaxBytes, problems)) {
      s.policy.login_defs = parse_login_defs(*defs);
      if (auto it = s.policy.login_defs->find("UID_MIN"); it != s.policy.login_defs->end())
        if (auto uid = parse_id(it->second.value)) s.uid_min = *uid;
    }
    ConfValues pwquality;
    std::vector<std::string> conf_files{std::string(kPwqualityConfPath)};
    for (std::string& p :
         glob_host(fs, std::string(kPwqualityConfDir) + "/*.conf", kMaxIncludedFiles))
      conf_files.push_back(std::move(p));
    for (const std::string& path : conf_files)
      if (auto text = collector::read_optional(fs, path, kConfigMaxBytes, problems))
        for (auto& [key, value] : parse_pwquality_conf(*text)) pwquality[key] = value;
    for (std::string_view stack : kPamPasswordStacks) {
      auto text = collector::read_optional(fs, stack, kConfigMaxBytes, problems);
      if (!text) continue;
      s.policy.pam_stack_path = std::string(stack);
      s.policy.min_length = effective_min_length(parse_pam_config(*text), pwquality);
      break;
    }
  }

  KeysView read_keys(Context& context, const Parsed<PasswdEntry>& passwd,
                     Problems& problems) const {
    const HostFs& fs = context.fs();
    KeysView view;
    std::set<std::string> homes;
    for (const PasswdEntry& p : passwd.entries) {
      if (view.accounts_checked >= options_.max_accounts) {
        view.capped = true;
        problems.push_back("authorized_keys read for the first " +
                           std::to_string(options_.max_accounts) + " accounts only (max_accounts)");
        break;
      }
      if (context.should_stop()) {
        problems.push_back("stopped after reading the authorized_keys of " +
                           std::to_string(view.accounts_checked) +
                           " accounts: deadline passed or shutdown requested");
        break;
      }
      ++view.accounts_checked;
      std::string home = p.home;
      while (home.size() > 1 && home.ends_with('/')) home.pop_back();
      // Accounts sharing a home (root and a UID 0 alias) share its keys: the first owns them.
      if (!home.starts_with('/') || !homes.insert(home).second) continue;
      const std::string ssh_dir = join_path(home, kSshDirName);
      auto dir = path_mode(fs, ssh_dir);
      if (!dir) continue;
      AccountKeys account{p.name, dir, {}};
      for (std::string_view name : kAuthorizedKeysNames) {
        const std::string path = join_path(ssh_dir, name);
        auto mode = path_mode(fs, path);
        if (!mode) continue;
        auto text = collector::read_optional(fs, path, kAuthorizedKeysMaxBytes, problems);
        if (!text) continue;
        KeyFile file{*mode, parse_authorized_keys(*text, options_.max_keys_per_file)};
        if (file.keys.truncated)
          problems.push_back(fs.describe(path) + ": more than " +
                             std::to_string(options_.max_keys_per_file) +
                             " keys; the rest not read (max_keys_per_file)");
        account.files.push_back(std::move(file));
      }
      view.accounts.push_back(std::move(account));
    }
    return view;
  }

  AuthOptions options_;
};

std::unique_ptr<collector::Collector> make(const collector::OptionValues& values) {
  return std::make_unique<AuthCollector>(AuthOptions::from(values));
}

}  // namespace

collector::CollectorDescriptor descriptor() {
  return {
      .name = "auth",
      .category = model::Category::auth,
      .default_interval = std::chrono::seconds{3600},
      .summary =
          "local accounts, sshd configuration, sudo rules, authorized_keys and "
          "password policy",
      .options = option_specs(),
      .make = &make,
  };
}

}  // namespace zt::auth
