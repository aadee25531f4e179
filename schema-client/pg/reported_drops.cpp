#include "schema-client/pg/reported_drops.hpp"

namespace zt::pg {

namespace {

using nlohmann::json;

const json& field(const json& object, const char* key) {
  static const json kNull;
  if (!object.is_object()) return kNull;
  const auto found = object.find(key);
  return found == object.end() ? kNull : *found;
}

std::uint64_t count(const json& object, const char* key) {
  const json& value = field(object, key);
  if (!value.is_number_integer() || value.get<std::int64_t>() < 0) return 0;
  return value.get<std::uint64_t>();
}

// The first of the two that is a string, else null.
json text_or(const json& preferred, const json& fallback) {
  if (preferred.is_string()) return preferred;
  return fallback.is_string() ? fallback : json(nullptr);
}

}  // namespace

json with_reported_drops(json metrics, const json& previous) {
  const json& dropped = field(field(metrics, "spool"), "dropped");
  json total = {
      {"batches", count(previous, "batches") + count(dropped, "batches")},
      {"findings", count(previous, "findings") + count(dropped, "findings")},
      {"first_dropped_at",
       text_or(field(previous, "first_dropped_at"), field(dropped, "first_dropped_at"))},
      {"last_dropped_at",
       text_or(field(dropped, "last_dropped_at"), field(previous, "last_dropped_at"))},
      {"last_batch_id", text_or(field(dropped, "last_batch_id"), field(previous, "last_batch_id"))}};
  if (!metrics.is_object()) metrics = json::object();
  metrics["drops_reported"] = std::move(total);
  return metrics;
}

}  // namespace zt::pg
