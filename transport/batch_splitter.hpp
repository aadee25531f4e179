#pragma once
// Cuts one finished scan's batch into batches the ingest accepts, at send time (the spool keeps
// the scan whole until every part is acknowledged: spool.hpp).
//
// A scan's items are its config files (before the findings that name them), its findings,
// then its dependencies, numbered 0..item_count()-1. A cut is the list of the end item of each
// part: cut_points() makes one for the items from `from` on, at most `max_findings` items
// (config files, findings and dependencies) and about `max_bytes` of JSON per
// part; a single item larger than max_bytes travels alone (the ingest's own limit then
// decides). part_of() makes one part: the whole scan and agent objects, its items in order,
// "part of parts" and its batch_id.
//
// Part ids are derived, never drawn: part_batch_id(scan id, generation, part) is the same in
// every run, so a part re-sent after a crash is acknowledged as a duplicate, not written twice.
// The first cut (generation 0) keeps the scan's own batch_id for part 1; every re-cut (after a
// 413) has its own generation, hence its own ids.
// Pure: no I/O, any thread.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "schema-client/model/batch.hpp"

namespace zt::transport {

struct SplitLimits {
  std::size_t max_findings = 1000;       // config files, findings and dependencies per batch
  std::size_t max_bytes = 4 * 1024 * 1024;  // JSON text per batch, before gzip
};

std::size_t item_count(const model::Batch& scan);

// The end (exclusive) of each part of items [from, item_count()), in order; one empty part when
// there is no item from `from` on (a scan without findings still reports itself).
std::vector<std::size_t> cut_points(const model::Batch& scan, std::size_t from,
                                    const SplitLimits& limits);

// Items [begin, end) of `scan` as batch `batch_id`, part `part` of `parts`.
model::Batch part_of(const model::Batch& scan, std::size_t begin, std::size_t end, int part,
                     int parts, std::string batch_id);

// The batch_id of part `part` of cut `generation` of the scan spooled as `scan_batch_id`: the
// scan's id for part 1 of generation 0, else a name-based UUID (version 5) of the three.
std::string part_batch_id(std::string_view scan_batch_id, int generation, int part);

}  // namespace zt::transport
