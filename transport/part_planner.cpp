#include "transport/part_planner.hpp"

#include <algorithm>

#include "schema-client/model/wire_format.hpp"
#include "schema-client/base/gzip.hpp"

namespace zt::transport {
namespace {

// A spooled scan inflates to at most this: far above any scan the agent makes.
constexpr std::size_t kMaxScanJson = 1024ull * 1024 * 1024;

}  // namespace

std::variant<ScanProgress, PartPlanner::Unreadable> PartPlanner::progress_of(
    const SpooledBatch& record, std::optional<std::size_t> advised, bool& cut_made) {
  cut_made = false;
  if (!held_ || held_->sequence != record.sequence) {
    held_.reset();
    auto json = base::gzip_decompress(record.body, kMaxScanJson);
    if (!json) return Unreadable{json.error().message, true};
    const auto document = nlohmann::json::parse(*json, nullptr, false);
    if (document.is_discarded()) return Unreadable{"not JSON", true};
    auto scan = model::batch_from_json(document);
    if (!scan) return Unreadable{"the batch is refused: " + scan.error().message, false};
    held_ = Held{record.sequence, std::move(scan).value()};
  }
  if (legacy() || (record.progress && !record.progress->legacy()))
    return record.progress.value_or(ScanProgress{});
  ScanProgress progress = record.progress.value_or(ScanProgress{});  // its counters, if any
  SplitLimits limits = limits_;
  if (advised) limits.max_findings = std::min(limits.max_findings, *advised);
  progress.ends = cut_points(held_->scan, 0, limits);
  cut_made = true;
  return progress;
}

NextPart PartPlanner::next(const SpooledBatch& record, const ScanProgress& progress) const {
  const model::Batch& scan = held_->scan;
  NextPart out;
  if (legacy()) {
    out.batch_id = scan.batch_id;
    out.part = scan.part;
    out.parts = scan.parts;
    out.items = item_count(scan);
    out.body = record.body;
    out.encoding = BodyEncoding::gzip_encoded;
    out.legacy = true;
    return out;
  }
  out.part = progress.acked + 1;
  out.parts = progress.parts();
  out.batch_id = part_batch_id(scan.batch_id, progress.generation, out.part);
  const std::size_t begin = progress.begin_of(out.part), end = progress.end_of(out.part);
  out.items = end - begin;
  out.body = model::serialize(part_of(scan, begin, end, out.part, out.parts, out.batch_id));
  return out;
}

bool PartPlanner::recut(ScanProgress& progress, std::optional<std::size_t> advised) const {
  if (legacy() || progress.done()) return false;
  const int part = progress.acked + 1;
  const std::size_t begin = progress.begin_of(part);
  const std::size_t refused = progress.end_of(part) - begin;
  if (refused <= 1) return false;
  SplitLimits limits = limits_;
  limits.max_findings = advised && *advised < refused ? *advised : refused / 2;
  ScanProgress next;
  next.generation = progress.generation + 1;
  next.base_part = progress.acked;
  next.base_item = begin;
  next.acked = progress.acked;
  next.ends = cut_points(held_->scan, begin, limits);
  progress = std::move(next);
  return true;
}

}  // namespace zt::transport
