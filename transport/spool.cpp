#include "transport/spool.hpp"

#include <algorithm>
#include <tuple>

#include "schema-client/model/wire_format.hpp"
#include "schema-client/base/gzip.hpp"
#include "schema-client/base/logger.hpp"
#include "transport/spool_internal.hpp"
#include "transport/spool_record.hpp"

namespace zt::transport {
std::shared_ptr<spdlog::logger> spool_log() { return base::named_logger(kSpoolLoggerName); }

Spool::Spool(SpoolLimits limits, Clock clock, SpoolDir spool, SpoolDir quarantine,
             SpoolDir dead_letter)
    : limits_(limits),
      clock_(std::move(clock)),
      spool_dir_(std::move(spool)),
      quarantine_dir_(std::move(quarantine)),
      dead_letter_dir_(std::move(dead_letter)) {}

Spool::~Spool() = default;

model::Status Spool::put(const model::Batch& batch) {
  std::lock_guard put_lock(put_mutex_);
  const auto lost = [&](const std::string& problem) -> model::Status {
    {
      std::lock_guard lock(mutex_);
      record_drop_locked(batch.batch_id, batch.findings.size());
    }
    save_ledger();
    const std::string message =
        "batch " + batch.batch_id + " not spooled (counted as dropped): " + problem;
    spool_log()->error("{}", message);
    return model::Error{message};
  };

  auto body = base::gzip_compress(model::serialize(batch));
  if (!body) return lost(body.error().message);
  const std::uint64_t sequence = next_sequence_;
  RecordHeader header;
  header.sequence = sequence;
  header.batch_id = batch.batch_id;
  header.finding_count = batch.findings.size();
  header.spooled_at = clock_();
  auto record = encode_record(header, *body);
  if (!record) return lost(record.error().message);
  if (record->size() > limits_.max_bytes)
    return lost(std::to_string(record->size()) + " bytes compressed, more than the spool's " +
                "limit of " + std::to_string(limits_.max_bytes));
  if (auto written = spool_dir_.write_durably(record_file_name(sequence), *record); !written)
    return lost(written.error().message);
  ++next_sequence_;
  spool_log()->info("spooled batch {} (scan {}, {} findings, {} packages, part {} of {})",
                    batch.batch_id, batch.scan.id, batch.findings.size(),
                    batch.dependencies.size(), batch.part, batch.parts);

  std::vector<std::uint64_t> dropped;
  {
    std::lock_guard lock(mutex_);
    queue_.emplace(sequence,
                   Entry{header.batch_id, header.finding_count, record->size(), header.spooled_at});
    bytes_ += record->size();
    dropped = drop_over_limit_locked();
  }
  changed_.notify_all();
  // The drop is on disk before the dropped files go: a crash in between over-reports.
  save_ledger();
  delete_files(dropped);
  return model::Ok{};
}

std::optional<SpooledBatch> Spool::front() {
  for (;;) {
    std::uint64_t sequence = 0;
    Entry entry;
    {
      std::lock_guard lock(mutex_);
      if (queue_.empty()) return std::nullopt;
      std::tie(sequence, entry) = *queue_.begin();
    }
    const std::string name = record_file_name(sequence);
    auto file = spool_dir_.read(name, entry.bytes);
    std::string problem;
    if (file) {
      auto record = decode_record(*file);
      if (record && record->header.sequence == sequence) {
        const std::size_t header_size = record->header.size();
        std::string body = std::move(file).value();
        body.erase(0, header_size);
        std::optional<ScanProgress> progress;
        if (entry.has_progress) progress = read_progress(sequence);
        return SpooledBatch{sequence,    entry.batch_id,   entry.finding_count,
                            entry.bytes, entry.spooled_at, std::move(body),
                            std::move(progress)};
      }
      problem = record ? "the header says sequence " + std::to_string(record->header.sequence)
                       : record.error().message;
    } else {
      problem = file.error().message;
    }
    {
      std::lock_guard lock(mutex_);
      // Acknowledged or dropped by another thread while we read: not a damaged file.
      if (queue_.erase(sequence) == 0) continue;
      bytes_ -= entry.bytes;
    }
    quarantine(name, problem);
  }
}

bool Spool::take_locked(std::uint64_t sequence, Entry* taken) {
  const auto it = queue_.find(sequence);
  if (it == queue_.end()) {
    spool_log()->debug("record {} is no longer in the spool", sequence);
    return false;
  }
  if (taken) *taken = it->second;
  bytes_ -= it->second.bytes;
  queue_.erase(it);
  return true;
}

model::Status Spool::save_progress(std::uint64_t sequence, const ScanProgress& progress) {
  {
    std::lock_guard lock(mutex_);
    if (!queue_.contains(sequence)) return model::Ok{};
  }
  if (auto written = spool_dir_.write_durably(progress_file_name(sequence), to_text(progress));
      !written)
    return written;
  std::lock_guard lock(mutex_);
  if (const auto it = queue_.find(sequence); it != queue_.end()) it->second.has_progress = true;
  return model::Ok{};
}

std::optional<ScanProgress> Spool::read_progress(std::uint64_t sequence) {
  // A progress holds a few numbers per part; this is far more than a scan of kMaxParts has.
  constexpr std::uint64_t kMaxProgressBytes = 16ull * 1024 * 1024;
  const std::string name = progress_file_name(sequence);
  auto text = spool_dir_.read(name, kMaxProgressBytes);
  auto progress = text ? progress_from_text(*text) : model::Result<ScanProgress>(text.error());
  if (progress) return std::move(progress).value();
  {
    std::lock_guard lock(mutex_);
    if (const auto it = queue_.find(sequence); it != queue_.end()) it->second.has_progress = false;
  }
  quarantine(name, progress.error().message + "; the record starts over with a new cut");
  return std::nullopt;
}

void Spool::acknowledge(std::uint64_t sequence) {
  {
    std::lock_guard lock(mutex_);
    if (!take_locked(sequence)) return;
  }
  delete_files({sequence});
  save_ledger();  // retries a save that failed earlier
}

void Spool::quarantine_record(std::uint64_t sequence, const std::string& reason) {
  {
    std::lock_guard lock(mutex_);
    if (!take_locked(sequence)) return;
  }
  quarantine(record_file_name(sequence), reason);
  remove_progress(sequence);
}

void Spool::dead_letter(std::uint64_t sequence, std::string_view reason) {
  Entry entry;
  {
    std::lock_guard lock(mutex_);
    if (!take_locked(sequence, &entry)) return;
    ++dead_lettered_;
  }
  spool_log()->warn("batch {} ({} findings) refused by the ingest for good, moved to {}: {}",
                    entry.batch_id, entry.finding_count, dead_letter_dir_.path().string(), reason);
  const std::string details = "batch_id: " + entry.batch_id + "\nreason: " + std::string(reason);
  if (auto moved = set_aside(record_file_name(sequence), dead_letter_dir_, details); !moved) {
    std::lock_guard lock(mutex_);
    ++io_errors_;
    spool_log()->error("{}", moved.error().message);
  }
  remove_progress(sequence);
  save_ledger();
}

SpoolStats Spool::stats() const {
  std::lock_guard lock(mutex_);
  SpoolStats stats;
  stats.bytes = bytes_;
  stats.batches = queue_.size();
  if (!queue_.empty()) {
    const auto age =
        std::chrono::floor<std::chrono::seconds>(clock_() - queue_.begin()->second.spooled_at);
    stats.oldest_age = std::max(age, std::chrono::seconds(0));
  }
  stats.dropped = drops_.summary();
  stats.dead_lettered = dead_lettered_;
  stats.quarantined = quarantined_;
  stats.uncommitted_removed = uncommitted_removed_;
  stats.io_errors = io_errors_;
  return stats;
}

void Spool::clear_reported_drops(const DropRecord& reported) {
  {
    std::lock_guard lock(mutex_);
    if (!drops_.clear_reported(reported)) {
      spool_log()->warn(
          "clear_reported_drops: {} batches from {} to {} are not the oldest unreported "
          "drops (reported twice?); kept",
          reported.batches, reported.first_batch_id.value_or("?"),
          reported.last_batch_id.value_or("?"));
      return;
    }
    if (reported.batches > 0) ++ledger_version_;
  }
  save_ledger();
}

bool Spool::wait_for_batch(std::chrono::steady_clock::time_point deadline) {
  std::unique_lock lock(mutex_);
  changed_.wait_until(lock, deadline, [&] { return !queue_.empty() || wake_pending_; });
  wake_pending_ = false;
  return !queue_.empty();
}

void Spool::wake() {
  {
    std::lock_guard lock(mutex_);
    wake_pending_ = true;
  }
  changed_.notify_all();
}

void Spool::quarantine(const std::string& name, const std::string& reason) {
  spool_log()->warn("{}: quarantined: {}", (spool_dir_.path() / name).string(), reason);
  const model::Status moved = set_aside(name, quarantine_dir_, "reason: " + reason);
  std::lock_guard lock(mutex_);
  ++quarantined_;
  if (!moved) {
    ++io_errors_;
    spool_log()->error("{}", moved.error().message);
  }
}

model::Status Spool::set_aside(const std::string& name, const SpoolDir& folder,
                               const std::string& details) {
  std::lock_guard lock(set_aside_mutex_);
  auto moved = spool_dir_.move_to(name, folder, name);
  if (!moved) return moved.error();
  const std::string text = details + "\nfile: " + (spool_dir_.path() / name).string() +
                           "\nset_aside_at: " + model::format_timestamp(clock_()) + "\n";
  auto written = folder.write_durably(*moved + std::string(kSpoolReasonSuffix), text);
  trim(folder);
  return written;
}

void Spool::trim(const SpoolDir& folder) {
  auto listed = folder.list();
  if (!listed) {
    spool_log()->warn("{}", listed.error().message);
    return;
  }
  std::vector<SpoolDir::Entry> kept;
  for (SpoolDir::Entry& entry : *listed)
    if (entry.kind != SpoolDir::Kind::directory && !entry.name.ends_with(kSpoolReasonSuffix))
      kept.push_back(std::move(entry));
  if (kept.size() <= limits_.max_set_aside_files) return;
  std::sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) {
    return std::tie(a.mtime, a.name) < std::tie(b.mtime, b.name);
  });
  const std::size_t excess = kept.size() - limits_.max_set_aside_files;
  for (std::size_t i = 0; i < excess; ++i) {
    spool_log()->info("{}: more than {} files, deleting the oldest, {}", folder.path().string(),
                      limits_.max_set_aside_files, kept[i].name);
    for (const std::string& name : {kept[i].name, kept[i].name + std::string(kSpoolReasonSuffix)})
      if (auto removed = folder.remove(name); !removed)
        spool_log()->warn("{}", removed.error().message);
  }
}

std::vector<std::uint64_t> Spool::drop_over_limit_locked() {
  std::vector<std::uint64_t> dropped;
  while (bytes_ > limits_.max_bytes && queue_.size() > 1) {
    const auto oldest = queue_.begin();
    spool_log()->warn("spool over {} bytes: dropped the oldest batch, {} ({} findings)",
                      limits_.max_bytes, oldest->second.batch_id, oldest->second.finding_count);
    record_drop_locked(oldest->second.batch_id, oldest->second.finding_count);
    bytes_ -= oldest->second.bytes;
    dropped.push_back(oldest->first);
    queue_.erase(oldest);
  }
  return dropped;
}

void Spool::record_drop_locked(const std::string& batch_id, std::uint64_t findings) {
  drops_.add({batch_id, findings, clock_()});
  ++ledger_version_;
}

void Spool::save_ledger() {
  std::lock_guard file_lock(ledger_file_mutex_);
  std::string text;
  std::uint64_t version = 0;
  {
    std::lock_guard lock(mutex_);
    version = ledger_version_;
    if (version == ledger_saved_version_) return;
    text = drops_.to_json();
  }
  if (auto written = spool_dir_.write_durably(kSpoolLedgerFile, text); !written) {
    std::lock_guard lock(mutex_);
    ++io_errors_;
    spool_log()->error(
        "cannot save the drop ledger (kept in memory, saved again with the next "
        "change): {}",
        written.error().message);
    return;
  }
  ledger_saved_version_ = version;
}

void Spool::delete_files(const std::vector<std::uint64_t>& sequences) {
  for (const std::uint64_t sequence : sequences) {
    if (auto removed = spool_dir_.remove(record_file_name(sequence)); !removed) {
      std::lock_guard lock(mutex_);
      ++io_errors_;
      spool_log()->error("{} (the batch may be sent again after a restart)",
                         removed.error().message);
      continue;  // its progress stays with it
    }
    remove_progress(sequence);
  }
}

void Spool::remove_progress(std::uint64_t sequence) {
  if (auto removed = spool_dir_.remove(progress_file_name(sequence)); !removed) {
    std::lock_guard lock(mutex_);
    ++io_errors_;
    spool_log()->error("{} (deleted at the next start)", removed.error().message);
  }
}

}  // namespace zt::transport
