#pragma once
// OSV records (https://ossf.github.io/osv-schema/) read into OsvRecord: one record per file,
// as osv.dev's exports, GitHub's advisory database and the distributions' OSV feeds write
// them. Required: "id" and "modified"; every range's "type" (ECOSYSTEM, SEMVER or GIT, with
// "repo") and its events, each exactly one of introduced, fixed, last_affected or limit. A
// record with any problem is skipped whole, with each problem at its JSON path; unknown keys
// pass. Pure functions; any thread. The folder and zip readers are in osv_archive.hpp.
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <vector>

#include "schema-client/feeds/json_fields.hpp"
#include "schema-client/feeds/records.hpp"

namespace zt::feeds {

// One OSV record file: zero or one record, and its problems.
FeedRead<OsvRecord> read_osv(std::string_view name, std::string_view bytes);

// The record of an already parsed document, added to `out` when it has no problem.
void read_osv_document(const nlohmann::json& document, ProblemLog& log, FeedRead<OsvRecord>& out);

std::string_view name_of(OsvEventKind kind);  // "introduced", …
std::string_view name_of(OsvRangeType type);  // "ECOSYSTEM", …

}  // namespace zt::feeds
