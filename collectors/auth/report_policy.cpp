// Password policy findings (login.defs ageing, PAM minimum length) and the inventory.
#include <map>

#include "collectors/auth/host_paths.hpp"
#include "collectors/auth/report.hpp"
#include "collectors/auth/ssh_algorithms.hpp"

namespace zt::auth {
namespace {

using nlohmann::json;
using namespace finding_type;

// CIS Debian Linux 12 Benchmark, password ageing: PASS_MAX_DAYS <= 365, PASS_MIN_DAYS >= 1,
// PASS_WARN_AGE >= 7.
constexpr long long kMaxDaysLimit = 365;
constexpr long long kMinDaysFloor = 1;
constexpr long long kWarnAgeFloor = 7;

struct DefsValue {
  std::optional<long long> value;  // nullopt: unset or not a number
  json evidence;
};

DefsValue defs_value(const ConfValues& defs, std::string_view key) {
  json e = {{"file", kLoginDefsPath}, {"setting", key}};
  const auto it = defs.find(key);
  if (it == defs.end()) {
    e["value"] = "unset";
    return {std::nullopt, e};
  }
  e["line"] = it->second.line;
  e["value"] = it->second.value;
  return {parse_integer(it->second.value), e};
}

// The value as written, for a title ("unset" when missing).
std::string defs_text(const DefsValue& v) { return v.evidence.at("value").get<std::string>(); }

}  // namespace

Findings policy_findings(const PolicyView& policy, int min_password_length) {
  Findings out;
  if (policy.login_defs) {
    const ConfValues& defs = *policy.login_defs;
    if (auto max = defs_value(defs, "PASS_MAX_DAYS");
        !max.value || *max.value < 0 || *max.value > kMaxDaysLimit)
      out.push_back(make_finding(
          kPasswordMaxDays, std::string(kHostWide),
          "Passwords of new accounts expire after more than 365 days (PASS_MAX_DAYS " +
              defs_text(max) + ")",
          "/etc/login.defs sets no useful maximum password age, so accounts created on this "
          "host keep their password forever.",
          "Set `PASS_MAX_DAYS 365` (or less) in /etc/login.defs, and `chage --maxdays 365 "
          "<user>` for existing accounts.",
          max.evidence));
    if (auto min = defs_value(defs, "PASS_MIN_DAYS"); !min.value || *min.value < kMinDaysFloor)
      out.push_back(make_finding(
          kPasswordMinDays, std::string(kHostWide),
          "Passwords can be changed again at once (PASS_MIN_DAYS " + defs_text(min) + ")",
          "/etc/login.defs sets no minimum password age: a user forced to change a password "
          "can change it straight back, defeating expiry and history.",
          "Set `PASS_MIN_DAYS 1` in /etc/login.defs, and `chage --mindays 1 <user>` for "
          "existing accounts.",
          min.evidence));
    if (auto warn = defs_value(defs, "PASS_WARN_AGE"); !warn.value || *warn.value < kWarnAgeFloor)
      out.push_back(make_finding(
          kPasswordWarnAge, std::string(kHostWide),
          "Users are warned less than 7 days before their password expires (PASS_WARN_AGE " +
              defs_text(warn) + ")",
          "/etc/login.defs gives less than a week's warning before a password expires.",
          "Set `PASS_WARN_AGE 7` in /etc/login.defs, and `chage --warndays 7 <user>` for "
          "existing accounts.",
          warn.evidence));
  }
  if (policy.min_length && policy.min_length->value < min_password_length) {
    const MinLength& m = *policy.min_length;
    out.push_back(make_finding(
        kPasswordMinLength, std::string(kHostWide),
        "Minimum password length is " + std::to_string(m.value) +
            " (policy: " + std::to_string(min_password_length) + ")",
        "The PAM password stack (" + policy.pam_stack_path + ") accepts passwords of " +
            std::to_string(m.value) + " characters (" + m.module + ", " + m.source +
            "), fewer than the " + std::to_string(min_password_length) + " this agent requires.",
        "Set `minlen = " + std::to_string(min_password_length) +
            "` in /etc/security/pwquality.conf and make sure the password stack runs "
            "pam_pwquality.so without a smaller minlen= argument (Debian: `apt install "
            "libpam-pwquality`).",
        {{"file", policy.pam_stack_path},
         {"line", m.line},
         {"value", m.value},
         {"module", m.module},
         {"source", m.source}}));
  }
  return out;
}

nlohmann::json make_inventory(const Snapshot& s) {
  json inv = json::object();

  json accounts = nullptr;
  if (s.passwd) {
    std::size_t human = 0;
    json uid0 = json::array();
    for (const PasswdEntry& p : s.passwd->entries) {
      if (is_human(p, s.uid_min)) ++human;
      if (p.uid == 0) uid0.push_back(p.name);
    }
    accounts = {{"total", s.passwd->entries.size()},
                {"human", human},
                {"system", s.passwd->entries.size() - human},
                {"uid_min", s.uid_min},
                {"uid0", uid0},
                {"shadow_read", s.shadow.has_value()},
                {"malformed_lines",
                 {{"passwd", s.passwd->malformed_lines},
                  {"shadow", s.shadow ? json(s.shadow->malformed_lines) : json(nullptr)}}}};
  }
  inv["accounts"] = accounts;

  json groups = nullptr;
  if (s.group) {
    json privileged = json::object();
    for (const GroupEntry& g : s.group->entries)
      if (g.name == "sudo" || g.name == "wheel" || g.name == "admin" || g.name == "root")
        privileged[g.name] = g.members;
    groups = {{"total", s.group->entries.size()}, {"privileged_members", privileged}};
  }
  inv["groups"] = groups;

  json sshd = nullptr;
  if (s.sshd) {
    json settings = json::object();
    for (std::string_view k : {"permitrootlogin", "passwordauthentication", "permitemptypasswords",
                               "kbdinteractiveauthentication", "usepam", "pubkeyauthentication",
                               "authorizedkeysfile", "port", "maxauthtries", "x11forwarding"})
      settings[std::string(k)] = effective_value(*s.sshd, k);
    json matches = json::array();
    for (const MatchBlock& m : s.sshd->matches) {
      json keys = json::array();
      for (const auto& [k, v] : m.settings) keys.push_back(k);
      matches.push_back(
          {{"criteria", m.criteria}, {"file", m.file}, {"line", m.line}, {"overrides", keys}});
    }
    sshd = {{"files", s.sshd->files},
            {"settings", settings},
            {"ciphers",
             effective_algorithms(AlgorithmKind::cipher, effective_value(*s.sshd, "ciphers"))},
            {"macs", effective_algorithms(AlgorithmKind::mac, effective_value(*s.sshd, "macs"))},
            {"kex_algorithms",
             effective_algorithms(AlgorithmKind::kex, effective_value(*s.sshd, "kexalgorithms"))},
            {"match_blocks", matches}};
  }
  inv["sshd"] = sshd;

  json sudo = nullptr;
  if (s.sudo) {
    json files = json::array();
    std::size_t rules = 0, defaults = 0, malformed = 0;
    for (const SudoFile& f : s.sudo->files) {
      files.push_back(f.path);
      rules += f.sudoers.rules.size();
      defaults += f.sudoers.defaults.size();
      malformed += f.sudoers.malformed_lines;
    }
    sudo = {
        {"files", files}, {"rules", rules}, {"defaults", defaults}, {"malformed_lines", malformed}};
  }
  inv["sudo"] = sudo;

  json keys = nullptr;
  if (s.keys) {
    std::size_t files = 0, count = 0, malformed = 0;
    std::map<std::string, std::size_t> by_type;
    for (const AccountKeys& a : s.keys->accounts)
      for (const KeyFile& f : a.files) {
        ++files;
        malformed += f.keys.malformed_lines;
        for (const AuthorizedKeyEntry& k : f.keys.keys) {
          ++count;
          ++by_type[k.key.type];
        }
      }
    keys = {{"accounts_checked", s.keys->accounts_checked},
            {"capped", s.keys->capped},
            {"files", files},
            {"keys", count},
            {"by_type", by_type},
            {"malformed_lines", malformed}};
  }
  inv["authorized_keys"] = keys;

  json policy = json::object();
  if (s.policy.login_defs) {
    json defs = json::object();
    for (std::string_view k : {"PASS_MAX_DAYS", "PASS_MIN_DAYS", "PASS_WARN_AGE", "UID_MIN"}) {
      const auto it = s.policy.login_defs->find(k);
      defs[std::string(k)] =
          it == s.policy.login_defs->end() ? json(nullptr) : json(it->second.value);
    }
    policy["login_defs"] = defs;
  } else {
    policy["login_defs"] = nullptr;
  }
  policy["pam_password_stack"] =
      s.policy.pam_stack_path.empty() ? json(nullptr) : json(s.policy.pam_stack_path);
  policy["min_length"] = s.policy.min_length ? json(s.policy.min_length->value) : json(nullptr);
  policy["min_length_module"] =
      s.policy.min_length ? json(s.policy.min_length->module) : json(nullptr);
  inv["password_policy"] = policy;
  return inv;
}

}  // namespace zt::auth
