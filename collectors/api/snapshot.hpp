#pragma once
// What one run of the api collector saw, before it becomes findings and the inventory
// (report.hpp): the management and metrics APIs found among the host's listeners, each with
// the settings its command line gives and its live check. Plain data.
#include <optional>
#include <string>
#include <vector>

#include "collectors/api/consul_settings.hpp"
#include "collectors/api/kubelet_settings.hpp"
#include "collectors/api/service_url.hpp"
#include "collectors/api/web_api.hpp"
#include "collectors/core/host_sockets.hpp"
#include "collectors/core/live_checker.hpp"

namespace zt::api {

enum class ApiKind { etcd, prometheus, exporter, kubelet, consul, web_api };

// api_type: "etcd", "prometheus", "metrics_exporter", "kubelet", "consul", "http_api"
std::string_view to_string(ApiKind kind);

struct ApiService {
  ApiKind kind = ApiKind::exporter;
  std::string program;  // "etcd", "prometheus-node-exporter": argv[0]'s name, else comm
  collector::ProcessInfo process;
  std::vector<collector::ListeningSocket> sockets;  // its TCP listeners

  // etcd: --listen-client-urls (default http://localhost:2379) and --client-cert-auth.
  std::vector<ServiceUrl> client_urls;
  bool client_cert_auth = false;
  std::optional<std::string> config_file;  // --config-file: its settings are not read

  // Prometheus and exporters: --web.config.file (TLS and basic auth), the admin and
  // lifecycle APIs.
  std::optional<std::string> web_config_file;
  bool admin_api = false;
  bool lifecycle_api = false;

  // kubelet and Consul: their settings, from their configuration files and flags
  // (config_reader.hpp fills the files' part).
  std::optional<KubeletSettings> kubelet;
  std::optional<ConsulSettings> consul;

  std::vector<collector::LiveCheck> live;
  std::vector<std::string> open_urls;  // the client URLs an anonymous request got into
  // kubelet's read-only port, Consul's HTTP API: what an anonymous live request got.
  std::optional<bool> answered_open;

  // An application's HTTP API (web_api.hpp), one listener each: what the live probes found.
  std::vector<OpenApiDocument> documents;
  CorsPolicy cors;
};

struct Snapshot {
  std::vector<ApiService> services;
  collector::LivePlan live;
};

}  // namespace zt::api
