#pragma once
// The typed model of a Cisco ASA configuration (`show running-config`, `ASA Version …`), as
// asa_parser.hpp fills it. Only what the checks read is modelled, each element with the
// 1-based line it came from. Plain data.
#include <optional>
#include <string>
#include <vector>

#include "collectors/netconfig/ios_model.hpp"  // LineNo, Located

namespace zt::netconfig {

// `enable password <value> [encrypted|pbkdf2]`, `passwd <value> [encrypted]`,
// `username <name> password <value> [encrypted|pbkdf2] …`.
struct AsaPassword {
  std::string owner;  // "enable password", "passwd", "username admin"
  std::string value;  // the secret: never reported as is
  bool hashed = false;  // `encrypted` or `pbkdf2`
  LineNo line = 0;
};

// `telnet|ssh|http <address> <mask> <interface>`: who may manage the device, from where.
struct AsaManagementAccess {
  std::string address;
  std::string mask;
  std::string interface;  // the nameif
  LineNo line = 0;
};

struct AsaSnmpCommunity {
  std::string name;  // the secret: never reported as is
  LineNo line = 0;
};

struct AsaAclEntry {
  std::string acl;
  std::string kind;  // the word after the ACL's name: "extended"
  LineNo line = 0;
};

struct AsaConfig {
  std::optional<Located> hostname;
  std::vector<AsaPassword> passwords;
  std::vector<AsaManagementAccess> telnet;
  std::vector<AsaManagementAccess> http;
  std::optional<LineNo> http_server_enable;
  std::vector<Located> ssh_versions;  // `ssh version 1`, `ssh version 2`
  std::vector<AsaSnmpCommunity> snmp_communities;
  std::optional<LineNo> logging_enable;
  std::optional<LineNo> no_logging_enable;
  std::vector<AsaAclEntry> permit_any_any;  // `permit ip any any` entries (any, any4, any6)
  std::size_t line_count = 0;
};

}  // namespace zt::netconfig
