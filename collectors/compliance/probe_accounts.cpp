// accounts: the tests over /etc/passwd, /etc/shadow and /etc/group (PACKS.md). A password
// field is only ever shown as its kind (readers::hash_kind), never its content.
#include <algorithm>
#include <map>

#include "collectors/compliance/expect.hpp"
#include "collectors/compliance/host_paths.hpp"
#include "collectors/compliance/probe_common.hpp"
#include "collectors/compliance/probes.hpp"
#include "collectors/readers/host_paths.hpp"

namespace zt::compliance {
namespace {

using readers::PasswordState;

struct Test {
  std::string_view name;
  bool needs_expect;
  Outcome (*run)(const Probe& probe, HostView& host, const std::string& expected);
};

const std::string kPasswd(readers::kPasswdPath);
const std::string kShadow(readers::kShadowPath);
const std::string kGroup(readers::kGroupPath);

// The failures found, or one passing item saying what held.
Outcome verdict(const Probe& probe, std::vector<Evidence> failures, const std::string& path,
                const std::string& expected) {
  if (!failures.empty()) return {Status::fail, std::move(failures)};
  return outcome(Status::pass, {probe.type, path, 0, "none found", expected});
}

Outcome not_read(const Probe& probe, HostView& host, const std::string& path,
                 const std::string& expected) {
  const auto& errors = host.accounts().errors;
  const auto it = std::find_if(errors.begin(), errors.end(),
                               [&](const std::string& e) { return e.find(path) != std::string::npos; });
  return outcome(Status::error,
                 {probe.type, path, 0, it != errors.end() ? *it : path + " is missing", expected});
}

Outcome uid0_only_root(const Probe& probe, HostView& host, const std::string& expected) {
  const auto& passwd = host.accounts().passwd;
  if (!passwd) return not_read(probe, host, kPasswd, expected);
  std::vector<Evidence> bad;
  for (const auto& p : passwd->entries)
    if (p.uid == 0 && p.name != "root")
      bad.push_back({probe.type, kPasswd, p.line, p.name + ": uid 0", expected});
  return verdict(probe, std::move(bad), kPasswd, expected);
}

Outcome no_empty_passwords(const Probe& probe, HostView& host, const std::string& expected) {
  const Accounts& a = host.accounts();
  if (!a.passwd) return not_read(probe, host, kPasswd, expected);
  std::vector<Evidence> bad;
  for (const auto& p : a.passwd->entries)
    if (p.password == PasswordState::empty)
      bad.push_back({probe.type, kPasswd, p.line, p.name + ": empty", expected});
  if (!a.shadow && !host.fs().is_missing(kShadow)) return not_read(probe, host, kShadow, expected);
  if (a.shadow)
    for (const auto& s : a.shadow->entries)
      if (s.password == PasswordState::empty)
        bad.push_back({probe.type, kShadow, s.line, s.name + ": empty", expected});
  return verdict(probe, std::move(bad), a.shadow ? kShadow : kPasswd, expected);
}

Outcome all_shadowed(const Probe& probe, HostView& host, const std::string& expected) {
  const auto& passwd = host.accounts().passwd;
  if (!passwd) return not_read(probe, host, kPasswd, expected);
  std::vector<Evidence> bad;
  for (const auto& p : passwd->entries)
    if (p.password != PasswordState::shadow)
      bad.push_back({probe.type, kPasswd, p.line,
                     p.name + ": password field is " + std::string(readers::to_string(p.password)),
                     expected});
  return verdict(probe, std::move(bad), kPasswd, expected);
}

template <typename Entries, typename Key>
std::vector<Evidence> duplicates(const Probe& probe, const Entries& entries,
                                 const std::string& path, const std::string& what, Key key,
                                 const std::string& expected) {
  std::map<std::string, std::vector<std::string>> by_key;
  std::map<std::string, std::size_t> first_line;
  for (const auto& e : entries) {
    by_key[key(e)].push_back(e.name);
    first_line.try_emplace(key(e), e.line);
  }
  std::vector<Evidence> bad;
  for (const auto& [k, names] : by_key) {
    if (names.size() < 2) continue;
    std::string list;
    for (const std::string& n : names) list += (list.empty() ? "" : ", ") + n;
    bad.push_back({probe.type, path, first_line[k], what + " " + k + ": " + list, expected});
  }
  return bad;
}

Outcome no_duplicate_uids(const Probe& probe, HostView& host, const std::string& expected) {
  const auto& passwd = host.accounts().passwd;
  if (!passwd) return not_read(probe, host, kPasswd, expected);
  return verdict(probe,
                 duplicates(probe, passwd->entries, kPasswd, "uid",
                            [](const auto& p) { return std::to_string(p.uid); }, expected),
                 kPasswd, expected);
}

Outcome no_duplicate_names(const Probe& probe, HostView& host, const std::string& expected) {
  const auto& passwd = host.accounts().passwd;
  if (!passwd) return not_read(probe, host, kPasswd, expected);
  return verdict(probe,
                 duplicates(probe, passwd->entries, kPasswd, "name",
                            [](const auto& p) { return p.name; }, expected),
                 kPasswd, expected);
}

Outcome no_duplicate_gids(const Probe& probe, HostView& host, const std::string& expected) {
  const auto& group = host.accounts().group;
  if (!group) return not_read(probe, host, kGroup, expected);
  return verdict(probe,
                 duplicates(probe, group->entries, kGroup, "gid",
                            [](const auto& g) { return std::to_string(g.gid); }, expected),
                 kGroup, expected);
}

Outcome no_duplicate_group_names(const Probe& probe, HostView& host,
                                 const std::string& expected) {
  const auto& group = host.accounts().group;
  if (!group) return not_read(probe, host, kGroup, expected);
  return verdict(probe,
                 duplicates(probe, group->entries, kGroup, "name",
                            [](const auto& g) { return g.name; }, expected),
                 kGroup, expected);
}

Outcome groups_exist(const Probe& probe, HostView& host, const std::string& expected) {
  const Accounts& a = host.accounts();
  if (!a.passwd) return not_read(probe, host, kPasswd, expected);
  if (!a.group) return not_read(probe, host, kGroup, expected);
  std::vector<Evidence> bad;
  for (const auto& p : a.passwd->entries)
    if (std::none_of(a.group->entries.begin(), a.group->entries.end(),
                     [&](const auto& g) { return g.gid == p.gid; }))
      bad.push_back({probe.type, kPasswd, p.line,
                     p.name + ": gid " + std::to_string(p.gid) + " not in /etc/group", expected});
  return verdict(probe, std::move(bad), kPasswd, expected);
}

Outcome shadow_group_empty(const Probe& probe, HostView& host, const std::string& expected) {
  const Accounts& a = host.accounts();
  if (!a.passwd) return not_read(probe, host, kPasswd, expected);
  if (!a.group) return not_read(probe, host, kGroup, expected);
  std::vector<Evidence> bad;
  for (const auto& g : a.group->entries) {
    if (g.name != "shadow") continue;
    if (!g.members.empty()) {
      std::string list;
      for (const std::string& m : g.members) list += (list.empty() ? "" : ", ") + m;
      bad.push_back({probe.type, kGroup, g.line, "shadow members: " + list, expected});
    }
    for (const auto& p : a.passwd->entries)
      if (p.gid == g.gid)
        bad.push_back({probe.type, kPasswd, p.line, p.name + ": primary group shadow", expected});
  }
  return verdict(probe, std::move(bad), kGroup, expected);
}

Outcome root_gid_zero(const Probe& probe, HostView& host, const std::string& expected) {
  const auto& passwd = host.accounts().passwd;
  if (!passwd) return not_read(probe, host, kPasswd, expected);
  for (const auto& p : passwd->entries)
    if (p.name == "root")
      return outcome(p.gid == 0 ? Status::pass : Status::fail,
                     {probe.type, kPasswd, p.line, "root: gid " + std::to_string(p.gid), expected});
  return outcome(Status::fail, {probe.type, kPasswd, 0, "no root account", expected});
}

// UID_MIN of /etc/login.defs, else 1000.
long long uid_min(HostView& host) {
  const FileText& defs = host.read(std::string(kLoginDefsPath));
  long long value = 1000;
  if (defs.state == FileText::State::ok)
    for (const ConfLine& line : conf_lines(defs.text))
      if (line.text.starts_with("UID_MIN"))
        if (auto n = parse_number(line.text.substr(7))) value = *n;
  return value;
}

Outcome system_accounts_nologin(const Probe& probe, HostView& host, const std::string& expected) {
  const auto& passwd = host.accounts().passwd;
  if (!passwd) return not_read(probe, host, kPasswd, expected);
  static constexpr std::string_view kExempt[] = {"root", "sync", "shutdown", "halt"};
  const long long min = uid_min(host);
  std::vector<Evidence> bad;
  for (const auto& p : passwd->entries)
    if (static_cast<long long>(p.uid) < min && p.uid != 65534 &&
        std::find(std::begin(kExempt), std::end(kExempt), p.name) == std::end(kExempt) &&
        readers::is_login_shell(p.shell))
      bad.push_back({probe.type, kPasswd, p.line,
                     p.name + ": shell " + (p.shell.empty() ? "/bin/sh" : p.shell), expected});
  return verdict(probe, std::move(bad), kPasswd, expected);
}

template <std::optional<long long> readers::ShadowEntry::*Field>
Outcome aging(const Probe& probe, HostView& host, const std::string& expected) {
  const auto& shadow = host.accounts().shadow;
  if (!shadow) return not_read(probe, host, kShadow, expected);
  std::vector<Evidence> bad;
  for (const auto& s : shadow->entries) {
    if (s.password != PasswordState::set) continue;
    const auto& value = s.*Field;
    const std::string observed = s.name + " (" + s.hash_kind + "): " +
                                 (value ? std::to_string(*value) : std::string("not set"));
    if (!value || !expect_holds(*probe.expect, std::to_string(*value)))
      bad.push_back({probe.type, kShadow, s.line, observed, expected});
  }
  return verdict(probe, std::move(bad), kShadow, expected);
}

constexpr Test kTests[] = {
    {"uid0_only_root", false, &uid0_only_root},
    {"no_empty_passwords", false, &no_empty_passwords},
    {"all_shadowed", false, &all_shadowed},
    {"no_duplicate_uids", false, &no_duplicate_uids},
    {"no_duplicate_gids", false, &no_duplicate_gids},
    {"no_duplicate_names", false, &no_duplicate_names},
    {"no_duplicate_group_names", false, &no_duplicate_group_names},
    {"groups_exist", false, &groups_exist},
    {"shadow_group_empty", false, &shadow_group_empty},
    {"password_max_days", true, &aging<&readers::ShadowEntry::max_days>},
    {"password_min_days", true, &aging<&readers::ShadowEntry::min_days>},
    {"password_warn_age", true, &aging<&readers::ShadowEntry::warn_days>},
    {"inactive", true, &aging<&readers::ShadowEntry::inactive_days>},
    {"root_gid_zero", false, &root_gid_zero},
    {"system_accounts_nologin", false, &system_accounts_nologin},
};

const Test* find_test(std::string_view name) {
  const auto it = std::find_if(std::begin(kTests), std::end(kTests),
                               [&](const Test& t) { return t.name == name; });
  return it == std::end(kTests) ? nullptr : &*it;
}

}  // namespace

bool is_accounts_test(std::string_view test) { return find_test(test) != nullptr; }

bool accounts_test_needs_expect(std::string_view test) {
  const Test* t = find_test(test);
  return t && t->needs_expect;
}

Outcome probe_accounts(const Probe& probe, HostView& host) {
  const std::string test = probe.text_or("test");
  const std::string expected = test + (probe.expect ? " " + describe(*probe.expect) : "");
  return find_test(test)->run(probe, host, expected);
}

}  // namespace zt::compliance
