#pragma once
// The engine's HTTP API, behind an interface so the collector can be run on recorded answers.
// The collector only ever GETs (it never changes anything on the engine). An answer that is
// not HTTP, too slow or too large is an error naming the path; an HTTP error status is an
// answer (the caller decides). Not thread-safe: one client per collect() run.
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "schema-client/model/result.hpp"

namespace zt::container {

struct ApiAnswer {
  long status = 0;
  std::string body;
};

class EngineClient {
 public:
  virtual ~EngineClient() = default;
  // `path` is the request target: "/version", "/containers/json?all=1".
  virtual model::Result<ApiAnswer> get(std::string_view path) = 0;
};

struct ClientSettings {
  std::filesystem::path socket;             // where the socket is on this machine (HostFs::resolve)
  std::string label;                        // how messages name it: its host path
  std::chrono::milliseconds timeout{3000};  // per call, connection included
  std::size_t max_body_bytes = std::size_t{8} << 20;
};

// HTTP/1.1 over the unix socket, with libcurl (engine_client_curl.cpp).
std::unique_ptr<EngineClient> make_socket_client(const ClientSettings& settings);

}  // namespace zt::container
