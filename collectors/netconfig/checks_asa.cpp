// The ASA checks: clear-text passwords, telnet management, ASDM (http) open to any address
// on the outside, SSH v1, guessable SNMP communities, logging disabled, `permit ip any any`.
#include "collectors/netconfig/asa_checks.hpp"

namespace zt::netconfig {
namespace {

bool from_anywhere(const AsaManagementAccess& a) { return a.address == "0.0.0.0" && a.mask == "0.0.0.0"; }

void cleartext_password(const AsaCheckContext& c, std::vector<Issue>& out) {
  for (const AsaPassword& p : c.config.passwords)
    if (!p.hashed)
      out.push_back({"asa_cleartext_password", {p.line}, p.owner, "stored without 'encrypted' or 'pbkdf2'"});
}

void telnet(const AsaCheckContext& c, std::vector<Issue>& out) {
  for (const AsaManagementAccess& a : c.config.telnet)
    out.push_back({"asa_telnet_management", {a.line}, "telnet " + a.interface,
                   from_anywhere(a) ? "telnet from any address" : "telnet from " + a.address + " " + a.mask});
}

void http_any_outside(const AsaCheckContext& c, std::vector<Issue>& out) {
  if (!c.config.http_server_enable) return;
  for (const AsaManagementAccess& a : c.config.http)
    if (from_anywhere(a) && a.interface == "outside")
      out.push_back({"asa_http_open_outside", {*c.config.http_server_enable, a.line}, "http outside",
                     "the HTTPS/ASDM server accepts any address on the outside interface"});
}

void ssh_version1(const AsaCheckContext& c, std::vector<Issue>& out) {
  for (const Located& v : c.config.ssh_versions)
    if (v.value == "1") out.push_back({"asa_ssh_version1", {v.line}, std::string(kGlobal), "ssh version 1"});
}

void guessable(const AsaCheckContext& c, std::vector<Issue>& out) {
  const std::string host = c.config.hostname ? c.config.hostname->value : "";
  for (const AsaSnmpCommunity& s : c.config.snmp_communities)
    if (std::string why = guessable_community(s.name, host); !why.empty())
      out.push_back({"asa_snmp_guessable_community", {s.line},
                     community_component("snmp-server community", s.name, c.salt), why});
}

// Logging is off on an ASA until `logging enable`; `no logging enable` turns it off.
void logging_disabled(const AsaCheckContext& c, std::vector<Issue>& out) {
  if (c.config.logging_enable && !c.config.no_logging_enable) return;
  std::vector<LineNo> lines;
  if (c.config.no_logging_enable) lines.push_back(*c.config.no_logging_enable);
  out.push_back({"asa_logging_disabled", lines, std::string(kGlobal),
                 c.config.no_logging_enable ? "'no logging enable'" : "no 'logging enable'"});
}

void permit_any_any(const AsaCheckContext& c, std::vector<Issue>& out) {
  for (const AsaAclEntry& e : c.config.permit_any_any)
    out.push_back({"asa_acl_permit_any_any", {e.line}, "access-list " + e.acl, "permit ip any any"});
}

constexpr AsaCheck kChecks[] = {
    {"asa_cleartext_password", &cleartext_password},
    {"asa_telnet_management", &telnet},
    {"asa_http_open_outside", &http_any_outside},
    {"asa_ssh_version1", &ssh_version1},
    {"asa_snmp_guessable_community", &guessable},
    {"asa_logging_disabled", &logging_disabled},
    {"asa_acl_permit_any_any", &permit_any_any},
};

}  // namespace

std::span<const AsaCheck> asa_checks() { return kChecks; }

}  // namespace zt::netconfig
