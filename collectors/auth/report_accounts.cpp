// Account findings (passwd, shadow) and the helpers every report file uses.
#include <cstdio>
#include <map>

#include "collectors/auth/host_paths.hpp"
#include "collectors/auth/report.hpp"

namespace zt::auth {
namespace {

using nlohmann::json;
using namespace finding_type;

// A max_days this large (over 27 years) is "never": shadow's own "never" is 99999 days.
constexpr long long kNeverExpiresDays = 10000;

// The password state that decides for an account, and where it was read from.
struct PasswordEvidence {
  PasswordState state = PasswordState::shadow;  // shadow: not known
  std::string file;
  std::size_t line = 0;
  const ShadowEntry* shadow = nullptr;
};

PasswordEvidence password_of(const PasswdEntry& p,
                             const std::map<std::string, const ShadowEntry*>& shadow,
                             bool shadow_known) {
  if (p.password != PasswordState::shadow)
    return {p.password, std::string(kPasswdPath), p.line, nullptr};
  if (!shadow_known) return {};
  const auto it = shadow.find(p.name);
  if (it == shadow.end()) return {};
  return {it->second->password, std::string(kShadowPath), it->second->line, it->second};
}

json password_evidence(const PasswordEvidence& e) {
  return {{"file", e.file}, {"line", e.line}, {"password", to_string(e.state)}};
}

}  // namespace

std::string octal_mode(std::uint32_t mode) {
  char text[8];
  std::snprintf(text, sizeof text, "%04o", mode & 07777u);
  return text;
}

bool is_human(const PasswdEntry& entry, std::uint32_t uid_min) {
  return entry.uid >= uid_min && entry.uid != kNobodyUid;
}


Findings account_findings(const Snapshot& snapshot) {
  Findings out;
  if (!snapshot.passwd) return out;
  const auto& accounts = snapshot.passwd->entries;
  std::map<std::string, const ShadowEntry*> shadow;
  if (snapshot.shadow)
    for (const ShadowEntry& s : snapshot.shadow->entries) shadow.try_emplace(s.name, &s);

  std::map<std::uint32_t, std::vector<const PasswdEntry*>> by_uid;
  for (const PasswdEntry& p : accounts) {
    by_uid[p.uid].push_back(&p);
    const std::string& name = p.name;
    const json where = {{"file", kPasswdPath}, {"line", p.line}};

    if (p.uid == 0 && name != "root") {
      json m = where;
      m["value"] = "uid 0";
      m["shell"] = p.shell;
      out.push_back(make_finding(
          kUid0NonRoot, name, "Account " + name + " has UID 0 (root privileges)",
          "/etc/passwd gives the account " + name +
              " UID 0: whoever logs in as it is root, under a name that audits and "
              "alerting on root logins miss.",
          "If the account is not needed, remove it: `userdel " + name +
              "` (with vipw if userdel refuses a UID 0 account). Otherwise give it its own "
              "UID (`usermod -o -u <free uid> " +
              name + "`) and grant the root access it needs through sudo.",
          std::move(m)));
    }

    const PasswordEvidence pw = password_of(p, shadow, snapshot.shadow.has_value());
    if (pw.state == PasswordState::empty) {
      out.push_back(make_finding(
          kEmptyPassword, name, "Account " + name + " has an empty password",
          pw.file + " has an empty password field for " + name +
              ": wherever PAM allows it (nullok) or a service skips PAM, the account logs in "
              "without any password.",
          "Lock the account (`passwd -l " + name + "`) or set a password (`passwd " + name +
              "`), and remove `nullok` from the pam_unix lines of /etc/pam.d/common-auth.",
          password_evidence(pw)));
    }

    const bool human = is_human(p, snapshot.uid_min);
    if (!human && p.uid != 0 && is_login_shell(p.shell) && pw.state == PasswordState::set) {
      json m = password_evidence(pw);
      m["shell"] = p.shell.empty() ? "/bin/sh (empty field)" : p.shell;
      m["uid"] = p.uid;
      out.push_back(
          make_finding(kSystemAccountLogin, name,
                       "System account " + name + " has a login shell and a usable password",
                       "The system account " + name + " (UID " + std::to_string(p.uid) +
                           ", below UID_MIN " + std::to_string(snapshot.uid_min) +
                           ") has the shell " + (p.shell.empty() ? "/bin/sh" : p.shell) +
                           " and a password hash that is set: it can log in interactively, which a "
                           "service account never needs.",
                       "`usermod -s /usr/sbin/nologin " + name + "` and `passwd -l " + name + "`.",
                       std::move(m)));
    }

    if (human && pw.state == PasswordState::set && pw.shadow != nullptr &&
        (!pw.shadow->max_days || *pw.shadow->max_days < 0 ||
         *pw.shadow->max_days >= kNeverExpiresDays)) {
      json m = password_evidence(pw);
      m["value"] = pw.shadow->max_days ? json(*pw.shadow->max_days) : json("empty");
      out.push_back(
          make_finding(kPasswordNeverExpires, name, "Password of " + name + " never expires",
                       "The maximum password age of " + name + " in /etc/shadow is " +
                           (pw.shadow->max_days ? std::to_string(*pw.shadow->max_days) + " days"
                                                : std::string("not set")) +
                           ": the password never has to be changed, so a leaked one stays valid.",
                       "`chage --maxdays 365 " + name +
                           "` (and PASS_MAX_DAYS 365 in /etc/login.defs for new accounts).",
                       std::move(m)));
    }
  }

  // UID 0 shared with root is reported above, as uid0_non_root.
  for (const auto& [uid, sharing] : by_uid) {
    if (uid == 0 || sharing.size() < 2) continue;
    for (const PasswdEntry* p : sharing) {
      json others = json::array();
      std::string names;
      for (const PasswdEntry* o : sharing) {
        if (o == p) continue;
        others.push_back(o->name);
        names += (names.empty() ? "" : ", ") + o->name;
      }
      out.push_back(make_finding(
          kDuplicateUid, p->name,
          "Account " + p->name + " shares UID " + std::to_string(uid) + " with " + names,
          "/etc/passwd gives " + p->name + " the UID " + std::to_string(uid) +
              ", which other accounts have too: the kernel sees them as one user, so their "
              "files, processes and audit records cannot be told apart.",
          "Give each account its own UID: `usermod -u <free uid> " + p->name +
              "`, then `find / -xdev -uid " + std::to_string(uid) +
              "` to re-own the files that belong to it.",
          {{"file", kPasswdPath}, {"line", p->line}, {"value", uid}, {"shared_with", others}}));
    }
  }
  return out;
}

}  // namespace zt::auth
