#pragma once
// Every value of a batch checked against the PostgreSQL column it is stored in, before
// anything is written (the ingest) or spooled (the agent): one check, both sides.
//
// The limits are rows: the category fields' in category.cpp (FieldSpec), the fixed columns of
// a finding, the agent, the scan and a dependency in columns.cpp. SCHEMA.md lists them; a test
// compares them with the live schema's information_schema.
//
// Cleaned, in place, by fit_to_columns (the value is stored, changed in a documented way):
//   * U+0000 in any string (text columns, JSON strings and JSON object keys): PostgreSQL's text
//     and jsonb refuse it. Replaced by U+FFFD.
//   * free text over its cap (a finding's title 1,024, description and remediation 65,536
//     characters: the full-text index takes at most 1 MB): cut to the cap.
//   Each change is noted, "path: what changed", in the finding's metadata.zt_cleaned (a
//   finding's values) or the scan's metadata.zt_cleaned (the agent, the scan, dependencies),
//   a JSON array of strings, appended to.
// Refused by column_problems, each problem naming its JSON path ("$.findings[3].fields.port:
// must be between 0 and 65535 (the column's range), got 70000"):
//   * text over a varchar(n) (an enumeration or an identifier: cutting would change what it
//     names) or over the 500-character cap of a text column in a b-tree index (network host,
//     config file_path, dependency name);
//   * integers outside the column's range (integer, narrowed by its CHECK: port 0..65535);
//   * a system finding's metadata.cvss_score that is not a number between 0 and 10
//     (vulnerabilities.cvss_score numeric(3,1));
//   * timestamps and dates before 0001-01-01 (PostgreSQL has no year 0);
//   * JSON nested deeper than kMaxJsonDepth levels in any jsonb column.
// Pure functions: no I/O, no logging, any thread.
#include <string>
#include <string_view>
#include <vector>

#include "schema-client/model/batch.hpp"
#include "schema-client/model/result.hpp"

namespace zt::model {

// Containers inside containers, the stored JSON value itself counting as level 1.
inline constexpr int kMaxJsonDepth = 32;

// The key under which metadata notes what fit_to_columns changed.
inline constexpr std::string_view kCleanedKey = "zt_cleaned";

// Applies the cleanings above; returns the notes it added (empty: nothing changed).
// Idempotent: a batch already fitted is left as it is.
std::vector<std::string> fit_to_columns(Batch& batch);
std::vector<std::string> fit_to_columns(Finding& finding);
// The agent object alone (enrollment) and one jsonb value (a heartbeat's capabilities and
// metrics): nothing to note the changes in, so they are only returned.
std::vector<std::string> fit_to_columns(AgentInfo& agent);
std::vector<std::string> fit_json_to_column(nlohmann::json& value, std::string_view path);

// What no cleaning fits, each naming its JSON path; empty: every value fits its column once
// fit_to_columns has run. `path` is the finding's own ("$.findings[3]").
std::vector<Problem> column_problems(const Batch& batch);
std::vector<Problem> column_problems(const Finding& finding, std::string_view path);
std::vector<Problem> column_problems(const AgentInfo& agent);  // "$.agent…"
std::vector<Problem> json_value_problems(const nlohmann::json& value, std::string_view path);
// The same, as "path: message" lines: the ingest's heartbeat route reads them so until it
// reads the body with heartbeat_from_json (heartbeat.hpp); to be removed then.
std::vector<std::string> json_column_problems(const nlohmann::json& value, std::string_view path);

// A limited column a batch value is stored in, for comparison with the live schema.
struct StoredColumn {
  std::string_view table;
  std::string_view column;
  const FieldSpec* field;
};
std::vector<StoredColumn> stored_columns();

}  // namespace zt::model
