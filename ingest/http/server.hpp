#pragma once
// HttpServer: the ingest's HTTP(S) front door. It accepts connections, reads each request
// under a deadline and a size limit, decodes a gzip body, and hands a finished Request to the
// Handler on a worker thread; the Response goes back on the connection. It refuses on its own,
// with a JSON error (see error_response), what it must not pass on: a body too large (413),
// an unknown Content-Encoding (415), a slow or broken request (408, 400), one connection over
// the cap (503 with Retry-After). Every request is recorded in Metrics.
//
// Threads: `io_threads` run the network; `worker_threads` run the handler, which may block
// (it talks to the database). start() returns once the port is bound and listening.
// stop() may be called from any thread but a handler's, and the Metrics must outlive the
// server.
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/http/request.hpp"
#include "ingest/metrics.hpp"
#include "schema-client/model/result.hpp"

namespace zt::ingest {

struct ServerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 0;  // 0 = pick a free one; port() tells which
  bool tls = true;
  std::filesystem::path certificate_file, key_file;  // PEM; the certificate file may hold a chain
  std::size_t max_body_bytes = 8 * 1024 * 1024;            // as sent, before decompression
  std::size_t max_decompressed_bytes = 64 * 1024 * 1024;   // after gunzip
  std::chrono::seconds header_timeout{10}, body_timeout{60}, idle_timeout{60};
  std::size_t max_connections = 256;
  std::size_t io_threads = 1;
  std::size_t worker_threads = 4;
  // Metrics route labels (any other path is "other"), and what the server's own refusals on
  // each carry (request.hpp).
  std::vector<KnownRoute> known_routes;
};

class HttpServer {
 public:
  // Binds, listens and starts the threads. Errors: "cannot bind ADDRESS:PORT: reason",
  // "cannot read certificate FILE: reason", "cannot read key FILE: reason", …
  static model::Result<std::unique_ptr<HttpServer>> start(ServerOptions options, Handler handler,
                                                          Metrics& metrics);
  ~HttpServer();  // stop()
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  unsigned short port() const;

  // Closes the listener and idle connections, lets requests in progress finish (a few
  // seconds at most), then joins all threads. Idempotent.
  void stop();

 private:
  struct Impl;
  explicit HttpServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace zt::ingest
