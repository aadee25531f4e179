#pragma once
// The ingest's routes, as a handler function (see http/request.hpp): no sockets here, so each
// route can be tested by calling handle() with a Request. One table of {method, path,
// handler} (routes.cpp) routes a request, answers 405 with Allow (the methods the path takes)
// when the path is known and the method is not, 404 otherwise, and tells the server its paths
// (metric labels) with the fields every answer on each carries (known_routes()). Handlers
// reach the database only through a Store (store.hpp), so they are tested with a fake one.
//
//   POST /api/v1/enroll     {"enrollment_token": "zte_…", "agent": {AgentInfo},
//                           "identity"?: {Identity}} → 201
//                           {"agent_id", "api_key", "reenrolled", "clone_of"?} (the key is
//                           shown this once; the same machine enrolling again gets its agent
//                           back with a new key). A machine id whose agent was revoked is
//                           refused, 401 with code "revoked", naming the agent, by whom and
//                           when it was revoked and how to lift it (agent restore, token
//                           create --for-agent)
//   POST /api/v1/heartbeat  Bearer key; {"capabilities"?, "metrics"?, "status"?,
//                           "identity"?: {Identity}} → 200 {"status",
//                           "heartbeat_interval_seconds"}; an identity that says another
//                           machine uses the key flags the agent (pg::record_heartbeat)
//   POST /api/v1/batches    Bearer key; a finding batch (wire format v1) → 200
//                           {"batch_id", "result": "written"|"duplicate", counts:
//                           findings_written, dependencies_written, findings_resolved,
//                           findings_unchanged (what a delta saw again)}
//                           Idempotency is per company and agent: "duplicate" only when this
//                           agent sent this batch_id before. Another agent's or company's
//                           equal batch_id (or scan id of another company) is unrelated and
//                           written as this agent's own; the answer tells nothing of others.
//   Identity: {"machine_id"?: 1..128 characters, "hardware_uuid"?: 1..64 characters,
//              "boot_id"?: a lower-case UUID (read from heartbeats only)}
//   GET  /healthz           the process answers → 200
//   GET  /readyz            the database answers → 200, else 503
//   GET  /metrics           Prometheus text format
//
// Values and their columns (schema-client/model/columns.hpp, the same check the agent runs
// before it spools a batch). Every value is checked against the column it is stored in
// before anything is written; per field, either cleaned or refused:
//   cleaned, stored changed and noted in metadata.zt_cleaned (the finding's, or the scan's
//   for the agent, scan and dependency values), counted in zerotrace_ingest_values_cleaned_total:
//     U+0000 in any string or JSON key → U+FFFD (text and jsonb refuse U+0000);
//     a finding's title over 1,024 characters, description or remediation over 65,536 → cut.
//   refused, 422 with each problem's JSON path:
//     varchar columns over their length (finding_type 100, protocol 50, method 20, cve_id 64,
//     status 32, agent version 64, scan_type 50, dependency type 50, … as in the model's rows);
//     text columns in a b-tree index over 500 characters (network host, config file_path,
//     dependency name); integers outside the column (port 0..65535, counts in int4);
//     a system finding's metadata.cvss_score outside 0..10; timestamps and dates before
//     0001-01-01; JSON deeper than 32 levels in any jsonb column (the path names the first
//     container too deep). A body nested deeper than 256 levels is refused as it is parsed
//     ("$: JSON nested deeper than 256 levels"), before anything copies it. A number too
//     large for a double (1e400) is malformed JSON: 400.
//   The same checks apply to an enrollment's agent and a heartbeat's capabilities and metrics.
//
// Refusals are JSON errors (http/request.hpp): 400 malformed JSON, 401 missing, unknown or
// revoked key or token, 404/405, 409 a batch whose scan id belongs to another agent of the
// same company ("conflict"), 409 a delta whose base is not the agent's last whole scan of its
// collectors ("baseline_mismatch": the agent sends the scan whole), 413 a batch of more items (findings, dependencies and config files) than
// max_batch_findings
// ("batch_too_large"; the server's own 413 for a body over the byte limits), 415 not
// application/json, 422 schema and column violations (each problem with its JSON path), 429
// past the per-agent rate or past the client address's budget of failed authentications
// (checked before the key is looked up, so a flood of unknown keys never reaches the
// database; Retry-After), 503 while the database is unreachable (Retry-After). A database
// error that is not "unavailable" is a 500: a check above missed something; it is logged with
// its SQLSTATE and counted in zerotrace_ingest_database_errors_total{class}. A batch whose
// findings were not all written or merged (pg::WriteReport::mismatch) is a 500
// "write_mismatch", logged with the counts per table and counted in
// zerotrace_ingest_errors_total{kind="write_mismatch"}: never a 200. Nothing is written
// unless the whole request is accepted.
// Every answer on /api/v1/batches, refusals included (the server's own, such as 413, too:
// known_routes()), carries "max_batch_findings": the most items (findings, dependencies and
// config files) per batch the ingest takes, and "differential_uploads": true (it takes a
// scan's digest and deltas: the agent sends them only after an answer that says so).
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
#include "ingest/store.hpp"

namespace zt::ingest {

struct RouteSettings {
  std::chrono::seconds database_retry_after{5};
  std::chrono::seconds heartbeat_interval{60};  // advised to agents in heartbeat answers
  // Items (findings, dependencies, config files) per batch: advised in every batch answer; more is a 413.
  std::size_t max_batch_findings = 1000;
};

class Routes {
 public:
  // `limiter`: requests per agent id; `failed_auth`: failed authentications per client
  // address, checked before any key is looked up.
  Routes(Store& store, Metrics& metrics, RateLimiter& limiter, RateLimiter& failed_auth,
         RouteSettings settings);

  Response handle(const Request& request);

  // The table's paths, each once, in the table's order, with the fields every answer on each
  // carries: for the server's metric labels and its own refusals.
  std::vector<KnownRoute> known_routes() const;

 private:
  using Handler = Response (Routes::*)(const Request&, const AnswerFields&);
  struct Route {
    std::string_view method;
    std::string_view path;
    Handler handler;
  };
  static const std::vector<Route>& table();
  // What every answer on `path` carries (null for none).
  AnswerFields answer_fields(std::string_view path) const;

  Response route(const Request& request, const AnswerFields& fields);
  Response enroll(const Request& request, const AnswerFields& fields);
  Response heartbeat(const Request& request, const AnswerFields& fields);
  Response batches(const Request& request, const AnswerFields& fields);
  Response healthy(const Request& request, const AnswerFields& fields);
  Response ready(const Request& request, const AnswerFields& fields);
  Response metrics(const Request& request, const AnswerFields& fields);
  // The agent of the request's Bearer key, or the refusal to send (401, 429).
  std::variant<pg::AgentRef, Response> authenticate(const Request& request,
                                                    const AnswerFields& fields);
  // 429 with Retry-After once `key` is past its rate.
  std::optional<Response> rate_limited(const std::string& key, std::string_view what,
                                       const AnswerFields& fields);
  // Counts and logs (debug) what model::fit_to_columns changed.
  void count_cleaned(const std::vector<std::string>& notes);

  Store& store_;
  Metrics& metrics_;
  RateLimiter& limiter_;
  RateLimiter& failed_auth_;
  RouteSettings settings_;
};

}  // namespace zt::ingest
