#include "schema-client/model/wire_format.hpp"

#include <optional>

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

json to_json(const Batch& b) {
  json findings = json::array();
  for (const Finding& f : b.findings) findings.push_back(to_json(f));
  json dependencies = json::array();
  for (const Dependency& d : b.dependencies) dependencies.push_back(to_json(d));
  return {{"schema_version", b.schema_version}, {"batch_id", b.batch_id},
          {"part", b.part},                     {"parts", b.parts},
          {"agent", to_json(b.agent)},          {"scan", to_json(b.scan)},
          {"findings", std::move(findings)},    {"dependencies", std::move(dependencies)}};
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
  const json head = {{"schema_version", batch.schema_version}, {"batch_id", batch.batch_id},
                     {"part", batch.part},                     {"parts", batch.parts},
                     {"agent", to_json(batch.agent)},          {"scan", to_json(batch.scan)},
                     {"findings", nullptr},                    {"dependencies", nullptr}};
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
    else
      append_dump(out, value, indent, 1);
  }
  out += indent < 0 ? "}" : "\n}";
  return out;
}

Result<Batch> batch_from_json(const json& document) {
  std::vector<Problem> problems;
  ObjectReader r(document, "$", problems,
                 {"schema_version", "batch_id", "part", "parts", "agent", "scan", "findings",
                  "dependencies"});
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
