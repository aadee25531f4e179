#include "ingest/feeds_fetch.hpp"

#include <curl/curl.h>

#include <array>
#include <cstdio>
#include <memory>

namespace zt::ingest {
namespace {

struct FileSink {
  std::FILE* file = nullptr;
  std::size_t written = 0;
  std::size_t limit = 0;
  bool overflowed = false;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto& sink = *static_cast<FileSink*>(user);
  const std::size_t bytes = size * count;
  if (sink.written + bytes > sink.limit) {
    sink.overflowed = true;
    return 0;  // makes libcurl stop with CURLE_WRITE_ERROR
  }
  sink.written += bytes;
  return std::fwrite(data, 1, bytes, sink.file);
}

}  // namespace

bool is_https_url(std::string_view text) { return text.starts_with("https://"); }

std::string displayed_url(std::string_view url) {
  url = url.substr(0, url.find_first_of("?#"));
  const std::size_t scheme = url.find("://");
  const std::size_t authority = scheme == std::string_view::npos ? 0 : scheme + 3;
  const std::size_t path = url.find('/', authority);
  const std::size_t at = url.substr(0, path).rfind('@');
  if (at == std::string_view::npos || at < authority) return std::string(url);
  return std::string(url.substr(0, authority)) + std::string(url.substr(at + 1));
}

model::Status fetch_https(const std::string& url, const std::filesystem::path& to,
                          const FetchOptions& options) {
  const auto failed = [&](const std::string& why) {
    return model::Error{displayed_url(url) + ": cannot download: " + why};
  };
  if (!is_https_url(url)) return failed("only https:// URLs are fetched");
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(to.c_str(), "wb"), &std::fclose);
  if (!file) return failed("cannot write " + to.string());
  std::unique_ptr<CURL, void (*)(CURL*)> curl(curl_easy_init(), &curl_easy_cleanup);
  if (!curl) return failed("libcurl could not start");

  CURL* c = curl.get();
  std::array<char, CURL_ERROR_SIZE> error{};
  FileSink sink{file.get(), 0, options.max_bytes};
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error.data());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "https");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(c, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
  if (!options.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, options.ca_file.c_str());
  curl_easy_setopt(c, CURLOPT_FAILONERROR, 1L);
  curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options.max_bytes));
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, static_cast<long>(options.connect_timeout.count()));
  curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(options.timeout.count()));
  curl_easy_setopt(c, CURLOPT_USERAGENT, "zerotrace-ingest feeds import");
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);

  const CURLcode rc = curl_easy_perform(c);
  if (sink.overflowed || rc == CURLE_FILESIZE_EXCEEDED)
    return failed("larger than " + std::to_string(options.max_bytes) + " bytes");
  if (rc == CURLE_HTTP_RETURNED_ERROR) {
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    return failed("the server answered HTTP " + std::to_string(status));
  }
  if (rc != CURLE_OK)
    return failed(error[0] != '\0' ? std::string(error.data()) : curl_easy_strerror(rc));
  if (std::fflush(file.get()) != 0) return failed("cannot write " + to.string());
  return model::Ok{};
}

}  // namespace zt::ingest
