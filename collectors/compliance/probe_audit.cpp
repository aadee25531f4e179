// audit_rule: a rule in /etc/audit/rules.d/*.rules (or /etc/audit/audit.rules when there is
// none), its blanks made single; the regex is searched in the line.
#include "collectors/compliance/host_paths.hpp"
#include "collectors/compliance/probe_common.hpp"
#include "collectors/compliance/probes.hpp"
#include "collectors/core/text.hpp"

namespace zt::compliance {

Outcome probe_audit_rule(const Probe& probe, HostView& host) {
  const bool present = probe.flag("present").value_or(true);
  const std::string expected =
      std::string(present ? "a rule matching " : "no rule matching ") + probe.regex->source;
  std::vector<std::string> files = host.glob(std::string(kAuditRulesDir) + "/*.rules");
  if (files.empty()) files.emplace_back(kAuditRulesPath);
  std::vector<Evidence> errors;
  for (const std::string& path : files) {
    const FileText& file = host.read(path);
    if (file.state == FileText::State::error) errors.push_back({probe.type, path, 0, file.error, ""});
    if (file.state != FileText::State::ok) continue;
    for (const ConfLine& line : conf_lines(file.text)) {
      std::string rule;
      for (std::string_view word : collector::split_whitespace(line.text))
        rule += (rule.empty() ? "" : " ") + std::string(word);
      if (std::regex_search(rule, *probe.regex->compiled))
        return outcome(present ? Status::pass : Status::fail,
                       {probe.type, path, line.number, rule, expected});
    }
  }
  if (!errors.empty()) return {Status::error, std::move(errors)};
  return outcome(present ? Status::fail : Status::pass,
                 {probe.type, files.size() == 1 ? files.front() : std::string(kAuditRulesDir), 0,
                  "no matching rule", expected});
}

}  // namespace zt::compliance
