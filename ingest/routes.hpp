#pragma once
// The ingest's routes, as a handler function (see http/request.hpp): no sockets here, so each
// route can be tested by calling handle() with a Request.
//
//   POST /api/v1/enroll     {"enrollment_token": "zte_…", "agent": {AgentInfo},
//                           "identity"?: {Identity}} → 201
//                           {"agent_id", "api_key", "reenrolled", "clone_of"?} (the key is
//                           shown this once; the same machine enrolling again gets its agent
//                           back with a new key)
//   POST /api/v1/heartbeat  Bearer key; {"capabilities"?, "metrics"?, "status"?,
//                           "identity"?: {Identity}} → 200 {"status",
//                           "heartbeat_interval_seconds"}; an identity that says another
//                           machine uses the key flags the agent (pg::record_heartbeat)
//   POST /api/v1/batches    Bearer key; a finding batch (wire format v1) → 200
//                           {"batch_id", "result": "written"|"duplicate", counts}
//   Identity: {"machine_id"?: 1..128 characters, "hardware_uuid"?: 1..64 characters,
//              "boot_id"?: a lower-case UUID (read from heartbeats only)}
//   GET  /healthz           the process answers → 200
//   GET  /readyz            the database answers → 200, else 503
//   GET  /metrics           Prometheus text format
//
// Refusals are JSON errors (http/request.hpp): 400 malformed JSON, 401 missing, unknown or
// revoked key or token, 404/405, 409 a batch that collides with another agent's scan, 415 not
// application/json, 422 schema violations (each problem with its JSON path), 429 past the
// per-agent rate (Retry-After), 503 while the database is unreachable (Retry-After), 500 for
// anything unexpected (logged). Nothing is written unless the whole request is accepted.
// Every answer on /api/v1/batches, refusals included (the server's own, such as 413, too:
// amend()), carries "max_batch_findings": the most findings plus dependencies per batch the
// ingest wants.
// The company always comes from the authenticated agent. Thread-safe: one Routes serves all
// worker threads.
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "ingest/http/request.hpp"
#include "ingest/metrics.hpp"
#include "ingest/rate_limiter.hpp"
#include "schema-client/pg/batch_writer.hpp"
#include "schema-client/pg/pool.hpp"

namespace zt::ingest {

struct RouteSettings {
  std::chrono::seconds database_retry_after{5};
  std::chrono::seconds heartbeat_interval{60};  // advised to agents in heartbeat answers
  std::size_t max_batch_findings = 1000;        // advised to agents in batch answers
};

class Routes {
 public:
  Routes(pg::Pool& pool, Metrics& metrics, RateLimiter& limiter, RouteSettings settings);

  Response handle(const Request& request);
  // What every answer on `path` tells agents, added to `response` (a JSON object): for the
  // server to call on every answer it sends, its own refusals included.
  void amend(std::string_view path, Response& response) const;

  // The paths above, for the server's per-route metrics.
  static std::vector<std::string> paths();

 private:
  Response route(const Request& request);
  Response enroll(const Request& request);
  Response heartbeat(const Request& request);
  Response batches(const Request& request);
  Response ready();
  // The agent of the request's Bearer key, or the refusal to send (401, 429).
  std::variant<pg::AgentRef, Response> authenticate(const Request& request);
  // 429 with Retry-After once `key` is past its rate.
  std::optional<Response> rate_limited(const std::string& key, std::string_view what);

  pg::Pool& pool_;
  Metrics& metrics_;
  RateLimiter& limiter_;
  RouteSettings settings_;
};

}  // namespace zt::ingest
