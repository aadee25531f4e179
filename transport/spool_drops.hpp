#pragma once
// The spool's ledger of lost batches not yet reported to the server: one entry per batch
// dropped (oldest pushed out by the byte bound, or refused by put()), in the order they were
// lost. DropRecord sums it up for the heartbeat; once the server accepted a heartbeat that
// carried a DropRecord, clear_reported() removes exactly the entries that record covered,
// so drops that happened meanwhile are kept and reported next time.
//
// The ledger is saved as JSON (drops.json) with a SHA-256 of its entries, so a damaged file
// is recognised rather than read as "nothing dropped".
//
// Plain values and pure functions, no I/O, no locking: the Spool guards its ledger.
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>

#include "schema-client/model/result.hpp"
#include "schema-client/model/timestamp.hpp"

namespace zt::transport {

// What the heartbeat reports: how many batches and findings were lost, when the first and
// the last of them were lost (RFC 3339) and their batch ids. Empty when nothing was lost.
struct DropRecord {
  std::uint64_t batches = 0;
  std::uint64_t findings = 0;
  std::optional<std::string> first_dropped_at;
  std::optional<std::string> last_dropped_at;
  std::optional<std::string> first_batch_id;
  std::optional<std::string> last_batch_id;

  bool operator==(const DropRecord&) const = default;
};

struct DropEvent {
  std::string batch_id;
  std::uint64_t findings = 0;
  model::Timestamp dropped_at{};

  bool operator==(const DropEvent&) const = default;
};

class DropLedger {
 public:
  void add(DropEvent event) { events_.push_back(std::move(event)); }
  bool empty() const { return events_.empty(); }
  const std::deque<DropEvent>& events() const { return events_; }

  DropRecord summary() const;
  // Removes the entries `reported` summed up, which must be the oldest ones: the same count,
  // findings, first and last batch ids. Anything else (a record reported twice, or not taken
  // from this ledger) changes nothing and returns false: reporting a drop twice is better
  // than hiding one.
  bool clear_reported(const DropRecord& reported);

  std::string to_json() const;
  static model::Result<DropLedger> from_json(std::string_view text);

 private:
  std::deque<DropEvent> events_;
};

}  // namespace zt::transport
