#include "collectors/api/live_checks.hpp"

#include "collectors/core/http_answer.hpp"

namespace zt::api {

std::string etcd_range_request() {
  const std::string body = R"({"key":"AA==","count_only":true})";  // key "\0"
  return "POST /v3/kv/range HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
         "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

bool etcd_range_open(std::string_view answer) {
  const auto range = collector::http_ok_json(answer);
  return range && range->is_object() && range->contains("header");
}

void check_service(ApiService& service, collector::LiveChecker& checker,
                   std::chrono::milliseconds limit) {
  if (service.kind != ApiKind::etcd) return;
  for (const ServiceUrl& url : service.client_urls) {
    if (url.scheme != "http") continue;
    std::vector<collector::ListeningSocket> on_port;
    for (const collector::ListeningSocket& s : service.sockets)
      if (s.port == url.port) on_port.push_back(s);
    const auto target = collector::loopback_target(on_port);
    if (!target) continue;
    collector::Exchange ex;
    ex.send = etcd_range_request();
    ex.complete = collector::http_answer_complete;
    ex.max_bytes = 16 * 1024;
    const collector::ExchangeResult result = checker.exchange(*target, ex, limit);
    collector::LiveCheck c = collector::record_check("etcd_anonymous_range", *target, result);
    const bool open = etcd_range_open(result.received);
    if (result.connected)
      c.outcome = open ? "answered without credentials"
                       : "refused: " + result.received.substr(0, result.received.find('\r'));
    if (open) service.open_urls.push_back(url.text);
    service.live.push_back(std::move(c));
  }
}

}  // namespace zt::api
