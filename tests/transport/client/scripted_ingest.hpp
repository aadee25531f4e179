#pragma once
// A real ingest::HttpServer on loopback (a free port, plain or TLS) whose handler is a script:
// each test says how to answer, and every request the server handed over is recorded for the
// test to inspect. Plus a port that nothing listens on.
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "ingest/http/server.hpp"
#include "ingest/metrics.hpp"
#include "tests/support/loopback.hpp"
#include "tests/support/tls_files.hpp"
#include "transport/http_client.hpp"

namespace zt::test {

class ScriptedIngest {
 public:
  using Script = std::function<ingest::Response(const ingest::Request&)>;

  // Plain HTTP unless `tls` is given; `tune` adjusts the server's options (limits).
  explicit ScriptedIngest(Script script, const TlsFiles* tls = nullptr,
                          const std::function<void(ingest::ServerOptions&)>& tune = {})
      : script_(std::move(script)), tls_(tls != nullptr) {
    ingest::ServerOptions options;
    options.tls = tls_;
    if (tls) {
      options.certificate_file = tls->certificate();
      options.key_file = tls->key();
    }
    options.header_timeout = options.body_timeout = options.idle_timeout = std::chrono::seconds(5);
    options.io_threads = 1;
    options.worker_threads = 2;
    if (tune) tune(options);
    auto handler = [this](const ingest::Request& request) {
      {
        std::lock_guard lock(mutex_);
        requests_.push_back(request);
      }
      return script_(request);
    };
    auto started = ingest::HttpServer::start(std::move(options), handler, metrics_);
    if (!started) FAIL("server did not start: " << started.error().message);
    server_ = std::move(started).value();
  }
  ~ScriptedIngest() { server_->stop(); }

  std::string url() const {
    return std::string(tls_ ? "https" : "http") + "://127.0.0.1:" + std::to_string(server_->port());
  }

  transport::ClientOptions client_options() const {
    transport::ClientOptions options;
    options.base_url = url();
    options.allow_insecure_http = !tls_;
    options.no_proxy = "*";  // whatever proxy the test machine's environment names
    options.connect_timeout = std::chrono::milliseconds(2000);
    options.total_timeout = std::chrono::milliseconds(5000);
    return options;
  }

  std::vector<ingest::Request> requests() const {
    std::lock_guard lock(mutex_);
    return requests_;
  }

 private:
  Script script_;
  bool tls_;
  mutable std::mutex mutex_;
  std::vector<ingest::Request> requests_;
  ingest::Metrics metrics_;  // before server_: it must outlive the server
  std::unique_ptr<ingest::HttpServer> server_;
};

inline ingest::Response json_answer(unsigned status, std::string body,
                                    std::optional<std::chrono::seconds> retry_after = {}) {
  ingest::Response response;
  response.status = status;
  response.body = std::move(body);
  response.retry_after = retry_after;
  return response;
}

inline std::unique_ptr<transport::IngestClient> make_client(transport::ClientOptions options) {
  auto created = transport::IngestClient::create(std::move(options));
  if (!created) FAIL("client not created: " << created.error().message);
  return std::move(created).value();
}

}  // namespace zt::test
