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
    const SpooledBatch& record, std::optional<std::size_t> advised,
    const Differential& differential, bool& cut_made) {
  cut_made = false;
  if (!held_ || held_->sequence != record.sequence) {
    held_.reset();
    auto json = base::gzip_decompress(record.body, kMaxScanJson);
    if (!json) return Unreadable{json.error().message, true};
    const auto document = nlohmann::json::parse(*json, nullptr, false);
    if (document.is_discarded()) return Unreadable{"not JSON", true};
    auto scan = model::batch_from_json(document);
    if (!scan) return Unreadable{"the batch is refused: " + scan.error().message, false};
    held_ = Held{record.sequence, std::move(scan).value(), {}, {}, 0};
    if (model::can_be_baseline(held_->scan)) held_->state = model::baseline_of(held_->scan);
  }
  if (legacy()) return record.progress.value_or(ScanProgress{});
  if (record.progress && !record.progress->legacy()) {
    ScanProgress progress = *record.progress;
    if (!progress.delta() || held_->delta) return progress;
    // After a restart: the same delta again, if its base is still the one kept.
    const auto base = differential.baseline ? differential.baseline(collectors()) : std::nullopt;
    if (base && base->digest == progress.delta_base && make_delta(*base, limits_for(advised)))
      return progress;
    cut_whole(progress, advised, true);
    cut_made = true;
    return progress;
  }
  cut_made = true;
  return first_cut(record.progress.value_or(ScanProgress{}), advised, differential);
}

SplitLimits PartPlanner::limits_for(std::optional<std::size_t> advised) const {
  SplitLimits limits = limits_;
  if (advised) limits.max_findings = std::min(limits.max_findings, *advised);
  return limits;
}

ScanProgress PartPlanner::first_cut(ScanProgress progress, std::optional<std::size_t> advised,
                                    const Differential& differential) {
  const SplitLimits limits = limits_for(advised);
  progress.digest = differential.enabled && held_->state.has_value();
  if (progress.digest && differential.baseline)
    if (const auto base = differential.baseline(collectors());
        base && base->deltas + 1 < differential.full_every && make_delta(*base, limits)) {
      progress.delta_base = base->digest;
      progress.ends = {0};
      return progress;
    }
  progress.ends = cut_points(held_->scan, 0, limits);
  return progress;
}

bool PartPlanner::make_delta(const model::ScanBaseline& base, const SplitLimits& limits) {
  auto delta = model::delta_of(held_->scan, base);
  if (!delta || delta->findings.size() > limits.max_findings ||
      cut_points(*delta, 0, limits).size() != 1)
    return false;
  held_->delta = std::move(delta);
  held_->base_deltas = base.deltas;
  return true;
}

void PartPlanner::cut_whole(ScanProgress& progress, std::optional<std::size_t> advised,
                            bool digest) {
  ScanProgress whole;
  whole.generation = progress.generation + 1;
  whole.digest = digest && held_->state.has_value();
  whole.ends = cut_points(held_->scan, 0, limits_for(advised));
  progress = std::move(whole);
  held_->delta.reset();
}

std::string PartPlanner::collectors() const { return model::collectors_key(held_->scan.scan); }

std::optional<model::ScanBaseline> PartPlanner::acknowledged_baseline(
    const ScanProgress& progress) const {
  if (!progress.digest || !held_->state) return std::nullopt;
  model::ScanBaseline baseline = *held_->state;
  baseline.deltas = progress.delta() ? held_->base_deltas + 1 : 0;
  return baseline;
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
  out.digest = progress.digest;
  out.delta = progress.delta();
  if (progress.delta()) {
    model::Batch delta = *held_->delta;
    delta.batch_id = out.batch_id;
    out.items = delta.findings.size();
    out.body = model::serialize(delta);
    return out;
  }
  const std::size_t begin = progress.begin_of(out.part), end = progress.end_of(out.part);
  out.items = end - begin;
  model::Batch part = part_of(scan, begin, end, out.part, out.parts, out.batch_id);
  if (progress.digest) part.digest = held_->state->digest;
  out.body = model::serialize(part);
  return out;
}

bool PartPlanner::recut(ScanProgress& progress, std::optional<std::size_t> advised) const {
  if (legacy() || progress.done() || progress.delta()) return false;
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
  next.digest = progress.digest;
  next.ends = cut_points(held_->scan, begin, limits);
  progress = std::move(next);
  return true;
}

}  // namespace zt::transport
