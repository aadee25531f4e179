#include "tests/e2e/spool_view.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <regex>
#include <sstream>

#include "schema-client/model/wire_format.hpp"
#include "transport/batch_splitter.hpp"
#include "schema-client/base/gzip.hpp"
#include "transport/spool_record.hpp"

namespace zt::testing {

namespace fs = std::filesystem;

SpooledScan read_record(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  const std::string file = bytes.str();
  INFO(path.string());
  auto record = transport::decode_record(file);
  REQUIRE(record);
  auto json = base::gzip_decompress(record->payload, 1024ull * 1024 * 1024);
  REQUIRE(json);
  auto batch = model::parse_batch(*json);
  REQUIRE(batch);
  REQUIRE(batch->parts == 1);  // this version spools whole scans
  return {batch->batch_id, batch->scan.id, transport::item_count(*batch)};
}

std::vector<SpooledScan> committed_records(const fs::path& spool_dir) {
  // Read while the agent is not running: nothing renames or deletes meanwhile.
  std::vector<SpooledScan> scans;
  for (const fs::directory_entry& entry : fs::directory_iterator(spool_dir))
    if (entry.path().extension() == ".batch") scans.push_back(read_record(entry.path()));
  return scans;
}

std::vector<SpooledScan> committed_in_log(std::string_view log) {
  static const std::regex kLine(
      R"(spooled batch ([0-9a-f-]{36}) \(scan ([0-9a-f-]{36}), (\d+) findings, (\d+) packages, )"
      R"(part 1 of 1\))");
  std::vector<SpooledScan> scans;
  const std::string text(log);
  for (std::sregex_iterator it(text.begin(), text.end(), kLine), end; it != end; ++it)
    scans.push_back({(*it)[1].str(), (*it)[2].str(),
                     std::stoul((*it)[3].str()) + std::stoul((*it)[4].str())});
  return scans;
}

std::vector<std::string> part_ids(const SpooledScan& scan, int max_findings) {
  const std::size_t max = static_cast<std::size_t>(max_findings);
  const std::size_t parts = std::max<std::size_t>(1, (scan.items + max - 1) / max);
  std::vector<std::string> ids;
  for (std::size_t part = 1; part <= parts; ++part)
    ids.push_back(transport::part_batch_id(scan.batch_id, 0, static_cast<int>(part)));
  return ids;
}

}  // namespace zt::testing
