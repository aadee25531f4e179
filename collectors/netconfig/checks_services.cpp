// Routing and services: source routing, proxy ARP, directed broadcasts, CDP/LLDP on external
// interfaces, unused interfaces left up, small servers, finger, BOOTP.
#include <algorithm>
#include <cctype>
#include <span>

#include "collectors/netconfig/checks.hpp"

namespace zt::netconfig {
namespace {

// Words of an interface's description that say it faces outside.
constexpr std::string_view kExternalWords[] = {"internet", "outside", "external", "wan",
                                               "isp",      "untrusted", "public"};
// Physical ports (subinterfaces, with a '.', are not).
constexpr std::string_view kPhysical[] = {"Ethernet", "FastEthernet", "GigabitEthernet",
                                          "TenGigabitEthernet", "TwentyFiveGigE",
                                          "FortyGigabitEthernet", "HundredGigE", "Serial"};

// Interfaces that never answer ARP.
constexpr std::string_view kNoArp[] = {"Loopback", "Tunnel", "Null"};

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool starts_with_any(std::string_view text, std::span<const std::string_view> prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(),
                     [&](std::string_view p) { return starts_with(text, p); });
}

}  // namespace

bool external_interface(const Interface& i) {
  if (i.nat_outside) return true;
  if (!i.description) return false;
  const std::string text = lower(i.description->value);
  std::string word;
  for (std::size_t at = 0; at <= text.size(); ++at) {
    if (at < text.size() && std::isalnum(static_cast<unsigned char>(text[at]))) {
      word += text[at];
      continue;
    }
    if (std::find(std::begin(kExternalWords), std::end(kExternalWords), word) !=
        std::end(kExternalWords))
      return true;
    word.clear();
  }
  return false;
}

namespace {

std::string component(const Interface& i) { return "interface " + i.name; }

void source_route(const CheckContext& c, std::vector<Issue>& out) {
  if (c.config.no_source_route) return;
  std::vector<LineNo> lines;
  if (c.config.source_route) lines.push_back(*c.config.source_route);
  out.push_back({"ios_ip_source_route", lines, std::string(kGlobal), "no 'no ip source-route'"});
}

void proxy_arp(const CheckContext& c, std::vector<Issue>& out) {
  for (const Interface& i : c.config.interfaces)
    if (i.ip_address && !i.shutdown && !i.no_proxy_arp && !starts_with_any(i.name, kNoArp))
      out.push_back({"ios_proxy_arp", {i.line, i.ip_address->line}, component(i),
                     "an addressed interface without 'no ip proxy-arp'"});
}

void directed_broadcast(const CheckContext& c, std::vector<Issue>& out) {
  for (const Interface& i : c.config.interfaces)
    if (i.directed_broadcast)
      out.push_back({"ios_directed_broadcast", {i.line, *i.directed_broadcast}, component(i),
                     "ip directed-broadcast"});
}

void cdp_lldp_external(const CheckContext& c, std::vector<Issue>& out) {
  for (const Interface& i : c.config.interfaces) {
    if (i.shutdown || !external_interface(i)) continue;
    std::string protocols;
    if (!c.config.no_cdp_run && !i.no_cdp_enable) protocols = "CDP";
    if (c.config.lldp_run && !i.no_lldp_transmit) protocols += protocols.empty() ? "LLDP" : " and LLDP";
    if (protocols.empty()) continue;
    std::vector<LineNo> lines{i.line};
    if (i.nat_outside) lines.push_back(*i.nat_outside);
    else lines.push_back(i.description->line);
    out.push_back({"ios_cdp_lldp_external", lines, component(i), protocols + " on an external interface"});
  }
}

void unused_interface_up(const CheckContext& c, std::vector<Issue>& out) {
  for (const Interface& i : c.config.interfaces) {
    const bool physical = i.name.find('.') == std::string::npos && starts_with_any(i.name, kPhysical);
    if (physical && !i.shutdown && !i.description && i.other_settings.empty())
      out.push_back({"ios_unused_interface_up", {i.line}, component(i),
                     "no address, description or switching role, and not shut down"});
  }
}

void small_servers(const CheckContext& c, std::vector<Issue>& out) {
  if (!c.config.small_servers.empty())
    out.push_back({"ios_small_servers", c.config.small_servers, std::string(kGlobal), "small servers on"});
}

void finger(const CheckContext& c, std::vector<Issue>& out) {
  if (!c.config.finger.empty())
    out.push_back({"ios_finger", c.config.finger, std::string(kGlobal), "finger on"});
}

void bootp_server(const CheckContext& c, std::vector<Issue>& out) {
  if (c.config.no_bootp_server) return;
  std::vector<LineNo> lines;
  if (c.config.bootp_server) lines.push_back(*c.config.bootp_server);
  out.push_back({"ios_bootp_server", lines, std::string(kGlobal), "no 'no ip bootp server'"});
}

constexpr Check kChecks[] = {
    {"ios_ip_source_route", &source_route},
    {"ios_proxy_arp", &proxy_arp},
    {"ios_directed_broadcast", &directed_broadcast},
    {"ios_cdp_lldp_external", &cdp_lldp_external},
    {"ios_unused_interface_up", &unused_interface_up},
    {"ios_small_servers", &small_servers},
    {"ios_finger", &finger},
    {"ios_bootp_server", &bootp_server},
};

}  // namespace

std::span<const Check> service_checks() { return kChecks; }

}  // namespace zt::netconfig
