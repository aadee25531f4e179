// schema-client/batch.schema.json against the C++ reader: every sample batch is accepted by
// both or rejected by both (checked with python3-jsonschema through validate.py), and the
// schema's enums, field lists and required keys are compared with the model so the two
// cannot drift apart.
#include <catch2/catch.hpp>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "schema-client/model/scan_baseline.hpp"
#include "schema-client/model/uuid.hpp"
#include "schema-client/model/wire_format.hpp"
#include "tests/schema-client/problem_lines.hpp"
#include "tests/schema-client/sample_batch.hpp"

using namespace zt;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const fs::path kSchemaPath = fs::path(ZT_SOURCE_DIR) / "schema-client" / "batch.schema.json";
const fs::path kValidatePy = fs::path(ZT_SOURCE_DIR) / "tests" / "schema-client" / "validate.py";

const json& schema() {
  static const json value = [] {
    std::ifstream in(kSchemaPath);
    REQUIRE(in);
    return json::parse(in);
  }();
  return value;
}

// "#/$defs/name" → the schema at $defs.name.
const json& resolve(const json& ref) {
  const std::string text = ref.get<std::string>();
  const std::string prefix = "#/$defs/";
  REQUIRE(text.starts_with(prefix));
  const json& defs = schema().at("$defs");
  REQUIRE(defs.contains(text.substr(prefix.size())));
  return defs.at(text.substr(prefix.size()));
}

std::set<std::string> keys_of(const json& object) {
  std::set<std::string> keys;
  for (const auto& item : object.items()) keys.insert(item.key());
  return keys;
}

std::string shell_quote(const std::string& s) {
  std::string quoted = "'";
  for (char c : s) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// A directory under the system temp directory, removed with everything in it.
class TempDir {
 public:
  TempDir() : path_(fs::temp_directory_path() / ("zt-batch-schema-" + model::new_uuid())) {
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

struct RunResult {
  int exit_code = -1;
  std::string output;
};

// Runs validate.py on the schema and the instance files, stdout and stderr together.
RunResult run_validator(const std::vector<fs::path>& instances) {
  std::string command = shell_quote(ZT_PYTHON3) + " " + shell_quote(kValidatePy.string()) + " " +
                        shell_quote(kSchemaPath.string());
  for (const fs::path& p : instances) command += " " + shell_quote(p.string());
  command += " 2>&1";
  RunResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, n);
  const int status = ::pclose(pipe);
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  return result;
}

struct Sample {
  std::string name;  // also the file name: letters, digits, '-'
  bool valid;        // what both the reader and the schema must say
  json document;
};

// Validates every sample with the schema in one run of validate.py and with the C++ reader,
// and checks that both give the expected verdict.
void check_agreement(const std::vector<Sample>& samples) {
  TempDir dir;
  std::vector<fs::path> files;
  for (const Sample& s : samples) {
    files.push_back(dir.path() / (s.name + ".json"));
    std::ofstream out(files.back());
    out << s.document.dump(2);
    REQUIRE(out.good());
  }
  const RunResult run = run_validator(files);
  INFO("validate.py said:\n" << run.output);
  bool all_valid = true;
  for (const Sample& s : samples) all_valid = all_valid && s.valid;
  REQUIRE(run.exit_code == (all_valid ? 0 : 1));

  // "valid PATH" or "invalid PATH: where: message", one line per instance, in order.
  std::vector<std::string> lines;
  std::istringstream stream(run.output);
  for (std::string line; std::getline(stream, line);) lines.push_back(line);
  REQUIRE(lines.size() == samples.size());

  for (std::size_t i = 0; i < samples.size(); ++i) {
    const Sample& s = samples[i];
    const std::string file = files[i].string();
    const bool schema_valid = lines[i] == "valid " + file;
    REQUIRE((schema_valid || lines[i].starts_with("invalid " + file + ": ")));
    const model::Result<model::Batch> parsed = model::parse_batch(s.document.dump());
    CAPTURE(s.name, lines[i], parsed.ok() ? std::string("accepted") : parsed.error().message);
    CHECK(parsed.ok() == s.valid);
    CHECK(schema_valid == s.valid);
  }
}

using Mutation = std::function<void(json&)>;

Sample from_sample(std::string name, bool valid, const Mutation& mutate) {
  json doc = testing::sample_document();
  mutate(doc);
  return {std::move(name), valid, std::move(doc)};
}

// A differential upload: the completed sample scan again, one finding changed, one gone.
json delta_document() {
  const model::Batch scan = testing::completed_scan(testing::kAgentIdentity, 1);
  model::Batch next = testing::next_scan(scan, 2);
  next.findings[0].title += " (changed)";
  next.findings.pop_back();
  return model::to_json(*model::delta_of(next, model::baseline_of(scan)));
}

json minimal_document() {
  json finding = testing::sample_document()["findings"][3];
  return {{"schema_version", 1},
          {"batch_id", "0d3c5b7e-8a41-4f2b-9c6d-1e2f3a4b5c6d"},
          {"agent", {{"name", "web-01"}, {"hostname", "web-01"}, {"version", "0.1.0"}}},
          {"scan",
           {{"id", "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9"},
            {"scan_type", "once"},
            {"status", "running"},
            {"start_time", "2026-11-26T17:28:48.123Z"}}},
          {"findings",
           {{{"category", finding["category"]},
             {"severity", finding["severity"]},
             {"title", finding["title"]},
             {"fingerprint", finding["fingerprint"]}}}}};
}

// The word after "field_" in the schema's $defs for a column type.
std::string schema_type_word(model::FieldType type) {
  switch (type) {
    case model::FieldType::text: return "text";
    case model::FieldType::integer: return "integer";
    case model::FieldType::number: return "number";
    case model::FieldType::boolean: return "boolean";
    case model::FieldType::timestamp: return "timestamp";
    case model::FieldType::date: return "date";
    case model::FieldType::json: return "json";
  }
  return "?";
}

}  // namespace

TEST_CASE("batch schema: valid and invalid batches, the reader and the schema agree",
          "[unit][schema]") {
  std::vector<Sample> samples;
  auto add = [&](std::string name, bool valid, const Mutation& mutate) {
    samples.push_back(from_sample(std::move(name), valid, mutate));
  };

  // Valid.
  samples.push_back({"full-round-trip", true, json::parse(model::serialize(testing::sample_batch_with_config_files()))});
  samples.push_back({"running-end-time-null", true, model::to_json(testing::running_batch())});
  samples.push_back({"only-required-keys", true, minimal_document()});
  const json delta = delta_document();
  samples.push_back({"delta", true, delta});
  json without_digest = delta;
  without_digest.erase("digest");
  samples.push_back({"delta-without-digest", false, without_digest});
  json short_base = delta;
  short_base["delta"]["base"] = "abc";
  samples.push_back({"delta-base-not-sha256", false, short_base});
  json unknown_delta_key = delta;
  unknown_delta_key["delta"]["added"] = json::array();
  samples.push_back({"delta-unknown-key", false, unknown_delta_key});
  add("null-field-values", true, [](json& d) {
    d["findings"][0]["fields"]["eol_date"] = nullptr;
    d["findings"][1]["fields"]["port"] = nullptr;
    d["findings"][1]["fields"]["ssl_cert_expiry"] = nullptr;
    d["findings"][1]["fields"]["ssl_enabled"] = nullptr;
  });
  add("offsets-fractions-leap-second", true, [](json& d) {
    d["scan"]["start_time"] = "2016-12-31T23:59:60.123456+01:00";
    d["scan"]["end_time"] = "2017-01-01t00:00:00z";
    d["findings"][1]["fields"]["ssl_cert_expiry"] = "2027-01-01T09:00:00-05:30";
  });
  add("bounds", true, [](json& d) {
    d["scan"]["progress"] = 0;
    d["findings"][0]["risk_score"] = 10;
    d["findings"][1]["risk_score"] = 0.0;
    d["agent"]["cpu_cores"] = 0;
  });
  add("jsonb-columns-any-value", true, [](json& d) {
    d["findings"][2]["fields"]["evidence"] = "plain text";
    d["findings"][11]["fields"]["line_numbers"] = 32;
    d["findings"][11]["fields"]["compliance_frameworks"] = nullptr;
  });
  add("dependency-sources-empty-or-absent", true, [](json& d) {
    d["dependencies"][0]["source_version"] = "";
    d["dependencies"][0].erase("arch");
  });
  add("no-dependencies-no-findings", true, [](json& d) {
    d.erase("dependencies");
    d["findings"] = json::array();
  });

  // Invalid: one problem each.
  add("column-limits-exactly", true, [](json& d) {
    d["findings"][3]["fields"]["finding_type"] = std::string(100, 'x');
    d["findings"][1]["fields"]["port"] = 65535;
    d["findings"][1]["fields"]["vulnerability_count"] = 2147483647;
  });
  add("varchar-overflow", false,
      [](json& d) { d["findings"][3]["fields"]["finding_type"] = std::string(101, 'x'); });
  add("port-out-of-range", false, [](json& d) { d["findings"][1]["fields"]["port"] = 65536; });
  add("int4-overflow", false,
      [](json& d) { d["findings"][1]["fields"]["vulnerability_count"] = 2147483648LL; });
  add("unknown-top-level-key", false, [](json& d) { d["company_id"] = "x"; });
  add("unknown-finding-key", false, [](json& d) { d["findings"][1]["cvss"] = 9.8; });
  add("unknown-agent-key", false, [](json& d) { d["agent"]["api_key"] = "secret"; });
  add("unknown-scan-key", false, [](json& d) { d["scan"]["agent_id"] = "x"; });
  add("unknown-dependency-key", false, [](json& d) { d["dependencies"][0]["purl"] = "x"; });
  add("dependency-ecosystem-number", false,
      [](json& d) { d["dependencies"][0]["ecosystem"] = 12; });
  add("risk-score-string", false, [](json& d) { d["findings"][1]["risk_score"] = "7.5"; });
  add("title-number", false, [](json& d) { d["findings"][0]["title"] = 42; });
  add("progress-fraction", false, [](json& d) { d["scan"]["progress"] = 50.5; });
  add("findings-object", false, [](json& d) { d["findings"] = json::object(); });
  add("fields-array", false, [](json& d) { d["findings"][3]["fields"] = json::array(); });
  add("metadata-string", false, [](json& d) { d["findings"][2]["metadata"] = "none"; });
  add("options-null", false, [](json& d) { d["scan"]["options"] = nullptr; });
  add("bad-severity", false, [](json& d) { d["findings"][4]["severity"] = "severe"; });
  add("severity-upper-case", false, [](json& d) { d["findings"][4]["severity"] = "High"; });
  add("bad-category", false, [](json& d) { d["findings"][0]["category"] = "vulnerability"; });
  add("bad-scan-status", false, [](json& d) { d["scan"]["status"] = "done"; });
  add("missing-batch-id", false, [](json& d) { d.erase("batch_id"); });
  add("missing-schema-version", false, [](json& d) { d.erase("schema_version"); });
  add("missing-finding-title", false, [](json& d) { d["findings"][5].erase("title"); });
  add("missing-fingerprint", false, [](json& d) { d["findings"][5].erase("fingerprint"); });
  add("missing-start-time", false, [](json& d) { d["scan"].erase("start_time"); });
  add("missing-agent-hostname", false, [](json& d) { d["agent"].erase("hostname"); });
  add("missing-dependency-version", false, [](json& d) { d["dependencies"][1].erase("version"); });
  add("batch-id-not-uuid", false, [](json& d) { d["batch_id"] = "batch-0001"; });
  add("batch-id-upper-case", false,
      [](json& d) { d["batch_id"] = "0D3C5B7E-8A41-4F2B-9C6D-1E2F3A4B5C6D"; });
  add("scan-id-braces", false,
      [](json& d) { d["scan"]["id"] = "{5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9}"; });
  add("timestamp-february-30", false, [](json& d) { d["scan"]["start_time"] = "2026-02-30T10:00:00Z"; });
  add("timestamp-no-zone", false, [](json& d) { d["scan"]["end_time"] = "2026-11-26T17:29:03"; });
  add("timestamp-epoch-number", false, [](json& d) { d["scan"]["end_time"] = 1795000000; });
  add("start-time-null", false, [](json& d) { d["scan"]["start_time"] = nullptr; });
  add("progress-101", false, [](json& d) { d["scan"]["progress"] = 101; });
  add("progress-negative", false, [](json& d) { d["scan"]["progress"] = -1; });
  add("risk-score-11", false, [](json& d) { d["findings"][7]["risk_score"] = 11; });
  add("risk-score-negative", false, [](json& d) { d["findings"][7]["risk_score"] = -0.5; });
  add("cpu-cores-negative", false, [](json& d) { d["agent"]["cpu_cores"] = -2; });
  add("field-not-a-column", false,
      [](json& d) { d["findings"][1]["fields"]["cve_id"] = "CVE-2024-0001"; });
  add("field-of-config-not-a-column", false,
      [](json& d) { d["findings"][11]["fields"]["owner"] = "root"; });
  add("field-severity-not-a-column", false,
      [](json& d) { d["findings"][3]["fields"]["severity"] = "high"; });
  add("port-as-string", false, [](json& d) { d["findings"][1]["fields"]["port"] = "443"; });
  add("port-as-fraction", false, [](json& d) { d["findings"][4]["fields"]["port"] = 5432.5; });
  add("boolean-as-string", false,
      [](json& d) { d["findings"][0]["fields"]["patch_available"] = "yes"; });
  add("cert-expiry-not-timestamp", false,
      [](json& d) { d["findings"][1]["fields"]["ssl_cert_expiry"] = "Dec  1 23:59:59 2026 GMT"; });
  add("eol-date-not-a-day", false,
      [](json& d) { d["findings"][0]["fields"]["eol_date"] = "2027-02-29"; });
  add("eol-date-as-timestamp", false,
      [](json& d) { d["findings"][0]["fields"]["eol_date"] = "2028-06-30T00:00:00Z"; });
  add("text-field-as-object", false,
      [](json& d) { d["findings"][9]["fields"]["location"] = json{{"path", "/var/log"}}; });
  add("fingerprint-short", false, [](json& d) {
    d["findings"][0]["fingerprint"] = d["findings"][0]["fingerprint"].get<std::string>().substr(1);
  });
  add("fingerprint-upper-case", false,
      [](json& d) { d["findings"][0]["fingerprint"] = std::string(64, 'A'); });
  add("fingerprint-empty", false, [](json& d) { d["findings"][0]["fingerprint"] = ""; });
  add("schema-version-2", false, [](json& d) { d["schema_version"] = 2; });
  add("schema-version-string", false, [](json& d) { d["schema_version"] = "1"; });
  add("empty-title", false, [](json& d) { d["findings"][6]["title"] = ""; });
  add("empty-dependency-name", false, [](json& d) { d["dependencies"][1]["name"] = ""; });
  add("several-problems", false, [](json& d) {
    d["colour"] = "blue";
    d["scan"]["progress"] = 101;
    d["findings"][1]["fields"]["port"] = "443";
  });
  // Each collector's outcome in scan.results.
  add("outcome-unavailable-status-and-errors", true, [](json& d) {
    d["scan"]["results"]["auth"] = {{"status", "unavailable"}, {"errors", {"no shadow file"}}};
  });
  add("outcome-status-only", true,
      [](json& d) { d["scan"]["results"]["auth"] = {{"status", "skipped"}}; });
  add("outcome-inventory-any-value", true,
      [](json& d) { d["scan"]["results"]["network"]["inventory"] = json::array({1, "a"}); });
  add("outcome-no-results", true, [](json& d) { d["scan"]["results"] = json::object(); });
  add("outcome-unknown-key", false,
      [](json& d) { d["scan"]["results"]["network"]["findings"] = 1; });
  add("outcome-bad-status", false,
      [](json& d) { d["scan"]["results"]["network"]["status"] = "ok"; });
  add("outcome-missing-status", false,
      [](json& d) { d["scan"]["results"]["network"].erase("status"); });
  add("outcome-bad-category", false,
      [](json& d) { d["scan"]["results"]["network"]["category"] = "ports"; });
  add("outcome-error-not-string", false,
      [](json& d) { d["scan"]["results"]["system"]["errors"] = json::array({42}); });
  add("outcome-errors-string", false,
      [](json& d) { d["scan"]["results"]["system"]["errors"] = "timed out"; });
  add("outcome-negative-duration", false,
      [](json& d) { d["scan"]["results"]["network"]["duration_ms"] = -1; });
  add("outcome-count-fraction", false,
      [](json& d) { d["scan"]["results"]["network"]["finding_count"] = 1.5; });
  add("outcome-started-at-not-timestamp", false,
      [](json& d) { d["scan"]["results"]["network"]["started_at"] = "yesterday"; });
  add("outcome-not-object", false, [](json& d) { d["scan"]["results"]["network"] = "completed"; });
  add("results-array", false, [](json& d) { d["scan"]["results"] = json::array(); });
  samples.push_back({"array-not-object", false, json::array()});

  check_agreement(samples);
}

TEST_CASE("batch schema: timestamps and dates, the reader and the schema agree",
          "[unit][schema]") {
  const std::pair<const char*, bool> timestamps[] = {
      {"2026-11-26T17:28:48Z", true},
      {"2026-11-26T17:28:48.1Z", true},
      {"2026-11-26T17:28:48.123456789Z", true},
      {"2026-11-26t17:28:48z", true},
      {"2026-11-26T19:28:48+02:00", true},
      {"2026-11-26T17:28:48-00:00", true},
      {"2026-11-26T17:28:48+23:59", true},
      {"2024-02-29T00:00:00Z", true},
      {"2000-02-29T00:00:00Z", true},
      {"2016-12-31T23:59:60Z", true},
      {"0000-01-01T00:00:00Z", false},  // PostgreSQL has no year 0
      {"0001-01-01T00:00:00Z", true},
      {"2026-02-30T10:00:00Z", false},
      {"2026-04-31T10:00:00Z", false},
      {"2023-02-29T10:00:00Z", false},
      {"1900-02-29T10:00:00Z", false},
      {"2100-02-29T10:00:00Z", false},
      {"2026-13-01T10:00:00Z", false},
      {"2026-11-26T24:00:00Z", false},
      {"2026-11-26T17:60:00Z", false},
      {"2026-11-26T17:28:61Z", false},
      {"2026-11-26T17:28:48.Z", false},
      {"2026-11-26T17:28:48+0200", false},
      {"2026-11-26T17:28:48+24:00", false},
      {"2026-11-26T17:28:48", false},
      {"2026-11-26 17:28:48Z", false},
      {"2026-11-26T17:28:48,123Z", false},
      {"2026-11-26T17:28:48Z\n", false},
      {"\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x96-11-26T17:28:48Z", false},  // fullwidth
      {"", false},
  };
  const std::pair<const char*, bool> dates[] = {
      {"2028-06-30", true},   {"2024-02-29", true},  {"2000-02-29", true},
      {"2026-02-30", false},  {"2023-02-29", false}, {"2100-02-29", false},
      {"2026-06-31", false},  {"2026-6-30", false},  {"2026-06-30\n", false},
      {"2026-06-30T00:00:00Z", false},
  };
  std::vector<Sample> samples;
  int i = 0;
  for (const auto& [text, valid] : timestamps) {
    samples.push_back(from_sample("timestamp-" + std::to_string(i++), valid,
                                  [t = text](json& d) { d["scan"]["start_time"] = t; }));
    samples.push_back(from_sample("cert-expiry-" + std::to_string(i++), valid, [t = text](json& d) {
      d["findings"][1]["fields"]["ssl_cert_expiry"] = t;
    }));
  }
  for (const auto& [text, valid] : dates)
    samples.push_back(from_sample("date-" + std::to_string(i++), valid,
                                  [t = text](json& d) { d["findings"][0]["fields"]["eol_date"] = t; }));
  check_agreement(samples);
}

TEST_CASE("batch schema: documented difference, integers written with a fraction",
          "[unit][schema]") {
  // JSON Schema calls 4.0 an integer; the reader does not. The schema's $comment says so.
  json doc = testing::sample_document();
  doc["scan"]["progress"] = 40.0;
  REQUIRE(doc.dump().find("\"progress\":40.0") != std::string::npos);
  CHECK_FALSE(model::parse_batch(doc.dump()).ok());
  TempDir dir;
  const fs::path file = dir.path() / "progress-40.0.json";
  std::ofstream(file) << doc.dump();
  CHECK(run_validator({file}).exit_code == 0);
}

TEST_CASE("validate.py: exit 0 when valid, 1 when not, 2 when it cannot run", "[unit][schema]") {
  TempDir dir;
  const fs::path valid = dir.path() / "valid.json";
  const fs::path invalid = dir.path() / "invalid.json";
  const fs::path not_json = dir.path() / "not-json.json";
  std::ofstream(valid) << testing::sample_document().dump();
  json bad = testing::sample_document();
  bad["findings"][1]["risk_score"] = "7.5";
  std::ofstream(invalid) << bad.dump();
  std::ofstream(not_json) << "{\"schema_version\": 1,";

  const RunResult ok = run_validator({valid});
  CHECK(ok.exit_code == 0);
  CHECK(ok.output == "valid " + valid.string() + "\n");

  const RunResult rejected = run_validator({invalid});
  CHECK(rejected.exit_code == 1);
  CHECK(rejected.output ==
        "invalid " + invalid.string() + ": $.findings[1].risk_score: '7.5' is not of type 'number'\n");

  CHECK(run_validator({valid, invalid}).exit_code == 1);
  CHECK(run_validator({not_json}).exit_code == 2);
  CHECK(run_validator({dir.path() / "missing.json"}).exit_code == 2);
  CHECK(run_validator({}).exit_code == 2);
}

TEST_CASE("batch schema: the enums are the model's", "[unit][schema]") {
  const json& defs = schema().at("$defs");
  std::vector<std::string> categories, severities;
  for (const model::CategorySpec& s : model::all_categories()) categories.emplace_back(s.name);
  for (model::Severity s : model::kAllSeverities) severities.emplace_back(to_string(s));
  CHECK(defs.at("category").at("enum") == json(categories));
  CHECK(defs.at("severity").at("enum") == json(severities));
  std::vector<std::string> statuses;
  for (model::ScanStatus s : {model::ScanStatus::running, model::ScanStatus::completed,
                              model::ScanStatus::partial, model::ScanStatus::failed})
    statuses.emplace_back(to_string(s));
  CHECK(defs.at("scan_status").at("enum") == json(statuses));
  std::vector<std::string> collector_statuses;
  for (model::CollectorStatus s : model::kAllCollectorStatuses)
    collector_statuses.emplace_back(to_string(s));
  CHECK(defs.at("collector_status").at("enum") == json(collector_statuses));
  CHECK(schema().at("properties").at("schema_version").at("const") == model::kSchemaVersion);
}

TEST_CASE("batch schema: each category's fields are the columns of category.cpp, typed alike",
          "[unit][schema]") {
  const json& rules = schema().at("$defs").at("finding").at("allOf");
  REQUIRE(rules.size() == model::all_categories().size());
  for (const model::CategorySpec& s : model::all_categories()) {
    CAPTURE(s.name);
    // The if/then rule of this category.
    const json* fields_ref = nullptr;
    for (const json& rule : rules)
      if (rule.at("if").at("properties").at("category").at("const") == s.name) {
        CHECK(rule.at("if").at("required") == json::array({"category"}));
        fields_ref = &rule.at("then").at("properties").at("fields").at("$ref");
      }
    REQUIRE(fields_ref != nullptr);
    const json& fields = resolve(*fields_ref);
    CHECK(fields.at("additionalProperties") == false);
    CHECK(fields.at("description").get<std::string>().starts_with(s.table));

    std::set<std::string> model_names;
    for (const model::FieldSpec& f : s.fields) {
      CAPTURE(f.name);
      model_names.emplace(f.name);
      REQUIRE(fields.at("properties").contains(std::string(f.name)));
      const json& property = fields.at("properties").at(std::string(f.name));
      CHECK(property.at("$ref") == "#/$defs/field_" + schema_type_word(f.type));
      // The column limits the reader refuses past (model/columns.hpp) are the schema's.
      if (f.type == model::FieldType::text && f.max_chars != 0 && !f.cut)
        CHECK(property.value("maxLength", 0u) == f.max_chars);
      else
        CHECK_FALSE(property.contains("maxLength"));
      const json& integer = schema().at("$defs").at("field_integer");
      if (f.type == model::FieldType::integer) {
        CHECK(property.value("minimum", integer.at("minimum").get<std::int64_t>()) == f.min);
        CHECK(property.value("maximum", integer.at("maximum").get<std::int64_t>()) == f.max);
      }
    }
    CHECK(keys_of(fields.at("properties")) == model_names);
  }
}

TEST_CASE("batch schema: the keys of each object are the keys the writer writes",
          "[unit][schema]") {
  const json doc = testing::sample_document();
  const json& defs = schema().at("$defs");
  // The sample has every key but those of a differential upload.
  std::set<std::string> top = keys_of(doc);
  const json delta = delta_document();
  for (const std::string& key : keys_of(delta)) top.insert(key);
  CHECK(keys_of(schema().at("properties")) == top);
  CHECK(keys_of(schema().at("properties").at("delta").at("properties")) ==
        keys_of(delta["delta"]));
  CHECK(schema().at("properties").at("delta").at("additionalProperties") == false);
  CHECK(keys_of(defs.at("agent").at("properties")) == keys_of(doc["agent"]));
  CHECK(keys_of(defs.at("scan").at("properties")) == keys_of(doc["scan"]));
  CHECK(keys_of(defs.at("finding").at("properties")) == keys_of(doc["findings"][0]));
  CHECK(keys_of(defs.at("dependency").at("properties")) == keys_of(doc["dependencies"][0]));
  // The sample's network collector ran: it has every key.
  CHECK(keys_of(defs.at("collector_outcome").at("properties")) ==
        keys_of(doc["scan"]["results"]["network"]));
  for (const json* object : {&schema(), &defs.at("agent"), &defs.at("scan"), &defs.at("finding"),
                             &defs.at("dependency"), &defs.at("collector_outcome")})
    CHECK(object->at("additionalProperties") == false);
}

TEST_CASE("batch schema: required keys are the ones the reader requires", "[unit][schema]") {
  const json& defs = schema().at("$defs");
  struct Object {
    std::string path;               // the reader's path to it
    json::json_pointer pointer;     // where it is in the sample document
    const json& schema;
  };
  const Object objects[] = {
      {"$", json::json_pointer(""), schema()},
      {"$.agent", json::json_pointer("/agent"), defs.at("agent")},
      {"$.scan", json::json_pointer("/scan"), defs.at("scan")},
      {"$.findings[0]", json::json_pointer("/findings/0"), defs.at("finding")},
      {"$.dependencies[0]", json::json_pointer("/dependencies/0"), defs.at("dependency")},
      {"$.scan.results.network", json::json_pointer("/scan/results/network"),
       defs.at("collector_outcome")},
  };
  for (const Object& o : objects) {
    const json sample = testing::sample_document();
    std::set<std::string> required_by_reader;
    for (const auto& item : sample.at(o.pointer).items()) {
      json doc = sample;
      doc.at(o.pointer).erase(item.key());
      const model::Result<model::Batch> parsed = model::parse_batch(doc.dump());
      CAPTURE(o.path, item.key());
      if (parsed.ok()) continue;
      CHECK(testing::problem_lines(parsed) ==
            testing::Lines{o.path + "." + item.key() + ": required key is missing"});
      required_by_reader.insert(item.key());
    }
    CAPTURE(o.path);
    CHECK(o.schema.at("required").get<std::set<std::string>>() == required_by_reader);
  }
}
