#pragma once
// Which of the host's listeners are management or metrics APIs, by their process: etcd,
// Prometheus, and the Prometheus exporters (a program whose name ends in "exporter", as
// node_exporter and Debian's prometheus-*-exporter). One ApiService per process, with its TCP
// listeners and the settings its command line gives. Pure; never throws.
#include <vector>

#include "collectors/api/snapshot.hpp"

namespace zt::api {

std::vector<ApiService> discover(const std::vector<collector::ListeningSocket>& listeners);

}  // namespace zt::api
