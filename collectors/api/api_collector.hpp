#pragma once
// The `api` collector: management and metrics APIs that answer without authentication, found
// from the listening sockets and their processes (collectors/core/host_sockets) and the
// settings their command lines give: etcd's client URLs without client certificates (and,
// through loopback, a read without credentials), Prometheus and its exporters listening
// beyond loopback without a web configuration (TLS, basic auth), Prometheus's admin and
// lifecycle APIs, kubelets that let anonymous requests in or open the read-only port, Consul
// agents without ACLs (and with script checks), from their configuration files too
// (config_reader.hpp), and, live only, applications' HTTP APIs that publish their OpenAPI
// document or trust any origin with credentials (web_api.hpp). Elasticsearch and Docker's
// API are the database and container collectors' (one finding each, not two).
// finding_types.hpp lists what it reports. Live checks run only on the host
// the agent runs on (host root "/"). Findings go to api_findings; the services found are the
// inventory (scan.results.api).
//
// Nothing it reads makes collect() throw. Not for concurrent collect() calls.
#include <memory>

#include "collectors/core/collector.hpp"
#include "collectors/core/live_checker.hpp"

namespace zt::api {

// name "api", category api, default interval 3600 s; uses the system checker.
collector::CollectorDescriptor descriptor();

// The collector with another checker (tests replay recorded answers with one whose live()
// is false, which is then used whatever the host root).
std::unique_ptr<collector::Collector> make_collector(
    const collector::OptionValues& values, std::unique_ptr<collector::LiveChecker> checker);

}  // namespace zt::api
