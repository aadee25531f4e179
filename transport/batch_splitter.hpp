#pragma once
// Cuts one finished scan's batch into batches the ingest accepts: at most `max_findings`
// findings (plus dependencies) and about `max_bytes` of JSON each. Every part carries the
// whole scan and agent objects and its own batch_id (the first part keeps the scan batch's
// id), numbered part 1..parts; the ingest resolves findings once all parts are in. Order is
// kept: findings first, then the inventory. A single finding or dependency larger than
// max_bytes travels alone (the ingest's own limit then decides). Pure: no I/O, any thread.
#include <cstddef>
#include <vector>

#include "schema-client/model/batch.hpp"

namespace zt::transport {

struct SplitLimits {
  std::size_t max_findings = 1000;       // findings and dependencies per batch
  std::size_t max_bytes = 4 * 1024 * 1024;  // JSON text per batch, before gzip
};

std::vector<model::Batch> split_batch(model::Batch batch, const SplitLimits& limits);

}  // namespace zt::transport
