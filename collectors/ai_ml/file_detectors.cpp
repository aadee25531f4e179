#include "collectors/ai_ml/file_detectors.hpp"

#include "collectors/ai_ml/host_paths.hpp"

namespace zt::ai_ml {
namespace {

FileSeen seen(const collector::WalkedFile& file) {
  return {std::string(file.path), file.info, (file.info.mode & 0004) != 0 && file.others_can_reach};
}

// Keeps each credential of `pairs` as its evidence and empties every value.
void keep_evidence(std::vector<std::pair<std::string, std::string>>& pairs, std::string_view where,
                   const std::string& salt, std::vector<McpSecret>& secrets) {
  for (auto& [name, value] : pairs) {
    const bool bearer = value.starts_with("Bearer ") || value.starts_with("bearer ");
    const std::string_view secret = bearer ? std::string_view(value).substr(7) : value;
    if (is_secret_name(name) && is_literal_secret(secret))
      secrets.push_back({std::string(where), name, collector::secret_evidence(secret, salt)});
    value.clear();
  }
}

}  // namespace

HubModel hub_model_of(std::string_view path) {
  const std::size_t start = path.find(kHubModelPrefix);
  if (start == std::string_view::npos) return {};
  const std::size_t name_at = start + kHubModelPrefix.size();
  const std::size_t snapshots = path.find(kHubSnapshots, name_at);
  if (snapshots == std::string_view::npos) return {};
  std::string repo(path.substr(name_at, snapshots - name_at));
  if (const std::size_t dashes = repo.find("--"); dashes != std::string::npos)
    repo.replace(dashes, 2, "/");
  const std::size_t revision_at = snapshots + kHubSnapshots.size();
  const std::size_t revision_end = path.find('/', revision_at);
  if (revision_end == std::string_view::npos) return {};
  return {std::move(repo), std::string(path.substr(revision_at, revision_end - revision_at))};
}

ModelFileDetector::ModelFileDetector(Snapshot& snapshot, const collector::HostFs& fs,
                                     std::size_t max_model_bytes)
    : snapshot_(snapshot), fs_(fs), max_model_bytes_(max_model_bytes) {
  interest_.path_filter = [](std::string_view, std::string_view name) {
    return is_model_file_name(name);
  };
  interest_.content = collector::ContentKind::any;
}

void ModelFileDetector::inspect(const collector::WalkedFile& file) {
  auto model = read_model_file(file.name, file.head, max_model_bytes_);
  if (!model) return;
  bool partial = file.truncated && needs_more_bytes(*model);
  if (partial && file.info.size <= max_model_bytes_) {
    if (auto whole = fs_.read_file(file.path, max_model_bytes_)) {
      if (auto again = read_model_file(file.name, *whole, max_model_bytes_)) {
        model = std::move(again);
        partial = false;
      }
    }
  }
  HubModel hub = hub_model_of(file.path);
  snapshot_.models.push_back(
      {seen(file), std::move(*model), partial, std::move(hub.repo), std::move(hub.revision)});
}

McpConfigDetector::McpConfigDetector(Snapshot& snapshot, std::string salt)
    : snapshot_(snapshot), salt_(std::move(salt)) {
  interest_.name_globs.assign(std::begin(kMcpConfigNames), std::end(kMcpConfigNames));
  interest_.content = collector::ContentKind::text_only;
  interest_.max_size = kMcpConfigMaxBytes;
}

void McpConfigDetector::inspect(const collector::WalkedFile& file) {
  McpConfig config = parse_mcp_config(file.head);
  // Claude Code's ~/.claude.json holds much else: without servers it is not an MCP config.
  if (!config.error.empty() && file.name == ".claude.json") return;
  McpConfigFound found{seen(file), {}, std::move(config.error)};
  for (McpServer& server : config.servers) {
    McpServerFound s;
    keep_evidence(server.env, "env", salt_, s.secrets);
    keep_evidence(server.headers, "headers", salt_, s.secrets);
    s.server = std::move(server);
    found.servers.push_back(std::move(s));
  }
  snapshot_.mcp_configs.push_back(std::move(found));
}

}  // namespace zt::ai_ml
