// Spool::open and what it does before the spool is handed out: the folders, the files found
// in them, the drop ledger.
#include "transport/spool.hpp"

#include <algorithm>

#include "transport/spool_internal.hpp"
#include "transport/spool_record.hpp"

namespace zt::transport {
namespace {

// A ledger holds one short line per unreported drop; anything this large is not one.
constexpr std::uint64_t kMaxLedgerBytes = 64ull * 1024 * 1024;
constexpr std::string_view kTmpSuffix = ".tmp";

// Checks a record file without holding it in memory: the header, the size the header
// promises, and the payload's SHA-256.
model::Result<RecordHeader> check_record_file(const SpoolDir& dir, const std::string& name,
                                              std::uint64_t size) {
  auto head = dir.read_prefix(name, kMaxRecordHeaderSize);
  if (!head) return head.error();
  auto header = decode_record_header(*head);
  if (!header) return header.error();
  if (header->payload_size > size || size - header->payload_size != header->size())
    return model::Error{"spool record: " + std::to_string(size) + " bytes, the header says " +
                        std::to_string(header->size()) + " + " +
                        std::to_string(header->payload_size)};
  Sha256 hash;
  auto read =
      dir.read_pieces(name, header->size(), [&](std::string_view piece) { hash.update(piece); });
  if (!read) return read.error();
  if (*read != header->payload_size || hash.finish() != header->payload_sha256)
    return model::Error{"spool record: payload checksum mismatch"};
  return header;
}

}  // namespace

model::Result<std::unique_ptr<Spool>> Spool::open(const std::filesystem::path& state_dir,
                                                  SpoolLimits limits, Clock clock) {
  auto state = SpoolDir::open(state_dir);
  if (!state) return state.error();
  auto spool = state->open_child(kSpoolFolderName);
  if (!spool) return spool.error();
  auto quarantine = spool->open_child(kQuarantineFolderName);
  if (!quarantine) return quarantine.error();
  auto dead_letter = spool->open_child(kDeadLetterFolderName);
  if (!dead_letter) return dead_letter.error();
  // The listings are the last checks that can fail: after them, bad files are quarantined.
  auto files = spool->list();
  if (!files) return files.error();
  for (const SpoolDir* dir : {&*quarantine, &*dead_letter})
    if (auto listed = dir->list(); !listed) return listed.error();
  std::unique_ptr<Spool> opened(new Spool(limits, std::move(clock), std::move(spool).value(),
                                          std::move(quarantine).value(),
                                          std::move(dead_letter).value()));
  opened->load(*files);
  return opened;
}

void Spool::load(const std::vector<SpoolDir::Entry>& entries) {
  std::uint64_t last_sequence = 0;
  std::vector<std::uint64_t> progress_files;  // looked at once every record is in
  for (const SpoolDir::Entry& entry : entries) {
    if (entry.name == kSpoolLedgerFile) {
      load_ledger();
      continue;
    }
    if (entry.kind == SpoolDir::Kind::directory) {
      if (entry.name != kQuarantineFolderName && entry.name != kDeadLetterFolderName)
        spool_log()->warn("{}: unknown folder in the spool, left alone",
                          (spool_dir_.path() / entry.name).string());
      continue;
    }
    const std::optional<std::uint64_t> sequence = record_sequence(entry.name);
    if (sequence) last_sequence = std::max(last_sequence, *sequence);
    if (entry.name.ends_with(kTmpSuffix) && entry.kind == SpoolDir::Kind::file) {
      remove_uncommitted(entry.name);
      continue;
    }
    if (const auto progress = progress_sequence(entry.name);
        progress && entry.kind == SpoolDir::Kind::file) {
      progress_files.push_back(*progress);
      continue;
    }
    if (entry.kind != SpoolDir::Kind::file || !sequence ||
        entry.name != record_file_name(*sequence)) {
      quarantine(entry.name, "not a spool file");
      continue;
    }
    auto header = check_record_file(spool_dir_, entry.name, entry.size);
    if (!header) {
      quarantine(entry.name, header.error().message);
      continue;
    }
    if (header->sequence != *sequence) {
      quarantine(entry.name, "the header says sequence " + std::to_string(header->sequence));
      continue;
    }
    if (entry.mode != 0600) {
      if (auto fixed = spool_dir_.make_private(entry.name); !fixed)
        spool_log()->warn("{}", fixed.error().message);
    }
    queue_.emplace(*sequence,
                   Entry{header->batch_id, header->finding_count, entry.size, header->spooled_at});
    bytes_ += entry.size;
  }
  for (const std::uint64_t sequence : progress_files) {
    if (const auto it = queue_.find(sequence); it != queue_.end()) {
      it->second.has_progress = true;
      continue;
    }
    // Its record was acknowledged, dropped or set aside just before a crash.
    spool_log()->info("{}: its record is gone, deleted",
                      (spool_dir_.path() / progress_file_name(sequence)).string());
    remove_progress(sequence);
  }
  // Sequences never repeat while a file of that number exists anywhere in the spool.
  for (const SpoolDir* folder : {&quarantine_dir_, &dead_letter_dir_}) {
    if (auto set_aside = folder->list())
      for (const SpoolDir::Entry& entry : *set_aside)
        if (auto sequence = record_sequence(entry.name))
          last_sequence = std::max(last_sequence, *sequence);
  }
  next_sequence_ = last_sequence + 1;

  std::vector<std::uint64_t> dropped;
  {
    std::lock_guard lock(mutex_);
    dropped = drop_over_limit_locked();
  }
  save_ledger();
  delete_files(dropped);
  {
    std::lock_guard lock(set_aside_mutex_);
    trim(quarantine_dir_);
    trim(dead_letter_dir_);
  }
  spool_log()->info(
      "{}: {} records waiting ({} bytes), {} files quarantined, {} interrupted writes deleted, "
      "{} unreported drops",
      spool_dir_.path().string(), queue_.size(), bytes_, quarantined_, uncommitted_removed_,
      drops_.events().size());
}

void Spool::remove_uncommitted(const std::string& name) {
  spool_log()->info("{}: a write interrupted before it was committed (a crash), deleted",
                    (spool_dir_.path() / name).string());
  ++uncommitted_removed_;  // open(): no other thread yet
  if (auto removed = spool_dir_.remove(name); !removed) {
    ++io_errors_;
    spool_log()->error("{}", removed.error().message);
  }
}

void Spool::load_ledger() {
  auto text = spool_dir_.read(kSpoolLedgerFile, kMaxLedgerBytes);
  auto ledger = text ? DropLedger::from_json(*text) : model::Result<DropLedger>(text.error());
  if (!ledger) {
    spool_log()->error("the drop ledger is damaged; the drops it held cannot be reported: {}",
                       ledger.error().message);
    quarantine(kSpoolLedgerFile, ledger.error().message);
    return;
  }
  std::lock_guard lock(mutex_);
  drops_ = std::move(ledger).value();
}

}  // namespace zt::transport
