#include "schema-client/vuln/package_findings.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace zt::vuln {

namespace {

using nlohmann::json;

std::string remediation_of(const Match& m, const std::string& ecosystem) {
  if (m.fixed_version.empty())
    return "No fixed version of " + m.source_name + " is published for " + ecosystem +
           " yet; follow " + m.record_id + " and apply the fix when it is released";
  std::string text = "Upgrade " + m.source_name + " to " + m.fixed_version + " or later";
  if (m.source_name != m.package) text += " (installed here as " + m.package + ")";
  return text;
}

json assessment_metadata(const Assessment& a) {
  json out = json::object();
  if (a.cvss) {
    out["cvss_score"] = a.cvss->score;  // where every system finding keeps its CVSS score
    out["cvss"] = {{"vector", a.cvss->vector}, {"source", a.cvss->source}};
  }
  if (a.kev)
    out["kev"] = {{"date_added", a.kev->date_added},
                  {"due_date", a.kev->due_date},
                  {"known_ransomware_campaign_use", a.kev->known_ransomware},
                  {"required_action", a.kev->required_action}};
  if (a.epss) out["epss"] = {{"score", a.epss->epss}, {"percentile", a.epss->percentile}};
  return out;
}

model::Finding finding_of(const Index& index, const Match& m, const std::string& cve,
                          const std::string& ecosystem, const CveIntel& intel) {
  const IndexedRecord& record = index.record(m.record);
  const Assessment assessment = assess(intel, cve, record.cvss_vector);

  model::Finding f;
  f.category = model::Category::system;
  f.severity = assessment.severity;
  f.risk_score = assessment.risk_score;
  f.title = cve + " in " + m.package + " " + m.installed_version;
  f.description = m.package + " " + m.installed_version + " is affected by " + cve +
                  " according to " + m.record_id + " (" + ecosystem + ", " + m.source_name +
                  " " + m.compared_version + ": " + m.range + ")";
  if (!record.summary.empty()) f.description += ": " + record.summary;
  f.remediation = remediation_of(m, ecosystem);
  f.fields = {{"vulnerability_type", kPackageVulnerability},
              {"component_name", m.package},
              {"component_version", m.installed_version},
              {"cve_id", cve},
              {"patch_available", !m.fixed_version.empty()}};
  if (!record.advisory_url.empty()) f.fields["patch_url"] = record.advisory_url;
  f.metadata = assessment_metadata(assessment);
  f.metadata.update(json{{"ecosystem", ecosystem},
                         {"record_ids", {m.record_id}},
                         {"range", m.range},
                         {"source_name", m.source_name},
                         {"compared_version", m.compared_version},
                         {"fixed_version", m.fixed_version},
                         {"arch", m.arch}});
  return f;
}

}  // namespace

Lookups lookups_of(const std::vector<model::Dependency>& dependencies) {
  std::set<std::string> keys, names;
  for (const model::Dependency& d : dependencies) {
    const std::optional<VersionScheme> scheme = scheme_of(d.ecosystem);
    if (!scheme) continue;
    keys.emplace(index_key(d.ecosystem));
    for (std::string& name :
         lookup_names({d.name, d.version, d.source_name, d.source_version, d.arch}, *scheme))
      names.insert(std::move(name));
  }
  return {{keys.begin(), keys.end()}, {names.begin(), names.end()}};
}

std::vector<Match> match_dependencies(const Index& index,
                                      const std::vector<model::Dependency>& dependencies) {
  std::map<std::string, std::vector<InstalledPackage>> by_ecosystem;
  for (const model::Dependency& d : dependencies)
    if (!d.ecosystem.empty())
      by_ecosystem[d.ecosystem].push_back(
          {d.name, d.version, d.source_name, d.source_version, d.arch});
  std::vector<Match> matches;
  for (const auto& [ecosystem, packages] : by_ecosystem) {
    const std::optional<VersionScheme> scheme = scheme_of(ecosystem);
    if (!scheme) continue;
    std::vector<Match> found = match(index, {ecosystem, *scheme}, packages);
    std::move(found.begin(), found.end(), std::back_inserter(matches));
  }
  return matches;
}

std::vector<model::Finding> package_vulnerability_findings(
    const Index& index, const std::vector<model::Dependency>& dependencies,
    const CveIntel& intel) {
  return package_vulnerability_findings(index, dependencies, match_dependencies(index, dependencies),
                                        intel);
}

std::vector<model::Finding> package_vulnerability_findings(
    const Index& index, const std::vector<model::Dependency>& dependencies,
    const std::vector<Match>& matches, const CveIntel& intel) {
  // The ecosystem of each match: its package's dependency's.
  std::map<std::pair<std::string, std::string>, std::string> ecosystem_of_package;
  for (const model::Dependency& d : dependencies)
    ecosystem_of_package.emplace(std::pair{d.name, d.version}, d.ecosystem);

  // (package, installed version, CVE) → its finding; the first record gives it, the later
  // ones that name the same CVE are added to its record_ids.
  using Key = std::tuple<std::string, std::string, std::string>;
  std::map<Key, model::Finding> findings;
  for (const Match& m : matches) {
    std::vector<std::string> cves = m.cve_ids;
    if (cves.empty()) cves.push_back(m.record_id);
    const std::string& ecosystem = ecosystem_of_package[{m.package, m.installed_version}];
    for (const std::string& cve : cves) {
      const Key key{m.package, m.installed_version, cve};
      if (const auto seen = findings.find(key); seen != findings.end()) {
        seen->second.metadata["record_ids"].push_back(m.record_id);
        continue;
      }
      findings.emplace(key, finding_of(index, m, cve, ecosystem, intel));
    }
  }
  std::vector<model::Finding> out;
  out.reserve(findings.size());
  for (auto& [key, finding] : findings) out.push_back(std::move(finding));
  return out;
}

}  // namespace zt::vuln
