#pragma once
// IngestClient: the agent's HTTP(S) client for the ingest (ingest/routes.hpp), on libcurl.
// One curl handle, reused, so successive requests share a connection (keep-alive).
//
// What it enforces, so no caller has to remember:
// - https, with the server's certificate and host name verified (the system's CAs, or
//   `ca_file`), TLS 1.2 or later; an http:// url only when `allow_insecure_http` is set;
//   no other scheme, no user or password in the url, no redirects followed (a 3xx comes back
//   as an answer, and classify() retries it).
// - Proxy: `proxy` when set, else libcurl's usual environment variables (https_proxy,
//   HTTPS_PROXY, http_proxy, ALL_PROXY); `no_proxy` when set, else NO_PROXY / no_proxy.
//   Set no_proxy = "*" to go direct whatever the environment says.
// - Connect and total timeouts on every request; an answer body is capped; a request can be
//   aborted from another thread (ClientOptions::abort).
//
// Errors: create() refuses bad options with an Error naming the option. post_json() cannot
// fail as a call: everything that happens is an HttpAnswer, status 0 (and `error`) when no
// HTTP answer arrived (name resolution, connect, proxy, TLS, timeout, an oversized answer).
// classify() (upload_outcome.hpp) turns an answer into done, retry later or give up.
//
// Secrets: the api key travels in the Authorization header and nowhere else; it never appears
// in `error`, and libcurl's verbose output is never on.
// Threads: one IngestClient belongs to one thread at a time. create() may run on any thread.
#include <atomic>
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "schema-client/model/result.hpp"

namespace zt::transport {

// The ingest's routes (ingest/routes.hpp), relative to ClientOptions::base_url.
inline constexpr std::string_view kEnrollPath = "/api/v1/enroll";
inline constexpr std::string_view kHeartbeatPath = "/api/v1/heartbeat";
inline constexpr std::string_view kBatchesPath = "/api/v1/batches";

struct ClientOptions {
  std::string base_url;           // https://host[:port][/prefix] (server.url)
  std::filesystem::path ca_file;  // PEM bundle to verify the server; "" = the system's CAs
  // PEM client certificate and its key (mutual TLS): both or neither.
  std::filesystem::path client_certificate, client_key;
  std::string proxy;  // "http://proxy:3128", "socks5h://…"; "" = the environment's
  std::optional<std::string> no_proxy;  // "host,.domain", "*" = never; nullopt = environment's
  bool allow_insecure_http = false;
  std::chrono::milliseconds connect_timeout{10000};
  std::chrono::milliseconds total_timeout{60000};  // the whole request, upload included
  std::string user_agent = "zerotrace-agent";
  std::size_t max_answer_bytes = 1024 * 1024;  // the ingest's answers are small JSON
  // When set: once it holds true, a request in progress ends within about a second (libcurl's
  // progress callback) and new ones end at once, with status 0 and an error that says so. For
  // a stop that must not wait for total_timeout. Read from the thread doing the request.
  std::shared_ptr<const std::atomic<bool>> abort;
};

// identity: sent as is; gzip: compressed here; gzip_encoded: already gzip (a spooled body),
// sent as is. Both gzip forms go with `Content-Encoding: gzip`.
enum class BodyEncoding { identity, gzip, gzip_encoded };

struct HttpAnswer {
  long status = 0;  // 0 = no HTTP answer; `error` says why
  std::string body;
  std::optional<std::chrono::seconds> retry_after;  // Retry-After (seconds or HTTP date)
  std::string error;                                // "POST URL: what went wrong" when status is 0
};

class IngestClient {
 public:
  // Errors: "server.url: …" (empty, unparsable, not http(s), http without
  // allow_insecure_http, user info, query or fragment), "ca_file: cannot read …",
  // "client_certificate and client_key go together", timeouts not positive.
  static model::Result<std::unique_ptr<IngestClient>> create(ClientOptions options);
  ~IngestClient();
  IngestClient(const IngestClient&) = delete;
  IngestClient& operator=(const IngestClient&) = delete;

  // POSTs `body` (JSON) to base_url + path, with `Authorization: Bearer api_key` unless
  // api_key is empty. See BodyEncoding for how the body travels.
  HttpAnswer post_json(std::string_view path, std::string_view body, std::string_view api_key,
                       BodyEncoding encoding = BodyEncoding::identity);

  // The normalised base url (no trailing slash), for log lines.
  const std::string& base_url() const;

 private:
  struct Impl;
  explicit IngestClient(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace zt::transport
