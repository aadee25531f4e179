#include "collectors/netconfig/ios_parser.hpp"

#include <algorithm>
#include <charconv>

#include "collectors/core/text.hpp"
#include "collectors/netconfig/vendor_detect.hpp"

namespace zt::netconfig {
namespace {

using collector::split_whitespace;
using collector::trim;
using Words = std::vector<std::string_view>;

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// The words from `from` on, joined by one space.
std::string joined(const Words& w, std::size_t from) {
  std::string out;
  for (std::size_t i = from; i < w.size(); ++i) out += (out.empty() ? "" : " ") + std::string(w[i]);
  return out;
}

bool is_type_digit(std::string_view w) { return w.size() == 1 && w[0] >= '0' && w[0] <= '9'; }

// `[type] value` from words[at]: a single digit followed by more is the type.
StoredSecret stored_secret(std::string_view keyword, const Words& w, std::size_t at, LineNo line) {
  StoredSecret s{std::string(keyword), 0, "", line};
  if (at + 1 < w.size() && is_type_digit(w[at])) {
    s.type = w[at][0] - '0';
    ++at;
  } else if (at + 1 < w.size() && w[at] == "sha512") {  // EOS
    s.type = kSha512Type;
    ++at;
  }
  s.value = joined(w, at);
  return s;
}

std::optional<long> number(std::string_view w) {
  long value = 0;
  const auto [end, error] = std::from_chars(w.data(), w.data() + w.size(), value);
  if (error != std::errc() || end != w.data() + w.size()) return std::nullopt;
  return value;
}

// Numbered lists: 1-99 and 1300-1999 standard, 100-199 and 2000-2699 extended.
std::optional<AclKind> numbered_kind(std::string_view name) {
  const auto n = number(name);
  if (!n) return std::nullopt;
  if ((*n >= 1 && *n <= 99) || (*n >= 1300 && *n <= 1999)) return AclKind::standard;
  if ((*n >= 100 && *n <= 199) || (*n >= 2000 && *n <= 2699)) return AclKind::extended;
  return std::nullopt;
}

// Interface settings that show the port is in use.
constexpr std::string_view kInUse[] = {
    "switchport",   "channel-group", "encapsulation", "xconnect", "service instance",
    "ip unnumbered", "bridge-group", "pppoe",         "tunnel ",  "standby",
    "vrrp",         "ipv6 address",  "dialer",        "service-policy", "ip address",
    "no switchport"};

class Parser {
 public:
  explicit Parser(Dialect dialect) : eos_(dialect == Dialect::eos) {}
  IosConfig take() && { return std::move(c_); }

  void line(std::string_view raw, LineNo n) {
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    if (!banner_end_.empty()) {
      const bool end = eos_ ? trim(raw) == banner_end_ : raw.find(banner_end_) != std::string_view::npos;
      if (end) banner_end_.clear();
      return;
    }
    const std::string_view t = trim(raw);
    if (t.empty()) return;
    last_ = t;
    const bool indented = raw.front() == ' ' || raw.front() == '\t';
    if (t.front() == '!') {
      if (starts_with(t, "!Chassis type:")) c_.chassis = Located{std::string(trim(t.substr(14))), n};
      if (eos_ && starts_with(t, "! device:")) device(t, n);
      if (!indented) block_ = Block::none;
      return;
    }
    const Words w = split_whitespace(t);
    if (indented) {
      sub_command(t, w, n);
    } else {
      block_ = Block::none;
      global(t, w, n);
    }
  }

  void finish(std::size_t lines) {
    c_.line_count = lines;
    c_.ends_with_end = last_ == "end";
  }

 private:
  enum class Block { none, interface, line, acl, isakmp, management };

  void global(std::string_view t, const Words& w, LineNo n) {
    const std::string_view first = w[0];
    if (first == "hostname" && w.size() >= 2) c_.hostname = Located{std::string(w[1]), n};
    else if (first == "version" && w.size() == 2) c_.version = Located{std::string(w[1]), n};
    else if (first == "enable" && w.size() >= 3 && (w[1] == "secret" || w[1] == "password")) enable(w, n);
    else if (first == "username" && w.size() >= 2) username(w, n);
    else if (t == "service password-encryption") c_.service_password_encryption = n;
    else if (t == "service tcp-small-servers" || t == "service udp-small-servers") c_.small_servers.push_back(n);
    else if (t == "ip finger" || t == "service finger") c_.finger.push_back(n);
    else if (starts_with(t, "ip ssh version ") && w.size() == 4) c_.ssh_version = Located{std::string(w[3]), n};
    else if (t == "ip http server") c_.http_server = n;
    else if (t == "aaa new-model") c_.aaa_new_model = n;
    else if (first == "banner" && w.size() >= 3) banner(t, w, n);
    else if (eos_ && first == "banner" && w.size() == 2) eos_banner(w, n);
    else if (starts_with(t, "login block-for ")) c_.login_block_for = n;
    else if (starts_with(t, "snmp-server community ") && w.size() >= 3) community(w, n);
    else if (starts_with(t, "snmp-server group ") && w.size() >= 4) snmp_group(w, n);
    else if (starts_with(t, "snmp-server user ") && w.size() >= 5) snmp_user(w, n);
    else if (first == "interface" && w.size() >= 2) open_interface(w, n);
    else if (first == "line" && w.size() >= 3) open_line(w, n);
    else if (t == "ip source-route") c_.source_route = n;
    else if (t == "no ip source-route") c_.no_source_route = n;
    else if (t == "ip bootp server") c_.bootp_server = n;
    else if (t == "no ip bootp server") c_.no_bootp_server = n;
    else if (t == "no cdp run") c_.no_cdp_run = n;
    else if (t == "lldp run") c_.lldp_run = n;
    else if (first == "logging") logging(w, n);
    else if (first == "ntp") ntp(w, n);
    else if (starts_with(t, "service timestamps ")) c_.timestamps.push_back({joined(w, 2), n});
    else if (starts_with(t, "crypto isakmp policy ") && w.size() == 4) open_isakmp(w, n);
    else if (starts_with(t, "crypto ipsec transform-set ") && w.size() >= 5) transform_set(w, n);
    else if (first == "access-list" && w.size() >= 3) numbered_acl(w, n);
    else if (starts_with(t, "ip access-list ") && w.size() >= 4) open_named_acl(w, n);
    else if (eos_ && starts_with(t, "ip access-list ") && w.size() == 3) open_eos_acl(w, n);
    else if (eos_ && first == "management" && w.size() >= 2) open_management(w, n);
    else if (eos_ && starts_with(t, "aaa authentication login default ")) c_.aaa_authentication_login = n;
    else if (eos_ && starts_with(t, "aaa root secret ")) c_.aaa_root = n;
    else if (t == "no lldp run") c_.no_lldp_run = n;
  }

  void sub_command(std::string_view t, const Words& w, LineNo n) {
    switch (block_) {
      case Block::interface: interface_setting(t, w, n); break;
      case Block::line: line_setting(w, n); break;
      case Block::acl:
        if (auto entry = parse_acl_entry(t, c_.acls[acl_].kind == AclKind::extended, n))
          c_.acls[acl_].entries.push_back(std::move(*entry));
        break;
      case Block::isakmp: isakmp_setting(w, n); break;
      case Block::management: management_setting(t, w, n); break;
      case Block::none: break;
    }
  }

  void enable(const Words& w, LineNo n) {
    std::size_t at = 2;
    if (at + 1 < w.size() && w[at] == "level") at += 2;
    if (at >= w.size()) return;
    StoredSecret s = stored_secret(w[1], w, at, n);
    (w[1] == "secret" ? c_.enable_secret : c_.enable_password) = std::move(s);
  }

  void username(const Words& w, LineNo n) {
    LocalUser user{std::string(w[1]), std::nullopt, false, n};
    for (std::size_t i = 2; i < w.size(); ++i) {
      if (w[i] == "nopassword") user.nopassword = true;
      if ((w[i] == "password" || w[i] == "secret") && i + 1 < w.size()) {
        user.secret = stored_secret(w[i], w, i + 1, n);
        break;
      }
    }
    c_.users.push_back(std::move(user));
  }

  // `! device: leaf1 (DCS-7050SX-64, EOS-4.20.1F)`: the model and the release.
  void device(std::string_view t, LineNo n) {
    const EosDevice d = eos_device(t);
    if (!d.model.empty()) c_.chassis = Located{d.model, n};
    if (!d.version.empty()) c_.version = Located{d.version, n};
  }

  // EOS's `banner login`: the text follows on its own lines, up to a line `EOF`.
  void eos_banner(const Words& w, LineNo n) {
    c_.banners.push_back({std::string(w[1]), n});
    banner_end_ = "EOF";
  }

  void open_management(const Words& w, LineNo n) {
    ManagementService m;
    m.name = "management " + joined(w, 1);
    m.line = n;
    c_.management.push_back(std::move(m));
    block_ = Block::management;
  }

  void management_setting(std::string_view t, const Words& w, LineNo n) {
    ManagementService& m = c_.management.back();
    if (t == "shutdown") m.shutdown = n;
    else if (t == "no shutdown" && !m.no_shutdown) m.no_shutdown = n;  // the block's own, before its VRFs'
    else if (w[0] == "idle-timeout" && w.size() >= 2) m.idle_timeout = Located{std::string(w[1]), n};
    else if (w[0] == "protocol" && w.size() >= 2 && w[1] == "http" &&
             std::find(w.begin(), w.end(), "localhost") == w.end())
      m.protocol_http = n;
    else if (w[0] == "ip" && w.size() >= 3 && w[1] == "access-group") {
      m.access_group = Located{std::string(w[2]), n};
      c_.acl_references.push_back({std::string(w[2]), m.name, n});
    }
  }

  void banner(std::string_view t, const Words& w, LineNo n) {
    c_.banners.push_back({std::string(w[1]), n});
    std::string_view rest = trim(t.substr(t.find(w[1]) + w[1].size()));
    if (rest.empty()) return;
    const std::string_view delimiter = starts_with(rest, "^C") ? rest.substr(0, 2) : rest.substr(0, 1);
    if (rest.substr(delimiter.size()).find(delimiter) == std::string_view::npos)
      banner_end_ = std::string(delimiter);
  }

  void community(const Words& w, LineNo n) {
    SnmpCommunity s{std::string(w[2]), "RO", "", n};
    for (std::size_t i = 3; i < w.size(); ++i) {
      if (w[i] == "view" || w[i] == "ipv6") ++i;
      else if (w[i] == "RO" || w[i] == "RW" || w[i] == "ro" || w[i] == "rw") s.access = w[i] == "RW" || w[i] == "rw" ? "RW" : "RO";
      else s.acl = std::string(w[i]);
    }
    if (!s.acl.empty()) c_.acl_references.push_back({s.acl, "snmp-server community", n});
    c_.snmp_communities.push_back(std::move(s));
  }

  void snmp_group(const Words& w, LineNo n) {
    SnmpGroup g{std::string(w[2]), std::string(w[3]), "", n};
    if (w[3] == "v3" && w.size() >= 5) g.security = std::string(w[4]);
    c_.snmp_groups.push_back(std::move(g));
  }

  void snmp_user(const Words& w, LineNo n) {
    SnmpUser u{std::string(w[2]), std::string(w[3]), std::string(w[4]), false, false, n};
    u.auth = std::find(w.begin(), w.end(), "auth") != w.end();
    u.priv = std::find(w.begin(), w.end(), "priv") != w.end();
    c_.snmp_users.push_back(std::move(u));
  }

  void open_interface(const Words& w, LineNo n) {
    Interface i;
    i.name = joined(w, 1);
    i.line = n;
    c_.interfaces.push_back(std::move(i));
    block_ = Block::interface;
  }

  void interface_setting(std::string_view t, const Words& w, LineNo n) {
    Interface& i = c_.interfaces.back();
    if (t == "shutdown") i.shutdown = n;
    else if (w[0] == "description") i.description = Located{joined(w, 1), n};
    else if (starts_with(t, "ip address ")) i.ip_address = Located{joined(w, 2), n};
    else if (t == "no ip proxy-arp") i.no_proxy_arp = n;
    else if (eos_ && t == "ip proxy-arp") i.proxy_arp = n;
    else if (t == "ip directed-broadcast") i.directed_broadcast = n;
    else if (t == "no cdp enable") i.no_cdp_enable = n;
    else if (t == "no lldp transmit") i.no_lldp_transmit = n;
    else if (t == "ip nat outside") i.nat_outside = n;
    else if (starts_with(t, "ip access-group ") && w.size() >= 4) {
      i.access_groups.push_back({std::string(w[2]), std::string(w[3]), n});
      c_.acl_references.push_back({std::string(w[2]), "interface " + i.name, n});
    }
    if (std::any_of(std::begin(kInUse), std::end(kInUse),
                    [&](std::string_view p) { return starts_with(t, p); }))
      i.other_settings.push_back(n);
  }

  void open_line(const Words& w, LineNo n) {
    TerminalLine l;
    l.name = "line " + joined(w, 1);
    l.kind = w[1] == "console" ? "con" : std::string(w[1]);
    l.line = n;
    c_.lines.push_back(std::move(l));
    block_ = Block::line;
  }

  void line_setting(const Words& w, LineNo n) {
    TerminalLine& l = c_.lines.back();
    if (w.size() >= 3 && w[0] == "transport" && w[1] == "input") {
      l.transport_input = Located{joined(w, 2), n};
    } else if (w[0] == "access-class" && w.size() >= 3 && w[2] == "in") {
      l.access_class_in = Located{std::string(w[1]), n};
      c_.acl_references.push_back({std::string(w[1]), l.name, n});
    } else if (w[0] == "exec-timeout" && w.size() >= 2) {
      l.exec_timeout = Located{joined(w, 1), n};
    } else if (w[0] == "login") {
      l.login = Located{joined(w, 1), n};
    } else if (w[0] == "password" && w.size() >= 2) {
      l.password = stored_secret("password", w, 1, n);
    }
  }

  void logging(const Words& w, LineNo n) {
    if (w.size() >= 5 && w[1] == "vrf" && w[3] == "host") c_.logging_hosts.push_back({joined(w, 4), n});
    else if (w.size() >= 3 && w[1] == "host") c_.logging_hosts.push_back({joined(w, 2), n});
    else if (w.size() == 2 && parse_ipv4(w[1])) c_.logging_hosts.push_back({std::string(w[1]), n});
  }

  void ntp(const Words& w, LineNo n) {
    if (w.size() >= 3 && (w[1] == "server" || w[1] == "peer")) {
      std::size_t at = 2;
      if (w[at] == "vrf" && at + 2 < w.size()) at += 2;
      const bool keyed = std::find(w.begin() + static_cast<long>(at), w.end(), "key") != w.end();
      c_.ntp_servers.push_back({std::string(w[at]), keyed, n});
    } else if (w.size() >= 2 && w[1] == "authenticate") {  // EOS: `ntp authenticate servers`
      c_.ntp_authenticate = n;
    } else if (w.size() >= 3 && w[1] == "trusted-key") {
      c_.ntp_trusted_keys.push_back(n);
    } else if (w.size() >= 4 && w[1] == "access-group") {
      c_.acl_references.push_back({std::string(w.back()), "ntp access-group", n});
    }
  }

  void open_isakmp(const Words& w, LineNo n) {
    IsakmpPolicy p;
    p.number = std::string(w[3]);
    p.line = n;
    c_.isakmp_policies.push_back(std::move(p));
    block_ = Block::isakmp;
  }

  void isakmp_setting(const Words& w, LineNo n) {
    IsakmpPolicy& p = c_.isakmp_policies.back();
    if (w.size() < 2) return;
    if (w[0] == "encryption" || w[0] == "encr") p.encryption = Located{joined(w, 1), n};
    else if (w[0] == "hash") p.hash = Located{joined(w, 1), n};
    else if (w[0] == "group") p.group = Located{joined(w, 1), n};
  }

  void transform_set(const Words& w, LineNo n) {
    TransformSet s{std::string(w[3]), {}, n};  // crypto ipsec transform-set <name> <transforms>
    for (std::size_t i = 4; i < w.size(); ++i) s.transforms.emplace_back(w[i]);
    c_.transform_sets.push_back(std::move(s));
  }

  // The list's index; a name seen before continues its list, as IOS appends to it.
  std::size_t acl_named(std::string_view name, AclKind kind, bool numbered, LineNo n) {
    const auto it = std::find_if(c_.acls.begin(), c_.acls.end(),
                                 [&](const Acl& a) { return a.name == name; });
    if (it != c_.acls.end()) return static_cast<std::size_t>(it - c_.acls.begin());
    c_.acls.push_back(Acl{std::string(name), kind, numbered, false, n, {}});
    return c_.acls.size() - 1;
  }

  void numbered_acl(const Words& w, LineNo n) {
    const auto kind = numbered_kind(w[1]);
    if (!kind) return;
    Acl& acl = c_.acls[acl_named(w[1], *kind, true, n)];
    const std::string entry = joined(w, 2);
    if (auto e = parse_acl_entry(entry, acl.kind == AclKind::extended, n))
      acl.entries.push_back(std::move(*e));
  }

  void open_named_acl(const Words& w, LineNo n) {
    if (w[2] != "standard" && w[2] != "extended") return;
    acl_ = acl_named(w[3], w[2] == "standard" ? AclKind::standard : AclKind::extended, false, n);
    block_ = Block::acl;
  }

  // EOS's `ip access-list NAME`: an extended list.
  void open_eos_acl(const Words& w, LineNo n) {
    acl_ = acl_named(w[2], AclKind::extended, false, n);
    c_.acls[acl_].kind_implied = true;
    block_ = Block::acl;
  }

  IosConfig c_;
  Block block_ = Block::none;
  std::size_t acl_ = 0;  // the named list being read (Block::acl)
  std::string banner_end_;
  std::string_view last_;
  bool eos_ = false;
};

}  // namespace

IosConfig parse_ios(std::string_view text, Dialect dialect) {
  Parser parser(dialect);
  LineNo n = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    parser.line(text.substr(pos, end - pos), ++n);
    pos = end + 1;
  }
  parser.finish(n);
  return std::move(parser).take();
}

}  // namespace zt::netconfig
