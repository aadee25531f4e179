#include "collectors/netconfig/audit.hpp"

#include <algorithm>
#include <map>

#include "collectors/netconfig/asa_checks.hpp"
#include "collectors/netconfig/asa_parser.hpp"
#include "collectors/netconfig/ios_parser.hpp"
#include "collectors/netconfig/junos_checks.hpp"
#include "collectors/netconfig/junos_parser.hpp"
#include "collectors/netconfig/model_json.hpp"
#include "collectors/netconfig/secret_mask.hpp"

namespace zt::netconfig {
namespace {

// The text's lines, by number (1-based: lines[0] is line 1).
std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    pos = end + 1;
  }
  return lines;
}

// `numbers`: sorted, without repeats.
std::string snippet(const std::vector<std::string_view>& lines, const std::vector<LineNo>& numbers) {
  std::string out;
  std::size_t shown = 0;
  for (LineNo n : numbers) {
    if (n == 0 || n > lines.size()) continue;
    if (shown++ == kSnippetLines) {
      out += "…\n";
      break;
    }
    out += mask_secrets(lines[n - 1]) + "\n";
  }
  if (!out.empty()) out.pop_back();
  return out;
}

// One issue per (check, component): a second one adds its lines and its detail.
std::vector<Issue> merged(std::vector<Issue> issues) {
  std::vector<Issue> out;
  std::map<std::pair<std::string, std::string>, std::size_t> at;
  for (Issue& issue : issues) {
    const auto [it, fresh] = at.try_emplace({issue.check_id, issue.component}, out.size());
    if (fresh) {
      out.push_back(std::move(issue));
      continue;
    }
    Issue& first = out[it->second];
    first.lines.insert(first.lines.end(), issue.lines.begin(), issue.lines.end());
    if (issue.detail != first.detail) first.detail += "; " + issue.detail;
  }
  return out;
}

// The issues of a vendor's checks into the report's findings and scores. `failed`: the ids
// of the checks with an issue.
void report_issues(std::string_view text, std::string_view vendor, std::vector<Issue> issues,
                   const std::vector<std::string>& failed, const StandardSet& standards,
                   AuditReport& report) {
  const std::vector<std::string_view> lines = lines_of(text);
  std::vector<model::Severity> severities;
  for (Issue& issue : merged(std::move(issues))) {
    std::sort(issue.lines.begin(), issue.lines.end());
    issue.lines.erase(std::unique(issue.lines.begin(), issue.lines.end()), issue.lines.end());
    const Standard* standard = standards.find(issue.check_id);
    if (standard == nullptr) {
      report.notes.push_back("check " + issue.check_id + " has no standard: its findings are left out");
      continue;
    }
    severities.push_back(standard->severity);
    std::string shown = snippet(lines, issue.lines);
    report.findings.push_back({standard, std::move(issue), std::move(shown)});
  }
  std::vector<Standard> vendor_standards;
  std::copy_if(standards.standards.begin(), standards.standards.end(),
               std::back_inserter(vendor_standards), [&](const Standard& s) { return s.vendor == vendor; });
  report.scores = score(vendor_standards, failed, severities);
}

// Runs `checks` (rows {id, run}) on `context`; an issue takes the id of its row (EOS runs
// IOS checks under its own ids).
template <typename Checks, typename Context>
void run_checks(const Checks& checks, const Context& context, std::vector<Issue>& issues,
                std::vector<std::string>& failed) {
  for (const auto& check : checks) {
    const std::size_t before = issues.size();
    check.run(context, issues);
    for (std::size_t i = before; i < issues.size(); ++i) issues[i].check_id = std::string(check.id);
    if (issues.size() > before) failed.emplace_back(check.id);
  }
}

// Cisco IOS, or Arista EOS in the same model.
void audit_ios(std::string_view text, Vendor vendor, const StandardSet& standards,
               const AuditOptions& options, AuditReport& report) {
  const bool eos = vendor == Vendor::arista_eos;
  report.ios = parse_ios(text, eos ? Dialect::eos : Dialect::ios);
  const IosConfig& config = *report.ios;
  if (!config.ends_with_end)
    report.notes.push_back("no final 'end': the file may be cut short; absent commands may be in the missing part");
  std::size_t budget = options.acl_comparisons;
  const CheckContext context{config, options.today, options.salt, standards, &budget, &report.notes};
  std::vector<Issue> issues;
  std::vector<std::string> failed;
  run_checks(eos ? eos_checks() : ios_checks(), context, issues, failed);
  report_issues(text, to_string(vendor), std::move(issues), failed, standards, report);
  report.parsed_data = to_json(config, options.salt);
}

void audit_junos(std::string_view text, const StandardSet& standards, const AuditOptions& options,
                 AuditReport& report) {
  report.junos = parse_junos(text);
  const JunosConfig& config = *report.junos;
  if (!config.balanced)
    report.notes.push_back("unbalanced braces: the file may be cut short; absent settings may be in the missing part");
  std::vector<Issue> issues;
  std::vector<std::string> failed;
  run_checks(junos_checks(), JunosCheckContext{config, options.salt}, issues, failed);
  report_issues(text, to_string(Vendor::juniper_junos), std::move(issues), failed, standards, report);
  report.parsed_data = to_json(config, options.salt);
}

void audit_asa(std::string_view text, const StandardSet& standards, const AuditOptions& options,
               AuditReport& report) {
  report.asa = parse_asa(text);
  std::vector<Issue> issues;
  std::vector<std::string> failed;
  run_checks(asa_checks(), AsaCheckContext{*report.asa, options.salt}, issues, failed);
  report_issues(text, to_string(Vendor::cisco_asa), std::move(issues), failed, standards, report);
  report.parsed_data = to_json(*report.asa, options.salt);
}

}  // namespace

AuditReport audit_config(std::string_view text, const StandardSet& standards,
                         const AuditOptions& options) {
  AuditReport report;
  if (text.size() > kMaxConfigBytes) {
    report.detection.status = ParsingStatus::failed;
    report.detection.reason = "larger than " + std::to_string(kMaxConfigBytes >> 20) + " MiB";
    return report;
  }
  report.detection = detect_vendor(text);
  if (report.detection.status != ParsingStatus::parsed) return report;
  const Vendor vendor = report.detection.vendor;
  if (vendor == Vendor::cisco_ios || vendor == Vendor::arista_eos)
    audit_ios(text, vendor, standards, options, report);
  if (report.detection.vendor == Vendor::juniper_junos) audit_junos(text, standards, options, report);
  if (report.detection.vendor == Vendor::cisco_asa) audit_asa(text, standards, options, report);
  return report;
}

}  // namespace zt::netconfig
