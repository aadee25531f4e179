#include "collectors/windows/auth_report.hpp"

#include <algorithm>

namespace zt::windows {
namespace {

using model::Finding;
using nlohmann::json;

bool is_administrator(const AuthSnapshot& s, const LocalAccount& account) {
  if (!s.administrators) return account.privilege == "admin";
  return std::any_of(
      s.administrators->begin(), s.administrators->end(), [&](const std::string& member) {
        const std::size_t slash = member.rfind('\\');
        return member.substr(slash == std::string::npos ? 0 : slash + 1) == account.name;
      });
}

void account_findings(const AuthSnapshot& s, std::vector<Finding>& out) {
  if (!s.accounts) return;
  for (const LocalAccount& a : *s.accounts) {
    if (a.disabled) continue;
    const json evidence = {{"source", "NetUserEnum"}, {"rid", a.rid ? json(*a.rid) : json()}};
    const bool guest = a.rid == kGuestRid;
    if (guest)
      out.push_back(
          auth::make_finding(auth_finding::kGuestEnabled, a.name, "The Guest account is enabled",
                             "The built-in Guest account (" + a.name +
                                 ") is enabled: anyone can "
                                 "log on to this host without an account of their own, over the "
                                 "network too where shares allow it.",
                             "Disable it: `net user " + a.name +
                                 " /active:no` (or the policy "
                                 "\"Accounts: Guest account status\": Disabled).",
                             evidence));
    if (a.password_not_required)
      out.push_back(
          auth::make_finding(auth_finding::kPasswordNotRequired, a.name,
                             "Account " + a.name + " may have an empty password",
                             "The account " + a.name +
                                 " has PASSWD_NOTREQD set: Windows accepts "
                                 "an empty password for it whatever the password policy says.",
                             "Clear the flag (`Set-LocalUser -Name " + a.name +
                                 " -PasswordRequired $true`) and set a password.",
                             evidence));
    if (a.password_never_expires && !guest)
      out.push_back(
          auth::make_finding(auth::finding_type::kPasswordNeverExpires, a.name,
                             "Password of " + a.name + " never expires",
                             "The account " + a.name +
                                 " has DONT_EXPIRE_PASSWORD set: its "
                                 "password never has to be changed, so a leaked one stays valid.",
                             "Clear the flag (`Set-LocalUser -Name " + a.name +
                                 " -PasswordNeverExpires $false`); for a service account, use a "
                                 "managed service account instead.",
                             evidence));
  }
}

void policy_findings(const AuthSnapshot& s, std::vector<Finding>& out) {
  const std::string host_wide(auth::kHostWide);
  if (const auto& p = s.password_policy) {
    if (!p->max_age_days || *p->max_age_days > 365)
      out.push_back(
          auth::make_finding(auth::finding_type::kPasswordMaxDays, host_wide,
                             "Passwords expire after more than 365 days (maximum age " +
                                 (p->max_age_days ? std::to_string(*p->max_age_days) + " days"
                                                  : std::string("unlimited")) +
                                 ")",
                             "The local password policy sets no useful maximum password age, so "
                             "local accounts keep their passwords for years.",
                             "`net accounts /maxpwage:365` (or the policy \"Maximum password "
                             "age\").",
                             {{"source", "NetUserModalsGet level 0"},
                              {"value", p->max_age_days ? json(*p->max_age_days) : json()}}));
    if (p->min_length < kMinPasswordLength)
      out.push_back(
          auth::make_finding(auth::finding_type::kPasswordMinLength, host_wide,
                             "Minimum password length is " + std::to_string(p->min_length) +
                                 " (policy: " + std::to_string(kMinPasswordLength) + ")",
                             "The local password policy accepts passwords of " +
                                 std::to_string(p->min_length) + " characters, fewer than the " +
                                 std::to_string(kMinPasswordLength) + " this agent requires.",
                             "`net accounts /minpwlen:" + std::to_string(kMinPasswordLength) +
                                 "` (or the policy \"Minimum password length\").",
                             {{"source", "NetUserModalsGet level 0"}, {"value", p->min_length}}));
  }
  if (const auto& l = s.lockout_policy; l && l->threshold == 0)
    out.push_back(
        auth::make_finding(auth_finding::kLockoutDisabled, host_wide,
                           "Accounts are never locked out after failed logons",
                           "The account lockout threshold is 0: a password can be guessed "
                           "without limit, over the network where logons are allowed.",
                           "`net accounts /lockoutthreshold:10 /lockoutduration:15 "
                           "/lockoutwindow:15` (or the \"Account lockout policy\").",
                           {{"source", "NetUserModalsGet level 3"}, {"value", 0}}));
}

}  // namespace

std::vector<Finding> auth_findings(const AuthSnapshot& snapshot) {
  std::vector<Finding> out;
  account_findings(snapshot, out);
  policy_findings(snapshot, out);
  return out;
}

json auth_inventory(const AuthSnapshot& s) {
  json accounts = nullptr;
  json guest_enabled = nullptr;
  if (s.accounts) {
    accounts = json::array();
    for (const LocalAccount& a : *s.accounts) {
      accounts.push_back({{"name", a.name},
                          {"rid", a.rid ? json(*a.rid) : json()},
                          {"enabled", !a.disabled},
                          {"privilege", a.privilege},
                          {"password_never_expires", a.password_never_expires},
                          {"password_not_required", a.password_not_required},
                          {"locked_out", a.locked_out},
                          {"administrator", is_administrator(s, a)}});
      if (a.rid == kGuestRid) guest_enabled = !a.disabled;
    }
  }
  json password = nullptr;
  if (const auto& p = s.password_policy)
    password = {{"min_length", p->min_length},
                {"max_age_days", p->max_age_days ? json(*p->max_age_days) : json()},
                {"min_age_days", p->min_age_days},
                {"history_length", p->history_length}};
  json lockout = nullptr;
  if (const auto& l = s.lockout_policy)
    lockout = {{"threshold", l->threshold},
               {"duration_minutes", l->duration_minutes},
               {"observation_minutes", l->observation_minutes}};
  return {{"accounts", accounts},
          {"administrators_group", s.administrators_group},
          {"administrators", s.administrators ? json(*s.administrators) : json()},
          {"guest_enabled", guest_enabled},
          {"password_policy", password},
          {"lockout_policy", lockout}};
}

}  // namespace zt::windows
