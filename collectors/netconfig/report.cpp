#include "collectors/netconfig/report.hpp"

#include "collectors/netconfig/finding_types.hpp"

namespace zt::netconfig {
namespace {

using nlohmann::json;

// The largest model a file's config_files entry carries (the benchmark's 50,000-line
// configuration is 1.0 MB of JSON, its 10,000-line one 0.2 MB): a batch part is bounded.
constexpr std::size_t kParsedDataMaxBytes = std::size_t{1} << 20;

// The config_files columns of `file` that describe it (no parsed_data, no analysis).
model::ConfigFile file_columns(const AuditedFile& file) {
  const Detection& d = file.report->detection;
  model::ConfigFile c;
  c.file_path = file.path;
  c.filename = file.filename;
  c.file_hash = file.sha256;
  c.device_type = finding_type::kDeviceType;
  c.manufacturer = manufacturer_of(d.vendor);
  if (file.report->ios && file.report->ios->chassis) c.model = file.report->ios->chassis->value;
  c.firmware_version = d.firmware_version;
  c.config_type = finding_type::config_type(d.vendor);
  c.parsing_status = to_string(d.status);
  return c;
}

model::Finding to_finding(const AuditedFile& file, const model::ConfigFile& columns,
                          const AuditFinding& a) {
  const Standard& s = *a.standard;
  model::Finding f;
  f.category = model::Category::config;
  f.severity = s.severity;
  f.risk_score = model::default_risk_score(s.severity);
  f.title = s.title;
  f.description = s.description + " Found: " + a.issue.detail + ".";
  f.remediation = s.remediation;
  f.fields = {{"finding_type", s.id},
              {"category", s.category},
              {"affected_component", a.issue.component},
              {"config_snippet", a.snippet},
              {"line_numbers", a.issue.lines},
              {"compliance_frameworks", frameworks_json(s)},
              {"status", "open"},
              {"filename", columns.filename},
              {"file_path", columns.file_path},
              {"file_hash", columns.file_hash},
              {"device_type", columns.device_type},
              {"manufacturer", columns.manufacturer},
              {"config_type", columns.config_type}};
  if (!columns.firmware_version.empty()) f.fields["firmware_version"] = columns.firmware_version;
  if (!columns.model.empty()) f.fields["model"] = columns.model;
  std::string lines;
  for (LineNo n : a.issue.lines) lines += (lines.empty() ? "" : ", ") + std::to_string(n);
  f.metadata = {{"file", file.path},
                {"component", a.issue.component},
                {"lines", lines},
                {"standard_id", s.id},
                {"standard_name", shipped_standards().set.name}};
  return f;
}

json summary_json(const IosConfig& c) {
  std::size_t acl_entries = 0;
  for (const Acl& a : c.acls) acl_entries += a.entries.size();
  return {{"hostname", c.hostname ? c.hostname->value : ""},
          {"lines", c.line_count},
          {"interfaces", c.interfaces.size()},
          {"terminal_lines", c.lines.size()},
          {"local_users", c.users.size()},
          {"snmp_communities", c.snmp_communities.size()},
          {"acls", c.acls.size()},
          {"acl_entries", acl_entries},
          {"isakmp_policies", c.isakmp_policies.size()},
          {"ends_with_end", c.ends_with_end}};
}

json summary_json(const JunosConfig& c) {
  return {{"hostname", c.host_name ? c.host_name->value : ""},
          {"lines", c.line_count},
          {"statements", c.statements},
          {"form", c.set_form ? "set" : "braces"},
          {"snmp_communities", c.snmp_communities.size()},
          {"balanced", c.balanced}};
}

json summary_json(const AsaConfig& c) {
  return {{"hostname", c.hostname ? c.hostname->value : ""},
          {"lines", c.line_count},
          {"snmp_communities", c.snmp_communities.size()}};
}

json file_json(const AuditedFile& file) {
  const AuditReport& r = *file.report;
  json out = {{"path", file.path},
              {"filename", file.filename},
              {"sha256", file.sha256},
              {"size", file.size},
              {"vendor", std::string(to_string(r.detection.vendor))},
              {"manufacturer", std::string(manufacturer_of(r.detection.vendor))},
              {"firmware_version", r.detection.firmware_version},
              {"parsing_status", std::string(to_string(r.detection.status))},
              {"reason", r.detection.reason},
              {"notes", r.notes},
              {"reused", file.reused}};
  if (r.ios || r.junos || r.asa) {
    out["analysis"] = {{"total_findings", r.scores.total_findings},
                       {"critical_findings", r.scores.critical_findings},
                       {"compliance_scores", r.scores.compliance},
                       {"overall_security_score", r.scores.overall_security},
                       {"overall_risk_score", r.scores.overall_risk}};
    out["summary"] = r.ios ? summary_json(*r.ios) : r.junos ? summary_json(*r.junos) : summary_json(*r.asa);
  }
  return out;
}

// The model as config_files.parsed_data: {omitted: why} past the cap.
json bounded_parsed_data(const json& parsed_data) {
  const std::size_t bytes = parsed_data.dump().size();
  if (bytes <= kParsedDataMaxBytes) return parsed_data;
  return {{"omitted", std::to_string(bytes) + " bytes, over the cap of " +
                          std::to_string(kParsedDataMaxBytes) + " bytes"}};
}

}  // namespace

std::vector<model::Finding> make_findings(const Snapshot& snapshot) {
  std::vector<model::Finding> out;
  for (const AuditedFile& file : snapshot.files) {
    if (!file.report) continue;
    const model::ConfigFile columns = file_columns(file);
    for (const AuditFinding& a : file.report->findings)
      out.push_back(to_finding(file, columns, a));
  }
  return out;
}

std::vector<model::ConfigFile> make_config_files(const Snapshot& snapshot) {
  std::vector<model::ConfigFile> out;
  for (const AuditedFile& file : snapshot.files) {
    if (!file.report) continue;
    const AuditReport& r = *file.report;
    model::ConfigFile c = file_columns(file);
    const bool analyzed = r.ios || r.junos || r.asa;
    c.analysis_status = analyzed ? "analyzed" : "not_analyzed";
    if (analyzed) {
      c.parsed_data = bounded_parsed_data(r.parsed_data);
      c.analysis = model::ConfigAnalysis{
          .total_findings = static_cast<std::int64_t>(r.scores.total_findings),
          .critical_findings = static_cast<std::int64_t>(r.scores.critical_findings),
          .compliance_scores = r.scores.compliance,
          .overall_security_score = r.scores.overall_security,
          .overall_risk_score = r.scores.overall_risk};
    }
    out.push_back(std::move(c));
  }
  return out;
}

json make_inventory(const Snapshot& snapshot) {
  json files = json::array();
  for (const AuditedFile& file : snapshot.files)
    if (file.report) files.push_back(file_json(file));
  const StandardSet& standards = shipped_standards().set;
  return {{"files", std::move(files)},
          {"standards", {{"name", standards.name}, {"checks", standards.standards.size()}}},
          {"salt_source", snapshot.salt_source}};
}

}  // namespace zt::netconfig
