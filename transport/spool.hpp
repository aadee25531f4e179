#pragma once
// The agent's durable spool: finished batches wait on disk, under <state_dir>/spool, until
// the ingest has acknowledged them: at least once from the agent (docs/ARCHITECTURE.md, "What
// the spool promises").
//
// Layout (folders 0700, files 0600):
//   spool/<sequence>.batch       one record per file, oldest first (spool_record.hpp): a whole
//                                scan, cut into parts only when it is sent (batch_splitter.hpp);
//                                or, written by the version before, one part of a scan
//   spool/<sequence>.progress    how far the delivery of that record has come: the cut, the
//                                parts acknowledged, the server errors (scan_progress.hpp)
//   spool/drops.json             lost batches not yet reported to the server (spool_drops.hpp)
//   spool/quarantine/<name>      files that were committed and are now damaged, each with
//                                <name>.reason
//   spool/dead-letter/<name>     scans the delivery gave up, each with <name>.reason
//
// A scan enters the spool whole or not at all: put() writes the whole scan as one record,
// committed by one rename, and the uploader sees nothing of it before. The parts it is cut
// into at send time are recorded in its .progress file before the first is sent, so they
// keep their batch_ids across restarts, and the record leaves the spool only when every part
// is acknowledged.
//
// Crash consistency: every file is written as <name>.tmp, fsynced, renamed, and the folder
// fsynced. A crash leaves either the old state or the new one, and at worst a .tmp file: a
// write that was never committed. open() deletes it and counts it apart
// (stats().uncommitted_removed); it is not damage. A committed file found torn or damaged
// is moved to quarantine/ (counted) and never stalls the spool. A crash between the deletion
// of a record and of its .progress leaves a .progress without a record, deleted by open().
// A damaged .progress is quarantined and its record starts over with a new cut; the parts
// the ingest already holds under the old cut's ids are then written again, the findings
// being upserted by fingerprint.
//
// No batch is lost silently. Each path that loses one counts it:
//   - dropped: the byte bound pushed it out, or put() could not store it. Kept in the drop
//     ledger (persisted, survives restarts) until the uploader has reported it to the server
//     with a heartbeat and calls clear_reported_drops().
//   - quarantined: a file that was not a whole record (counted as files: a damaged header
//     cannot say which batch it was). The file stays in quarantine/ for a person to look at.
//   - dead-lettered: the ingest refused it for good (a 4xx other than 401, 403, 408, 413
//     and 429: 401 and 403 refuse the api key, not the batch, which stays; 408 and 429 are
//     retried; 413 cuts it again, upload_outcome.hpp), or answered 500 for it too often, or
//     the model's reader refuses it; it stays in dead-letter/ with the reason.
// quarantine/ and dead-letter/ keep the newest max_set_aside_files files each; older ones are
// deleted (they were counted when set aside).
//
// Crash windows, all on the side of saying too much or sending twice:
//   - a drop is recorded before the dropped file is deleted, so a crash in between reports a
//     scan as dropped that is still sent later; a scan dropped while the uploader is sending
//     it may also arrive in part. The server then knows of a gap that is not one, never the
//     reverse.
//   - between the commit of a record and its "spooled batch" log line: the record is on disk
//     and not yet seen by the uploader (a test that kills the agent finds it there).
//   - between the cut's .progress and the first part's answer: the same cut, the same ids,
//     after the restart.
//   - between the ingest's answer to a part and save_progress() (or acknowledge() after the
//     last part): the part is sent again with the same batch_id, and the ingest acknowledges
//     it as a duplicate.
//   - between a 413 and the save of the new cut: the refused part is sent again under the old
//     cut, refused again, and cut again.
//
// Threads: every method may be called from any thread. The intended use is put() from the
// scan thread while the upload thread runs wait_for_batch() / front() / save_progress() /
// acknowledge(); save_progress() only from that one thread. put() does its file I/O outside
// the lock the upload thread takes, and puts run one at a time, so records become visible in
// sequence order.
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
#include "transport/scan_progress.hpp"

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
  // The batch's wire-format JSON, gzip-compressed: a whole scan, or (a record of the version
  // before) a part ready to send as it is with Content-Encoding: gzip.
  std::string body;
  // What save_progress() stored last for this record; nullopt before the first.
  std::optional<ScanProgress> progress;
};

struct SpoolStats {
  std::uint64_t bytes = 0;                         // of the records waiting
  std::uint64_t batches = 0;                       // records waiting (a scan each)
  std::optional<std::chrono::seconds> oldest_age;  // of the oldest waiting; nullopt if none
  DropRecord dropped;                              // not yet reported; survives restarts
  // Counted since open(): the counters of this process, as metrics usually are.
  std::uint64_t dead_lettered = 0;
  std::uint64_t quarantined = 0;
  // .tmp files of writes that were never committed (a crash), deleted by open().
  std::uint64_t uncommitted_removed = 0;
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
  // whole records are queued in sequence order, with their .progress files. A .tmp left by
  // a crash is deleted and counted as uncommitted_removed; a .progress whose record is gone
  // is deleted; anything else (a short file, a damaged header or payload, a header whose
  // sequence is not its name, an unknown file) is moved to quarantine/ and counted. If the files exceed max_bytes (the
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

  // The oldest record not yet acknowledged, read from its file and checked again, with its
  // progress; nullopt when the spool is empty. Does not remove it: call acknowledge() or
  // dead_letter() when the ingest has answered. A record found damaged now is quarantined
  // (counted) and the next one is returned instead; a damaged .progress is quarantined and
  // the record returned without one.
  std::optional<SpooledBatch> front();

  // Stores the delivery's progress with the record (crash-consistently). An error names the
  // file; the record is then not to be sent on the strength of it. An unknown sequence
  // (dropped meanwhile) is not an error, and nothing is written.
  model::Status save_progress(std::uint64_t sequence, const ScanProgress& progress);

  // The ingest acknowledged the record (every part of it): deletes its file, then its
  // .progress, and fsyncs the folder. An unknown sequence (already dropped) is ignored.
  void acknowledge(std::uint64_t sequence);

  // The record cannot be read as a batch although its checksums hold (written damaged):
  // moves it to quarantine/ with the reason, counted. An unknown sequence is ignored.
  void quarantine_record(std::uint64_t sequence, const std::string& reason);

  // The ingest refused the record's batch for good (upload_outcome.hpp: rejected, a single
  // item still too large after a 413, or a server error too many times; never unauthorized,
  // 401 or 403, which keeps the record): moves its file to dead-letter/ with "<name>.reason" beside it
  // holding `reason` (which says which part, when it was cut), deletes its .progress, and
  // counts it. An unknown sequence is ignored.
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
    bool has_progress = false;  // its .progress file exists
  };

  Spool(SpoolLimits limits, Clock clock, SpoolDir spool, SpoolDir quarantine, SpoolDir dead_letter);

  // Queues the whole records among `entries` (the listing of spool/), quarantines the rest.
  void load(const std::vector<SpoolDir::Entry>& entries);
  void load_ledger();
  // Deletes a .tmp file found by open() and counts it.
  void remove_uncommitted(const std::string& name);
  // Moves a file of spool/ to quarantine/ with its reason. Counts it and logs.
  void quarantine(const std::string& name, const std::string& reason);
  // Moves `name` from spool/ into `folder` and writes the reason beside it; trims the folder.
  model::Status set_aside(const std::string& name, const SpoolDir& folder,
                          const std::string& reason);
  void trim(const SpoolDir& folder);
  // Under mutex_: takes the oldest batches out of the queue until the bound holds (keeping
  // the newest), records them as dropped, returns their sequences.
  std::vector<std::uint64_t> drop_over_limit_locked();
  // Takes `sequence` out of the queue; false when it was not there.
  bool take_locked(std::uint64_t sequence, Entry* taken = nullptr);
  void record_drop_locked(const std::string& batch_id, std::uint64_t findings);
  // Writes drops.json if the ledger changed since it was last written.
  void save_ledger();
  // Deletes the records and then their .progress files.
  void delete_files(const std::vector<std::uint64_t>& sequences);
  void remove_progress(std::uint64_t sequence);
  std::optional<ScanProgress> read_progress(std::uint64_t sequence);

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
  std::uint64_t uncommitted_removed_ = 0;
  std::uint64_t io_errors_ = 0;
  bool wake_pending_ = false;
};

}  // namespace zt::transport
