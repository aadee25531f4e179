#include "schema-client/model/columns.hpp"

#include <optional>
#include <utility>

#include "schema-client/model/timestamp.hpp"

namespace zt::model {
namespace {

using nlohmann::json;

// The fixed columns of a finding (vulnerabilities_v2 and the category tables; title and
// description feed the full-text index, whose tsvector holds at most 1 MB), of the agent,
// the scan and a dependency. Unbounded text columns outside any index have no row.
constexpr FieldSpec kTitle{.name = "title", .type = FieldType::text, .max_chars = 1024, .cut = true};
constexpr FieldSpec kDescription{
    .name = "description", .type = FieldType::text, .max_chars = 65536, .cut = true};
constexpr FieldSpec kRemediation{
    .name = "remediation", .type = FieldType::text, .max_chars = 65536, .cut = true};
constexpr FieldSpec kAgentVersion{.name = "version", .type = FieldType::text, .max_chars = 64};
constexpr FieldSpec kScanType{.name = "scan_type", .type = FieldType::text, .max_chars = 50};
// dependencies (company_id, name) is a b-tree index: the cap of category.cpp's kIndexedChars.
constexpr FieldSpec kDependencyName{.name = "name", .type = FieldType::text, .max_chars = 500};
constexpr FieldSpec kDependencyType{.name = "type", .type = FieldType::text, .max_chars = 50};
constexpr FieldSpec kPlainText{.name = "", .type = FieldType::text};

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

// Characters as PostgreSQL counts them in UTF-8: every byte that does not continue one.
std::size_t characters(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// The byte offset where character `n` starts (s.size() when there are fewer).
std::size_t offset_of_character(std::string_view s, std::size_t n) {
  for (std::size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && n-- == 0) return i;
  return s.size();
}

std::size_t replace_nul(std::string& s) {
  std::size_t count = 0;
  for (std::size_t at = s.find('\0'); at != std::string::npos; at = s.find('\0', at)) {
    s.replace(at, 1, kReplacement);
    at += kReplacement.size();
    ++count;
  }
  return count;
}

// A config file's text columns by name. Those named like a config finding's fields
// (category.cpp) are bounded by that field's row; the statuses are checked by the reader.
template <typename File>  // ConfigFile or const ConfigFile
auto config_file_texts(File& c) {
  using Text = decltype(&c.file_path);
  return std::vector<std::pair<std::string_view, Text>>{{"file_path", &c.file_path},         {"filename", &c.filename},
          {"file_hash", &c.file_hash},         {"device_type", &c.device_type},
          {"manufacturer", &c.manufacturer},   {"model", &c.model},
          {"firmware_version", &c.firmware_version}, {"config_type", &c.config_type},
          {"parsing_status", &c.parsing_status}, {"analysis_status", &c.analysis_status}};
}

// Applies the cleanings to one value after another, noting each change.
class Fitter {
 public:
  void text(std::string& value, const FieldSpec& spec, const std::string& path) {
    if (const std::size_t n = replace_nul(value))
      notes.push_back(path + ": " + std::to_string(n) + " U+0000 replaced by U+FFFD");
    if (!spec.cut || spec.max_chars == 0) return;
    if (const std::size_t n = characters(value); n > spec.max_chars) {
      value.resize(offset_of_character(value, spec.max_chars));
      notes.push_back(path + ": cut from " + std::to_string(n) + " to " +
                      std::to_string(spec.max_chars) + " characters");
    }
  }

  // Stops one level past kMaxJsonDepth: deeper values are refused by column_problems.
  void value(json& v, const std::string& path, int depth = 1) {
    if (v.is_string()) return text(v.get_ref<std::string&>(), kPlainText, path);
    if (depth > kMaxJsonDepth + 1) return;
    if (v.is_array()) {
      for (std::size_t i = 0; i < v.size(); ++i)
        value(v[i], path + "[" + std::to_string(i) + "]", depth + 1);
      return;
    }
    if (!v.is_object()) return;
    bool renamed = false;
    for (const auto& item : v.items()) renamed = renamed || item.key().find('\0') != std::string::npos;
    if (renamed) {
      json cleaned = json::object();
      for (auto& item : v.items()) {
        std::string key = item.key();
        if (const std::size_t n = replace_nul(key))
          notes.push_back(path + "." + key + ": " + std::to_string(n) +
                          " U+0000 replaced by U+FFFD in the key");
        cleaned[key] = std::move(item.value());
      }
      v = std::move(cleaned);
    }
    for (auto& item : v.items()) value(item.value(), path + "." + item.key(), depth + 1);
  }

  std::vector<std::string> notes;
};

void note_in(json& metadata, const std::vector<std::string>& notes) {
  if (notes.empty() || !metadata.is_object()) return;
  json& list = metadata[std::string(kCleanedKey)];
  if (!list.is_array()) list = json::array();
  for (const std::string& n : notes) list.push_back(n);
}

// ---------- problems ----------

void text_problem(std::string_view value, const FieldSpec& spec, const std::string& path,
                  std::vector<Problem>& problems) {
  if (spec.cut || spec.max_chars == 0) return;
  if (const std::size_t n = characters(value); n > spec.max_chars)
    problems.push_back({path, "longer than the column's " + std::to_string(spec.max_chars) +
                                  " characters (" + std::to_string(n) + ")"});
}

// The path of the first container nested deeper than `levels` allow, or nullopt.
std::optional<std::string> too_deep(const json& v, int levels, const std::string& path) {
  if (!v.is_structured()) return std::nullopt;
  if (levels == 0) return path;
  if (v.is_array()) {
    for (std::size_t i = 0; i < v.size(); ++i)
      if (auto p = too_deep(v[i], levels - 1, path + "[" + std::to_string(i) + "]")) return p;
    return std::nullopt;
  }
  for (const auto& item : v.items())
    if (auto p = too_deep(item.value(), levels - 1, path + "." + item.key())) return p;
  return std::nullopt;
}

// `levels`: what is left of kMaxJsonDepth where `v` is (a value inside a stored one has less).
void json_problem(const json& v, const std::string& path, std::vector<Problem>& problems,
                  int levels = kMaxJsonDepth) {
  if (auto p = too_deep(v, levels, path))
    problems.push_back(
        {*p, "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels"});
}

constexpr Timestamp kFirstInstant{std::chrono::sys_days{std::chrono::year{1} / 1 / 1}};

void instant_problem(Timestamp t, const std::string& path, std::vector<Problem>& problems) {
  if (t < kFirstInstant) problems.push_back({path, "must not be before 0001-01-01 (UTC)"});
}

void field_problem(const json& value, const FieldSpec& spec, const std::string& path,
                   std::vector<Problem>& problems) {
  switch (spec.type) {
    case FieldType::text:
      if (value.is_string()) text_problem(value.get_ref<const std::string&>(), spec, path, problems);
      return;
    case FieldType::integer: {
      if (!value.is_number_integer()) return;
      const bool over = value.is_number_unsigned()
                            ? value.get<std::uint64_t>() > static_cast<std::uint64_t>(spec.max)
                            : value.get<std::int64_t>() > spec.max;
      if (over || (!value.is_number_unsigned() && value.get<std::int64_t>() < spec.min))
        problems.push_back({path, "must be between " + std::to_string(spec.min) + " and " +
                                      std::to_string(spec.max) + " (the column's range), got " +
                                      value.dump()});
      return;
    }
    case FieldType::timestamp:
      if (value.is_string())
        if (auto t = parse_timestamp(value.get_ref<const std::string&>()))
          instant_problem(*t, path, problems);
      return;
    case FieldType::date:
      if (value.is_string() && value.get_ref<const std::string&>().starts_with("0000"))
        problems.push_back({path, "must not be before 0001-01-01"});
      return;
    case FieldType::json:
      json_problem(value, path, problems);
      return;
    case FieldType::number:
    case FieldType::boolean: return;
  }
}

}  // namespace

std::vector<std::string> fit_to_columns(Finding& f) {
  Fitter fitter;
  fitter.text(f.title, kTitle, "title");
  fitter.text(f.description, kDescription, "description");
  fitter.text(f.remediation, kRemediation, "remediation");
  if (f.fields.is_object()) {
    const CategorySpec& category = spec(f.category);
    for (auto& item : f.fields.items()) {
      const FieldSpec* field = find_field(category, item.key());
      if (field != nullptr && item.value().is_string())
        fitter.text(item.value().get_ref<std::string&>(), *field, "fields." + item.key());
      else
        fitter.value(item.value(), "fields." + item.key());
    }
  }
  fitter.value(f.metadata, "metadata");
  note_in(f.metadata, fitter.notes);
  return std::move(fitter.notes);
}

std::vector<std::string> fit_to_columns(AgentInfo& a) {
  Fitter fitter;
  fitter.text(a.name, kPlainText, "$.agent.name");
  fitter.text(a.hostname, kPlainText, "$.agent.hostname");
  fitter.text(a.version, kAgentVersion, "$.agent.version");
  fitter.text(a.os, kPlainText, "$.agent.os");
  fitter.text(a.os_version, kPlainText, "$.agent.os_version");
  fitter.value(a.capabilities, "$.agent.capabilities");
  fitter.value(a.metrics, "$.agent.metrics");
  return std::move(fitter.notes);
}

std::vector<std::string> fit_json_to_column(nlohmann::json& value, std::string_view path) {
  Fitter fitter;
  fitter.value(value, std::string(path));
  return std::move(fitter.notes);
}

namespace {

// Each outcome's errors and inventory; a collector name with U+0000 is renamed.
void fit_results(ScanResults& results, Fitter& fitter) {
  const std::string path = "$.scan.results";
  for (auto it = results.begin(); it != results.end();) {
    std::string name = it->first;
    if (const std::size_t n = replace_nul(name); n == 0) {
      ++it;
    } else {
      fitter.notes.push_back(path + "." + name + ": " + std::to_string(n) +
                             " U+0000 replaced by U+FFFD in the key");
      CollectorOutcome outcome = std::move(it->second);
      it = results.erase(it);
      results.insert_or_assign(std::move(name), std::move(outcome));
    }
  }
  for (auto& [name, outcome] : results) {
    const std::string at = path + "." + name;
    for (std::size_t i = 0; i < outcome.errors.size(); ++i)
      fitter.text(outcome.errors[i], kPlainText, at + ".errors[" + std::to_string(i) + "]");
    // results is the stored value's level 1, the outcome level 2, its inventory level 3.
    if (outcome.inventory) fitter.value(*outcome.inventory, at + ".inventory", 3);
  }
}

}  // namespace

std::vector<std::string> fit_to_columns(Batch& b) {
  Fitter fitter;
  fitter.notes = fit_to_columns(b.agent);
  Scan& s = b.scan;
  fitter.text(s.scan_type, kScanType, "$.scan.scan_type");
  fitter.value(s.options, "$.scan.options");
  fit_results(s.results, fitter);
  fitter.value(s.metadata, "$.scan.metadata");
  for (std::size_t i = 0; i < b.dependencies.size(); ++i) {
    Dependency& d = b.dependencies[i];
    const std::string path = "$.dependencies[" + std::to_string(i) + "].";
    fitter.text(d.name, kDependencyName, path + "name");
    fitter.text(d.version, kPlainText, path + "version");
    fitter.text(d.type, kDependencyType, path + "type");
    fitter.text(d.location, kPlainText, path + "location");
    fitter.text(d.license, kPlainText, path + "license");
    fitter.text(d.source_name, kPlainText, path + "source_name");
    fitter.text(d.source_version, kPlainText, path + "source_version");
    fitter.text(d.arch, kPlainText, path + "arch");
    fitter.text(d.ecosystem, kPlainText, path + "ecosystem");
  }
  for (std::size_t i = 0; i < b.config_files.size(); ++i) {
    ConfigFile& c = b.config_files[i];
    const std::string path = "$.config_files[" + std::to_string(i) + "].";
    for (const auto& [name, value] : config_file_texts(c))
      fitter.text(*value, kPlainText, path + std::string(name));
    fitter.value(c.parsed_data, path + "parsed_data");
    if (c.analysis) fitter.value(c.analysis->compliance_scores, path + "analysis.compliance_scores");
  }
  note_in(s.metadata, fitter.notes);
  std::vector<std::string> notes = std::move(fitter.notes);
  for (std::size_t i = 0; i < b.findings.size(); ++i)
    for (const std::string& n : fit_to_columns(b.findings[i]))
      notes.push_back("$.findings[" + std::to_string(i) + "]." + n);
  return notes;
}

std::vector<Problem> column_problems(const Finding& f, std::string_view path) {
  std::vector<Problem> problems;
  const std::string p(path);
  text_problem(f.title, kTitle, p + ".title", problems);
  text_problem(f.description, kDescription, p + ".description", problems);
  text_problem(f.remediation, kRemediation, p + ".remediation", problems);
  if (f.fields.is_object()) {
    const CategorySpec& category = spec(f.category);
    for (const auto& item : f.fields.items())
      if (const FieldSpec* field = find_field(category, item.key()))
        field_problem(item.value(), *field, p + ".fields." + item.key(), problems);
  }
  json_problem(f.metadata, p + ".metadata", problems);
  // The writer stores it in vulnerabilities.cvss_score, numeric(3,1) between 0 and 10.
  if (f.category == Category::system && f.metadata.is_object())
    if (const auto cvss = f.metadata.find("cvss_score");
        cvss != f.metadata.end() && !cvss->is_null() &&
        !(cvss->is_number() && cvss->get<double>() >= 0 && cvss->get<double>() <= 10))
      problems.push_back({p + ".metadata.cvss_score",
                          "must be a number between 0 and 10, got " + cvss->dump()});
  return problems;
}

std::vector<Problem> column_problems(const AgentInfo& a) {
  std::vector<Problem> problems;
  text_problem(a.version, kAgentVersion, "$.agent.version", problems);
  json_problem(a.capabilities, "$.agent.capabilities", problems);
  json_problem(a.metrics, "$.agent.metrics", problems);
  return problems;
}

std::vector<Problem> json_value_problems(const nlohmann::json& value, std::string_view path) {
  std::vector<Problem> problems;
  json_problem(value, std::string(path), problems);
  return problems;
}

std::vector<std::string> json_column_problems(const nlohmann::json& value,
                                              std::string_view path) {
  std::vector<std::string> lines;
  for (const Problem& problem : json_value_problems(value, path)) lines.push_back(to_string(problem));
  return lines;
}

std::vector<Problem> column_problems(const Batch& b) {
  std::vector<Problem> problems = column_problems(b.agent);
  text_problem(b.scan.scan_type, kScanType, "$.scan.scan_type", problems);
  instant_problem(b.scan.start_time, "$.scan.start_time", problems);
  if (b.scan.end_time) instant_problem(*b.scan.end_time, "$.scan.end_time", problems);
  json_problem(b.scan.options, "$.scan.options", problems);
  // results is the stored value's level 1, an outcome level 2, its inventory level 3.
  for (const auto& [name, outcome] : b.scan.results)
    if (outcome.inventory)
      json_problem(*outcome.inventory, "$.scan.results." + name + ".inventory", problems,
                   kMaxJsonDepth - 2);
  json_problem(b.scan.metadata, "$.scan.metadata", problems);
  for (std::size_t i = 0; i < b.dependencies.size(); ++i) {
    const std::string path = "$.dependencies[" + std::to_string(i) + "].";
    text_problem(b.dependencies[i].name, kDependencyName, path + "name", problems);
    text_problem(b.dependencies[i].type, kDependencyType, path + "type", problems);
  }
  for (std::size_t i = 0; i < b.config_files.size(); ++i) {
    const ConfigFile& c = b.config_files[i];
    const std::string path = "$.config_files[" + std::to_string(i) + "].";
    for (const auto& [name, value] : config_file_texts(c))
      if (const FieldSpec* field = find_field(spec(Category::config), name))
        text_problem(*value, *field, path + std::string(name), problems);
    json_problem(c.parsed_data, path + "parsed_data", problems);
    if (c.analysis)
      json_problem(c.analysis->compliance_scores, path + "analysis.compliance_scores", problems);
  }
  for (std::size_t i = 0; i < b.findings.size(); ++i)
    for (Problem& p : column_problems(b.findings[i], "$.findings[" + std::to_string(i) + "]"))
      problems.push_back(std::move(p));
  return problems;
}

std::vector<StoredColumn> stored_columns() {
  static constexpr FieldSpec kVersion{.name = "version", .type = FieldType::text};
  static constexpr FieldSpec kLocation{.name = "location", .type = FieldType::text};
  static constexpr FieldSpec kLicense{.name = "license", .type = FieldType::text};
  static constexpr FieldSpec kSourceName{.name = "source_name", .type = FieldType::text};
  static constexpr FieldSpec kSourceVersion{.name = "source_version", .type = FieldType::text};
  static constexpr FieldSpec kArch{.name = "arch", .type = FieldType::text};
  static constexpr FieldSpec kEcosystem{.name = "ecosystem", .type = FieldType::text};
  std::vector<StoredColumn> columns = {
      {"vulnerabilities_v2", "title", &kTitle},
      {"vulnerabilities_v2", "description", &kDescription},
      {"vulnerabilities_v2", "remediation", &kRemediation},
      {"agents", "version", &kAgentVersion},
      {"scans", "scan_type", &kScanType},
      {"dependencies", "name", &kDependencyName},
      {"dependencies", "type", &kDependencyType},
      {"dependencies", "version", &kVersion},
      {"dependencies", "location", &kLocation},
      {"dependencies", "license", &kLicense},
      {"dependencies", "source_name", &kSourceName},
      {"dependencies", "source_version", &kSourceVersion},
      {"dependencies", "arch", &kArch},
      {"dependencies", "ecosystem", &kEcosystem}};
  for (const CategorySpec& category : all_categories())
    for (const FieldSpec& field : category.fields)
      columns.push_back({category.table, field.name, &field});
  return columns;
}

}  // namespace zt::model
