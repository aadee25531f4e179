#include "agent/vuln_db.hpp"

#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>
#include <variant>

#include "schema-client/feeds/detect.hpp"
#include "schema-client/feeds/osv_archive.hpp"
#include "schema-client/feeds/osv_prefilter.hpp"
#include "schema-client/model/fingerprint.hpp"

namespace zt::agent {

namespace {

model::Result<std::string> read_whole(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  if (in) bytes << in.rdbuf();
  if (!in || in.bad())
    return model::Error{"--vuln-db " + path.string() + ": cannot be read"};
  return bytes.str();
}

template <typename Read>
void keep_problems(const Read& read, VulnDb& db) {
  for (const feeds::Problem& p : read.problems) db.problems.push_back(feeds::to_string(p));
}

// True when the file opens as a zip does: an OSV export, read after the scan from its file.
bool opens_as_zip(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[4] = {};
  in.read(magic, sizeof magic);
  const std::string_view opening(magic, static_cast<std::size_t>(in.gcount()));
  return opening == "PK\x03\x04" || opening == "PK\x05\x06";
}

// Notes an OSV zip, or reads a file of another feed into the intel or `db.osv_given`; an
// error for a file that is no feed the one-shot scan uses.
model::Status add_file(const std::filesystem::path& path, VulnDb& db) {
  if (opens_as_zip(path)) {
    db.osv_zips.push_back(path);
    return model::Ok{};
  }
  auto bytes = read_whole(path);
  if (!bytes) return bytes.error();
  auto file = feeds::read_feed(path.string(), *bytes);
  if (!file) return model::Error{"--vuln-db " + file.error().message};
  if (file->format == feeds::Format::debian_tracker)
    return model::Error{"--vuln-db " + path.string() +
                        ": the Debian security tracker's JSON is imported by the ingest "
                        "(zerotrace-ingest feeds import); give OSV records here"};
  std::visit(
      [&](auto& read) {
        keep_problems(read, db);
        using Read = std::decay_t<decltype(read)>;
        if constexpr (std::is_same_v<Read, feeds::FeedRead<feeds::OsvRecord>>)
          std::move(read.records.begin(), read.records.end(), std::back_inserter(db.osv_given));
        else if constexpr (!std::is_same_v<Read, feeds::FeedRead<feeds::DebianTrackerEntry>>)
          db.intel.add(read.records);
      },
      file->read);
  return model::Ok{};
}

}  // namespace

model::Result<VulnDb> open_vuln_db(const std::vector<std::filesystem::path>& paths) {
  VulnDb db;
  db.paths = paths;
  for (const std::filesystem::path& path : paths) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
      db.osv_folders.push_back(path);
      continue;
    }
    if (auto added = add_file(path, db); !added) return added.error();
  }
  if (db.osv_folders.empty() && db.osv_zips.empty() && db.osv_given.empty())
    return model::Error{"--vuln-db: no OSV record was read from the given paths (an OSV "
                        "folder or all.zip is needed to match packages)"};
  return db;
}

void index_vuln_db(VulnDb& db, const vuln::Lookups& lookups) {
  feeds::OsvPackageFilter only(lookups.names);
  std::vector<feeds::OsvRecord> osv = std::move(db.osv_given);
  const auto take = [&](feeds::FeedRead<feeds::OsvRecord> read) {
    keep_problems(read, db);
    std::move(read.records.begin(), read.records.end(), std::back_inserter(osv));
  };
  for (const auto& folder : db.osv_folders) take(feeds::read_osv_folder(folder, {}, &only));
  for (const auto& zip : db.osv_zips) take(feeds::read_osv_zip_file(zip, {}, &only));
  db.osv_records = osv.size();
  db.osv_records_not_for_host = only.turned_away();
  db.index = vuln::Index::build(osv);
}

void add_vulnerability_findings(model::Batch& batch, const VulnDb& db,
                                const std::string& agent_identity) {
  std::vector<model::Finding> findings =
      vuln::package_vulnerability_findings(db.index, batch.dependencies, db.intel);
  nlohmann::json paths = nlohmann::json::array();
  for (const auto& path : db.paths) paths.push_back(path.string());
  batch.scan.metadata["vulnerability_database"] = {
      {"paths", paths},
      {"osv_records", db.osv_records},
      {"osv_records_not_for_host", db.osv_records_not_for_host},
      {"indexed_packages", db.index.packages()},
      {"indexed_ranges", db.index.ranges()},
      {"cve_scores", db.intel.scores.size()},
      {"kev_entries", db.intel.kev.size()},
      {"epss_scores", db.intel.epss.size()},
      {"problems", db.problems.size()},
      {"findings", findings.size()}};
  for (model::Finding& f : findings) {
    f.fingerprint = model::compute_fingerprint(agent_identity, f);
    batch.findings.push_back(std::move(f));
  }
}

}  // namespace zt::agent
