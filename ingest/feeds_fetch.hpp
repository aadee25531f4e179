#pragma once
// Downloads one feed file given as an https:// URL into a local file, for `feeds import`.
// HTTPS only, redirects too; the server's certificate is verified (against `ca_file`, else
// the system's CA store); a body past `max_bytes` or a transfer past `timeout` is an error.
// Errors name the URL without its user information and query, which may hold credentials.
// Nothing is logged. Threads: one call at a time per thread; libcurl is initialised on first
// use.
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "schema-client/model/result.hpp"

namespace zt::ingest {

// The largest feed file `feeds import` reads or downloads: NVD's and Debian's whole feeds are a
// few hundred MB.
inline constexpr std::size_t kMaxFeedFileBytes = std::size_t{1} << 30;

struct FetchOptions {
  std::string ca_file;  // PEM; empty: the system's CA store
  std::size_t max_bytes = kMaxFeedFileBytes;
  std::chrono::seconds connect_timeout{30};
  std::chrono::seconds timeout{std::chrono::minutes(30)};
};

bool is_https_url(std::string_view text);

// "https://host/path" of `url`: no "user:password@", no "?query" or "#fragment".
std::string displayed_url(std::string_view url);

// Writes the body to `to` (created or truncated); on an error `to` may hold part of it.
model::Status fetch_https(const std::string& url, const std::filesystem::path& to,
                          const FetchOptions& options);

}  // namespace zt::ingest
