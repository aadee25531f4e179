#include "transport/http_client.hpp"

#include <curl/curl.h>

#include <array>
#include <mutex>
#include <utility>

#include "schema-client/base/gzip.hpp"
#include "transport/client_options_check.hpp"

namespace zt::transport {
namespace {

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct CurlDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
  void operator()(CURLU* url) const { curl_url_cleanup(url); }
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
template <typename T>
using CurlPtr = std::unique_ptr<T, CurlDeleter>;

// One URL part, or nullopt when the url does not have it.
std::optional<std::string> url_part(CURLU* url, CURLUPart part) {
  char* text = nullptr;
  if (curl_url_get(url, part, &text, 0) != CURLUE_OK || text == nullptr) return std::nullopt;
  std::string value(text);
  curl_free(text);
  return value;
}

std::string lower(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

// The base url, checked and normalised (no trailing slash). Messages never quote the url:
// a malformed one may still hold a password.
model::Result<std::string> check_base_url(const std::string& text, bool allow_insecure_http) {
  if (text.empty()) return model::Error{"server.url: not set"};
  if (text.find("://") == std::string::npos)
    return model::Error{"server.url: must start with https:// (no scheme given)"};
  CurlPtr<CURLU> url(curl_url());
  if (!url) return model::Error{"server.url: out of memory"};
  if (const CURLUcode rc =
          curl_url_set(url.get(), CURLUPART_URL, text.c_str(), CURLU_NON_SUPPORT_SCHEME);
      rc != CURLUE_OK)
    return model::Error{std::string("server.url: not a valid url (") + curl_url_strerror(rc) + ")"};
  const std::string scheme = lower(url_part(url.get(), CURLUPART_SCHEME).value_or(""));
  if (scheme == "http" && !allow_insecure_http)
    return model::Error{
        "server.url: http:// sends the api key and the findings in clear text; use https://, "
        "or set server.allow_insecure_http: true to allow it (for tests only)"};
  if (scheme != "https" && scheme != "http")
    return model::Error{"server.url: scheme \"" + scheme + "\" is not supported; use https://"};
  if (url_part(url.get(), CURLUPART_USER) || url_part(url.get(), CURLUPART_PASSWORD))
    return model::Error{
        "server.url: must not hold a user or password; the agent authenticates with its api "
        "key"};
  if (url_part(url.get(), CURLUPART_QUERY) || url_part(url.get(), CURLUPART_FRAGMENT))
    return model::Error{"server.url: must not have a query (?…) or fragment (#…)"};
  if (url_part(url.get(), CURLUPART_HOST).value_or("").empty())
    return model::Error{"server.url: no host"};
  std::string normal = url_part(url.get(), CURLUPART_URL).value_or(text);
  while (!normal.empty() && normal.back() == '/') normal.pop_back();
  return normal;
}

long as_long(std::chrono::milliseconds value) { return static_cast<long>(value.count()); }

// What the answer body goes into: capped, so a misbehaving server cannot fill memory.
struct Sink {
  std::string* body = nullptr;
  std::size_t limit = 0;
  bool overflowed = false;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto& sink = *static_cast<Sink*>(user);
  const std::size_t bytes = size * count;
  if (sink.body->size() + bytes > sink.limit) {
    sink.overflowed = true;
    return 0;  // makes libcurl stop with CURLE_WRITE_ERROR
  }
  sink.body->append(data, bytes);
  return bytes;
}

// libcurl calls it often during a transfer (and about once a second while it waits); a
// non-zero return ends the transfer with CURLE_ABORTED_BY_CALLBACK.
int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  const auto* abort = static_cast<const std::atomic<bool>*>(user);
  return abort != nullptr && abort->load() ? 1 : 0;
}

bool is_tls_verification(CURLcode rc) {
  return rc == CURLE_PEER_FAILED_VERIFICATION || rc == CURLE_SSL_CACERT_BADFILE ||
         rc == CURLE_SSL_ISSUER_ERROR || rc == CURLE_SSL_PINNEDPUBKEYNOTMATCH;
}

}  // namespace

struct IngestClient::Impl {
  ClientOptions options;
  std::string base_url;
  CurlPtr<CURL> curl;
  std::array<char, CURL_ERROR_SIZE> error_buffer{};

  void set_fixed_options() {
    CURL* c = curl.get();
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error_buffer.data());
    const char* protocols = options.allow_insecure_http ? "http,https" : "https";
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, protocols);
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, protocols);
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(c, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
    if (!options.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, options.ca_file.c_str());
    if (!options.client_certificate.empty()) {
      curl_easy_setopt(c, CURLOPT_SSLCERT, options.client_certificate.c_str());
      curl_easy_setopt(c, CURLOPT_SSLCERTTYPE, "PEM");
      curl_easy_setopt(c, CURLOPT_SSLKEY, options.client_key.c_str());
      curl_easy_setopt(c, CURLOPT_SSLKEYTYPE, "PEM");
    }
    // Unset, libcurl reads the proxy environment variables itself.
    if (!options.proxy.empty()) curl_easy_setopt(c, CURLOPT_PROXY, options.proxy.c_str());
    if (options.no_proxy) curl_easy_setopt(c, CURLOPT_NOPROXY, options.no_proxy->c_str());
    // Our headers (Authorization) go to the server only, never to a proxy.
    curl_easy_setopt(c, CURLOPT_HEADEROPT, static_cast<long>(CURLHEADER_SEPARATE));
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, as_long(options.connect_timeout));
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, as_long(options.total_timeout));
    curl_easy_setopt(c, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(c, CURLOPT_USERAGENT, options.user_agent.c_str());
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    if (options.abort) {
      curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
      curl_easy_setopt(c, CURLOPT_XFERINFODATA, options.abort.get());
      curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    }
  }

  std::string describe_failure(CURLcode rc, const Sink& sink, std::string_view url) const {
    std::string what = error_buffer[0] != '\0' ? std::string(error_buffer.data())
                                               : std::string(curl_easy_strerror(rc));
    if (sink.overflowed)
      what = "the answer is larger than " + std::to_string(sink.limit) + " bytes";
    else if (rc == CURLE_ABORTED_BY_CALLBACK)
      what = "aborted: the agent is stopping";
    else if (is_tls_verification(rc))
      what = "the server's TLS certificate could not be verified (" + what + "); " +
             (options.ca_file.empty()
                  ? "set ca_file to the CA that issued it"
                  : "is ca_file " + options.ca_file.string() + " the CA that issued it?");
    else if (!options.proxy.empty() &&
             (rc == CURLE_COULDNT_CONNECT || rc == CURLE_COULDNT_RESOLVE_PROXY ||
              rc == CURLE_RECV_ERROR || rc == CURLE_SEND_ERROR))
      what += " (through the configured proxy)";
    return "POST " + std::string(url) + ": " + what;
  }
};

IngestClient::IngestClient(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
IngestClient::~IngestClient() = default;

const std::string& IngestClient::base_url() const { return impl_->base_url; }

model::Result<std::unique_ptr<IngestClient>> IngestClient::create(ClientOptions options) {
  global_init();
  auto base = check_base_url(options.base_url, options.allow_insecure_http);
  if (!base) return base.error();
  if (auto ok = check_client_options(options); !ok) return ok.error();
  auto impl = std::make_unique<Impl>();
  impl->options = std::move(options);
  impl->base_url = std::move(base).value();
  impl->curl.reset(curl_easy_init());
  if (!impl->curl) return model::Error{"cannot start libcurl (curl_easy_init failed)"};
  impl->set_fixed_options();
  return std::unique_ptr<IngestClient>(new IngestClient(std::move(impl)));
}

HttpAnswer IngestClient::post_json(std::string_view path, std::string_view body,
                                   std::string_view api_key, BodyEncoding encoding) {
  Impl& self = *impl_;
  CURL* c = self.curl.get();
  std::string url = self.base_url;
  if (path.empty() || path.front() != '/') url += '/';
  url += path;

  HttpAnswer answer;
  if (self.options.abort && self.options.abort->load()) {
    answer.error = "POST " + url + ": aborted: the agent is stopping";
    return answer;
  }
  std::string compressed;
  if (encoding == BodyEncoding::gzip) {
    auto packed = base::gzip_compress(body);
    if (!packed) {
      answer.error = "POST " + url + ": " + packed.error().message;
      return answer;
    }
    compressed = std::move(packed).value();
    body = compressed;
  }

  curl_slist* list = nullptr;
  std::string authorization;
  if (!api_key.empty()) authorization = "Authorization: Bearer " + std::string(api_key);
  for (const char* header : {"Content-Type: application/json", "Accept: application/json",
                             // No "100 Continue" round trip before large bodies.
                             "Expect:"})
    list = curl_slist_append(list, header);
  if (encoding != BodyEncoding::identity)
    list = curl_slist_append(list, "Content-Encoding: gzip");
  if (!authorization.empty()) list = curl_slist_append(list, authorization.c_str());
  CurlPtr<curl_slist> headers(list);

  Sink sink{&answer.body, self.options.max_answer_bytes};
  self.error_buffer[0] = '\0';
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.data());
  curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);

  const CURLcode rc = curl_easy_perform(c);
  if (rc == CURLE_OK) {
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &answer.status);
    curl_off_t retry_after = 0;
    if (curl_easy_getinfo(c, CURLINFO_RETRY_AFTER, &retry_after) == CURLE_OK && retry_after > 0)
      answer.retry_after = std::chrono::seconds(retry_after);
  } else {
    answer.status = 0;
    answer.body.clear();
    answer.error = self.describe_failure(rc, sink, url);
  }
  // Nothing of this request may outlive it on the handle (the header list, the body).
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, nullptr);
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, nullptr);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, nullptr);
  return answer;
}

}  // namespace zt::transport
