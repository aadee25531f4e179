#include "collectors/database/report.hpp"

namespace zt::database {
namespace {

using nlohmann::json;

// line 0: the evidence is the whole file (a setting that is missing), not one line of it.
json evidence_json(const Evidence& e) {
  json out = {{"file", e.file}, {"value", e.value}};
  if (e.line > 0) out["line"] = e.line;
  return out;
}

json process_json(const Server& s) {
  if (!s.process) return nullptr;
  return {{"pid", s.process->pid}, {"name", s.process->name}, {"user", s.process->user}};
}

model::Finding to_finding(const Server& server, const Issue& issue) {
  model::Finding f;
  f.category = model::Category::database;
  f.severity = issue.severity;
  f.risk_score = model::default_risk_score(issue.severity);
  f.title = issue.title;
  f.description = issue.description;
  f.remediation = issue.remediation;
  f.fields = {{"database_type", std::string(to_string(server.engine))},
              {"host", server.host},
              {"port", static_cast<int>(server.port)},
              {"finding_type", issue.finding_type}};
  if (!issue.database_name.empty()) f.fields["database_name"] = issue.database_name;
  json evidence = json::array();
  for (const Evidence& e : issue.evidence) evidence.push_back(evidence_json(e));
  const Evidence main = issue.evidence.empty() ? Evidence{} : issue.evidence.front();
  f.metadata = evidence_json(main);
  f.metadata["evidence"] = std::move(evidence);
  f.metadata["config_files"] = server.config.files;
  if (!server.version.empty()) f.metadata["server_version"] = server.version;
  if (server.process) f.metadata["process"] = process_json(server);
  return f;
}

}  // namespace

std::vector<model::Finding> make_findings(const Snapshot& snapshot) {
  std::vector<model::Finding> out;
  for (const Server& s : snapshot.servers)
    for (const Issue& issue : s.issues) out.push_back(to_finding(s, issue));
  return out;
}

json make_inventory(const Snapshot& snapshot) {
  json list = json::array();
  for (const Server& s : snapshot.servers) {
    json listeners = json::array();
    for (const collector::ListeningSocket& l : s.sockets) {
      listeners.push_back(collector::endpoint_text(l.address, l.port) + "/" +
                          std::string(collector::to_string(l.protocol)));
    }
    json checks = json::array();
    for (const LiveCheck& c : s.live) checks.push_back(collector::to_json(c));
    json types = json::array();
    for (const Issue& issue : s.issues) types.push_back(issue.finding_type);
    list.push_back({{"database_type", std::string(to_string(s.engine))},
                    {"version", s.version},
                    {"host", s.host},
                    {"port", s.port},
                    {"running", s.process.has_value()},
                    {"process", process_json(s)},
                    {"listeners", std::move(listeners)},
                    {"config_files", s.config.files},
                    {"config_source", s.config_source},
                    {"live_checks", std::move(checks)},
                    {"finding_types", std::move(types)}});
  }
  return {{"servers", std::move(list)},
          {"server_count", snapshot.servers.size()},
          {"live_checks", collector::to_json(snapshot.live)}};
}

}  // namespace zt::database
