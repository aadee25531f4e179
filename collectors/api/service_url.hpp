#pragma once
// A service URL as etcd's --listen-client-urls gives them ("http://0.0.0.0:2379",
// "https://[::1]:2379", "unix://…"): scheme, host and port. Pure.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zt::api {

struct ServiceUrl {
  std::string text;    // as written
  std::string scheme;  // "http", "https", "unix", …
  std::string host;    // without brackets: "::1"
  std::uint16_t port = 0;
};

// Nothing when `text` has no "scheme://host[:port]" shape or a bad port; a missing port is
// `default_port`.
std::optional<ServiceUrl> parse_service_url(std::string_view text, std::uint16_t default_port);

// Each URL of a comma-separated list; unparsable ones are left out.
std::vector<ServiceUrl> parse_service_urls(std::string_view list, std::uint16_t default_port);

}  // namespace zt::api
