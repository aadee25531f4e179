#include "collectors/network/first_message.hpp"

#include <algorithm>
#include <cctype>

#include "collectors/core/text.hpp"

namespace zt::network {
namespace {

constexpr std::size_t kMaxVersion = 100;

struct ServiceApproach {
  std::string_view service;
  Approach approach;
};

// Services named by service_catalog.cpp's tables; the rest are Opening::unknown.
constexpr ServiceApproach kApproaches[] = {
    {"ssh", {Opening::greeting}},
    {"ftp", {Opening::greeting}},
    {"smtp", {Opening::greeting}},
    {"submission", {Opening::greeting}},
    {"pop3", {Opening::greeting}},
    {"imap", {Opening::greeting}},
    {"mysql", {Opening::greeting}},
    {"vnc", {Opening::greeting}},
    {"telnet", {Opening::greeting}},
    {"http", {Opening::ask, Ask::http_head}},
    {"http-alt", {Opening::ask, Ask::http_head}},
    {"redis", {Opening::ask, Ask::redis_ping}},
    {"memcached", {Opening::ask, Ask::memcached_version}},
    {"https", {Opening::tls}},
    {"https-alt", {Opening::tls}},
    {"smtps", {Opening::tls}},
    {"imaps", {Opening::tls}},
    {"pop3s", {Opening::tls}},
    {"ldaps", {Opening::tls}},
    {"docker-tls", {Opening::tls}},
    {"kubelet", {Opening::tls}},
    {"postgresql", {Opening::postgres}},
};

std::string_view first_line(std::string_view bytes) {
  return bytes.substr(0, std::min(bytes.find_first_of("\r\n"), bytes.size()));
}

bool printable(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7f; });
}

// A version as evidence: printable ASCII, at most kMaxVersion characters; "" otherwise.
std::string version_text(std::string_view text) {
  text = collector::trim(text);
  if (text.size() > kMaxVersion || !printable(text)) return {};
  return std::string(text);
}

bool istarts_with(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) ==
                  std::tolower(static_cast<unsigned char>(b));
         });
}

// "HTTP/1.1 200 OK": the version digits and a three-digit status.
bool http_status_line(std::string_view line) {
  if (!line.starts_with("HTTP/") || line.size() < 12) return false;
  const std::string_view status = line.substr(line.find(' ') + 1);
  return line.find(' ') == 8 && status.size() >= 3 &&
         std::all_of(status.begin(), status.begin() + 3,
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

std::optional<BannerInfo> parse_http(std::string_view bytes) {
  if (!http_status_line(first_line(bytes))) return std::nullopt;
  BannerInfo info{"http", ""};
  const std::size_t end = std::min(bytes.find("\r\n\r\n"), bytes.size());
  for (std::string_view line : collector::split_lines(bytes.substr(0, end))) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (istarts_with(line, "Server:")) {
      info.version = version_text(line.substr(7));
      break;
    }
  }
  return info;
}

std::optional<BannerInfo> parse_redis(std::string_view bytes) {
  const std::string_view line = first_line(bytes);
  if (line == "+PONG") return BannerInfo{"redis", ""};
  // A RESP error: '-', an upper-case code ("NOAUTH", "DENIED", "ERR"), a space.
  const std::size_t space = line.find(' ');
  if (line.size() < 3 || line.front() != '-' || space == std::string_view::npos || space < 2)
    return std::nullopt;
  const std::string_view code = line.substr(1, space - 1);
  if (!std::all_of(code.begin(), code.end(),
                   [](char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; }))
    return std::nullopt;
  return BannerInfo{"redis", ""};
}

std::optional<BannerInfo> parse_memcached(std::string_view bytes) {
  const std::string_view line = first_line(bytes);
  if (!line.starts_with("VERSION ")) return std::nullopt;
  return BannerInfo{"memcached", version_text(line.substr(8))};
}

}  // namespace

Approach approach_for(std::string_view service) {
  for (const ServiceApproach& a : kApproaches)
    if (a.service == service) return a.approach;
  return {};
}

std::string_view ask_bytes(Ask ask) {
  switch (ask) {
    case Ask::http_head: return "HEAD / HTTP/1.0\r\n\r\n";
    case Ask::redis_ping: return "PING\r\n";
    case Ask::memcached_version: return "version\r\n";
    case Ask::nothing: break;
  }
  return "";
}

std::string_view to_string(Ask ask) {
  switch (ask) {
    case Ask::http_head: return "http_head";
    case Ask::redis_ping: return "redis_ping";
    case Ask::memcached_version: return "memcached_version";
    case Ask::nothing: break;
  }
  return "nothing";
}

bool reply_complete(Ask ask, std::string_view bytes) {
  switch (ask) {
    case Ask::http_head:
      return bytes.find("\r\n\r\n") != std::string_view::npos ||
             bytes.find("\n\n") != std::string_view::npos;
    case Ask::redis_ping:
    case Ask::memcached_version: return bytes.find('\n') != std::string_view::npos;
    case Ask::nothing: break;
  }
  return bytes.find('\n') != std::string_view::npos || parse_banner(bytes).has_value();
}

std::optional<BannerInfo> parse_answer(Ask ask, std::string_view bytes) {
  switch (ask) {
    case Ask::http_head: return parse_http(bytes);
    case Ask::redis_ping: return parse_redis(bytes);
    case Ask::memcached_version: return parse_memcached(bytes);
    case Ask::nothing: break;
  }
  return std::nullopt;
}

}  // namespace zt::network
