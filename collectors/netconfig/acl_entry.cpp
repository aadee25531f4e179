#include "collectors/netconfig/acl_entry.hpp"

#include <algorithm>
#include <charconv>
#include <span>

#include "collectors/core/text.hpp"

namespace zt::netconfig {
namespace {

struct Named {
  std::string_view name;
  int value;
};

// IOS's keywords for protocols and ports (the ones `show running-config` writes).
constexpr Named kProtocols[] = {{"ip", kAnyProtocol}, {"icmp", 1}, {"igmp", 2}, {"ipinip", 4},
                                {"tcp", kTcp},        {"udp", kUdp}, {"gre", 47}, {"esp", 50},
                                {"ahp", 51},          {"eigrp", 88}, {"ospf", 89}, {"nos", 94},
                                {"pim", 103},         {"pcp", 108},  {"sctp", 132}};
constexpr Named kPorts[] = {
    {"echo", 7},          {"discard", 9},     {"daytime", 13},     {"chargen", 19},
    {"ftp-data", 20},     {"ftp", 21},        {"ssh", 22},         {"telnet", 23},
    {"smtp", 25},         {"time", 37},       {"nameserver", 42},  {"whois", 43},
    {"tacacs", 49},       {"domain", 53},     {"bootps", 67},      {"bootpc", 68},
    {"tftp", 69},         {"gopher", 70},     {"finger", 79},      {"www", 80},
    {"hostname", 101},    {"pop2", 109},      {"pop3", 110},       {"sunrpc", 111},
    {"ident", 113},       {"nntp", 119},      {"ntp", 123},        {"netbios-ns", 137},
    {"netbios-dgm", 138}, {"netbios-ss", 139}, {"snmp", 161},      {"snmptrap", 162},
    {"xdmcp", 177},       {"bgp", 179},       {"irc", 194},        {"dnsix", 195},
    {"mobile-ip", 434},   {"pim-auto-rp", 496}, {"isakmp", 500},   {"exec", 512},
    {"biff", 512},        {"login", 513},     {"who", 513},        {"cmd", 514},
    {"syslog", 514},      {"lpd", 515},       {"talk", 517},       {"rip", 520},
    {"uucp", 540},        {"klogin", 543},    {"kshell", 544},     {"drip", 3949},
    {"non500-isakmp", 4500}};

// Options that only add logging: they change nothing of what the entry matches.
constexpr std::string_view kNeutralOptions[] = {"log", "log-input"};

std::optional<int> number(std::string_view text, int max) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0 || value > max)
    return std::nullopt;
  return value;
}

std::optional<int> named(std::span<const Named> table, std::string_view text, int max) {
  if (auto n = number(text, max)) return n;
  for (const Named& entry : table)
    if (entry.name == text) return entry.value;
  return std::nullopt;
}

class Tokens {
 public:
  explicit Tokens(std::vector<std::string_view> tokens) : tokens_(std::move(tokens)) {}
  bool done() const { return at_ >= tokens_.size(); }
  std::string_view peek() const { return done() ? std::string_view() : tokens_[at_]; }
  std::string_view take() { return done() ? std::string_view() : tokens_[at_++]; }

 private:
  std::vector<std::string_view> tokens_;
  std::size_t at_ = 0;
};

// EOS's A/N: the first N bits of A.
std::optional<AddressMatch> prefix(std::string_view text) {
  const std::size_t slash = text.find('/');
  const auto a = parse_ipv4(text.substr(0, slash));
  const auto length = number(text.substr(slash + 1), 32);
  if (!a || !length) return std::nullopt;
  const std::uint32_t wildcard = *length == 0 ? 0xffffffffu : (1u << (32 - *length)) - 1u;
  return AddressMatch{*a & ~wildcard, wildcard};
}

// any | host A | A W (a standard list's A alone: W 0.0.0.0) | A/N (EOS).
std::optional<AddressMatch> address(Tokens& t, bool wildcard_optional) {
  const std::string_view first = t.take();
  if (first == "any") return AddressMatch{};
  if (first.find('/') != std::string_view::npos) return prefix(first);
  if (first == "host") {
    const auto a = parse_ipv4(t.take());
    if (!a) return std::nullopt;
    return AddressMatch{*a, 0};
  }
  const auto a = parse_ipv4(first);
  if (!a) return std::nullopt;
  if (const auto w = parse_ipv4(t.peek())) {
    t.take();
    return AddressMatch{*a & ~*w, *w};
  }
  if (!wildcard_optional) return std::nullopt;
  return AddressMatch{*a, 0};
}

std::optional<std::uint16_t> port(std::string_view text) {
  const auto p = named(kPorts, text, 65535);
  if (!p) return std::nullopt;
  return static_cast<std::uint16_t>(*p);
}

// eq P… | neq P | lt P | gt P | range P Q, when the next token is one of them. False when
// the operator is there but its ports are not understood.
bool ports(Tokens& t, std::vector<PortRange>& out) {
  const std::string_view op = t.peek();
  if (op != "eq" && op != "neq" && op != "lt" && op != "gt" && op != "range") return true;
  t.take();
  const auto first = port(t.take());
  if (!first) return false;
  if (op == "eq") {
    out.push_back({*first, *first});
    while (const auto more = port(t.peek())) {  // IOS-XE: `eq 80 443`
      t.take();
      out.push_back({*more, *more});
    }
  } else if (op == "neq") {
    if (*first > 0) out.push_back({0, static_cast<std::uint16_t>(*first - 1)});
    if (*first < 65535) out.push_back({static_cast<std::uint16_t>(*first + 1), 65535});
    if (out.empty()) return false;
  } else if (op == "lt") {
    if (*first == 0) return false;
    out.push_back({0, static_cast<std::uint16_t>(*first - 1)});
  } else if (op == "gt") {
    if (*first == 65535) return false;
    out.push_back({static_cast<std::uint16_t>(*first + 1), 65535});
  } else {
    const auto last = port(t.take());
    if (!last || *last < *first) return false;
    out.push_back({*first, *last});
  }
  return true;
}

bool parse_rest(Tokens& t, bool extended, AclEntry& e) {
  if (extended) {
    const auto protocol = named(kProtocols, t.take(), 255);
    if (!protocol) return false;
    e.protocol = *protocol;
  }
  const bool has_ports = e.protocol == kTcp || e.protocol == kUdp;
  const auto source = address(t, !extended);
  if (!source) return false;
  e.source = *source;
  if (!extended) return true;
  if (has_ports && !ports(t, e.source_ports)) return false;
  const auto destination = address(t, false);
  if (!destination) return false;
  e.destination = *destination;
  if (has_ports && !ports(t, e.destination_ports)) return false;
  return true;
}

}  // namespace

std::optional<std::uint32_t> parse_ipv4(std::string_view text) {
  std::uint32_t value = 0;
  int parts = 0;
  for (std::size_t start = 0; start <= text.size(); ++parts) {
    const std::size_t dot = std::min(text.find('.', start), text.size());
    const auto octet = number(text.substr(start, dot - start), 255);
    if (!octet || dot == start || parts == 4) return std::nullopt;
    value = (value << 8) | static_cast<std::uint32_t>(*octet);
    start = dot + 1;
  }
  if (parts != 4) return std::nullopt;
  return value;
}

std::optional<AclEntry> parse_acl_entry(std::string_view text, bool extended, LineNo line) {
  std::vector<std::string_view> words = collector::split_whitespace(text);
  if (!words.empty() && number(words.front(), 2147483647)) words.erase(words.begin());
  if (words.empty() || (words.front() != "permit" && words.front() != "deny"))
    return std::nullopt;
  AclEntry e;
  e.line = line;
  e.permit = words.front() == "permit";
  for (std::string_view w : words) e.text += (e.text.empty() ? "" : " ") + std::string(w);
  Tokens t(std::vector<std::string_view>(words.begin() + 1, words.end()));
  if (!parse_rest(t, extended, e)) {
    e.understood = false;
    return e;
  }
  while (!t.done()) {
    const std::string_view option = t.take();
    if (option == "established" && e.protocol == kTcp) {
      e.established = true;
    } else if (std::find(std::begin(kNeutralOptions), std::end(kNeutralOptions), option) ==
               std::end(kNeutralOptions)) {
      e.qualified = true;
    }
  }
  return e;
}

}  // namespace zt::netconfig
