#include "collectors/netconfig/model_json.hpp"

#include "collectors/core/secret_evidence.hpp"

namespace zt::netconfig {
namespace {

using nlohmann::json;

json located(const std::optional<Located>& l) {
  if (!l) return nullptr;
  return {{"value", l->value}, {"line", l->line}};
}

json line_of(const std::optional<LineNo>& l) { return l ? json(*l) : json(nullptr); }

json secret(const std::optional<StoredSecret>& s, std::string_view salt) {
  if (!s) return nullptr;
  return {{"keyword", s->keyword},
          {"type", s->type},
          {"evidence", collector::to_json(collector::secret_evidence(s->value, salt))},
          {"line", s->line}};
}

json interface_json(const Interface& i) {
  json groups = json::array();
  for (const Interface::AccessGroup& g : i.access_groups)
    groups.push_back({{"acl", g.acl}, {"direction", g.direction}, {"line", g.line}});
  return {{"name", i.name},
          {"line", i.line},
          {"shutdown", line_of(i.shutdown)}, {"proxy_arp", line_of(i.proxy_arp)},
          {"description", located(i.description)},
          {"ip_address", located(i.ip_address)},
          {"no_proxy_arp", line_of(i.no_proxy_arp)},
          {"directed_broadcast", line_of(i.directed_broadcast)},
          {"no_cdp_enable", line_of(i.no_cdp_enable)},
          {"no_lldp_transmit", line_of(i.no_lldp_transmit)},
          {"nat_outside", line_of(i.nat_outside)},
          {"access_groups", std::move(groups)}};
}

json terminal_line_json(const TerminalLine& l, std::string_view salt) {
  return {{"name", l.name},
          {"line", l.line},
          {"transport_input", located(l.transport_input)},
          {"access_class_in", located(l.access_class_in)},
          {"exec_timeout", located(l.exec_timeout)},
          {"login", located(l.login)},
          {"password", secret(l.password, salt)}};
}

json acl_json(const Acl& a) {
  json entries = json::array();
  for (const AclEntry& e : a.entries) entries.push_back({{"line", e.line}, {"text", e.text}});
  return {{"name", a.name},
          {"kind", a.kind == AclKind::standard ? "standard" : "extended"},
          {"numbered", a.numbered},
          {"line", a.line},
          {"entries", std::move(entries)}};
}

}  // namespace

json to_json(const IosConfig& c, std::string_view salt) {
  json users = json::array(), lines = json::array(), interfaces = json::array(), acls = json::array();
  for (const LocalUser& u : c.users)
    users.push_back({{"name", u.name}, {"line", u.line}, {"secret", secret(u.secret, salt)},
                     {"nopassword", u.nopassword}});
  for (const TerminalLine& l : c.lines) lines.push_back(terminal_line_json(l, salt));
  for (const Interface& i : c.interfaces) interfaces.push_back(interface_json(i));
  for (const Acl& a : c.acls) acls.push_back(acl_json(a));
  json communities = json::array(), groups = json::array(), snmp_users = json::array();
  for (const SnmpCommunity& s : c.snmp_communities)
    communities.push_back({{"evidence", collector::to_json(collector::secret_evidence(s.name, salt))},
                           {"access", s.access}, {"acl", s.acl}, {"line", s.line}});
  for (const SnmpGroup& g : c.snmp_groups)
    groups.push_back({{"name", g.name}, {"version", g.version}, {"security", g.security}, {"line", g.line}});
  for (const SnmpUser& u : c.snmp_users)
    snmp_users.push_back({{"name", u.name}, {"group", u.group}, {"version", u.version},
                          {"auth", u.auth}, {"priv", u.priv}, {"line", u.line}});
  json ntp = json::array(), policies = json::array(), transforms = json::array(), logging = json::array();
  for (const NtpServer& s : c.ntp_servers)
    ntp.push_back({{"address", s.address}, {"keyed", s.keyed}, {"line", s.line}});
  for (const IsakmpPolicy& p : c.isakmp_policies)
    policies.push_back({{"number", p.number}, {"line", p.line}, {"encryption", located(p.encryption)},
                        {"hash", located(p.hash)}, {"group", located(p.group)}});
  for (const TransformSet& t : c.transform_sets)
    transforms.push_back({{"name", t.name}, {"transforms", t.transforms}, {"line", t.line}});
  for (const Located& l : c.logging_hosts) logging.push_back(located(l));
  json management = json::array();
  for (const ManagementService& m : c.management)
    management.push_back({{"name", m.name}, {"line", m.line}, {"shutdown", line_of(m.shutdown)},
                          {"no_shutdown", line_of(m.no_shutdown)}, {"idle_timeout", located(m.idle_timeout)},
                          {"protocol_http", line_of(m.protocol_http)}, {"access_group", located(m.access_group)}});
  json banners = json::array(), timestamps = json::array();
  for (const Located& b : c.banners) banners.push_back(located(b));
  for (const Located& t : c.timestamps) timestamps.push_back(located(t));
  return {{"hostname", located(c.hostname)},
          {"version", located(c.version)},
          {"chassis", located(c.chassis)},
          {"enable_secret", secret(c.enable_secret, salt)},
          {"enable_password", secret(c.enable_password, salt)},
          {"users", std::move(users)},
          {"service_password_encryption", line_of(c.service_password_encryption)},
          {"lines", std::move(lines)},
          {"ssh_version", located(c.ssh_version)},
          {"http_server", line_of(c.http_server)},
          {"aaa_new_model", line_of(c.aaa_new_model)},
          {"banners", std::move(banners)},
          {"login_block_for", line_of(c.login_block_for)},
          {"snmp", {{"communities", std::move(communities)}, {"groups", std::move(groups)},
                    {"users", std::move(snmp_users)}}},
          {"interfaces", std::move(interfaces)},
          {"source_route", line_of(c.source_route)},
          {"no_source_route", line_of(c.no_source_route)},
          {"small_servers", c.small_servers},
          {"finger", c.finger},
          {"bootp_server", line_of(c.bootp_server)},
          {"no_bootp_server", line_of(c.no_bootp_server)},
          {"no_cdp_run", line_of(c.no_cdp_run)},
          {"lldp_run", line_of(c.lldp_run)},
          {"logging_hosts", std::move(logging)},
          {"ntp", {{"servers", std::move(ntp)}, {"authenticate", line_of(c.ntp_authenticate)},
                   {"trusted_keys", c.ntp_trusted_keys}}},
          {"timestamps", std::move(timestamps)},
          {"isakmp_policies", std::move(policies)},
          {"transform_sets", std::move(transforms)},
          {"acls", std::move(acls)},
          {"management", std::move(management)},
          {"aaa_authentication_login", line_of(c.aaa_authentication_login)},
          {"aaa_root", line_of(c.aaa_root)},
          {"no_lldp_run", line_of(c.no_lldp_run)},
          {"line_count", c.line_count},
          {"ends_with_end", c.ends_with_end}};
}

json to_json(const JunosConfig& c, std::string_view salt) {
  const auto evidence = [&](std::string_view value) {
    return collector::to_json(collector::secret_evidence(value, salt));
  };
  const auto all = [](const std::vector<Located>& list) {
    json out = json::array();
    for (const Located& l : list) out.push_back(located(l));
    return out;
  };
  json passwords = json::array();
  for (const JunosPassword& p : c.passwords)
    passwords.push_back({{"owner", p.owner}, {"evidence", evidence(p.hash)}, {"line", p.line}});
  json communities = json::array();
  for (const JunosSnmpCommunity& s : c.snmp_communities)
    communities.push_back({{"evidence", evidence(s.name)}, {"authorization", s.authorization}, {"line", s.line}});
  json ntp = json::array();
  for (const JunosNtpServer& n : c.ntp_servers)
    ntp.push_back({{"address", n.address}, {"keyed", n.keyed}, {"line", n.line}});
  return {{"vendor", "juniper_junos"},
          {"form", c.set_form ? "set" : "braces"},
          {"version", located(c.version)},
          {"host_name", located(c.host_name)},
          {"passwords", std::move(passwords)},
          {"services", all(c.services)},
          {"ssh_protocol_versions", all(c.ssh_protocol_versions)},
          {"ssh_root_login", located(c.ssh_root_login)},
          {"snmp_communities", std::move(communities)},
          {"syslog_hosts", all(c.syslog_hosts)},
          {"ntp_servers", std::move(ntp)},
          {"ntp_authentication_keys", c.ntp_authentication_keys},
          {"ntp_trusted_keys", c.ntp_trusted_keys},
          {"login_message", line_of(c.login_message)},
          {"lines", c.line_count},
          {"statements", c.statements},
          {"balanced", c.balanced}};
}

json to_json(const AsaConfig& c, std::string_view salt) {
  const auto evidence = [&](std::string_view value) {
    return collector::to_json(collector::secret_evidence(value, salt));
  };
  const auto access = [](const std::vector<AsaManagementAccess>& list) {
    json out = json::array();
    for (const AsaManagementAccess& a : list)
      out.push_back({{"address", a.address}, {"mask", a.mask}, {"interface", a.interface}, {"line", a.line}});
    return out;
  };
  json passwords = json::array();
  for (const AsaPassword& p : c.passwords)
    passwords.push_back({{"owner", p.owner}, {"hashed", p.hashed}, {"evidence", evidence(p.value)}, {"line", p.line}});
  json communities = json::array();
  for (const AsaSnmpCommunity& s : c.snmp_communities)
    communities.push_back({{"evidence", evidence(s.name)}, {"line", s.line}});
  json ssh = json::array();
  for (const Located& v : c.ssh_versions) ssh.push_back(located(v));
  json any_any = json::array();
  for (const AsaAclEntry& e : c.permit_any_any) any_any.push_back({{"acl", e.acl}, {"line", e.line}});
  return {{"vendor", "cisco_asa"},
          {"hostname", located(c.hostname)},
          {"passwords", std::move(passwords)},
          {"telnet", access(c.telnet)},
          {"http", access(c.http)},
          {"http_server_enable", line_of(c.http_server_enable)},
          {"ssh_versions", std::move(ssh)},
          {"snmp_communities", std::move(communities)},
          {"logging_enable", line_of(c.logging_enable)},
          {"no_logging_enable", line_of(c.no_logging_enable)},
          {"permit_any_any", std::move(any_any)},
          {"lines", c.line_count}};
}

}  // namespace zt::netconfig
