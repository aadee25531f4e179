// SNMP: default or guessable communities, RW communities, communities without an ACL,
// SNMPv1/v2c in use, SNMPv3 without privacy. A community is a secret: components name it by
// its masked prefix and salted hash (collectors/core/secret_evidence.hpp).
#include <algorithm>

#include "collectors/core/secret_evidence.hpp"
#include "collectors/netconfig/checks.hpp"

namespace zt::netconfig {
namespace {

std::string component(const CheckContext& c, const SnmpCommunity& s) {
  return community_component("snmp-server community", s.name, c.salt);
}

void guessable(const CheckContext& c, std::vector<Issue>& out) {
  const std::string host = c.config.hostname ? c.config.hostname->value : "";
  for (const SnmpCommunity& s : c.config.snmp_communities)
    if (std::string why = guessable_community(s.name, host); !why.empty())
      out.push_back({"ios_snmp_guessable_community", {s.line}, component(c, s), why});
}

void rw_community(const CheckContext& c, std::vector<Issue>& out) {
  for (const SnmpCommunity& s : c.config.snmp_communities)
    if (s.access == "RW") out.push_back({"ios_snmp_rw_community", {s.line}, component(c, s), "RW"});
}

void community_no_acl(const CheckContext& c, std::vector<Issue>& out) {
  for (const SnmpCommunity& s : c.config.snmp_communities)
    if (s.acl.empty())
      out.push_back({"ios_snmp_community_no_acl", {s.line}, component(c, s), "no access list"});
}

void v1_v2c(const CheckContext& c, std::vector<Issue>& out) {
  Issue issue{"ios_snmp_v1_v2c", {}, "snmp-server", ""};
  for (const SnmpCommunity& s : c.config.snmp_communities) issue.lines.push_back(s.line);
  for (const SnmpGroup& g : c.config.snmp_groups)
    if (g.version == "v1" || g.version == "v2c") issue.lines.push_back(g.line);
  for (const SnmpUser& u : c.config.snmp_users)
    if (u.version == "v1" || u.version == "v2c") issue.lines.push_back(u.line);
  if (issue.lines.empty()) return;
  std::sort(issue.lines.begin(), issue.lines.end());
  issue.detail = std::to_string(c.config.snmp_communities.size()) + " community(ies)";
  out.push_back(std::move(issue));
}

void v3_without_priv(const CheckContext& c, std::vector<Issue>& out) {
  for (const SnmpGroup& g : c.config.snmp_groups)
    if (g.version == "v3" && g.security != "priv")
      out.push_back({"ios_snmp_v3_without_priv", {g.line}, "snmp-server group " + g.name,
                     "security level " + (g.security.empty() ? std::string("noauth") : g.security)});
  for (const SnmpUser& u : c.config.snmp_users)
    if (u.version == "v3" && !u.priv)
      out.push_back({"ios_snmp_v3_without_priv", {u.line}, "snmp-server user " + u.name,
                     u.auth ? "authentication without privacy" : "no authentication"});
}

constexpr Check kChecks[] = {
    {"ios_snmp_guessable_community", &guessable},
    {"ios_snmp_rw_community", &rw_community},
    {"ios_snmp_community_no_acl", &community_no_acl},
    {"ios_snmp_v1_v2c", &v1_v2c},
    {"ios_snmp_v3_without_priv", &v3_without_priv},
};

}  // namespace

// Communities tried first by every scanner (vendor defaults and common words).
constexpr std::string_view kGuessable[] = {
    "public", "private", "cisco",   "community", "snmp",    "snmpd",   "secret",
    "admin",  "manager", "monitor", "read",      "write",   "readonly", "readwrite",
    "test",   "default", "system",  "network",   "router",  "switch",  "password",
    "ilmi",   "all private", "cable-docsis", "mngt", "security"};
constexpr std::size_t kShortCommunity = 8;

std::string guessable_community(std::string_view community, std::string_view host_name) {
  const std::string name = lower(community);
  if (std::find(std::begin(kGuessable), std::end(kGuessable), name) != std::end(kGuessable))
    return "a well-known default or common word";
  if (!host_name.empty() && name == lower(host_name)) return "the device's host name";
  if (community.size() < kShortCommunity)
    return "shorter than " + std::to_string(kShortCommunity) + " characters";
  return "";
}

std::string community_component(std::string_view prefix, std::string_view community,
                                std::string_view salt) {
  const collector::SecretEvidence e = collector::secret_evidence(community, salt);
  return std::string(prefix) + " " + e.masked + " (" + e.hash + ")";
}

std::span<const Check> snmp_checks() { return kChecks; }

}  // namespace zt::netconfig
