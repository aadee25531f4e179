#include "collectors/netconfig/report.hpp"

#include "collectors/netconfig/finding_types.hpp"

namespace zt::netconfig {
namespace {

using nlohmann::json;

// The largest model a file's inventory entry carries (the benchmark's 50,000-line
// configuration is 1.0 MB of JSON, its 10,000-line one 0.2 MB): the scan's results travel
// in one batch.
constexpr std::size_t kParsedDataMaxBytes = std::size_t{1} << 20;

json frameworks_json(const Standard& s) {
  json out = json::array();
  for (const FrameworkRefs& f : s.frameworks)
    if (!f.requirements.empty())
      out.push_back({{"framework", f.framework}, {"requirements", f.requirements}});
  return out;
}

model::Finding to_finding(const AuditedFile& file, const AuditFinding& a) {
  const Standard& s = *a.standard;
  const Detection& d = file.report->detection;
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
              {"filename", file.filename},
              {"file_path", file.path},
              {"file_hash", file.sha256},
              {"device_type", finding_type::kDeviceType},
              {"manufacturer", std::string(manufacturer_of(d.vendor))},
              {"config_type", std::string(finding_type::config_type(d.vendor))}};
  if (!d.firmware_version.empty()) f.fields["firmware_version"] = d.firmware_version;
  if (file.report->ios && file.report->ios->chassis)
    f.fields["model"] = file.report->ios->chassis->value;
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
    const std::size_t bytes = r.parsed_data.dump().size();
    if (bytes <= kParsedDataMaxBytes) out["parsed_data"] = r.parsed_data;
    else out["parsed_data"] = {{"omitted", std::to_string(bytes) + " bytes, over the inventory's cap of " +
                                               std::to_string(kParsedDataMaxBytes) + " bytes"}};
  }
  return out;
}

}  // namespace

std::vector<model::Finding> make_findings(const Snapshot& snapshot) {
  std::vector<model::Finding> out;
  for (const AuditedFile& file : snapshot.files)
    if (file.report)
      for (const AuditFinding& a : file.report->findings) out.push_back(to_finding(file, a));
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
