#pragma once
// What the delivery path says about itself: DeliveryStats (Delivery::stats(), for the agent),
// and the heartbeat body built from the agent's info, those stats and the spool's.
//
// The heartbeat body (model::HeartbeatBody, schema-client/model/heartbeat.hpp; the ingest's
// POST /api/v1/heartbeat):
//   {"capabilities": <the agent's>,
//    "metrics": {<the agent's metrics>,
//                "spool": {"bytes", "batches", "oldest_age_seconds" (null when empty),
//                          "dead_lettered", "quarantined", "uncommitted_removed",
//                          "io_errors",
//                          "dropped": {"batches", "findings", "first_dropped_at",
//                                      "last_dropped_at", "first_batch_id", "last_batch_id"}},
//                "delivery": {"uploads_ok", "uploads_failed", "retries", "server_errors",
//                             "recuts", "duplicates", "deltas", "sent_whole_again",
//                             "dead_lettered", "unauthorized", "consecutive_failures",
//                             "last_upload_at", "last_error", "last_error_at",
//                             "uploads_stopped", "stopped_reason",
//                             "heartbeats_ok", "heartbeats_failed",
//                             "credentials": {"key_source", "enrolled", "agent_id", "usable",
//                                             "enrollments", "refusals", "unsaved"}}},
//    "status": "online" | "degraded" | "stopping",
//    "identity": {"machine_id", "hardware_uuid", "boot_id"} (model/machine_identity.hpp;
//                the absent ones left out, the whole key when none is known)}
// Times are RFC 3339; absent ones are null. No secret is in there: CredentialStatus has none.
// Pure functions over plain values; any thread.
#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "schema-client/model/batch.hpp"
#include "schema-client/model/timestamp.hpp"
#include "transport/credentials.hpp"
#include "schema-client/model/heartbeat.hpp"
#include "transport/spool.hpp"

namespace zt::transport {

struct DeliveryStats {
  // Upload attempts, since the Delivery started.
  std::uint64_t uploads_ok = 0;      // batches the ingest acknowledged (duplicates included)
  std::uint64_t duplicates = 0;      // of those, batches it had already
  std::uint64_t uploads_failed = 0;  // attempts that did not deliver, whatever the reason
  std::uint64_t retries = 0;         // of those, the ones to try again (no answer, 408, 429, 5xx)
  std::uint64_t server_errors = 0;   // of those, answers counted against their batch (500…)
  std::uint64_t recuts = 0;          // 413 answers: a scan cut again into smaller parts
  std::uint64_t deltas = 0;          // scans delivered as a delta (part_planner.hpp)
  // Deltas the ingest could not take (another base, too large, not understood): sent whole.
  std::uint64_t sent_whole_again = 0;
  // Scans given up: refused for good (a 4xx), or failed by the server too many times; moved to
  // dead-letter/.
  std::uint64_t dead_lettered = 0;
  std::uint64_t unauthorized = 0;    // answers that refused the api key (uploads and heartbeats)
  int consecutive_failures = 0;      // failed attempts since the last delivery (the backoff's)
  std::optional<model::Timestamp> last_upload_at;  // the last delivery
  std::string last_error;                          // the last failed attempt's reason
  std::optional<model::Timestamp> last_error_at;
  // Degraded: no usable api key, so batches are spooled and not sent. `stopped_reason` says
  // why and what to do.
  bool uploads_stopped = false;
  std::string stopped_reason;
  CredentialStatus credentials;
  // The batch size the ingest asked for in its last answer that said (upload_outcome.hpp).
  std::optional<std::size_t> advised_batch_findings;
  // Heartbeats.
  std::uint64_t heartbeats_ok = 0;
  std::uint64_t heartbeats_failed = 0;
  std::optional<model::Timestamp> last_heartbeat_at;  // the last one the ingest accepted
  std::chrono::seconds heartbeat_interval{0};         // in force (the server may advise one)
};

// "degraded" while uploads are stopped or the last upload attempt failed, or when batches
// were lost that the server has not heard of; else "online".
model::AgentStatus heartbeat_status(const DeliveryStats& delivery, const SpoolStats& spool);

nlohmann::json to_json(const DropRecord& dropped);
nlohmann::json spool_metrics(const SpoolStats& spool);
nlohmann::json delivery_metrics(const DeliveryStats& delivery);

// The whole body. `status` overrides heartbeat_status() ("stopping" on the way out).
model::HeartbeatBody heartbeat_body(const model::AgentInfo& agent, const DeliveryStats& delivery,
                                    const SpoolStats& spool,
                                    std::optional<model::AgentStatus> status = std::nullopt,
                                    const model::MachineIdentity& identity = {});

}  // namespace zt::transport
