#pragma once
// The typed model of a Cisco IOS / IOS-XE configuration (`show running-config`, as Oxidized
// and RANCID save it), as ios_parser.hpp fills it; Arista EOS, IOS-like, fills the same model
// (its own stanzas in the fields marked EOS). Only what the checks read is modelled;
// every element keeps the 1-based line numbers it came from, so a finding can name them.
// A setting IOS leaves out of `show running-config` when it is at its default is an absent
// optional here (the checks know the defaults). Plain data.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "collectors/netconfig/acl_entry.hpp"

namespace zt::netconfig {

using LineNo = std::uint32_t;

// A value and the line it was read from.
struct Located {
  std::string value;
  LineNo line = 0;
};

// A stored password or secret: `enable secret 9 $9$…`, `username x password 7 0822…`.
// `type` is the number IOS writes before the value (0 when none: clear text), or
// kSha512Type for EOS's `secret sha512 $6$…`.
inline constexpr int kSha512Type = 512;

struct StoredSecret {
  std::string keyword;  // "password" or "secret"
  int type = 0;
  std::string value;
  LineNo line = 0;
};

struct LocalUser {
  std::string name;
  std::optional<StoredSecret> secret;
  bool nopassword = false;  // `username x nopassword`: no password at all
  LineNo line = 0;
};

// EOS: a `management telnet|ssh|api http-commands` block. A service is on when the block
// says `no shutdown` (telnet and eAPI are off by default; SSH is on unless `shutdown`).
struct ManagementService {
  std::string name;  // "management ssh"
  LineNo line = 0;
  std::optional<LineNo> shutdown;
  std::optional<LineNo> no_shutdown;  // at any depth (eAPI's `vrf X` sub-blocks too)
  std::optional<Located> idle_timeout;  // minutes; EOS's default is 0: never
  std::optional<LineNo> protocol_http;  // eAPI over plain HTTP
  std::optional<Located> access_group;  // `ip access-group NAME [vrf X] in`
};

// A `line vty 0 4` / `line con 0` / `line aux 0` block.
struct TerminalLine {
  std::string name;  // "line vty 0 4"
  std::string kind;  // "vty", "con", "aux", "tty"
  LineNo line = 0;
  std::optional<Located> transport_input;  // "ssh", "telnet ssh", "all", "none"
  std::optional<Located> access_class_in;  // the ACL's name
  std::optional<Located> exec_timeout;     // "0 0", "5 0"
  std::optional<Located> login;            // "local", "authentication X", "" (plain `login`)
  std::optional<StoredSecret> password;
};

struct Interface {
  std::string name;
  LineNo line = 0;
  std::optional<LineNo> shutdown;
  std::optional<Located> description;
  std::optional<Located> ip_address;  // "192.0.2.1 255.255.255.0", "dhcp"
  std::optional<LineNo> no_proxy_arp;
  std::optional<LineNo> proxy_arp;  // EOS: `ip proxy-arp` (off by default there)
  std::optional<LineNo> directed_broadcast;  // `ip directed-broadcast` (off by default)
  std::optional<LineNo> no_cdp_enable;
  std::optional<LineNo> no_lldp_transmit;
  std::optional<LineNo> nat_outside;
  std::vector<LineNo> other_settings;  // switchport, channel-group, encapsulation, …
  struct AccessGroup {
    std::string acl;
    std::string direction;  // "in" or "out"
    LineNo line = 0;
  };
  std::vector<AccessGroup> access_groups;
};

struct SnmpCommunity {
  std::string name;    // the secret: never reported as is
  std::string access;  // "RO" (the default) or "RW"
  std::string acl;     // "" when none
  LineNo line = 0;
};

struct SnmpGroup {
  std::string name;
  std::string version;   // "v1", "v2c", "v3"
  std::string security;  // v3: "noauth", "auth", "priv"; else ""
  LineNo line = 0;
};

struct SnmpUser {
  std::string name;
  std::string group;
  std::string version;  // "v1", "v2c", "v3"
  bool auth = false;
  bool priv = false;
  LineNo line = 0;
};

struct NtpServer {
  std::string address;
  bool keyed = false;  // `key N`
  LineNo line = 0;
};

struct IsakmpPolicy {
  std::string number;
  LineNo line = 0;
  std::optional<Located> encryption;  // "des", "3des", "aes 256", …
  std::optional<Located> hash;        // "md5", "sha", "sha256", …
  std::optional<Located> group;       // "1", "2", "14", …
};

struct TransformSet {
  std::string name;
  std::vector<std::string> transforms;  // "esp-aes", "esp-sha-hmac", …
  LineNo line = 0;
};

enum class AclKind { standard, extended };

struct Acl {
  std::string name;     // "10", "101", "MGMT-IN"
  AclKind kind = AclKind::standard;
  bool numbered = true;
  bool kind_implied = false;  // EOS's `ip access-list NAME`: extended without saying so
  LineNo line = 0;      // the `ip access-list …` header, or the first numbered line
  std::vector<AclEntry> entries;
};

// Where an ACL is used: `access-class X in` (lines), `ip access-group X in` (interfaces),
// `snmp-server community … X`, `ntp access-group … X`.
struct AclReference {
  std::string acl;
  std::string user;  // "line vty 0 4", "interface Gi0/1", "snmp-server community"
  LineNo line = 0;
};

struct IosConfig {
  std::optional<Located> hostname;
  std::optional<Located> version;  // "15.2"
  std::optional<Located> chassis;  // RANCID's "!Chassis type:" comment
  std::optional<StoredSecret> enable_secret;
  std::optional<StoredSecret> enable_password;
  std::vector<LocalUser> users;
  std::optional<LineNo> service_password_encryption;
  std::vector<TerminalLine> lines;
  std::optional<Located> ssh_version;
  std::optional<LineNo> http_server;
  std::optional<LineNo> aaa_new_model;
  std::vector<Located> banners;  // value: "motd", "login", "exec"
  std::optional<LineNo> login_block_for;
  std::vector<SnmpCommunity> snmp_communities;
  std::vector<SnmpGroup> snmp_groups;
  std::vector<SnmpUser> snmp_users;
  std::vector<Interface> interfaces;
  std::optional<LineNo> source_route;     // `ip source-route` written out
  std::optional<LineNo> no_source_route;  // `no ip source-route`
  std::vector<LineNo> small_servers;      // service tcp-/udp-small-servers
  std::vector<LineNo> finger;             // ip finger, service finger
  std::optional<LineNo> bootp_server;     // `ip bootp server` written out
  std::optional<LineNo> no_bootp_server;  // `no ip bootp server`
  std::optional<LineNo> no_cdp_run;
  std::optional<LineNo> lldp_run;
  std::vector<Located> logging_hosts;
  std::vector<NtpServer> ntp_servers;
  std::optional<LineNo> ntp_authenticate;
  std::vector<LineNo> ntp_trusted_keys;
  std::vector<Located> timestamps;  // "log datetime msec", "debug uptime"
  std::vector<IsakmpPolicy> isakmp_policies;
  std::vector<TransformSet> transform_sets;
  std::vector<Acl> acls;
  std::vector<AclReference> acl_references;
  // EOS
  std::vector<ManagementService> management;
  std::optional<LineNo> aaa_authentication_login;  // `aaa authentication login default …`
  std::optional<LineNo> aaa_root;                  // `aaa root secret …`: root may log in
  std::optional<LineNo> no_lldp_run;               // LLDP is on by default on EOS
  std::size_t line_count = 0;
  bool ends_with_end = false;  // a final `end`: the file is not cut short
};

}  // namespace zt::netconfig
