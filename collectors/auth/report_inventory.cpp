// The auth collector's inventory (scan.results.auth): what was read, counted, from the
// snapshot; no password hash or key blob.
#include <map>

#include "collectors/auth/report.hpp"
#include "collectors/auth/ssh_algorithms.hpp"

namespace zt::auth {

using nlohmann::json;

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
