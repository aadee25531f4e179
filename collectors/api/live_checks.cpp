#include "collectors/api/live_checks.hpp"

#include "collectors/core/http_answer.hpp"

namespace zt::api {

std::string etcd_range_request() {
  const std::string body = R"({"key":"AA==","count_only":true})";  // key "\0"
  return "POST /v3/kv/range HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
         "Content-Length: " +
         std::to_string(body.size()) + "\r\n\r\n" + body;
}

bool etcd_range_open(std::string_view answer) {
  const auto range = collector::http_ok_json(answer);
  return range && range->is_object() && range->contains("header");
}

std::optional<bool> kubelet_pods_open(std::string_view answer) {
  const auto status = collector::http_status(answer);
  if (status == 401 || status == 403) return false;
  const auto pods = collector::http_ok_json(answer);
  if (!pods || !pods->is_object() || pods->value("kind", "") != "PodList") return std::nullopt;
  return true;
}

std::optional<bool> consul_agent_open(std::string_view answer) {
  const auto status = collector::http_status(answer);
  if (status == 401 || status == 403) return false;
  const auto self = collector::http_ok_json(answer);
  if (!self || !self->is_object() || !self->contains("Config")) return std::nullopt;
  return true;
}

namespace {

// One GET of `path` on the service's listeners on `port`, through loopback.
void check_get(ApiService& service, std::uint16_t port, std::string_view check,
               std::string_view path, std::optional<bool> (*open)(std::string_view),
               collector::LiveChecker& checker, std::chrono::milliseconds limit) {
  std::vector<collector::ListeningSocket> on_port;
  for (const collector::ListeningSocket& s : service.sockets)
    if (s.port == port) on_port.push_back(s);
  const auto target = collector::loopback_target(on_port);
  if (!target) return;
  collector::Exchange ex;
  ex.send = collector::http_get_request(path);
  ex.complete = collector::http_answer_complete;
  ex.max_bytes = 256 * 1024;
  const collector::ExchangeResult result = checker.exchange(*target, ex, limit);
  collector::LiveCheck c = collector::record_check(check, *target, result);
  service.answered_open = open(result.received);
  if (service.answered_open)
    c.outcome = *service.answered_open ? "answered without credentials" : "refused";
  else if (result.connected)
    c.outcome = "not the expected answer";
  service.live.push_back(std::move(c));
}

// The OpenAPI paths of an application's listener, while it answers HTTP.
void check_web_api(ApiService& service, collector::LiveChecker& checker,
                   std::chrono::milliseconds limit) {
  const auto target = collector::loopback_target(service.sockets);
  if (!target) return;
  for (std::string_view path : kOpenApiPaths) {
    collector::Exchange ex;
    ex.send = web_api_request(path);
    ex.complete = web_answer_done;
    ex.max_bytes = 4 * 1024 * 1024;
    const collector::ExchangeResult result = checker.exchange(*target, ex, limit);
    if (!is_http_answer(result.received)) {
      collector::LiveCheck c = collector::record_check("http_api_probe", *target, result);
      if (result.connected) c.outcome = "not HTTP";
      service.live.push_back(std::move(c));
      return;
    }
    const CorsPolicy cors = read_cors(result.received);
    if (cors.origin > service.cors.origin) service.cors.origin = cors.origin;
    service.cors.credentials = service.cors.credentials || cors.credentials;
    if (auto doc = read_openapi(path, result.received)) {
      collector::LiveCheck c = collector::record_check("http_api_openapi", *target, result);
      c.outcome = "GET " + std::string(path) + " served an OpenAPI " + doc->version + " document";
      service.live.push_back(std::move(c));
      service.documents.push_back(std::move(*doc));
    }
  }
}

}  // namespace

void check_service(ApiService& service, collector::LiveChecker& checker,
                   std::chrono::milliseconds limit) {
  if (service.kind == ApiKind::web_api) return check_web_api(service, checker, limit);
  if (service.kubelet && service.kubelet->read_only_port > 0)
    return check_get(service, service.kubelet->read_only_port, "kubelet_read_only_pods", "/pods",
                     &kubelet_pods_open, checker, limit);
  if (service.consul)
    return check_get(service, service.consul->http_port, "consul_agent_self", "/v1/agent/self",
                     &consul_agent_open, checker, limit);
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
