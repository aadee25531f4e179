#include "collectors/ai_ml/ml_services.hpp"

#include <algorithm>
#include <map>

namespace zt::ai_ml {
namespace {

std::string_view basename(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool any_argument(const collector::ProcessInfo& p, std::string_view part) {
  return std::any_of(p.arguments.begin(), p.arguments.end(),
                     [&](const std::string& a) { return a.find(part) != std::string::npos; });
}

// `python -m <module>`.
bool runs_module(const collector::ProcessInfo& p, std::string_view module) {
  for (std::size_t i = 0; i + 1 < p.arguments.size(); ++i)
    if (p.arguments[i] == "-m" && p.arguments[i + 1] == module) return true;
  return false;
}

bool is_jupyter(const collector::ProcessInfo& p) {
  if (p.name.starts_with("jupyter")) return true;
  for (const std::string& a : p.arguments) {
    const std::string_view base = basename(a);
    if (base.starts_with("jupyter-notebook") || base.starts_with("jupyter-lab") ||
        base.starts_with("jupyter-server"))
      return true;
  }
  return runs_module(p, "notebook") || runs_module(p, "jupyterlab") ||
         runs_module(p, "jupyter_server") || runs_module(p, "notebook.notebookapp");
}

// Names of Model Context Protocol servers in their packages, modules and commands.
constexpr std::string_view kMcpMarks[] = {"modelcontextprotocol", "mcp-server", "mcp_server",
                                          "server-mcp",           "fastmcp",    "mcp-proxy"};

bool is_mcp_server(const collector::ProcessInfo& p) {
  for (const std::string& a : p.arguments)
    for (std::string_view mark : kMcpMarks)
      if (a.find(mark) != std::string::npos) return true;
  return false;
}

}  // namespace

std::optional<ServiceIdentity> identify_service(const collector::ProcessInfo& p) {
  const std::string_view name = p.name;
  if (is_jupyter(p)) return ServiceIdentity{ServiceKind::jupyter, "Jupyter"};
  if (name == "ollama") return ServiceIdentity{ServiceKind::ollama, "Ollama"};
  if (any_argument(p, "vllm")) return ServiceIdentity{ServiceKind::openai_api, "vLLM"};
  if (name == "llama-server" ||
      (!p.arguments.empty() && basename(p.arguments[0]) == "llama-server"))
    return ServiceIdentity{ServiceKind::openai_api, "llama.cpp server"};
  if (name.starts_with("text-generation"))
    return ServiceIdentity{ServiceKind::openai_api, "text-generation-inference"};
  if (name == "local-ai" || name == "localai")
    return ServiceIdentity{ServiceKind::openai_api, "LocalAI"};
  if (any_argument(p, "org.pytorch.serve.ModelServer") || name == "torchserve")
    return ServiceIdentity{ServiceKind::torchserve, "TorchServe"};
  if (name == "tritonserver")
    return ServiceIdentity{ServiceKind::triton, "Triton Inference Server"};
  if (any_argument(p, "mlflow.server") ||
      (any_argument(p, "mlflow") && (any_argument(p, "server") || any_argument(p, "ui"))))
    return ServiceIdentity{ServiceKind::mlflow, "MLflow"};
  if (any_argument(p, "ray/dashboard") ||
      (any_argument(p, "ray") && any_argument(p, "dashboard.py")))
    return ServiceIdentity{ServiceKind::ray_dashboard, "Ray dashboard"};
  if (any_argument(p, "streamlit") && any_argument(p, "run"))
    return ServiceIdentity{ServiceKind::streamlit, "Streamlit"};
  if (any_argument(p, "gradio")) return ServiceIdentity{ServiceKind::gradio, "Gradio"};
  if (is_mcp_server(p)) return ServiceIdentity{ServiceKind::mcp_server, "MCP server"};
  return std::nullopt;
}

std::vector<MlService> discover_services(const std::vector<collector::ListeningSocket>& listeners) {
  std::vector<MlService> out;
  std::map<int, std::size_t> by_pid;
  for (const collector::ListeningSocket& socket : listeners) {
    if (!socket.process || socket.protocol != collector::Protocol::tcp) continue;
    const auto identity = identify_service(*socket.process);
    if (!identity) continue;
    auto [it, added] = by_pid.try_emplace(socket.process->pid, out.size());
    if (added) {
      MlService& s = out.emplace_back();
      s.kind = identity->kind;
      s.product = identity->product;
      s.process = *socket.process;
      if (s.kind == ServiceKind::jupyter) s.jupyter = jupyter_arguments(s.process.arguments);
      const auto& args = s.process.arguments;
      s.api_key_argument = std::any_of(args.begin(), args.end(), [](const std::string& a) {
        return a.starts_with("--api-key");
      });
    }
    out[it->second].sockets.push_back(socket);
  }
  return out;
}

bool exposed(const MlService& service) {
  return std::any_of(service.sockets.begin(), service.sockets.end(),
                     [](const auto& s) { return !collector::is_loopback(s); });
}

}  // namespace zt::ai_ml
