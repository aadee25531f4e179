#pragma once
// The api collector's finding types: the one table of what it reports and how severe it is.
// Every finding is an api_findings row whose identity is (endpoint, method, finding_type); the
// endpoint is the URL the service is reached at as configured (etcd's client URL) or as it
// listens ("http://0.0.0.0:9100/metrics"). "Exposed" means reachable beyond loopback.
//
// | finding_type                  | severity                  | fires when                  |
// |-------------------------------|---------------------------|-----------------------------|
// | etcd_client_without_cert_auth | critical over http, high  | an exposed client URL over  |
// |                               | over https                | http, or https without      |
// |                               |                           | --client-cert-auth          |
// | etcd_open_access              | critical exposed, medium  | live: a range request       |
// |                               | loopback                  | without credentials answered|
// | metrics_endpoint_exposed      | medium                    | an exporter listening beyond|
// |                               |                           | loopback without            |
// |                               |                           | --web.config.file           |
// | prometheus_unauthenticated    | high                      | Prometheus beyond loopback  |
// |                               |                           | without --web.config.file   |
// | prometheus_admin_api          | critical exposed without  | --web.enable-admin-api      |
// |                               | auth, else medium         | (delete series, snapshots)  |
// | prometheus_lifecycle_api      | high exposed without auth,| --web.enable-lifecycle      |
// |                               | else low                  | (/-/quit, /-/reload)        |
#include <string_view>

namespace zt::api::finding_type {

inline constexpr std::string_view kEtcdClientWithoutCertAuth = "etcd_client_without_cert_auth";
inline constexpr std::string_view kEtcdOpenAccess = "etcd_open_access";
inline constexpr std::string_view kMetricsEndpointExposed = "metrics_endpoint_exposed";
inline constexpr std::string_view kPrometheusUnauthenticated = "prometheus_unauthenticated";
inline constexpr std::string_view kPrometheusAdminApi = "prometheus_admin_api";
inline constexpr std::string_view kPrometheusLifecycleApi = "prometheus_lifecycle_api";

}  // namespace zt::api::finding_type
