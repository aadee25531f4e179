#pragma once
// What an end-to-end test sees of the agent's spool from outside the agent: the scans that
// were committed to it, found as record files on disk (read while the agent is dead) or as
// the "spooled batch" lines the agent logs before the uploader can see a record; and the
// batch_ids their parts are sent under.
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace zt::testing {

struct SpooledScan {
  std::string batch_id;
  std::string scan_id;
  std::size_t items = 0;  // findings and packages
};

// One committed record file. A file that is not a whole record fails the test.
SpooledScan read_record(const std::filesystem::path& file);
// The committed records (*.batch) in `spool_dir`. A file that is not a whole record fails the
// test: a committed record is never torn.
std::vector<SpooledScan> committed_records(const std::filesystem::path& spool_dir);

// Every whole "spooled batch <id> (scan <id>, N findings, M packages, part 1 of 1)" line of
// `log` (a line cut by a kill is not whole, and is skipped).
std::vector<SpooledScan> committed_in_log(std::string_view log);

// The batch_ids of the parts of `scan` when it is cut at `max_findings` items per part and the
// ingest takes them at that size (the first cut: transport/batch_splitter.hpp).
std::vector<std::string> part_ids(const SpooledScan& scan, int max_findings);

}  // namespace zt::testing
