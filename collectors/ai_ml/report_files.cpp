#include "collectors/ai_ml/finding_types.hpp"
#include "collectors/ai_ml/report.hpp"

namespace zt::ai_ml {
namespace {

using model::Severity;
using nlohmann::json;
namespace type = finding_type;

// The imports of the model's pickles judged `wanted`, as {"import", "entry", "offset",
// "called"}.
json imports_judged(const ModelFile& model, ImportClass wanted) {
  json out = json::array();
  for (const PickleStream& p : model.pickles)
    for (const PickleImport& i : p.scan.imports)
      if (classify_import(i.module, i.name) == wanted)
        out.push_back({{"import", i.module + "." + i.name},
                       {"entry", p.entry},
                       {"offset", i.offset},
                       {"called", i.called}});
  return out;
}

void report_model(const ModelFileFound& m, std::vector<model::Finding>& out) {
  const ModelRef ref{m.file.path, m.revision, m.model.framework};
  json base = {{"file", file_json(m.file)},
               {"format", std::string(to_string(m.model.format))},
               {"partial", m.partial}};
  if (!m.repo.empty()) base["repo"] = m.repo;
  json dangerous = imports_judged(m.model, ImportClass::dangerous);
  if (!dangerous.empty()) {
    json metadata = base;
    std::string first = dangerous.front()["import"];
    metadata["imports"] = std::move(dangerous);
    out.push_back(ai_finding(
        ref,
        {type::kPickleCodeExecution, Severity::critical,
         "Model file runs " + first + " when loaded",
         "The file's pickle imports " + first +
             ": loading it (torch.load, pickle.load, joblib.load, numpy.load with "
             "allow_pickle) runs that code with the rights of whoever loads it.",
         "Do not load the file; delete it or keep it for analysis. Take models from trusted "
         "sources, in safetensors or GGUF, and load PyTorch files with weights_only=True."},
        std::move(metadata)));
  }
  json unknown = imports_judged(m.model, ImportClass::unknown);
  if (!unknown.empty()) {
    json metadata = std::move(base);
    std::string first = unknown.front()["import"];
    metadata["imports"] = std::move(unknown);
    out.push_back(ai_finding(
        ref,
        {type::kPickleUnknownImport, Severity::low, "Model file imports " + first + " when loaded",
         "The file's pickle imports callables outside the usual ML libraries; loading it "
         "runs them.",
         "Check where the file comes from before loading it, or convert it to safetensors."},
        std::move(metadata)));
  }
}

bool loopback_url(std::string_view url) {
  const std::size_t scheme = url.find("://");
  std::string_view host = url.substr(scheme == std::string_view::npos ? 0 : scheme + 3);
  return host.starts_with("localhost") || host.starts_with("127.") || host.starts_with("[::1]");
}

void report_mcp(const McpConfigFound& c, const McpServerFound& found,
                std::vector<model::Finding>& out) {
  const McpServer& s = found.server;
  const ModelRef ref{c.file.path + "#" + s.name, "", "MCP"};
  const json base = {{"file", file_json(c.file)},
                     {"server", s.name},
                     {"command", s.command},
                     {"args", s.args},
                     {"url", s.url}};
  if (!found.secrets.empty()) {
    json metadata = base;
    json secrets = json::array();
    for (const McpSecret& secret : found.secrets)
      secrets.push_back({{"in", secret.where},
                         {"name", secret.name},
                         {"evidence", collector::to_json(secret.evidence)}});
    metadata["secrets"] = std::move(secrets);
    out.push_back(
        ai_finding(ref,
                   {type::kMcpSecretInConfig, Severity::high,
                    "MCP server " + s.name + " has its credentials written in " + c.file.path,
                    std::to_string(found.secrets.size()) + " credential(s) of the tool server (" +
                        found.secrets.front().name + (found.secrets.size() > 1 ? ", …" : "") +
                        ") are plain text in the assistant's configuration" +
                        (c.file.others_can_read ? ", which every user of the host can read." : "."),
                    "Move them to the environment or the assistant's secret inputs (${input:…}, "
                    "${env:…}), rotate them, and make the file readable by its owner only."},
                   std::move(metadata)));
  }
  if (runs_commands(s))
    out.push_back(ai_finding(
        ref,
        {type::kMcpShellAccess, Severity::high, "MCP server " + s.name + " runs shell commands",
         "The assistant can run any command as its user through this tool server; a prompt "
         "injected by a web page or a file it reads can too.",
         "Remove the server, or confine it (a container, an allow-list of commands) and "
         "require a confirmation for each command."},
        base));
  if (const FilesystemReach reach = filesystem_reach(s); reach != FilesystemReach::none)
    out.push_back(ai_finding(
        ref,
        {type::kMcpFilesystemRoot,
         reach == FilesystemReach::root ? Severity::high : Severity::medium,
         "MCP filesystem server " + s.name + " is given " +
             (reach == FilesystemReach::root ? "the whole filesystem" : "a whole home folder"),
         "The assistant reads and writes every file there, keys and credentials included.",
         "Give the server the project folders it needs only."},
        base));
  if (s.url.starts_with("http://") && !loopback_url(s.url))
    out.push_back(ai_finding(
        ref,
        {type::kMcpRemotePlainHttp, Severity::medium,
         "MCP server " + s.name + " is reached over plain HTTP",
         "Its requests, answers and any credential headers cross the network unencrypted.",
         "Use its https:// URL."},
        base));
}

}  // namespace

void report_files(const Snapshot& snapshot, std::vector<model::Finding>& out) {
  for (const ModelFileFound& m : snapshot.models) report_model(m, out);
  for (const McpConfigFound& c : snapshot.mcp_configs)
    for (const McpServerFound& s : c.servers) report_mcp(c, s, out);
}

}  // namespace zt::ai_ml
