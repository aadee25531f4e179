#pragma once
// A blocking HTTP(S) client for integration tests, on libcurl: one call, one reply. A reply
// with status 0 means no HTTP answer arrived; `error` then says why (curl's words).
// HttpClient keeps one curl handle, so calls through it reuse the connection (keep-alive).
#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace zt::test {

struct HttpCall {
  std::string method = "GET";
  std::string url;
  std::vector<std::string> headers;  // "Name: value"
  std::string body;                  // sent as is when not empty (or when method is POST/PUT)
  std::string ca_file;               // verify the server with this CA; "" = plain http only
  std::chrono::milliseconds timeout{5000};
};

struct HttpReply {
  long status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::string error;
  long connects = 0;  // new connections this call opened (0 when it reused one)
};

HttpReply http_request(const HttpCall& call);

class HttpClient {
 public:
  HttpClient();
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  HttpReply request(const HttpCall& call);

 private:
  void* handle_;  // CURL*, kept out of this header
};

}  // namespace zt::test
