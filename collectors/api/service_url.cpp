#include "collectors/api/service_url.hpp"

#include "collectors/core/text.hpp"

namespace zt::api {

std::optional<ServiceUrl> parse_service_url(std::string_view text, std::uint16_t default_port) {
  text = collector::trim(text);
  ServiceUrl url;
  url.text = std::string(text);
  const std::size_t sep = text.find("://");
  if (sep == std::string_view::npos || sep == 0) return std::nullopt;
  url.scheme = std::string(text.substr(0, sep));
  std::string_view rest = text.substr(sep + 3);
  rest = rest.substr(0, rest.find('/'));
  std::string_view port;
  if (rest.starts_with("[")) {
    const std::size_t close = rest.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    url.host = std::string(rest.substr(1, close - 1));
    if (rest.size() > close + 1) {
      if (rest[close + 1] != ':') return std::nullopt;
      port = rest.substr(close + 2);
    }
  } else {
    const std::size_t colon = rest.rfind(':');
    url.host = std::string(rest.substr(0, colon));
    if (colon != std::string_view::npos) port = rest.substr(colon + 1);
  }
  url.port = default_port;
  if (!port.empty()) {
    unsigned value = 0;
    for (const char c : port) {
      if (c < '0' || c > '9' || (value = value * 10 + static_cast<unsigned>(c - '0')) > 65535)
        return std::nullopt;
    }
    url.port = static_cast<std::uint16_t>(value);
  }
  return url;
}

std::vector<ServiceUrl> parse_service_urls(std::string_view list, std::uint16_t default_port) {
  std::vector<ServiceUrl> out;
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    if (auto url = parse_service_url(list.substr(0, comma), default_port))
      out.push_back(std::move(*url));
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return out;
}

}  // namespace zt::api
