#include "transport/spool_drops.hpp"

#include <nlohmann/json.hpp>

#include "schema-client/model/digest.hpp"

namespace zt::transport {
namespace {

constexpr int kLedgerVersion = 1;

model::Error bad(const std::string& what) { return model::Error{"drop ledger: " + what}; }

}  // namespace

DropRecord DropLedger::summary() const {
  DropRecord record;
  if (events_.empty()) return record;
  record.batches = events_.size();
  for (const DropEvent& event : events_) record.findings += event.findings;
  record.first_dropped_at = model::format_timestamp(events_.front().dropped_at);
  record.last_dropped_at = model::format_timestamp(events_.back().dropped_at);
  record.first_batch_id = events_.front().batch_id;
  record.last_batch_id = events_.back().batch_id;
  return record;
}

bool DropLedger::clear_reported(const DropRecord& reported) {
  if (reported.batches == 0) return true;
  if (reported.batches > events_.size()) return false;
  const auto end = events_.begin() + static_cast<std::ptrdiff_t>(reported.batches);
  std::uint64_t findings = 0;
  for (auto it = events_.begin(); it != end; ++it) findings += it->findings;
  if (findings != reported.findings || reported.first_batch_id != events_.front().batch_id ||
      reported.last_batch_id != std::prev(end)->batch_id)
    return false;
  events_.erase(events_.begin(), end);
  return true;
}

std::string DropLedger::to_json() const {
  nlohmann::json entries = nlohmann::json::array();
  for (const DropEvent& event : events_)
    entries.push_back({{"batch_id", event.batch_id},
                       {"findings", event.findings},
                       {"dropped_at", model::format_timestamp(event.dropped_at)}});
  const nlohmann::json document = {{"version", kLedgerVersion},
                                   {"dropped", entries},
                                   {"sha256", model::sha256_hex(entries.dump())}};
  return document.dump() + "\n";
}

model::Result<DropLedger> DropLedger::from_json(std::string_view text) {
  const nlohmann::json document = nlohmann::json::parse(text, nullptr, false);
  if (document.is_discarded() || !document.is_object()) return bad("not a JSON object");
  const auto version = document.find("version");
  if (version == document.end() || *version != kLedgerVersion) return bad("unknown version");
  const auto entries = document.find("dropped");
  const auto digest = document.find("sha256");
  if (entries == document.end() || !entries->is_array() || digest == document.end() ||
      !digest->is_string())
    return bad("missing \"dropped\" or \"sha256\"");
  if (digest->get<std::string>() != model::sha256_hex(entries->dump()))
    return bad("checksum mismatch");
  DropLedger ledger;
  for (const nlohmann::json& entry : *entries) {
    const auto id = entry.find("batch_id");
    const auto findings = entry.find("findings");
    const auto at = entry.find("dropped_at");
    if (!entry.is_object() || id == entry.end() || !id->is_string() || findings == entry.end() ||
        !findings->is_number_unsigned() || at == entry.end() || !at->is_string())
      return bad("malformed entry " + entry.dump());
    const auto when = model::parse_timestamp(at->get<std::string>());
    if (!when) return bad("bad dropped_at " + at->dump());
    ledger.add({id->get<std::string>(), findings->get<std::uint64_t>(), *when});
  }
  return ledger;
}

}  // namespace zt::transport
