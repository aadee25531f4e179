#pragma once
// Which of the host's listeners are management or metrics APIs, by their process: etcd,
// Prometheus, the Prometheus exporters (a program whose name ends in "exporter", as
// node_exporter and Debian's prometheus-*-exporter), the kubelet and Consul. One ApiService
// per process, with its TCP listeners and the settings its command line gives (the kubelet's
// and Consul's files are config_reader.hpp's). Pure; never throws.
#include <vector>

#include "collectors/api/snapshot.hpp"

namespace zt::api {

std::vector<ApiService> discover(const std::vector<collector::ListeningSocket>& listeners);

// The listeners beyond loopback that may be an application's HTTP API (web_api.hpp) and are
// not a service of `known`: one ApiService of kind web_api each, at most `limit`.
std::vector<ApiService> web_api_candidates(const std::vector<collector::ListeningSocket>& listeners,
                                           const std::vector<ApiService>& known, std::size_t limit);

}  // namespace zt::api
