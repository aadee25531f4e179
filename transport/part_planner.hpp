#pragma once
// PartPlanner: the upload loop's view of the record at the front of the spool. It reads the
// record's scan once (gunzip, parse) and keeps it while parts of it are sent, makes the cut
// (batch_splitter.hpp) that the Delivery stores in the record's progress before sending
// anything (scan_progress.hpp), gives the next part to send, and re-cuts what is not yet
// acknowledged after a 413.
//
// A record written by the version before (one part of a scan, `parts` > 1) is never cut: its
// stored body is sent as it is.
//
// Differential uploads (model/scan_baseline.hpp): when the ingest takes them, a scan that can
// be a base is cut with its digest, and goes as one delta against the baseline of its
// collectors when there is one, fewer than `full_every` - 1 deltas were sent since the last
// whole upload, the inventory is unchanged and the delta fits one part. A delta whose
// baseline is gone by the time it is sent again (a restart) is cut again whole.
//
// Holds no file: the Delivery saves the progress through the Spool. Upload thread only.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <variant>

#include "schema-client/model/batch.hpp"
#include "schema-client/model/result.hpp"
#include "schema-client/model/scan_baseline.hpp"
#include "transport/batch_splitter.hpp"
#include "transport/http_client.hpp"
#include "transport/scan_progress.hpp"
#include "transport/spool.hpp"

namespace zt::transport {

struct NextPart {
  std::string batch_id;
  int part = 1;
  int parts = 1;
  std::size_t items = 0;  // config files, findings and dependencies in it
  std::string body;
  BodyEncoding encoding = BodyEncoding::gzip;
  bool legacy = false;  // a part spooled by the version before, sent as it was stored
  bool delta = false;   // the scan as a delta (one part)
  bool digest = false;  // it carries the scan's digest (a delta always does)
};

// What the delivery knows for differential uploads when it cuts a record.
struct Differential {
  bool enabled = false;  // the ingest takes digests and deltas, and full_every > 1: new cuts
                         // carry digests and may be deltas
  int full_every = 24;   // every so many uploads of a scan's collectors, one is whole
  // The baseline kept for a scan's collectors (model::collectors_key), if any.
  std::function<std::optional<model::ScanBaseline>(const std::string& collectors)> baseline;
};

class PartPlanner {
 public:
  explicit PartPlanner(SplitLimits limits) : limits_(limits) {}

  // Why a record cannot be sent: `damaged`, it is not gzip'd JSON (its checksums held, so it
  // was written so: to quarantine); else the model's reader refuses the batch in it (a value
  // no column takes: the ingest would refuse it too, so it is given up).
  struct Unreadable {
    std::string problem;
    bool damaged = false;
  };

  // The progress of `record`: the stored one, or a new cut (`cut_made` set: the caller stores
  // it before sending) of at most `advised` items per part when that is fewer than the
  // configured limit.
  std::variant<ScanProgress, Unreadable> progress_of(const SpooledBatch& record,
                                                     std::optional<std::size_t> advised,
                                                     const Differential& differential,
                                                     bool& cut_made);

  // The part after the acknowledged ones. progress_of() first.
  NextPart next(const SpooledBatch& record, const ScanProgress& progress) const;

  // A 413 for the next part: cuts every item not yet acknowledged again, into parts of at
  // most `advised` items when that is fewer than the refused part held, else half as many,
  // numbered after the acknowledged ones under a new generation. False (nothing changed)
  // when it cannot be made smaller: one item, or a record of the version before.
  bool recut(ScanProgress& progress, std::optional<std::size_t> advised) const;

  // A delta the ingest cannot take (its base is not the one it holds, the delta is too large,
  // or the ingest does not know deltas): the scan is cut again whole, under a new generation,
  // with its digest when `digest`. progress_of() first.
  void cut_whole(ScanProgress& progress, std::optional<std::size_t> advised, bool digest);

  // Once every part of the record is acknowledged: its collectors, and the baseline it leaves
  // (none when it was sent without a digest).
  std::string collectors() const;
  std::optional<model::ScanBaseline> acknowledged_baseline(const ScanProgress& progress) const;

 private:
  struct Held {
    std::uint64_t sequence = 0;
    model::Batch scan;
    std::optional<model::ScanBaseline> state;  // when the scan can be a base
    std::optional<model::Batch> delta;         // the delta being sent, and its base's count
    int base_deltas = 0;
  };
  SplitLimits limits_for(std::optional<std::size_t> advised) const;
  // The cut of a new record: whole, or one delta.
  ScanProgress first_cut(ScanProgress progress, std::optional<std::size_t> advised,
                         const Differential& differential);
  // Makes held_->delta for `base`; false when it cannot be one or is too large for one part.
  bool make_delta(const model::ScanBaseline& base, const SplitLimits& limits);
  bool legacy() const { return held_ && held_->scan.parts > 1; }

  const SplitLimits limits_;
  std::optional<Held> held_;
};

}  // namespace zt::transport
