#pragma once
// The api collector's live checks, through a LiveChecker on loopback only
// (collector::loopback_target): each plain-HTTP client URL of etcd is asked for a count of
// one key (POST /v3/kv/range, count_only) without credentials; an answer with a header
// means anyone who reaches it reads and writes the cluster's keys. Nothing is written. Each
// check gets at most `limit`. Never throws.
#include <chrono>
#include <string>
#include <string_view>

#include "collectors/api/snapshot.hpp"

namespace zt::api {

void check_service(ApiService& service, collector::LiveChecker& checker,
                   std::chrono::milliseconds limit);

// The request, and whether `answer` is etcd letting it in (status 200 with a response header).
std::string etcd_range_request();
bool etcd_range_open(std::string_view answer);

}  // namespace zt::api
