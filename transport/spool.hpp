#pragma once
// The agent's durable spool: finished batches wait on disk, under <state_dir>/spool, until
// the ingest has acknowledged them (DESIGN.md, "Delivery": at least once from the agent).
//
// Layout (folders 0700, files 0600):
//   spool/<sequence>.batch       one batch per file, oldest first (spool_record.hpp)
//   spool/drops.json             lost batches not yet reported to the server (spool_drops.hpp)
//   spool/quarantine/<name>      files found torn or damaged, each with <name>.reason
//   spool/dead-letter/<name>     batches the ingest refused for good, each with <name>.reason
//
// Crash consistency: every file is written as <name>.tmp, fsynced, renamed, and the folder
// fsynced. A crash leaves either the old state or the new one, and at worst a .tmp file or a
// torn record, which open() moves to quarantine/ (counted) and never stalls on.
//
// No batch is lost silently. Each path that loses one counts it:
//   - dropped: the byte bound pushed it out, or put() could not store it. Kept in the drop
//     ledger (persisted, survives restarts) until the uploader has reported it to the server
//     with a heartbeat and calls clear_reported_drops().
//   - quarantined: a file that was not a whole record (counted as files: a damaged header
//     cannot say which batch it was). The file stays in quarantine/ for a person to look at.
//   - dead-lettered: the ingest refused it for good; it stays in dead-letter/ with the reason.
// quarantine/ and dead-letter/ keep the newest max_set_aside_files files each; older ones are
// deleted (they were counted when set aside).
//
// Crash windows, all on the side of saying too much: a drop is recorded before the dropped
// file is deleted, so a crash in between reports a batch as dropped that is still sent later;
// a batch dropped while the uploader is sending it may also arrive. The server then knows of
// a gap that is not one, never the reverse. A crash between the ingest's answer and
// acknowledge() sends the batch again, which the ingest acknowledges as a duplicate.
//
// Threads: every method may be called from any thread. The intended use is put() from the
// scan thread while the upload thread runs wait_for_batch() / front() / acknowledge(). put()
// does its file I/O outside the lock the upload thread takes, and puts run one at a time,
// so batches become visible in sequence order.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schema-client/model/batch.hpp"
#include "schema-client/model/result.hpp"
#include "schema-client/model/timestamp.hpp"
#include "transport/spool_dir.hpp"
#include "transport/spool_drops.hpp"

namespace zt::transport {

struct SpoolLimits {
  // The batch files in spool/ (header and gzip body) are kept at or under this many bytes by
  // dropping the oldest. (A single batch that was stored under a larger limit is kept.)
  std::uint64_t max_bytes = 256ull * 1024 * 1024;
  // Files kept in each of quarantine/ and dead-letter/ (not counting the .reason files).
  std::size_t max_set_aside_files = 100;
};

struct SpooledBatch {
  std::uint64_t sequence = 0;
  std::string batch_id;
  std::uint64_t finding_count = 0;
  std::uint64_t bytes = 0;  // the size of its file, what it counts against max_bytes
  model::Timestamp spooled_at{};
  // The request body: the batch's wire-format JSON, gzip-compressed, ready to send with
  // Content-Encoding: gzip.
  std::string body;
};

struct SpoolStats {
  std::uint64_t bytes = 0;                         // of the batches waiting
  std::uint64_t batches = 0;                       // waiting
  std::optional<std::chrono::seconds> oldest_age;  // of the oldest waiting; nullopt if none
  DropRecord dropped;                              // not yet reported; survives restarts
  // Counted since open(): the counters of this process, as metrics usually are.
  std::uint64_t dead_lettered = 0;
  std::uint64_t quarantined = 0;
  // File operations that failed without losing a batch: a delete (the batch is sent again
  // after a restart and acknowledged as a duplicate) or a save of the drop ledger (retried
  // with the next change, the ledger is kept in memory meanwhile).
  std::uint64_t io_errors = 0;
};

class Spool {
 public:
  using Clock = std::function<model::Timestamp()>;

  // Opens <state_dir>/spool and its quarantine/ and dead-letter/ folders, creating them
  // (0700) and any missing parents, tightening looser modes to 0700. Reads every file:
  // whole records are queued in sequence order; anything else (a .tmp left by a crash, a
  // short file, a damaged header or payload, a header whose sequence is not its name, an
  // unknown file) is moved to quarantine/ and counted. If the files exceed max_bytes (the
  // limit was lowered) the oldest are dropped. Loads the drop ledger (a damaged one is
  // quarantined: its drops are lost, and counted as one quarantined file).
  // Errors only when a folder cannot be created, opened or listed: the message names the
  // path and the errno text. A bad file never makes it fail.
  // `clock` gives spooled_at, drop times and ages; tests pass a fixed one.
  static model::Result<std::unique_ptr<Spool>> open(const std::filesystem::path& state_dir,
                                                    SpoolLimits limits = {},
                                                    Clock clock = model::now);

  Spool(const Spool&) = delete;
  Spool& operator=(const Spool&) = delete;
  ~Spool();

  // Serialises the batch (model::serialize), gzips it and writes "<sequence>.batch"
  // crash-consistently (mode 0600); the sequence is one more than any before, also across
  // restarts. Then, while the spool holds more than max_bytes, drops the oldest batches,
  // never this one, and records the drops.
  // A batch larger than max_bytes on its own is not stored: nothing else is dropped for it.
  // On any error (that, an empty or over-long batch_id, disk full, an I/O error) the batch is
  // not stored, is recorded in the drop ledger like any other lost batch, and the error
  // names the cause; the caller has only to log it.
  model::Status put(const model::Batch& batch);

  // The oldest batch not yet acknowledged, read from its file and checked again; nullopt
  // when the spool is empty. Does not remove it: call acknowledge() or dead_letter() when
  // the ingest has answered. A file found damaged now is quarantined (counted) and the next
  // batch is returned instead.
  std::optional<SpooledBatch> front();

  // The ingest acknowledged the batch (2xx, or its answer that it is a duplicate): deletes
  // its file and fsyncs the folder. An unknown sequence (already dropped) is ignored.
  void acknowledge(std::uint64_t sequence);

  // The ingest refused the batch for good (a 4xx other than 401, 408 and 429): moves its
  // file to dead-letter/ with "<name>.reason" beside it holding `reason`, and counts it.
  // An unknown sequence is ignored.
  void dead_letter(std::uint64_t sequence, std::string_view reason);

  SpoolStats stats() const;

  // The server accepted a heartbeat that carried `reported` (stats().dropped taken earlier):
  // forgets those drops and saves the ledger. Drops recorded after `reported` was taken are
  // kept. A record that is not the oldest part of the ledger (one cleared already) changes
  // nothing and logs a warning.
  void clear_reported_drops(const DropRecord& reported);

  // For the upload loop: blocks until a batch is waiting (returns true), or `deadline` has
  // passed or wake() was called (returns whether a batch is waiting). A wake() with nobody
  // waiting makes the next call return at once, so a stop request is never missed.
  bool wait_for_batch(std::chrono::steady_clock::time_point deadline);
  void wake();

 private:
  struct Entry {
    std::string batch_id;
    std::uint64_t finding_count = 0;
    std::uint64_t bytes = 0;
    model::Timestamp spooled_at{};
  };

  Spool(SpoolLimits limits, Clock clock, SpoolDir spool, SpoolDir quarantine, SpoolDir dead_letter);

  // Queues the whole records among `entries` (the listing of spool/), quarantines the rest.
  void load(const std::vector<SpoolDir::Entry>& entries);
  void load_ledger();
  // Moves a file of spool/ to quarantine/ with its reason. Counts it and logs.
  void quarantine(const std::string& name, const std::string& reason);
  // Moves `name` from spool/ into `folder` and writes the reason beside it; trims the folder.
  model::Status set_aside(const std::string& name, const SpoolDir& folder,
                          const std::string& reason);
  void trim(const SpoolDir& folder);
  // Under mutex_: takes the oldest batches out of the queue until the bound holds (keeping
  // the newest), records them as dropped, returns their sequences.
  std::vector<std::uint64_t> drop_over_limit_locked();
  void record_drop_locked(const std::string& batch_id, std::uint64_t findings);
  // Writes drops.json if the ledger changed since it was last written.
  void save_ledger();
  void delete_files(const std::vector<std::uint64_t>& sequences);

  const SpoolLimits limits_;
  const Clock clock_;
  const SpoolDir spool_dir_;
  const SpoolDir quarantine_dir_;
  const SpoolDir dead_letter_dir_;

  std::mutex put_mutex_;             // one put() at a time, so files appear in sequence order
  std::uint64_t next_sequence_ = 1;  // guarded by put_mutex_
  std::mutex ledger_file_mutex_;     // one writer of drops.json at a time
  std::uint64_t ledger_saved_version_ = 0;  // guarded by ledger_file_mutex_
  std::mutex set_aside_mutex_;              // one mover into quarantine/ and dead-letter/ at a time

  mutable std::mutex mutex_;  // guards everything below
  std::condition_variable changed_;
  std::map<std::uint64_t, Entry> queue_;
  std::uint64_t bytes_ = 0;
  DropLedger drops_;
  std::uint64_t ledger_version_ = 0;
  std::uint64_t dead_lettered_ = 0;
  std::uint64_t quarantined_ = 0;
  std::uint64_t io_errors_ = 0;
  bool wake_pending_ = false;
};

}  // namespace zt::transport
