#pragma once
// The typed model of a Juniper Junos configuration, as junos_parser.hpp fills it from either
// form Junos saves (`show configuration`: braces; `show configuration | display set`: `set`
// lines). Junos names its settings by a path of words (`system services ssh root-login
// allow`), the same in both forms, so the model is what the checks read of those paths, each
// element with the 1-based line it came from. Plain data.
#include <optional>
#include <string>
#include <vector>

#include "collectors/netconfig/ios_model.hpp"  // LineNo, Located

namespace zt::netconfig {

// A stored password hash: `root-authentication encrypted-password "$1$…"`, or a user's.
struct JunosPassword {
  std::string owner;  // "root-authentication", "login user admin"
  std::string hash;   // the secret: never reported as is
  LineNo line = 0;
};

struct JunosSnmpCommunity {
  std::string name;           // the secret: never reported as is
  std::string authorization;  // "read-only" (the default), "read-write"
  LineNo line = 0;            // where the community is named
  LineNo authorization_line = 0;
};

struct JunosNtpServer {
  std::string address;
  bool keyed = false;  // `key N`
  LineNo line = 0;
};

struct JunosConfig {
  std::optional<Located> version;
  std::optional<Located> host_name;
  std::vector<JunosPassword> passwords;
  std::vector<Located> services;  // value: "telnet", "ftp", "web-management http", "ssh", …
  std::vector<Located> ssh_protocol_versions;  // "v1", "v2"
  std::optional<Located> ssh_root_login;       // "allow", "deny", "deny-password"
  std::vector<JunosSnmpCommunity> snmp_communities;
  std::vector<Located> syslog_hosts;
  std::vector<JunosNtpServer> ntp_servers;
  std::vector<LineNo> ntp_authentication_keys;
  std::vector<LineNo> ntp_trusted_keys;
  std::optional<LineNo> login_message;
  std::size_t line_count = 0;
  std::size_t statements = 0;  // settings read (leaves of the braces form, `set` lines)
  bool set_form = false;
  bool balanced = true;  // braces form: every block closed (a cut file is not)
};

}  // namespace zt::netconfig
