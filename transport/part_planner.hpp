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
// Holds no file: the Delivery saves the progress through the Spool. Upload thread only.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include "schema-client/model/batch.hpp"
#include "schema-client/model/result.hpp"
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
                                                     bool& cut_made);

  // The part after the acknowledged ones. progress_of() first.
  NextPart next(const SpooledBatch& record, const ScanProgress& progress) const;

  // A 413 for the next part: cuts every item not yet acknowledged again, into parts of at
  // most `advised` items when that is fewer than the refused part held, else half as many,
  // numbered after the acknowledged ones under a new generation. False (nothing changed)
  // when it cannot be made smaller: one item, or a record of the version before.
  bool recut(ScanProgress& progress, std::optional<std::size_t> advised) const;

 private:
  struct Held {
    std::uint64_t sequence = 0;
    model::Batch scan;
  };
  bool legacy() const { return held_ && held_->scan.parts > 1; }

  const SplitLimits limits_;
  std::optional<Held> held_;
};

}  // namespace zt::transport
