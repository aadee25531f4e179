#pragma once
// Model Context Protocol client configurations: the files in which AI assistants (Claude
// Desktop, Claude Code, Cursor, VS Code, Windsurf, Cline) list the tool servers they start or
// reach. Both shapes: {"mcpServers": {name: {...}}} and VS Code's {"servers": {name: {...}}};
// comments allowed (VS Code writes JSONC). A server is started (command, args, env) or
// reached (url, headers). Pure; never throws.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zt::ai_ml {

struct McpServer {
  std::string name;
  std::string command;
  std::vector<std::string> args;
  std::vector<std::pair<std::string, std::string>> env;  // as written, in file order
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;  // as written
};

struct McpConfig {
  std::vector<McpServer> servers;
  std::string error;  // "not JSON: …", "no mcpServers or servers object"
};

McpConfig parse_mcp_config(std::string_view text);

// What a server is given, judged from its command line (pure, for the report):
// the whole filesystem ("/") or a whole home folder, for the filesystem servers;
// a shell or a command runner.
enum class FilesystemReach { none, home, root };
FilesystemReach filesystem_reach(const McpServer& server);
bool runs_commands(const McpServer& server);

// A value written out in the file, not a reference to the environment or an input
// ("${input:token}", "${env:GH}", "$GITHUB_TOKEN") nor a placeholder ("<your-token>",
// "YOUR_API_KEY", "xxx").
bool is_literal_secret(std::string_view value);
// Names of variables and headers that hold credentials: *TOKEN*, *SECRET*, *PASSWORD*,
// *API_KEY*, *ACCESS_KEY*, *PRIVATE_KEY*, *CREDENTIAL*, Authorization, *_PAT, …
bool is_secret_name(std::string_view name);

}  // namespace zt::ai_ml
