#include "collectors/netconfig/asa_parser.hpp"

#include <algorithm>

#include "collectors/core/text.hpp"

namespace zt::netconfig {
namespace {

using Words = std::vector<std::string_view>;

bool is_any(std::string_view w) { return w == "any" || w == "any4" || w == "any6"; }

// `<address> <mask> <interface>` after the command's name.
std::optional<AsaManagementAccess> access_of(const Words& w, LineNo line) {
  if (w.size() != 4) return std::nullopt;  // `telnet timeout 5`, `http server enable`
  return AsaManagementAccess{std::string(w[1]), std::string(w[2]), std::string(w[3]), line};
}

// `access-list NAME [line N] extended permit ip any any …`.
bool permits_any_any(const Words& w) {
  std::size_t i = 2;
  if (i + 1 < w.size() && w[i] == "line") i += 2;
  if (i < w.size() && w[i] == "extended") ++i;
  return i + 3 < w.size() && w[i] == "permit" && w[i + 1] == "ip" && is_any(w[i + 2]) &&
         is_any(w[i + 3]);
}

void read_password(const Words& w, std::string owner, std::size_t value_at, LineNo line,
                   AsaConfig& c) {
  if (value_at >= w.size()) return;
  const bool hashed = std::any_of(w.begin() + static_cast<std::ptrdiff_t>(value_at) + 1, w.end(),
                                  [](std::string_view x) { return x == "encrypted" || x == "pbkdf2"; });
  c.passwords.push_back({std::move(owner), std::string(w[value_at]), hashed, line});
}

void read_line(std::string_view text, LineNo line, AsaConfig& c) {
  if (text.empty() || text.front() == ' ' || text.front() == '\t') return;
  const Words w = collector::split_whitespace(text);
  if (w.empty()) return;
  const auto is = [&](std::initializer_list<std::string_view> words) {
    return w.size() >= words.size() && std::equal(words.begin(), words.end(), w.begin());
  };
  if (is({"hostname"}) && w.size() >= 2) c.hostname = Located{std::string(w[1]), line};
  else if (is({"enable", "password"})) read_password(w, "enable password", 2, line, c);
  else if (is({"passwd"})) read_password(w, "passwd", 1, line, c);
  else if (is({"username"}) && w.size() >= 4 && w[2] == "password")
    read_password(w, "username " + std::string(w[1]), 3, line, c);
  else if (is({"telnet"})) {
    if (auto a = access_of(w, line)) c.telnet.push_back(*a);
  } else if (is({"http", "server", "enable"})) c.http_server_enable = line;
  else if (is({"http"})) {
    if (auto a = access_of(w, line)) c.http.push_back(*a);
  } else if (is({"ssh", "version"}) && w.size() >= 3) c.ssh_versions.push_back({std::string(w[2]), line});
  else if (is({"snmp-server", "community"}) && w.size() >= 3)
    c.snmp_communities.push_back({std::string(w[2]), line});
  else if (is({"logging", "enable"})) c.logging_enable = line;
  else if (is({"no", "logging", "enable"})) c.no_logging_enable = line;
  else if (is({"access-list"}) && w.size() >= 2 && permits_any_any(w))
    c.permit_any_any.push_back({std::string(w[1]), std::string(w[2]), line});
}

}  // namespace

AsaConfig parse_asa(std::string_view text) {
  AsaConfig config;
  LineNo number = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = end + 1;
    read_line(line, ++number, config);
  }
  config.line_count = number;
  return config;
}

}  // namespace zt::netconfig
