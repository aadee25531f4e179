#include "collectors/compliance/report.hpp"

#include <cmath>
#include <map>

namespace zt::compliance {

using nlohmann::json;

json compliance_frameworks(const Pack& pack, const Control& control) {
  const References& r = control.references;
  json out = json::array();
  out.push_back(pack.framework + " " + (r.cis.empty() ? control.id : r.cis));
  for (const std::string& id : r.nist_800_53) out.push_back("NIST 800-53 " + id);
  for (const std::string& id : r.pci_dss) out.push_back("PCI DSS " + id);
  for (const std::string& id : r.iso_27001) out.push_back("ISO 27001 " + id);
  return out;
}

model::Finding make_finding(const ControlResult& result) {
  const Pack& pack = *result.pack;
  const Control& c = *result.control;
  const Status status = result.outcome.status;
  model::Finding f;
  f.category = model::Category::compliance;
  f.severity = status == Status::fail || status == Status::error ? c.severity
                                                                 : model::Severity::info;
  f.title = c.id + " " + c.title;
  f.description = c.description;
  f.remediation = c.remediation;
  json evidence = json::array();
  for (const Evidence& e : result.outcome.evidence) {
    json item = {{"probe", e.probe}, {"observed", e.observed}, {"expected", e.expected}};
    if (!e.path.empty()) item["path"] = e.path;
    if (e.line > 0) item["line"] = e.line;
    evidence.push_back(std::move(item));
  }
  f.fields = {{"framework", pack.framework},
              {"category", c.section},
              {"requirement", c.id + " " + c.title},
              {"status", to_string(status)},
              {"evidence", std::move(evidence)}};
  json references = json::object();
  if (!c.references.cis.empty()) references["cis"] = c.references.cis;
  if (!c.references.nist_800_53.empty()) references["nist_800_53"] = c.references.nist_800_53;
  if (!c.references.pci_dss.empty()) references["pci_dss"] = c.references.pci_dss;
  if (!c.references.iso_27001.empty()) references["iso_27001"] = c.references.iso_27001;
  f.metadata = {{"pack", pack.id},
                {"control_id", c.id},
                {"profiles", c.profiles},
                {"references", std::move(references)},
                {"compliance_frameworks", compliance_frameworks(pack, c)}};
  if (status == Status::manual) f.metadata["manual"] = c.manual;
  return f;
}

json make_inventory(const std::vector<PackSummary>& packs,
                    const std::vector<ControlResult>& results, const std::string& os) {
  json list = json::array();
  for (const PackSummary& p : packs)
    list.push_back({{"pack", p.pack->id},
                    {"version", p.pack->version},
                    {"framework", p.pack->framework},
                    {"applies", p.applies},
                    {"controls", p.controls}});
  std::map<std::string, std::map<Status, std::size_t>> counts;
  for (const PackSummary& p : packs) counts[p.pack->framework];
  for (const ControlResult& r : results) ++counts[r.pack->framework][r.outcome.status];
  json scores = json::object();
  for (auto& [framework, n] : counts) {
    const std::size_t decided = n[Status::pass] + n[Status::fail];
    json score = nullptr;
    if (decided > 0)
      score = std::round(100.0 * static_cast<double>(n[Status::pass]) /
                         static_cast<double>(decided)) / 100.0;
    scores[framework] = {{"passed", n[Status::pass]},
                         {"failed", n[Status::fail]},
                         {"not_applicable", n[Status::not_applicable]},
                         {"error", n[Status::error]},
                         {"manual", n[Status::manual]},
                         {"score", score}};
  }
  return {{"packs", std::move(list)}, {"scores", std::move(scores)}, {"os", os}};
}

}  // namespace zt::compliance
