#pragma once
// The model servers, notebooks and ML web services among the host's listeners, told by their
// process (name and command line), one per process with its sockets:
//   Jupyter        jupyter-notebook, jupyter-lab, jupyter-server, python -m notebook/jupyterlab
//   Ollama         ollama (it has no authentication at all)
//   OpenAI API     vLLM, llama.cpp's llama-server, text-generation-inference, LocalAI
//   TorchServe     its management API registers models from any URL (code runs)
//   Triton         NVIDIA Triton Inference Server (model control)
//   MLflow         mlflow server / ui (no authentication by default)
//   Ray            the Ray dashboard and its Jobs API (runs any command)
//   Gradio, Streamlit  apps served to the network
//   MCP server     a Model Context Protocol server over HTTP (its package or module names MCP)
// with what their command lines say of authentication. Pure; never throws.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "collectors/ai_ml/jupyter_config.hpp"
#include "collectors/core/host_sockets.hpp"
#include "collectors/core/live_checker.hpp"

namespace zt::ai_ml {

enum class ServiceKind {
  jupyter,
  ollama,
  openai_api,
  torchserve,
  triton,
  mlflow,
  ray_dashboard,
  gradio,
  streamlit,
  mcp_server
};

struct MlService {
  ServiceKind kind = ServiceKind::jupyter;
  std::string product;  // "Jupyter", "Ollama", "vLLM", "llama.cpp server", …
  collector::ProcessInfo process;
  std::vector<collector::ListeningSocket> sockets;
  JupyterSettings jupyter;        // Jupyter only
  bool api_key_argument = false;  // OpenAI API servers: --api-key / --api-key-file
  std::optional<collector::LiveCheck> live;
  std::optional<bool> answered_open;  // the live request was answered without credentials
  std::string listing;  // what it listed: "2 models", "0 kernels", an MCP server's name
};

std::vector<MlService> discover_services(const std::vector<collector::ListeningSocket>& listeners);

// The kind and product a process is, or nothing.
struct ServiceIdentity {
  ServiceKind kind;
  std::string_view product;
};
std::optional<ServiceIdentity> identify_service(const collector::ProcessInfo& process);

// One of the service's sockets is reachable beyond loopback.
bool exposed(const MlService& service);

}  // namespace zt::ai_ml
