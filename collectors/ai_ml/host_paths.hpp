#pragma once
// Every host path and file name the ai_ml collector names, and its read caps. Host paths:
// HostFs resolves them under the configured host root. Model files and assistant
// configurations are found by the core's content walk (content_walk.hpp), under the roots
// of the options; the names it asks for are here. Sockets and processes come from
// collectors/core/host_sockets, home folders from the shared account readers.
#include <cstddef>
#include <string_view>

namespace zt::ai_ml {

// Model Context Protocol client configurations: Claude Desktop, Claude Code (user and
// project), Cursor and VS Code (.cursor/mcp.json, .vscode/mcp.json), Windsurf, Cline.
inline constexpr std::string_view kMcpConfigNames[] = {
    "claude_desktop_config.json", ".claude.json",     ".mcp.json", "mcp.json", "mcp_config.json",
    "cline_mcp_settings.json",    "mcp_settings.json"};
inline constexpr std::size_t kMcpConfigMaxBytes = std::size_t{1} << 20;

// A Jupyter server's configuration files, in the folder of its user's ~/.jupyter (and the
// file of --config). The .json of a name is applied after its .py, as Jupyter does.
inline constexpr std::string_view kJupyterConfigFolder = ".jupyter";
inline constexpr std::string_view kJupyterConfigNames[] = {
    "jupyter_notebook_config.py", "jupyter_notebook_config.json", "jupyter_server_config.py",
    "jupyter_server_config.json"};
inline constexpr std::size_t kJupyterConfigMaxBytes = std::size_t{1} << 20;

// Hugging Face's cache layout: <cache>/models--<org>--<name>/snapshots/<revision>/<file>.
inline constexpr std::string_view kHubModelPrefix = "/models--";
inline constexpr std::string_view kHubSnapshots = "/snapshots/";

}  // namespace zt::ai_ml
