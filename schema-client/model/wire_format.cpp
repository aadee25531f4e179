#include "schema-client/model/wire_format.hpp"

#include <optional>
#include <set>

#include "schema-client/model/columns.hpp"
#include "schema-client/model/json_reader.hpp"
#include "schema-client/model/uuid.hpp"
#include "schema-client/model/validation.hpp"

namespace zt::model {

using nlohmann::json;

// ---------- writing ----------

json to_json(const AgentInfo& a) {
  return {{"name", a.name},           {"hostname", a.hostname},
          {"version", a.version},     {"os", a.os},
          {"os_version", a.os_version}, {"cpu_cores", a.cpu_cores},
          {"memory_gb", a.memory_gb}, {"capabilities", a.capabilities},
          {"metrics", a.metrics}};
}

json to_json(const Finding& f) {
  return {{"category", to_string(f.category)},
          {"severity", to_string(f.severity)},
          {"title", f.title},
          {"description", f.description},
          {"remediation", f.remediation},
          {"fingerprint", f.fingerprint},
          {"risk_score", f.risk_score},
          {"fields", f.fields},
          {"metadata", f.metadata}};
}

json to_json(const Dependency& d) {
  json out = {{"name", d.name}, {"version", d.version}, {"type", d.type},
              {"location", d.location}, {"license", d.license}};
  // Written only when known: a batch without them is one an ingest before 0008 reads.
  const auto put_if_known = [&out](const char* key, const std::string& value) {
    if (!value.empty()) out[key] = value;
  };
  put_if_known("source_name", d.source_name);
  put_if_known("source_version", d.source_version);
  put_if_known("arch", d.arch);
  put_if_known("ecosystem", d.ecosystem);
  return out;
}

json to_json(const ConfigFile& c) {
  json out = {{"file_path", c.file_path},
              {"filename", c.filename},
              {"file_hash", c.file_hash},
              {"device_type", c.device_type},
              {"manufacturer", c.manufacturer},
              {"model", c.model},
              {"firmware_version", c.firmware_version},
              {"config_type", c.config_type},
              {"parsing_status", c.parsing_status},
              {"analysis_status", c.analysis_status},
              {"parsed_data", c.parsed_data}};
  if (c.analysis)
    out["analysis"] = {{"total_findings", c.analysis->total_findings},
                       {"critical_findings", c.analysis->critical_findings},
                       {"compliance_scores", c.analysis->compliance_scores},
                       {"overall_security_score", c.analysis->overall_security_score},
                       {"overall_risk_score", c.analysis->overall_risk_score}};
  return out;
}

namespace {

json to_json(const Scan& s) {
  return {{"id", s.id},
          {"scan_type", s.scan_type},
          {"status", to_string(s.status)},
          {"progress", s.progress},
          {"start_time", format_timestamp(s.start_time)},
          {"end_time", s.end_time ? json(format_timestamp(*s.end_time)) : json(nullptr)},
          {"options", s.options},
          {"results", to_json(s.results)},
          {"metadata", s.metadata}};
}

// ---------- reading ----------

std::string read_uuid(ObjectReader& r, std::string_view key) {
  const json* value = r.get(key, false);
  std::string id = r.text(key, true);
  if (value != nullptr && value->is_string() && !is_uuid(id))
    r.fail(r.path_of(key), "expected a lower-case UUID, got \"" + id + "\"");
  return id;
}

AgentInfo read_agent(const json& value, std::vector<Problem>& problems) {
  ObjectReader r(value, "$.agent", problems,
                 {"name", "hostname", "version", "os", "os_version", "cpu_cores", "memory_gb",
                  "capabilities", "metrics"});
  AgentInfo a;
  a.name = r.text("name", true);
  a.hostname = r.text("hostname", true);
  a.version = r.text("version", true);
  a.os = r.text("os");
  a.os_version = r.text("os_version");
  a.cpu_cores = static_cast<int>(r.integer("cpu_cores", 0, 1 << 20).value_or(0));
  a.memory_gb = r.number("memory_gb", 0, 1 << 30).value_or(0);
  a.capabilities = r.object("capabilities");
  a.metrics = r.object("metrics");
  return a;
}

Scan read_scan(const json& value, std::vector<Problem>& problems) {
  ObjectReader r(value, "$.scan", problems,
                 {"id", "scan_type", "status", "progress", "start_time", "end_time", "options",
                  "results", "metadata"});
  Scan s;
  s.id = read_uuid(r, "id");
  s.scan_type = r.text("scan_type", true);
  s.status = r.one_of<ScanStatus>("status", parse_scan_status,
                                  "running, completed, partial, failed")
                 .value_or(ScanStatus::running);
  s.progress = static_cast<int>(r.integer("progress", 0, 100).value_or(0));
  s.start_time = r.timestamp("start_time", true).value_or(Timestamp{});
  s.end_time = r.timestamp("end_time", false);
  s.options = r.object("options");
  if (const json* results = r.get("results", false))
    s.results = read_scan_results(*results, r.path_of("results"), problems);
  s.metadata = r.object("metadata");
  return s;
}

Finding read_finding(const json& value, const std::string& path,
                     std::vector<Problem>& problems) {
  ObjectReader r(value, path, problems,
                 {"category", "severity", "title", "description", "remediation", "fingerprint",
                  "risk_score", "fields", "metadata"});
  Finding f;
  if (!value.is_object()) return f;
  const std::optional<Category> category = r.one_of<Category>(
      "category", parse_category,
      "system, network, compliance, auth, database, api, container, ai_ml, iot_ot, privacy, "
      "web3, config");
  f.category = category.value_or(Category::system);
  f.severity = r.one_of<Severity>("severity", parse_severity,
                                  "critical, high, medium, low, info")
                   .value_or(Severity::info);
  f.title = r.text("title", true);
  f.description = r.text("description");
  f.remediation = r.text("remediation");
  f.fingerprint = r.text("fingerprint", true);
  if (const json* fp = r.get("fingerprint", false);
      fp && fp->is_string() && (f.fingerprint.size() != 64 ||
                                f.fingerprint.find_first_not_of("0123456789abcdef") !=
                                    std::string::npos))
    r.fail(r.path_of("fingerprint"), "expected 64 lower-case hex digits (SHA-256)");
  f.risk_score = r.number("risk_score", 0, 10).value_or(0);
  if (const json* v = r.get("fields", false)) f.fields = *v;
  if (const json* v = r.get("metadata", false)) f.metadata = *v;
  // The semantic checks, less those about a field already reported by its path above. The
  // fields cannot be checked against an unknown category's columns.
  if (!category) return f;
  add_unreported(problems, finding_problems(f, path));
  return f;
}

Dependency read_dependency(const json& value, const std::string& path,
                           std::vector<Problem>& problems) {
  ObjectReader r(value, path, problems,
                 {"name", "version", "type", "location", "license", "source_name",
                  "source_version", "arch", "ecosystem"});
  Dependency d;
  d.name = r.text("name", true);
  d.version = r.text("version", true);
  d.type = r.text("type");
  d.location = r.text("location");
  d.license = r.text("license");
  d.source_name = r.text("source_name");
  d.source_version = r.text("source_version");
  d.arch = r.text("arch");
  d.ecosystem = r.text("ecosystem");
  if (value.is_object() && value.contains("name") && value["name"].is_string() && d.name.empty())
    r.fail(r.path_of("name"), "must not be empty");
  return d;
}

ConfigAnalysis read_config_analysis(const json& value, const std::string& path,
                                    std::vector<Problem>& problems) {
  ObjectReader r(value, path, problems,
                 {"total_findings", "critical_findings", "compliance_scores",
                  "overall_security_score", "overall_risk_score"});
  ConfigAnalysis a;
  constexpr long long kMaxCount = 2147483647;  // integer columns
  a.total_findings = r.integer("total_findings", 0, kMaxCount, true).value_or(0);
  a.critical_findings = r.integer("critical_findings", 0, kMaxCount, true).value_or(0);
  if (a.critical_findings > a.total_findings)
    r.fail(r.path_of("critical_findings"),
           "must not exceed total_findings (" + std::to_string(a.total_findings) + ")");
  a.compliance_scores = r.object("compliance_scores");
  for (const auto& [framework, score] : a.compliance_scores.items())
    if (!score.is_number() || score.get<double>() < 0 || score.get<double>() > 100)
      r.fail(r.path_of("compliance_scores") + "." + framework,
             "must be a number between 0 and 100, got " + score.dump());
  a.overall_security_score = r.number("overall_security_score", 0, 100).value_or(0);
  a.overall_risk_score = r.number("overall_risk_score", 0, 10).value_or(0);
  return a;
}

ConfigFile read_config_file(const json& value, const std::string& path,
                            std::vector<Problem>& problems) {
  ObjectReader r(value, path, problems,
                 {"file_path", "filename", "file_hash", "device_type", "manufacturer", "model",
                  "firmware_version", "config_type", "parsing_status", "analysis_status",
                  "parsed_data", "analysis"});
  ConfigFile c;
  if (!value.is_object()) return c;
  c.file_path = r.text("file_path", true);
  if (value.contains("file_path") && value["file_path"].is_string() && c.file_path.empty())
    r.fail(r.path_of("file_path"), "must not be empty");
  c.filename = r.text("filename");
  c.file_hash = r.text("file_hash");
  c.device_type = r.text("device_type");
  c.manufacturer = r.text("manufacturer");
  c.model = r.text("model");
  c.firmware_version = r.text("firmware_version");
  c.config_type = r.text("config_type");
  c.parsing_status = r.text("parsing_status", true);
  if (value.contains("parsing_status") && value["parsing_status"].is_string() &&
      !is_parsing_status(c.parsing_status))
    r.fail(r.path_of("parsing_status"), "must be one of " + std::string(kParsingStatuses) +
                                            ", got \"" + c.parsing_status + "\"");
  c.analysis_status = r.text("analysis_status", true);
  if (value.contains("analysis_status") && value["analysis_status"].is_string() &&
      !is_analysis_status(c.analysis_status))
    r.fail(r.path_of("analysis_status"), "must be one of " + std::string(kAnalysisStatuses) +
                                             ", got \"" + c.analysis_status + "\"");
  c.parsed_data = r.object("parsed_data");
  if (const json* analysis = r.get("analysis", false))
    c.analysis = read_config_analysis(*analysis, r.path_of("analysis"), problems);
  // An analysis belongs to an analyzed file, and an analyzed file has one.
  if (c.analysis_status == "analyzed" && !c.analysis)
    r.fail(r.path_of("analysis"), "required when analysis_status is \"analyzed\"");
  if (c.analysis_status == "not_analyzed" && c.analysis)
    r.fail(r.path_of("analysis"), "not allowed when analysis_status is \"not_analyzed\"");
  return c;
}

template <typename T, typename ReadOne>
std::vector<T> read_array(const json* array, const std::string& path,
                          std::vector<Problem>& problems, ReadOne read_one) {
  std::vector<T> items;
  if (array == nullptr) return items;
  items.reserve(array->size());
  for (std::size_t i = 0; i < array->size(); ++i)
    items.push_back(read_one((*array)[i], path + "[" + std::to_string(i) + "]", problems));
  return items;
}

}  // namespace

namespace {

// "digest" and "delta", written only when set: a batch without them is one an ingest before
// differential uploads reads.
void add_baseline_keys(json& out, const Batch& b) {
  if (!b.digest.empty()) out["digest"] = b.digest;
  if (b.delta) out["delta"] = {{"base", b.delta->base}, {"removed", b.delta->removed}};
}

}  // namespace

json to_json(const Batch& b) {
  json findings = json::array();
  for (const Finding& f : b.findings) findings.push_back(to_json(f));
  json dependencies = json::array();
  for (const Dependency& d : b.dependencies) dependencies.push_back(to_json(d));
  json out = {{"schema_version", b.schema_version}, {"batch_id", b.batch_id},
              {"part", b.part},                     {"parts", b.parts},
              {"agent", to_json(b.agent)},          {"scan", to_json(b.scan)},
              {"findings", std::move(findings)},    {"dependencies", std::move(dependencies)}};
  if (!b.config_files.empty()) {
    json files = json::array();
    for (const ConfigFile& c : b.config_files) files.push_back(to_json(c));
    out["config_files"] = std::move(files);
  }
  add_baseline_keys(out, b);
  return out;
}

namespace {

// `value` as dump(indent) writes it `depth` levels down in a document. Invalid UTF-8 (a byte
// string read from a host file) is replaced instead of thrown.
void append_dump(std::string& out, const json& value, int indent, int depth) {
  const std::string text = value.dump(indent, ' ', false, json::error_handler_t::replace);
  if (indent < 0) {
    out += text;
    return;
  }
  // A dump's only raw newlines are its layout (a newline in a string is written "\n").
  const std::string pad(static_cast<std::size_t>(indent * depth), ' ');
  for (const char c : text) {
    out += c;
    if (c == '\n') out += pad;
  }
}

// A batch's array of findings or dependencies, one element at a time.
template <typename Item>
void append_array(std::string& out, const std::vector<Item>& items, int indent) {
  if (items.empty()) {
    out += "[]";
    return;
  }
  const std::string inner = indent < 0 ? "" : "\n" + std::string(2 * indent, ' ');
  out += '[';
  for (std::size_t i = 0; i < items.size(); ++i) {
    out += i == 0 ? inner : "," + inner;
    append_dump(out, to_json(items[i]), indent, 2);
  }
  out += indent < 0 ? "]" : "\n" + std::string(indent, ' ') + "]";
}

}  // namespace

std::string serialize(const Batch& batch, int indent) {
  // The same text as to_json(batch).dump(indent), written a finding at a time: a scan with
  // thousands of findings is never held as one JSON document beside its text.
  json head = {{"schema_version", batch.schema_version}, {"batch_id", batch.batch_id},
               {"part", batch.part},                     {"parts", batch.parts},
               {"agent", to_json(batch.agent)},          {"scan", to_json(batch.scan)},
               {"findings", nullptr},                    {"dependencies", nullptr}};
  if (!batch.config_files.empty()) head["config_files"] = nullptr;
  add_baseline_keys(head, batch);
  const std::string member = indent < 0 ? "" : "\n" + std::string(indent, ' ');
  const std::string colon = indent < 0 ? ":" : ": ";
  std::string out = "{";
  bool first = true;
  for (const auto& [key, value] : head.items()) {  // in the order dump() writes them
    out += first ? member : "," + member;
    first = false;
    out += json(key).dump() + colon;
    if (key == "findings")
      append_array(out, batch.findings, indent);
    else if (key == "dependencies")
      append_array(out, batch.dependencies, indent);
    else if (key == "config_files")
      append_array(out, batch.config_files, indent);
    else
      append_dump(out, value, indent, 1);
  }
  out += indent < 0 ? "}" : "\n}";
  return out;
}

namespace {

bool is_sha256_hex(const std::string& text) {
  return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

// `digest` and `delta` (batch.hpp), and what a delta must be: one part of a completed scan
// whose inventory did not change, with the digest it moves to.
void read_baseline_keys(ObjectReader& r, Batch& b, std::vector<Problem>& problems) {
  constexpr std::string_view kHex = "expected 64 lower-case hex digits (SHA-256)";
  const json* digest = r.get("digest", false);
  if (digest != nullptr) {
    b.digest = r.text("digest");
    if (digest->is_string() && !is_sha256_hex(b.digest))
      r.fail(r.path_of("digest"), std::string(kHex));
  }
  const json* value = r.get("delta", false);
  if (value == nullptr) return;
  ObjectReader d(*value, "$.delta", problems, {"base", "removed"});
  Delta delta;
  delta.base = d.text("base", true);
  if (const json* base = d.get("base", false);
      base && base->is_string() && !is_sha256_hex(delta.base))
    d.fail(d.path_of("base"), std::string(kHex));
  if (const json* removed = d.array("removed", true)) {
    for (std::size_t i = 0; i < removed->size(); ++i) {
      const json& fp = (*removed)[i];
      const std::string path = "$.delta.removed[" + std::to_string(i) + "]";
      if (!fp.is_string() || !is_sha256_hex(fp.get<std::string>()))
        d.fail(path, "expected a fingerprint: " + std::string(kHex));
      else
        delta.removed.push_back(fp.get<std::string>());
    }
  }
  if (!d.is_object()) return;
  std::set<std::string_view> sent;
  for (const Finding& f : b.findings) sent.insert(f.fingerprint);
  for (std::size_t i = 0; i < delta.removed.size(); ++i)
    if (sent.contains(delta.removed[i]))
      r.fail("$.delta.removed[" + std::to_string(i) + "]", "also sent in $.findings");
  if (digest == nullptr)
    r.fail("$.digest", "required with a delta: the state the delta leads to");
  if (b.parts != 1) r.fail("$.parts", "a delta is one part, got " + std::to_string(b.parts));
  if (!b.dependencies.empty() || !b.config_files.empty())
    r.fail("$.delta", "a delta carries no inventory (dependencies, config files): a scan whose "
                      "inventory changed is sent whole");
  bool completed = b.scan.status == ScanStatus::completed && !b.scan.results.empty();
  for (const auto& [name, outcome] : b.scan.results)
    completed = completed && outcome.status == CollectorStatus::completed;
  if (!completed)
    r.fail("$.delta", "a delta needs a completed scan whose every collector completed");
  b.delta = std::move(delta);
}

}  // namespace

Result<Batch> batch_from_json(const json& document) {
  std::vector<Problem> problems;
  ObjectReader r(document, "$", problems,
                 {"schema_version", "batch_id", "part", "parts", "agent", "scan", "findings",
                  "dependencies", "config_files", "digest", "delta"});
  Batch b;
  if (auto version = r.integer("schema_version", 0, 1 << 30, true);
      version && *version != kSchemaVersion)
    r.fail(r.path_of("schema_version"), "unsupported version " + std::to_string(*version) +
                                            " (this reader knows " +
                                            std::to_string(kSchemaVersion) + ")");
  b.batch_id = read_uuid(r, "batch_id");
  b.parts = static_cast<int>(r.integer("parts", 1, kMaxParts).value_or(1));
  b.part = static_cast<int>(r.integer("part", 1, kMaxParts).value_or(1));
  if (b.part > b.parts)
    r.fail(r.path_of("part"), "must not exceed parts (" + std::to_string(b.parts) + "), got " +
                                  std::to_string(b.part));
  if (const json* agent = r.get("agent", true)) b.agent = read_agent(*agent, problems);
  if (const json* scan = r.get("scan", true)) b.scan = read_scan(*scan, problems);
  b.findings = read_array<Finding>(r.array("findings", true), "$.findings", problems,
                                   read_finding);
  b.dependencies = read_array<Dependency>(r.array("dependencies", false), "$.dependencies",
                                          problems, read_dependency);
  b.config_files = read_array<ConfigFile>(r.array("config_files", false), "$.config_files",
                                          problems, read_config_file);
  for (std::size_t i = 0; i < b.config_files.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (!b.config_files[i].file_path.empty() &&
          b.config_files[i].file_path == b.config_files[j].file_path) {
        r.fail("$.config_files[" + std::to_string(i) + "].file_path",
               "the same file as $.config_files[" + std::to_string(j) + "]");
        break;
      }
  read_baseline_keys(r, b, problems);
  // What no column would take (columns.hpp).
  add_unreported(problems, column_problems(b));
  if (!problems.empty()) return invalid_document(std::move(problems));
  return b;
}

Result<AgentInfo> agent_from_json(const json& value) {
  std::vector<Problem> problems;
  AgentInfo agent = read_agent(value, problems);
  add_unreported(problems, column_problems(agent));
  if (!problems.empty()) return invalid_document(std::move(problems));
  return agent;
}

Result<Batch> parse_batch(std::string_view text) {
  json document;
  try {
    document = json::parse(text);
  } catch (const json::exception& e) {
    return invalid_document({{"$", "not valid JSON (" + std::string(e.what()) + ")"}});
  }
  return batch_from_json(document);
}

}  // namespace zt::model
