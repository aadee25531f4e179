#pragma once
// The ai_ml collector's finding types: the one table of what it reports and how severe it
// is. Every finding is an ai_ml_findings row whose identity is (model_name, finding_type):
// model_name is a model file's host path, "<product> <address:port>" for a server, and
// "<config path>#<server name>" for an MCP server. "Exposed" means reachable beyond loopback;
// a live answer (host root "/") decides over what the command line and files say.
//
// | finding_type              | severity                     | fires when                   |
// |---------------------------|------------------------------|------------------------------|
// | jupyter_no_auth           | critical exposed, high       | a Jupyter server asks for no |
// |                           | loopback                     | token or password (live, or  |
// |                           |                              | token '' and no password)    |
// | jupyter_allow_origin_any  | medium                       | allow_origin is '*'          |
// | jupyter_runs_as_root      | medium                       | the server runs as root      |
// | ollama_exposed            | high                         | Ollama listens beyond        |
// |                           |                              | loopback (it has no auth)    |
// | model_api_without_key     | high                         | an OpenAI-compatible server  |
// |                           |                              | (vLLM, llama.cpp, TGI,       |
// |                           |                              | LocalAI) exposed, answering  |
// |                           |                              | /v1/models without a key (or |
// |                           |                              | started without --api-key)   |
// | ml_service_exposed        | critical Ray dashboard, high | an ML web service listens    |
// |                           | TorchServe and MLflow,       | beyond loopback              |
// |                           | medium Triton, Gradio,       |                              |
// |                           | Streamlit                    |                              |
// | mcp_server_open           | high exposed, low loopback   | live: an MCP server over     |
// |                           |                              | HTTP answers initialize      |
// |                           |                              | without credentials          |
// | pickle_code_execution     | critical                     | a model's pickle imports a   |
// |                           |                              | dangerous callable           |
// | pickle_unknown_import     | low                          | it imports something outside |
// |                           |                              | the ML libraries' allow-list |
// | mcp_secret_in_config      | high                         | an MCP server's env or       |
// |                           |                              | headers hold a credential    |
// |                           |                              | written out in the file      |
// | mcp_shell_access          | high                         | an MCP server is a shell or  |
// |                           |                              | a command runner             |
// | mcp_filesystem_root       | high "/", medium a home      | the filesystem server is     |
// |                           |                              | given "/" or a whole home    |
// | mcp_remote_plain_http     | medium                       | a remote MCP server is       |
// |                           |                              | reached over http:// beyond  |
// |                           |                              | loopback                     |
#include <string_view>

namespace zt::ai_ml::finding_type {

inline constexpr std::string_view kJupyterNoAuth = "jupyter_no_auth";
inline constexpr std::string_view kJupyterAllowOriginAny = "jupyter_allow_origin_any";
inline constexpr std::string_view kJupyterRunsAsRoot = "jupyter_runs_as_root";
inline constexpr std::string_view kOllamaExposed = "ollama_exposed";
inline constexpr std::string_view kModelApiWithoutKey = "model_api_without_key";
inline constexpr std::string_view kMlServiceExposed = "ml_service_exposed";
inline constexpr std::string_view kMcpServerOpen = "mcp_server_open";
inline constexpr std::string_view kPickleCodeExecution = "pickle_code_execution";
inline constexpr std::string_view kPickleUnknownImport = "pickle_unknown_import";
inline constexpr std::string_view kMcpSecretInConfig = "mcp_secret_in_config";
inline constexpr std::string_view kMcpShellAccess = "mcp_shell_access";
inline constexpr std::string_view kMcpFilesystemRoot = "mcp_filesystem_root";
inline constexpr std::string_view kMcpRemotePlainHttp = "mcp_remote_plain_http";

}  // namespace zt::ai_ml::finding_type
