#include "agent/report_table.hpp"

#include <algorithm>
#include <array>
#include <iomanip>
#include <map>
#include <sstream>

namespace zt::agent {
namespace {

struct Style {
  bool enabled;
  const char* on(model::Severity s) const {
    if (!enabled) return "";
    switch (s) {
      case model::Severity::critical: return "\033[1;41;97m";
      case model::Severity::high: return "\033[1;31m";
      case model::Severity::medium: return "\033[1;33m";
      case model::Severity::low: return "\033[1;36m";
      case model::Severity::info: return "\033[2m";
    }
    return "";
  }
  const char* bold() const { return enabled ? "\033[1m" : ""; }
  const char* dim() const { return enabled ? "\033[2m" : ""; }
  const char* off() const { return enabled ? "\033[0m" : ""; }
};

std::string upper(std::string_view text) {
  std::string out{text};
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// "file=/etc/x, line=3": the evidence a reader needs, on one line.
std::string evidence_line(const nlohmann::json& metadata) {
  std::string line;
  for (const auto& [key, value] : metadata.items()) {
    if (!line.empty()) line += ", ";
    line += key + "=" + (value.is_string() ? value.get<std::string>() : value.dump());
  }
  return line;
}

void write_collectors(std::ostream& out, const model::Scan& scan, const Style& style) {
  out << style.bold() << "Collectors" << style.off() << "\n";
  for (const auto& [name, result] : scan.results) {
    out << "  " << std::left << std::setw(12) << name << std::setw(12)
        << model::to_string(result.status);
    if (result.duration_ms)
      out << std::fixed << std::setprecision(2) << static_cast<double>(*result.duration_ms) / 1000
          << " s, " << result.finding_count.value_or(0) << " findings";
    out << "\n";
    for (const std::string& error : result.errors)
      out << "      " << style.dim() << "! " << error << style.off() << "\n";
  }
}

// "  path:line: observed (expected …)" for each evidence item of a compliance result.
void write_compliance_evidence(std::ostream& out, const nlohmann::json& evidence,
                               const Style& style) {
  for (const nlohmann::json& e : evidence) {
    std::string where = e.value("path", std::string());
    if (e.contains("line")) where += ":" + e.at("line").dump();
    out << "      " << style.dim() << (where.empty() ? e.value("probe", "") : where) << ": "
        << e.value("observed", "") << " (expected " << e.value("expected", "") << ")"
        << style.off() << "\n";
  }
}

// The score line of each framework, then the failed controls grouped by section.
void write_compliance(std::ostream& out, const model::Batch& batch, const Style& style) {
  const auto result = batch.scan.results.find("compliance");
  if (result == batch.scan.results.end() || !result->second.inventory ||
      !result->second.inventory->contains("scores"))
    return;
  out << "\n" << style.bold() << "Compliance" << style.off() << "\n";
  for (const auto& [framework, n] : result->second.inventory->at("scores").items()) {
    std::ostringstream score;
    if (n.at("score").is_null())
      score << "-";
    else
      score << std::fixed << std::setprecision(2) << n.at("score").get<double>();
    out << "  " << framework << ": score " << score.str() << " (" << n.at("passed")
        << " passed, " << n.at("failed") << " failed, " << n.at("not_applicable")
        << " not applicable, " << n.at("error") << " error, " << n.at("manual") << " manual)\n";
  }
  // Sections in the order the packs list them ("1.2" before "1.10").
  using Section = std::pair<std::string, std::string>;  // framework, section
  std::vector<std::pair<Section, std::vector<const model::Finding*>>> sections;
  for (const model::Finding& f : batch.findings) {
    if (f.category != model::Category::compliance || !is_issue(f)) continue;
    const Section key{f.fields.value("framework", ""), f.fields.value("category", "")};
    auto it = std::find_if(sections.begin(), sections.end(),
                           [&](const auto& s) { return s.first == key; });
    if (it == sections.end()) it = sections.insert(sections.end(), {key, {}});
    it->second.push_back(&f);
  }
  for (const auto& [key, findings] : sections) {
    out << "\n  " << style.bold() << key.second << style.off() << style.dim() << "  ["
        << key.first << "]" << style.off() << "\n";
    for (const model::Finding* f : findings) {
      out << "    " << style.on(f->severity) << upper(model::to_string(f->severity))
          << style.off() << " " << f->title << "\n";
      if (!f->remediation.empty()) out << "      fix: " << f->remediation << "\n";
      write_compliance_evidence(out, f->fields.value("evidence", nlohmann::json::array()), style);
    }
  }
}

}  // namespace

bool is_issue(const model::Finding& finding) {
  return finding.category != model::Category::compliance ||
         finding.fields.value("status", "") == "fail";
}

void write_table(std::ostream& out, const model::Batch& batch, bool colour) {
  const Style style{colour};
  const auto& agent = batch.agent;
  const auto& scan = batch.scan;
  out << style.bold() << "ZeroTrace scan of " << agent.hostname << style.off() << " ("
      << agent.os << (agent.os_version.empty() ? "" : " " + agent.os_version) << ")\n";
  out << "  started " << model::format_timestamp(scan.start_time) << ", status "
      << model::to_string(scan.status) << ", " << batch.dependencies.size()
      << " packages inventoried\n\n";
  write_collectors(out, scan, style);

  std::map<model::Severity, std::vector<const model::Finding*>> groups;
  std::size_t issues = 0;
  for (const model::Finding& f : batch.findings) {
    if (!is_issue(f)) continue;
    ++issues;
    // Failed controls are listed by section in the compliance part.
    if (f.category != model::Category::compliance) groups[f.severity].push_back(&f);
  }

  for (model::Severity severity : model::kAllSeverities) {
    auto it = groups.find(severity);
    if (it == groups.end()) continue;
    out << "\n" << style.on(severity) << upper(model::to_string(severity)) << " ("
        << it->second.size() << ")" << style.off() << "\n";
    for (const model::Finding* f : it->second) {
      out << "  " << style.bold() << f->title << style.off() << style.dim() << "  ["
          << model::to_string(f->category) << "]" << style.off() << "\n";
      if (severity == model::Severity::info) continue;  // info rows stay one line each
      if (!f->description.empty()) out << "    " << f->description << "\n";
      if (!f->remediation.empty()) out << "    fix: " << f->remediation << "\n";
      if (!f->metadata.empty())
        out << "    " << style.dim() << "evidence: " << evidence_line(f->metadata)
            << style.off() << "\n";
    }
  }

  write_compliance(out, batch, style);

  if (issues == 0) out << "\nNo findings.\n";

  std::array<std::size_t, 5> counts{};
  for (const model::Finding& f : batch.findings)
    if (is_issue(f)) ++counts[static_cast<std::size_t>(f.severity)];
  out << "\n" << style.bold() << "Summary: " << style.off();
  for (std::size_t i = 0; i < counts.size(); ++i)
    out << (i ? ", " : "") << counts[i] << " " << model::to_string(model::kAllSeverities[i]);
  out << "\n";
}

}  // namespace zt::agent
