// Access lists: entries shadowed by an earlier entry, `permit ip any any`, lists applied but
// not defined.
#include <algorithm>
#include <map>

#include "collectors/netconfig/acl_shadow.hpp"
#include "collectors/netconfig/checks.hpp"

namespace zt::netconfig {
namespace {

std::string label(const Acl& acl) {
  if (acl.numbered) return "access-list " + acl.name;
  if (acl.kind_implied) return "ip access-list " + acl.name;
  return std::string("ip access-list ") + (acl.kind == AclKind::standard ? "standard " : "extended ") +
         acl.name;
}

void shadowed(const CheckContext& c, std::vector<Issue>& out) {
  for (const Acl& acl : c.config.acls) {
    const ShadowAnalysis analysis = find_shadowed(acl.entries, *c.acl_budget);
    for (const Shadowed& s : analysis.dead) {
      const AclEntry& dead = acl.entries[s.entry];
      const AclEntry& by = acl.entries[s.by_entry];
      out.push_back({"ios_acl_shadowed_entry", {by.line, dead.line}, label(acl) + ": " + dead.text,
                     "never matched: line " + std::to_string(by.line) + " (" + by.text +
                         ") matches all of it first" +
                         (by.permit == dead.permit ? "" : ", with the opposite action")});
    }
    if (!analysis.complete) {
      c.notes->push_back("the shadowed-entry analysis stopped at its comparison budget, in " +
                         label(acl) + ": later entries and lists were not compared");
      return;
    }
  }
}

void permit_any_any(const CheckContext& c, std::vector<Issue>& out) {
  const AddressMatch any{};
  for (const Acl& acl : c.config.acls) {
    if (acl.kind != AclKind::extended) continue;
    for (const AclEntry& e : acl.entries)
      if (e.permit && e.understood && !e.qualified && e.protocol == kAnyProtocol &&
          e.source == any && e.destination == any)
        out.push_back({"ios_acl_permit_any_any", {e.line}, label(acl), e.text});
  }
}

void undefined(const CheckContext& c, std::vector<Issue>& out) {
  std::map<std::string, Issue> missing;  // by list name, in name order
  for (const AclReference& r : c.config.acl_references) {
    const bool defined = std::any_of(c.config.acls.begin(), c.config.acls.end(),
                                     [&](const Acl& a) { return a.name == r.acl; });
    if (defined) continue;
    Issue& issue = missing[r.acl];
    if (issue.check_id.empty()) issue = {"ios_acl_undefined", {}, "access-list " + r.acl, "used by "};
    else issue.detail += ", ";
    issue.lines.push_back(r.line);
    issue.detail += r.user;
  }
  for (auto& [name, issue] : missing) out.push_back(std::move(issue));
}

constexpr Check kChecks[] = {
    {"ios_acl_shadowed_entry", &shadowed},
    {"ios_acl_permit_any_any", &permit_any_any},
    {"ios_acl_undefined", &undefined},
};

}  // namespace

std::span<const Check> acl_checks() { return kChecks; }

}  // namespace zt::netconfig
