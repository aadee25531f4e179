#pragma once
// How far the delivery of one spooled record has come: the file "<sequence>.progress" beside
// its record (spool.hpp), written crash-consistently by the upload thread before the first
// part is sent and after every answer that changes it.
//
// A record written by this version holds a whole scan (part 1 of 1). The delivery cuts it
// into parts at send time (batch_splitter.hpp) and records the cut here, so that after a
// crash the same parts go again with the same batch_ids:
//   - parts 1..base_part were cut by earlier cuts and are all acknowledged; they hold items
//     [0, base_item);
//   - the cut in force, number `generation`, has ends.size() parts, numbered base_part+1…;
//     part base_part+i+1 holds items [ends[i-1] (base_item for i = 0), ends[i]);
//   - `acked` parts are acknowledged in all, always the first ones (parts go out in order).
// A record written by the version before holds one part of a scan as it was sent then; it is
// sent as it is: `ends` is empty (a "legacy" record), only the counters below are used.
//
// Differential uploads (model/scan_baseline.hpp): with `digest` the parts carry the scan's
// digest (the ingest keeps it as the base of the next delta); a `delta_base` sends the scan as
// one delta against the baseline of that digest instead (ends {0}: one part of no items of
// the cut). Both are fixed with the cut, so a part sent again after a crash is the same.
//
// server_errors counts the answers to the part being sent that said the server failed on
// this batch (500, upload_outcome.hpp), since first_server_error_at; both are reset when a
// part is acknowledged. They are kept here so that a crash loop cannot reset them.
//
// Pure functions over values; any thread. JSON, one object, unknown keys refused.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schema-client/model/result.hpp"
#include "schema-client/model/timestamp.hpp"

namespace zt::transport {

struct ScanProgress {
  int generation = 0;
  int base_part = 0;
  std::size_t base_item = 0;
  std::vector<std::size_t> ends;
  int acked = 0;
  int server_errors = 0;
  std::optional<model::Timestamp> first_server_error_at;
  bool digest = false;
  std::string delta_base;

  bool delta() const { return !delta_base.empty(); }
  bool legacy() const { return ends.empty(); }
  // Parts in all, under the cut in force.
  int parts() const { return base_part + static_cast<int>(ends.size()); }
  bool done() const { return !legacy() && acked >= parts(); }
  // The items of part `part` (1-based, base_part < part <= parts()).
  std::size_t begin_of(int part) const;
  std::size_t end_of(int part) const;

  bool operator==(const ScanProgress&) const = default;
};

std::string to_text(const ScanProgress& progress);
// Errors name the key and say what is wrong; a cut whose numbers do not add up (ends not
// increasing, acked beyond the parts) is refused too.
model::Result<ScanProgress> progress_from_text(std::string_view text);

}  // namespace zt::transport
