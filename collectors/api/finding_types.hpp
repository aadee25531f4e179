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
// | kubelet_anonymous_access      | critical exposed, high    | anonymous auth with         |
// |                               | loopback                  | AlwaysAllow authorization   |
// | kubelet_anonymous_auth        | low                       | anonymous auth with another |
// |                               |                           | authorizer (Webhook, RBAC)  |
// | kubelet_read_only_port        | high                      | the read-only port (10255)  |
// |                               |                           | beyond loopback, unless a   |
// |                               |                           | live GET /pods is refused   |
// | consul_acl_disabled           | high                      | the HTTP API beyond loopback|
// |                               |                           | with ACLs off or allow by   |
// |                               |                           | default, unless a live GET  |
// |                               |                           | /v1/agent/self is refused   |
// | consul_script_checks          | critical exposed, high    | enable_script_checks and an |
// |                               | loopback                  | API without a token         |
// | openapi_document_public       | medium                    | live: an application's      |
// |                               |                           | listener beyond loopback    |
// |                               |                           | serves an OpenAPI/Swagger   |
// |                               |                           | document without credentials|
// | cors_any_origin_with_credentials | high reflected, medium | live: it echoes any Origin  |
// |                               | "*"                       | (or "*") with credentials   |
#include <string_view>

namespace zt::api::finding_type {

inline constexpr std::string_view kEtcdClientWithoutCertAuth = "etcd_client_without_cert_auth";
inline constexpr std::string_view kEtcdOpenAccess = "etcd_open_access";
inline constexpr std::string_view kMetricsEndpointExposed = "metrics_endpoint_exposed";
inline constexpr std::string_view kPrometheusUnauthenticated = "prometheus_unauthenticated";
inline constexpr std::string_view kPrometheusAdminApi = "prometheus_admin_api";
inline constexpr std::string_view kPrometheusLifecycleApi = "prometheus_lifecycle_api";
inline constexpr std::string_view kKubeletAnonymousAccess = "kubelet_anonymous_access";
inline constexpr std::string_view kKubeletAnonymousAuth = "kubelet_anonymous_auth";
inline constexpr std::string_view kKubeletReadOnlyPort = "kubelet_read_only_port";
inline constexpr std::string_view kConsulAclDisabled = "consul_acl_disabled";
inline constexpr std::string_view kConsulScriptChecks = "consul_script_checks";
inline constexpr std::string_view kOpenApiDocumentPublic = "openapi_document_public";
inline constexpr std::string_view kCorsAnyOriginWithCredentials =
    "cors_any_origin_with_credentials";

}  // namespace zt::api::finding_type
