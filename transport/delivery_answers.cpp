// What an answer that is neither a delivery nor a plain retry does to the record being sent:
// a server error counted toward giving up, a 413 that re-cuts the scan, a delta sent again
// whole, giving up, and a spool file that could not be written; and the baselines of
// differential uploads. Part of Delivery (delivery.hpp), upload thread only.
#include "transport/delivery.hpp"

namespace zt::transport {
namespace {

using std::chrono::milliseconds;
using SteadyClock = std::chrono::steady_clock;

long long ms(milliseconds value) { return static_cast<long long>(value.count()); }

}  // namespace

void Delivery::spool_failure(const std::string& problem) {
  const milliseconds wait = backoff_.next(std::nullopt);
  record_failure(problem);
  delivery_log()->error("{}; the spool is retried in {} ms", problem, ms(wait));
  not_before_ = SteadyClock::now() + wait;
}

void Delivery::on_server_error(const SpooledBatch& record, const NextPart& part,
                               ScanProgress progress, const Classified& answer) {
  const model::Timestamp now = model::now();
  if (!progress.first_server_error_at) progress.first_server_error_at = now;
  ++progress.server_errors;
  {
    std::lock_guard lock(mutex_);
    ++stats_.server_errors;
  }
  if (progress.server_errors > options_.server_error_limit &&
      now - *progress.first_server_error_at >= options_.server_error_span) {
    give_up(record, part, progress,
            answer.reason + " (the server failed on it " + std::to_string(progress.server_errors) +
                " times since " + model::format_timestamp(*progress.first_server_error_at) + ")");
    pace(answer.retry_after, milliseconds(0));
    return;
  }
  if (auto saved = spool_.save_progress(record.sequence, progress); !saved)
    delivery_log()->error("{}: the server errors of batch {} are counted in memory only",
                          saved.error().message, part.batch_id);
  const milliseconds wait = backoff_.next(answer.retry_after);
  {
    std::lock_guard lock(mutex_);
    ++stats_.retries;
    ++stats_.uploads_failed;
  }
  record_failure(answer.reason);
  if (const auto held = log_limit_.admit("upload-retry"))
    delivery_log()->warn(
        "the server failed on batch {} ({}), {} time(s); given up after more than {} over {} s; "
        "next attempt in {} ms{}",
        part.batch_id, answer.reason, progress.server_errors, options_.server_error_limit,
        options_.server_error_span.count(), ms(wait), suppressed_note(*held));
  not_before_ = SteadyClock::now() + wait;
}

void Delivery::on_too_large(const SpooledBatch& record, const NextPart& part,
                            ScanProgress progress, const Classified& answer) {
  if (!planner_.recut(progress, answer.max_batch_findings)) {
    give_up(record, part, progress, answer.reason + " (it cannot be cut smaller)");
    pace(answer.retry_after, milliseconds(0));
    return;
  }
  if (auto saved = spool_.save_progress(record.sequence, progress); !saved)
    return spool_failure(saved.error().message);
  {
    std::lock_guard lock(mutex_);
    ++stats_.recuts;
    ++stats_.uploads_failed;
  }
  delivery_log()->warn(
      "batch {} (part {} of {}, {} items) is too large for the ingest ({}); what is not yet "
      "delivered of batch {} is cut again, into {} parts of {} in all",
      part.batch_id, part.part, part.parts, part.items, answer.reason, record.batch_id,
      progress.ends.size(), progress.parts());
  pace(answer.retry_after, milliseconds(0));
}

void Delivery::send_whole(const SpooledBatch& record, const NextPart& part,
                          ScanProgress progress, const Classified& answer, bool digest) {
  if (!digest) ingest_differential_ = false;
  planner_.cut_whole(progress, answer.max_batch_findings, digest && ingest_differential_);
  if (baselines_) (void)baselines_->forget(planner_.collectors());
  if (auto saved = spool_.save_progress(record.sequence, progress); !saved)
    return spool_failure(saved.error().message);
  {
    std::lock_guard lock(mutex_);
    ++stats_.sent_whole_again;
  }
  delivery_log()->info("batch {} ({}) was not taken as sent ({}); it is sent again whole, in {} "
                       "part(s)",
                       part.batch_id, part.delta ? "a delta" : "with its digest", answer.reason,
                       progress.parts());
  pace(answer.retry_after, milliseconds(0));
}

Differential Delivery::differential() const {
  Differential d;
  d.enabled = baselines_.has_value() && ingest_differential_;
  d.full_every = options_.full_upload_every;
  // Also while the ingest has not answered yet since a start: a delta cut before it is sent
  // again as it was when its baseline is still there.
  if (baselines_)
    d.baseline = [this](const std::string& collectors) { return baselines_->load(collectors); };
  return d;
}

void Delivery::keep_baseline(const ScanProgress& progress) {
  if (!baselines_) return;
  const std::optional<model::ScanBaseline> baseline = planner_.acknowledged_baseline(progress);
  const model::Status kept =
      baseline ? baselines_->save(*baseline) : baselines_->forget(planner_.collectors());
  if (!kept) {
    // The ingest holds the new base; a stale file here only costs a refused delta.
    delivery_log()->warn("{}; the next scan of {} is sent whole", kept.error().message,
                         planner_.collectors());
    (void)baselines_->forget(planner_.collectors());
  }
}

void Delivery::give_up(const SpooledBatch& record, const NextPart& part,
                       const ScanProgress& progress, const std::string& why) {
  std::string reason = why;
  if (part.parts > 1)
    reason = "part " + std::to_string(part.part) + " of " + std::to_string(part.parts) +
             " (batch_id " + part.batch_id + ", " + std::to_string(progress.acked) +
             " parts delivered before it): " + why;
  spool_.dead_letter(record.sequence, reason);
  backoff_.reset();  // the ingest answered: the way there works
  {
    std::lock_guard lock(mutex_);
    ++stats_.dead_lettered;
    ++stats_.uploads_failed;
  }
  record_failure(why);
  if (const auto held = log_limit_.admit("dead-letter"))
    delivery_log()->error("batch {} ({} findings) given up, moved to dead-letter: {}{}",
                          record.batch_id, record.finding_count, reason, suppressed_note(*held));
}

}  // namespace zt::transport
