#include "collectors/api/report.hpp"

#include <algorithm>

#include "collectors/api/finding_types.hpp"

namespace zt::api {
namespace {

using model::Severity;
using nlohmann::json;
namespace type = finding_type;

json process_json(const collector::ProcessInfo& p) {
  return {{"pid", p.pid}, {"name", p.name}, {"user", p.user}};
}

}  // namespace

model::Finding api_finding(const ApiService& s, Verdict v, json evidence) {
  model::Finding f;
  f.category = model::Category::api;
  f.severity = v.severity;
  f.risk_score = model::default_risk_score(v.severity);
  f.title = std::move(v.title);
  f.description = std::move(v.description);
  f.remediation = std::move(v.remediation);
  f.fields = {{"api_type", std::string(to_string(s.kind))},
              {"endpoint", std::move(v.endpoint)},
              {"method", std::string(v.method)},
              {"finding_type", std::string(v.finding_type)}};
  f.metadata = {{"evidence", std::move(evidence)},
                {"program", s.program},
                {"process", process_json(s.process)}};
  return f;
}

namespace {

void report_etcd(const ApiService& s, std::vector<model::Finding>& out) {
  for (const ServiceUrl& url : s.client_urls) {
    const bool exposed = collector::reachable_from_network(url.host);
    const bool plain = url.scheme == "http";
    if (exposed && (plain || (url.scheme == "https" && !s.client_cert_auth)))
      out.push_back(api_finding(
          s,
          {type::kEtcdClientWithoutCertAuth, plain ? Severity::critical : Severity::high,
           url.text, "ANY",
           "etcd serves clients at " + url.text +
               (plain ? " without TLS or client certificates" : " without client certificates"),
           "Whoever reaches the client URL reads and writes every key: for Kubernetes, every "
           "Secret and the whole cluster state.",
           "Serve clients over https with --client-cert-auth and --trusted-ca-file, and bind "
           "the client URLs to the addresses that need them."},
          {{"listen-client-urls", url.text}, {"client-cert-auth", s.client_cert_auth}}));
    if (std::find(s.open_urls.begin(), s.open_urls.end(), url.text) != s.open_urls.end())
      out.push_back(api_finding(
          s,
          {type::kEtcdOpenAccess, exposed ? Severity::critical : Severity::medium,
           url.text + "/v3/kv/range", "POST", "etcd at " + url.text + " answers without credentials",
           "A range request without credentials through loopback was answered: anyone who "
           "reaches this URL reads and writes the keys. Nothing was written.",
           "Turn on client certificate authentication (or etcd's own auth with users and "
           "roles)."},
          {{"live_check", "POST /v3/kv/range answered 200 without credentials"}}));
  }
}

// The URL of `path` on each listener of `s` beyond loopback, with its socket's address.
std::vector<std::string> exposed_urls(const ApiService& s, std::string_view path) {
  std::vector<std::string> out;
  for (const collector::ListeningSocket& l : s.sockets)
    if (!collector::is_loopback(l))
      out.push_back("http://" + collector::endpoint_text(l.address, l.port) + std::string(path));
  return out;
}

void report_prometheus(const ApiService& s, std::vector<model::Finding>& out) {
  const bool open = !s.web_config_file.has_value();
  const json evidence = {{"web.config.file", s.web_config_file.value_or("")},
                         {"web.enable-admin-api", s.admin_api},
                         {"web.enable-lifecycle", s.lifecycle_api}};
  if (s.kind == ApiKind::exporter) {
    if (!open) return;
    for (const std::string& url : exposed_urls(s, "/metrics"))
      out.push_back(api_finding(
          s,
          {type::kMetricsEndpointExposed, Severity::medium, url, "GET",
           s.program + " serves its metrics at " + url + " to anyone",
           "The metrics describe the host to whoever reaches the port: software versions, "
           "file systems, network interfaces, processes.",
           "Bind it to loopback or the monitoring network, or give it a --web.config.file with "
           "TLS and basic authentication."},
          evidence));
    return;
  }
  const auto urls = exposed_urls(s, "/");
  const bool exposed = !urls.empty();
  if (open)
    for (const std::string& url : urls)
      out.push_back(api_finding(
          s,
          {type::kPrometheusUnauthenticated, Severity::high, url, "GET",
           "Prometheus at " + url + " answers anyone",
           "Its query API and UI show every series it scrapes and the targets of the network.",
           "Give it a --web.config.file with TLS and basic authentication, or bind it to "
           "loopback behind an authenticating proxy."},
          evidence));
  const std::string base = exposed ? urls.front() : "http://127.0.0.1/";
  const bool reachable_open = exposed && open;
  if (s.admin_api)
    out.push_back(api_finding(
        s,
        {type::kPrometheusAdminApi, reachable_open ? Severity::critical : Severity::medium,
         base + "api/v1/admin/tsdb", "POST", "Prometheus's admin API is on",
         "--web.enable-admin-api lets a client delete series and take snapshots.",
         "Remove --web.enable-admin-api unless an operator needs it now."},
        evidence));
  if (s.lifecycle_api)
    out.push_back(api_finding(
        s,
        {type::kPrometheusLifecycleApi, reachable_open ? Severity::high : Severity::low,
         base + "-/quit", "POST", "Prometheus's lifecycle API is on",
         "--web.enable-lifecycle lets a client stop Prometheus or reload its configuration.",
         "Remove --web.enable-lifecycle, or require authentication in front of it."},
        evidence));
}

}  // namespace

std::string_view to_string(ApiKind kind) {
  switch (kind) {
    case ApiKind::etcd: return "etcd";
    case ApiKind::prometheus: return "prometheus";
    case ApiKind::exporter: return "metrics_exporter";
    case ApiKind::kubelet: return "kubelet";
    case ApiKind::consul: return "consul";
    case ApiKind::web_api: return "http_api";
  }
  return "";
}

std::vector<model::Finding> make_findings(const Snapshot& snapshot) {
  std::vector<model::Finding> out;
  for (const ApiService& s : snapshot.services) {
    switch (s.kind) {
      case ApiKind::etcd: report_etcd(s, out); break;
      case ApiKind::kubelet: report_kubelet(s, out); break;
      case ApiKind::consul: report_consul(s, out); break;
      case ApiKind::web_api: report_web_api(s, out); break;
      default: report_prometheus(s, out);
    }
  }
  return out;
}

json make_inventory(const Snapshot& snapshot) {
  json services = json::array();
  for (const ApiService& s : snapshot.services) {
    json endpoints = json::array();
    for (const collector::ListeningSocket& l : s.sockets)
      endpoints.push_back(collector::endpoint_text(l.address, l.port));
    json checks = json::array();
    for (const collector::LiveCheck& c : s.live) checks.push_back(collector::to_json(c));
    json service = {{"api_type", std::string(to_string(s.kind))},
                    {"program", s.program},
                    {"process", process_json(s.process)},
                    {"listeners", std::move(endpoints)},
                    {"live_checks", std::move(checks)}};
    if (s.config_file) service["config_file_not_read"] = *s.config_file;
    if (s.kubelet)
      service["settings"] = {{"anonymous_auth", s.kubelet->anonymous},
                             {"authorization_mode", s.kubelet->authorization_mode},
                             {"read_only_port", s.kubelet->read_only_port},
                             {"config_file", s.kubelet->config_file}};
    if (s.kind == ApiKind::web_api) {
      json documents = json::array();
      for (const OpenApiDocument& d : s.documents)
        documents.push_back({{"path", d.path}, {"version", d.version}, {"title", d.title},
                             {"operations", d.operations}});
      service["openapi_documents"] = std::move(documents);
    }
    if (s.consul)
      service["settings"] = {{"acl_enabled", s.consul->acl_enabled},
                             {"acl_default_policy", s.consul->default_policy},
                             {"script_checks", s.consul->script_checks},
                             {"http_port", s.consul->http_port},
                             {"config_files", s.consul->config_files}};
    services.push_back(std::move(service));
  }
  return {{"services", std::move(services)},
          {"live_checks", collector::to_json(snapshot.live)}};
}

}  // namespace zt::api
