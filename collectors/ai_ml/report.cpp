#include "collectors/ai_ml/report.hpp"

#include "collectors/core/content_collector.hpp"

namespace zt::ai_ml {

using nlohmann::json;

model::Finding ai_finding(const ModelRef& model, Verdict verdict, json metadata) {
  model::Finding f;
  f.category = model::Category::ai_ml;
  f.severity = verdict.severity;
  f.risk_score = model::default_risk_score(verdict.severity);
  f.title = std::move(verdict.title);
  f.description = std::move(verdict.description);
  f.remediation = std::move(verdict.remediation);
  f.fields = {{"model_name", model.model_name},
              {"model_version", model.model_version},
              {"framework", model.framework},
              {"finding_type", std::string(verdict.finding_type)}};
  f.metadata = std::move(metadata);
  return f;
}

std::string service_name(const MlService& service) {
  const collector::ListeningSocket* shown = nullptr;
  for (const collector::ListeningSocket& s : service.sockets)
    if (!shown || (collector::is_loopback(*shown) && !collector::is_loopback(s))) shown = &s;
  return shown ? service.product + " " + collector::endpoint_text(shown->address, shown->port)
               : service.product;
}

json file_json(const FileSeen& file) {
  return {{"path", file.path},
          {"size", file.info.size},
          {"mode", file.info.mode},
          {"uid", file.info.uid},
          {"others_can_read", file.others_can_read}};
}

std::vector<model::Finding> make_findings(const Snapshot& snapshot) {
  std::vector<model::Finding> out;
  report_services(snapshot, out);
  report_files(snapshot, out);
  return out;
}

namespace {

json service_json(const MlService& s) {
  json endpoints = json::array();
  for (const collector::ListeningSocket& socket : s.sockets)
    endpoints.push_back(collector::endpoint_text(socket.address, socket.port));
  json item = {
      {"product", s.product},
      {"process", {{"pid", s.process.pid}, {"name", s.process.name}, {"user", s.process.user}}},
      {"endpoints", std::move(endpoints)},
      {"exposed", exposed(s)},
      {"live_check", s.live ? collector::to_json(*s.live) : json(nullptr)}};
  if (!s.listing.empty()) item["listing"] = s.listing;
  if (s.kind == ServiceKind::jupyter)
    item["settings"] = {{"token", !s.jupyter.token           ? "default (random)"
                                  : s.jupyter.token->empty() ? "disabled"
                                                             : "set"},
                        {"password", s.jupyter.password && !s.jupyter.password->empty()},
                        {"allow_origin", s.jupyter.allow_origin.value_or("")},
                        {"config_files", s.jupyter.config_files}};
  if (s.kind == ServiceKind::openai_api) item["api_key_argument"] = s.api_key_argument;
  return item;
}

json model_json(const ModelFileFound& m) {
  json imports = json::array();
  for (const PickleStream& p : m.model.pickles)
    for (const PickleImport& i : p.scan.imports) imports.push_back(i.module + "." + i.name);
  json item = file_json(m.file);
  item["format"] = std::string(to_string(m.model.format));
  item["framework"] = m.model.framework;
  item["holds_code"] = m.model.holds_code;
  item["imports"] = std::move(imports);
  item["partial"] = m.partial;
  if (!m.model.unread.empty()) item["unread"] = m.model.unread;
  if (!m.repo.empty()) item["repo"] = m.repo;
  return item;
}

}  // namespace

json make_inventory(const Snapshot& snapshot) {
  json services = json::array();
  for (const MlService& s : snapshot.services) services.push_back(service_json(s));
  json models = json::array();
  json safe_formats = json::object();
  for (const ModelFileFound& m : snapshot.models) {
    if (!m.model.holds_code) {
      const std::string format(to_string(m.model.format));
      safe_formats[format] = safe_formats.value(format, 0) + 1;
    }
    models.push_back(model_json(m));
  }
  json mcp = json::array();
  for (const McpConfigFound& c : snapshot.mcp_configs) {
    json servers = json::array();
    for (const McpServerFound& s : c.servers)
      servers.push_back({{"name", s.server.name},
                         {"command", s.server.command},
                         {"url", s.server.url},
                         {"secrets", s.secrets.size()}});
    json item = file_json(c.file);
    item["servers"] = std::move(servers);
    if (!c.error.empty()) item["error"] = c.error;
    mcp.push_back(std::move(item));
  }
  return {{"services", std::move(services)},
          {"model_files", std::move(models)},
          {"files_without_code", std::move(safe_formats)},
          {"mcp_configs", std::move(mcp)},
          {"walk", collector::walk_progress_json(snapshot.walk)},
          {"live_checks", collector::to_json(snapshot.live)}};
}

}  // namespace zt::ai_ml
