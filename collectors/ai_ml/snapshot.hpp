#pragma once
// What one run of the ai_ml collector saw, before it becomes findings and the inventory
// (report.hpp): the model servers and notebooks among the listeners, the model files and the
// assistants' MCP configurations the walk handed over. Secrets of the configurations are kept
// as their evidence only (core/secret_evidence.hpp). Plain data.
#include <string>
#include <vector>

#include "collectors/ai_ml/mcp_config.hpp"
#include "collectors/ai_ml/ml_services.hpp"
#include "collectors/ai_ml/model_file.hpp"
#include "collectors/core/content_walk.hpp"
#include "collectors/core/live_checker.hpp"
#include "collectors/core/secret_evidence.hpp"

namespace zt::ai_ml {

struct FileSeen {
  std::string path;
  collector::FileInfo info;
  bool others_can_read = false;  // o+r and every folder above lets others through
};

struct ModelFileFound {
  FileSeen file;
  ModelFile model;
  bool partial = false;  // only its first bytes were read: a verdict on what they hold
  std::string repo;      // "org/name" in a Hugging Face cache, else ""
  std::string revision;  // the cache's snapshot (commit) of that file
};

struct McpSecret {
  std::string where;  // "env" or "headers"
  std::string name;   // the variable or header
  collector::SecretEvidence evidence;
};

struct McpServerFound {
  McpServer server;  // env and header values emptied: only their names are kept
  std::vector<McpSecret> secrets;
};

struct McpConfigFound {
  FileSeen file;
  std::vector<McpServerFound> servers;
  std::string error;
};

struct Snapshot {
  std::vector<MlService> services;
  std::vector<ModelFileFound> models;
  std::vector<McpConfigFound> mcp_configs;
  collector::LivePlan live;
  collector::WalkProgress walk;
};

}  // namespace zt::ai_ml
