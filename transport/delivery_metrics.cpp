#include "transport/delivery_metrics.hpp"

namespace zt::transport {
namespace {

using nlohmann::json;

json time_or_null(const std::optional<model::Timestamp>& at) {
  return at ? json(model::format_timestamp(*at)) : json(nullptr);
}

json text_or_null(const std::optional<std::string>& text) {
  return text ? json(*text) : json(nullptr);
}

json credential_metrics(const CredentialStatus& status) {
  return {{"key_source", to_string(status.source)},
          {"enrolled", status.source == KeySource::key_file || status.source == KeySource::enrolled},
          {"agent_id", status.agent_id.empty() ? json(nullptr) : json(status.agent_id)},
          {"usable", status.usable},
          {"enrollments", status.enrollments},
          {"refusals", status.refusals},
          {"unsaved", status.unsaved}};
}

}  // namespace

model::AgentStatus heartbeat_status(const DeliveryStats& delivery, const SpoolStats& spool) {
  if (delivery.uploads_stopped || delivery.consecutive_failures > 0 || spool.dropped.batches > 0)
    return model::AgentStatus::degraded;
  return model::AgentStatus::online;
}

json to_json(const DropRecord& dropped) {
  return {{"batches", dropped.batches},
          {"findings", dropped.findings},
          {"first_dropped_at", text_or_null(dropped.first_dropped_at)},
          {"last_dropped_at", text_or_null(dropped.last_dropped_at)},
          {"first_batch_id", text_or_null(dropped.first_batch_id)},
          {"last_batch_id", text_or_null(dropped.last_batch_id)}};
}

json spool_metrics(const SpoolStats& spool) {
  return {{"bytes", spool.bytes},
          {"batches", spool.batches},
          {"oldest_age_seconds",
           spool.oldest_age ? json(spool.oldest_age->count()) : json(nullptr)},
          {"dead_lettered", spool.dead_lettered},
          {"quarantined", spool.quarantined},
          {"uncommitted_removed", spool.uncommitted_removed},
          {"io_errors", spool.io_errors},
          {"dropped", to_json(spool.dropped)}};
}

json delivery_metrics(const DeliveryStats& delivery) {
  return {{"uploads_ok", delivery.uploads_ok},
          {"uploads_failed", delivery.uploads_failed},
          {"retries", delivery.retries},
          {"server_errors", delivery.server_errors},
          {"recuts", delivery.recuts},
          {"deltas", delivery.deltas},
          {"sent_whole_again", delivery.sent_whole_again},
          {"duplicates", delivery.duplicates},
          {"dead_lettered", delivery.dead_lettered},
          {"unauthorized", delivery.unauthorized},
          {"consecutive_failures", delivery.consecutive_failures},
          {"last_upload_at", time_or_null(delivery.last_upload_at)},
          {"last_error", delivery.last_error.empty() ? json(nullptr) : json(delivery.last_error)},
          {"last_error_at", time_or_null(delivery.last_error_at)},
          {"uploads_stopped", delivery.uploads_stopped},
          {"stopped_reason",
           delivery.stopped_reason.empty() ? json(nullptr) : json(delivery.stopped_reason)},
          {"heartbeats_ok", delivery.heartbeats_ok},
          {"heartbeats_failed", delivery.heartbeats_failed},
          {"credentials", credential_metrics(delivery.credentials)}};
}

model::HeartbeatBody heartbeat_body(const model::AgentInfo& agent, const DeliveryStats& delivery,
                                    const SpoolStats& spool,
                                    std::optional<model::AgentStatus> status,
                                    const model::MachineIdentity& identity) {
  json metrics = agent.metrics.is_object() ? agent.metrics : json::object();
  metrics["spool"] = spool_metrics(spool);
  metrics["delivery"] = delivery_metrics(delivery);
  return {.capabilities = agent.capabilities.is_object() ? agent.capabilities : json::object(),
          .metrics = std::move(metrics),
          .status = status.value_or(heartbeat_status(delivery, spool)),
          .identity = identity};
}

}  // namespace zt::transport
