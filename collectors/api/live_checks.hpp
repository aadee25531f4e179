#pragma once
// The api collector's live checks, through a LiveChecker on loopback only
// (collector::loopback_target), without credentials; nothing is ever written:
//   etcd     each plain-HTTP client URL is asked for a count of one key (POST /v3/kv/range,
//            count_only); an answer with a header means anyone reads and writes the keys;
//   kubelet  the read-only port is asked for its pods (GET /pods): a PodList answers;
//   Consul   the HTTP API is asked for the agent's own description (GET /v1/agent/self):
//            200 means the anonymous token may read it, 403 that ACLs deny it;
//   http_api an application's listener is asked for the usual OpenAPI/Swagger documents
//            (web_api.hpp), with a made-up Origin whose echo shows its CORS policy; a
//            listener whose first answer is not HTTP is left at that.
// Each check gets at most `limit`. Never throws.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "collectors/api/snapshot.hpp"

namespace zt::api {

void check_service(ApiService& service, collector::LiveChecker& checker,
                   std::chrono::milliseconds limit);

// The request, and whether `answer` is etcd letting it in (status 200 with a response header).
std::string etcd_range_request();
bool etcd_range_open(std::string_view answer);

// Whether a kubelet's GET /pods or Consul's GET /v1/agent/self was answered without
// credentials (true), refused (false), or is not that server's answer (nothing).
std::optional<bool> kubelet_pods_open(std::string_view answer);
std::optional<bool> consul_agent_open(std::string_view answer);

}  // namespace zt::api
