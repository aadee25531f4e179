// The Arista EOS checks. EOS is IOS-like and is parsed into the IOS model, so the IOS checks
// whose commands and defaults EOS shares (banner, SNMP, directed broadcast, unused ports,
// syslog, NTP, access lists) run as they are, under their EOS id. The others differ on EOS:
// secrets are `secret sha512` (no type 7, no `service password-encryption`), the management
// plane is the `management telnet|ssh|api http-commands` blocks (SSH's idle-timeout is 0,
// never, by default), AAA is always on (what matters is a login method besides local), root
// may log in when `aaa root secret` is set, proxy ARP is off unless `ip proxy-arp`, LLDP runs
// unless `no lldp run` and there is no CDP.
#include <algorithm>
#include <string>

#include "collectors/netconfig/checks.hpp"

namespace zt::netconfig {
namespace {

// Every stored secret with the component it protects.
template <typename Visit>
void each_secret(const IosConfig& c, Visit visit) {
  if (c.enable_secret) visit(*c.enable_secret, std::string("enable secret"));
  if (c.enable_password) visit(*c.enable_password, std::string("enable password"));
  for (const LocalUser& u : c.users)
    if (u.secret) visit(*u.secret, "username " + u.name);
}

void cleartext_password(const CheckContext& c, std::vector<Issue>& out) {
  each_secret(c.config, [&](const StoredSecret& s, std::string component) {
    if (s.type == 0)
      out.push_back({"eos_cleartext_password", {s.line}, std::move(component),
                     s.keyword + " in clear text (type 0)"});
  });
}

void md5_secret(const CheckContext& c, std::vector<Issue>& out) {
  each_secret(c.config, [&](const StoredSecret& s, std::string component) {
    if (s.type == 5)
      out.push_back({"eos_md5_secret", {s.line}, std::move(component), "MD5-crypt (type 5), not sha512"});
  });
}

void user_nopassword(const CheckContext& c, std::vector<Issue>& out) {
  for (const LocalUser& u : c.config.users)
    if (u.nopassword && !u.secret)
      out.push_back({"eos_user_nopassword", {u.line}, "username " + u.name, "nopassword"});
}

const ManagementService* service(const IosConfig& c, std::string_view name) {
  const auto it = std::find_if(c.management.begin(), c.management.end(),
                               [&](const ManagementService& m) { return m.name == name; });
  return it == c.management.end() ? nullptr : &*it;
}

// Telnet and eAPI are off until `no shutdown`.
bool turned_on(const ManagementService& m) { return m.no_shutdown && !m.shutdown; }

void telnet_enabled(const CheckContext& c, std::vector<Issue>& out) {
  if (const ManagementService* m = service(c.config, "management telnet"); m && turned_on(*m))
    out.push_back({"eos_telnet_enabled", {m->line, *m->no_shutdown}, m->name, "telnet server on"});
}

void ssh_idle_timeout(const CheckContext& c, std::vector<Issue>& out) {
  const ManagementService* m = service(c.config, "management ssh");
  if (m && m->shutdown) return;
  if (!m || !m->idle_timeout) {
    std::vector<LineNo> lines;
    if (m) lines.push_back(m->line);
    out.push_back({"eos_ssh_idle_timeout_disabled", lines, "management ssh",
                   "no 'idle-timeout': EOS's default, 0, never ends an idle session"});
  } else if (m->idle_timeout->value == "0") {
    out.push_back({"eos_ssh_idle_timeout_disabled", {m->line, m->idle_timeout->line}, m->name,
                   "idle-timeout 0"});
  }
}

void ssh_no_access_group(const CheckContext& c, std::vector<Issue>& out) {
  const ManagementService* m = service(c.config, "management ssh");
  if (m && (m->shutdown || m->access_group)) return;
  std::vector<LineNo> lines;
  if (m) lines.push_back(m->line);
  out.push_back({"eos_ssh_no_access_group", lines, "management ssh", "no 'ip access-group … in'"});
}

void eapi_plain_http(const CheckContext& c, std::vector<Issue>& out) {
  const ManagementService* m = service(c.config, "management api http-commands");
  if (m && turned_on(*m) && m->protocol_http)
    out.push_back({"eos_eapi_plain_http", {m->line, *m->protocol_http, *m->no_shutdown}, m->name,
                   "eAPI served over plain HTTP"});
}

void no_aaa_authentication(const CheckContext& c, std::vector<Issue>& out) {
  if (!c.config.aaa_authentication_login)
    out.push_back({"eos_no_aaa_authentication", {}, std::string(kGlobal),
                   "no 'aaa authentication login default': local accounts only"});
}

void aaa_root(const CheckContext& c, std::vector<Issue>& out) {
  if (c.config.aaa_root)
    out.push_back({"eos_aaa_root_enabled", {*c.config.aaa_root}, "aaa root", "root may log in"});
}

void proxy_arp(const CheckContext& c, std::vector<Issue>& out) {
  for (const Interface& i : c.config.interfaces)
    if (i.proxy_arp && !i.shutdown)
      out.push_back({"eos_proxy_arp", {i.line, *i.proxy_arp}, "interface " + i.name, "ip proxy-arp"});
}

void lldp_external(const CheckContext& c, std::vector<Issue>& out) {
  if (c.config.no_lldp_run) return;
  for (const Interface& i : c.config.interfaces) {
    if (i.shutdown || i.no_lldp_transmit || !external_interface(i)) continue;
    out.push_back({"eos_lldp_external", {i.line, i.nat_outside ? *i.nat_outside : i.description->line},
                   "interface " + i.name, "LLDP on an external interface"});
  }
}

// EOS's table rows are trains ("4.26"), which a release ("4.26.3M") belongs to.
bool in_train(std::string_view train, std::string_view version) {
  return version.size() > train.size() && version.substr(0, train.size()) == train &&
         version[train.size()] == '.';
}

void end_of_support(const CheckContext& c, std::vector<Issue>& out) {
  if (c.config.version)
    firmware_past_support(c, "arista_eos", "eos_firmware_end_of_support", *c.config.version,
                          &in_train, out);
}

// The IOS checks EOS shares, by their IOS id, under their EOS id.
struct Shared {
  std::string_view eos_id;
  std::string_view ios_id;
};

constexpr Shared kShared[] = {
    {"eos_no_login_banner", "ios_no_login_banner"},
    {"eos_snmp_guessable_community", "ios_snmp_guessable_community"},
    {"eos_snmp_rw_community", "ios_snmp_rw_community"},
    {"eos_snmp_community_no_acl", "ios_snmp_community_no_acl"},
    {"eos_snmp_v1_v2c", "ios_snmp_v1_v2c"},
    {"eos_snmp_v3_without_priv", "ios_snmp_v3_without_priv"},
    {"eos_directed_broadcast", "ios_directed_broadcast"},
    {"eos_unused_interface_up", "ios_unused_interface_up"},
    {"eos_no_remote_syslog", "ios_no_remote_syslog"},
    {"eos_no_ntp", "ios_no_ntp"},
    {"eos_ntp_unauthenticated", "ios_ntp_unauthenticated"},
    {"eos_acl_shadowed_entry", "ios_acl_shadowed_entry"},
    {"eos_acl_permit_any_any", "ios_acl_permit_any_any"},
    {"eos_acl_undefined", "ios_acl_undefined"},
};

constexpr Check kOwn[] = {
    {"eos_cleartext_password", &cleartext_password},
    {"eos_md5_secret", &md5_secret},
    {"eos_user_nopassword", &user_nopassword},
    {"eos_telnet_enabled", &telnet_enabled},
    {"eos_ssh_idle_timeout_disabled", &ssh_idle_timeout},
    {"eos_ssh_no_access_group", &ssh_no_access_group},
    {"eos_eapi_plain_http", &eapi_plain_http},
    {"eos_no_aaa_authentication", &no_aaa_authentication},
    {"eos_aaa_root_enabled", &aaa_root},
    {"eos_proxy_arp", &proxy_arp},
    {"eos_lldp_external", &lldp_external},
    {"eos_firmware_end_of_support", &end_of_support},
};

}  // namespace

std::vector<Check> eos_checks() {
  std::vector<Check> all(std::begin(kOwn), std::end(kOwn));
  const std::vector<Check> ios = ios_checks();
  for (const Shared& s : kShared) {
    const auto it = std::find_if(ios.begin(), ios.end(), [&](const Check& c) { return c.id == s.ios_id; });
    if (it != ios.end()) all.push_back({s.eos_id, it->run});
  }
  return all;
}

}  // namespace zt::netconfig
