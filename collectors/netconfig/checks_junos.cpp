// The Junos checks: weak password hashes, clear-text management services, SSH v1 and root
// login, guessable and read-write SNMP communities, no remote syslog, no or unauthenticated
// NTP, no login banner.
#include <algorithm>

#include "collectors/netconfig/junos_checks.hpp"

namespace zt::netconfig {
namespace {

// Junos crypt(3) hashes: `$1$` is MD5-crypt; `$5$`/`$6$` (SHA-256/512) are the defaults since
// Junos 15.1 (format sha512). A value that is no crypt hash at all is shown as such.
void weak_password_hash(const JunosCheckContext& c, std::vector<Issue>& out) {
  for (const JunosPassword& p : c.config.passwords) {
    std::string why;
    if (p.hash.starts_with("$1$")) why = "an MD5-crypt ($1$) hash";
    else if (!p.hash.starts_with("$5$") && !p.hash.starts_with("$6$"))
      why = p.hash.starts_with("$") ? "a hash of an unknown or weak scheme" : "not a crypt hash";
    if (!why.empty()) out.push_back({"junos_weak_password_hash", {p.line}, p.owner, why});
  }
}

// Clear-text services: their passwords and sessions cross the network readable.
void cleartext_services(const JunosCheckContext& c, std::vector<Issue>& out) {
  for (const Located& s : c.config.services)
    if (s.value == "telnet" || s.value == "ftp" || s.value == "web-management http")
      out.push_back({"junos_cleartext_service", {s.line}, "system services " + s.value,
                     "'" + s.value + "' is enabled"});
}

void ssh_version1(const JunosCheckContext& c, std::vector<Issue>& out) {
  for (const Located& v : c.config.ssh_protocol_versions)
    if (v.value == "v1")
      out.push_back({"junos_ssh_version1", {v.line}, "system services ssh", "protocol-version v1"});
}

void ssh_root_login(const JunosCheckContext& c, std::vector<Issue>& out) {
  if (c.config.ssh_root_login && c.config.ssh_root_login->value == "allow")
    out.push_back({"junos_ssh_root_login", {c.config.ssh_root_login->line}, "system services ssh",
                   "root-login allow"});
}

std::string component(const JunosCheckContext& c, const JunosSnmpCommunity& s) {
  return community_component("snmp community", s.name, c.salt);
}

void guessable(const JunosCheckContext& c, std::vector<Issue>& out) {
  const std::string host = c.config.host_name ? c.config.host_name->value : "";
  for (const JunosSnmpCommunity& s : c.config.snmp_communities)
    if (std::string why = guessable_community(s.name, host); !why.empty())
      out.push_back({"junos_snmp_guessable_community", {s.line}, component(c, s), why});
}

void rw_community(const JunosCheckContext& c, std::vector<Issue>& out) {
  for (const JunosSnmpCommunity& s : c.config.snmp_communities)
    if (s.authorization == "read-write")
      out.push_back({"junos_snmp_rw_community", {s.line, s.authorization_line}, component(c, s),
                     "authorization read-write"});
}

void no_remote_syslog(const JunosCheckContext& c, std::vector<Issue>& out) {
  if (c.config.syslog_hosts.empty())
    out.push_back({"junos_no_remote_syslog", {}, std::string(kGlobal), "no 'system syslog host'"});
}

void no_ntp(const JunosCheckContext& c, std::vector<Issue>& out) {
  if (c.config.ntp_servers.empty())
    out.push_back({"junos_no_ntp", {}, std::string(kGlobal), "no 'system ntp server'"});
}

void ntp_unauthenticated(const JunosCheckContext& c, std::vector<Issue>& out) {
  if (c.config.ntp_servers.empty()) return;
  std::vector<std::string> missing;
  std::vector<LineNo> lines;
  if (c.config.ntp_authentication_keys.empty()) missing.push_back("'ntp authentication-key'");
  if (c.config.ntp_trusted_keys.empty()) missing.push_back("'ntp trusted-key'");
  for (const JunosNtpServer& s : c.config.ntp_servers)
    if (!s.keyed) lines.push_back(s.line);
  if (!lines.empty()) missing.push_back("a key on every server");
  if (missing.empty()) return;
  std::string detail = "missing";
  for (std::size_t i = 0; i < missing.size(); ++i) detail += (i == 0 ? " " : ", ") + missing[i];
  out.push_back({"junos_ntp_unauthenticated", lines, std::string(kGlobal), detail});
}

void no_login_banner(const JunosCheckContext& c, std::vector<Issue>& out) {
  if (!c.config.login_message)
    out.push_back({"junos_no_login_banner", {}, std::string(kGlobal), "no 'system login message'"});
}

constexpr JunosCheck kChecks[] = {
    {"junos_weak_password_hash", &weak_password_hash},
    {"junos_cleartext_service", &cleartext_services},
    {"junos_ssh_version1", &ssh_version1},
    {"junos_ssh_root_login", &ssh_root_login},
    {"junos_snmp_guessable_community", &guessable},
    {"junos_snmp_rw_community", &rw_community},
    {"junos_no_remote_syslog", &no_remote_syslog},
    {"junos_no_ntp", &no_ntp},
    {"junos_ntp_unauthenticated", &ntp_unauthenticated},
    {"junos_no_login_banner", &no_login_banner},
};

}  // namespace

std::span<const JunosCheck> junos_checks() { return kChecks; }

}  // namespace zt::netconfig
