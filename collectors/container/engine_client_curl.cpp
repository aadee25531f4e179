// EngineClient on libcurl: plain HTTP over a unix socket (CURLOPT_UNIX_SOCKET_PATH), one easy
// handle per client so the calls of one run share the connection.
#include <curl/curl.h>

#include <mutex>

#include "collectors/container/engine_client.hpp"

namespace zt::container {
namespace {

struct Sink {
  std::string body;
  std::size_t cap = 0;
  bool overflow = false;
};

std::size_t on_data(char* data, std::size_t size, std::size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const std::size_t bytes = size * count;
  if (sink->body.size() + bytes > sink->cap) {
    sink->overflow = true;
    return 0;  // makes curl stop with CURLE_WRITE_ERROR
  }
  sink->body.append(data, bytes);
  return bytes;
}

class CurlClient final : public EngineClient {
 public:
  explicit CurlClient(ClientSettings settings) : settings_(std::move(settings)) {
    // curl_global_init is not thread-safe on every libcurl; once per process is enough.
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    handle_ = curl_easy_init();
  }
  ~CurlClient() override {
    if (handle_) curl_easy_cleanup(handle_);
  }
  CurlClient(const CurlClient&) = delete;
  CurlClient& operator=(const CurlClient&) = delete;

  model::Result<ApiAnswer> get(std::string_view path) override {
    const std::string where = "GET " + std::string(path) + " on " + settings_.label;
    if (!handle_) return model::Error{where + ": cannot make a curl handle"};
    Sink sink;
    sink.cap = settings_.max_body_bytes;
    // The host name is not used over a unix socket; "localhost" keeps the Host header valid.
    const std::string url = "http://localhost" + std::string(path);
    const long timeout = static_cast<long>(settings_.timeout.count());
    CURL* h = handle_;
    curl_easy_setopt(h, CURLOPT_UNIX_SOCKET_PATH, settings_.socket.c_str());
    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, timeout);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, timeout);
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &on_data);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &sink);
    const CURLcode code = curl_easy_perform(h);
    if (sink.overflow)
      return model::Error{where + ": answer larger than " +
                          std::to_string(settings_.max_body_bytes) + " bytes"};
    if (code != CURLE_OK) return model::Error{where + ": " + curl_easy_strerror(code)};
    ApiAnswer answer;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &answer.status);
    answer.body = std::move(sink.body);
    return answer;
  }

 private:
  ClientSettings settings_;
  CURL* handle_ = nullptr;
};

}  // namespace

std::unique_ptr<EngineClient> make_socket_client(const ClientSettings& settings) {
  return std::make_unique<CurlClient>(settings);
}

}  // namespace zt::container
