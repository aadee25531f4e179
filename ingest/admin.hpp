#pragma once
// The operator's commands: migrate; company create, list; token create, list, revoke; agent
// list, revoke, restore; prune.
// Each prints its result to stdout (a short text, or JSON with --format json, for scripts)
// and its errors to stderr, and returns the process exit code: 0 done, 1 failed (the database
// refused or is unreachable: the message says why), 2 bad arguments.
// They connect with the operator's database URL (the schema owner for migrate).
#include <chrono>
#include <optional>
#include <string>

namespace zt::ingest {

enum class Format { text, json };

int run_migrate(const std::string& database_url, Format format);
int run_company_create(const std::string& database_url, const std::string& name, Format format);
int run_company_list(const std::string& database_url, Format format);

struct TokenRequest {
  std::string company_id;
  std::string description;
  std::optional<int> max_uses;
  std::optional<int> valid_days;
  std::optional<std::string> for_agent_id;  // a revoked agent it restores (pg::TokenOptions)
};
int run_token_create(const std::string& database_url, const TokenRequest& request, Format format);
int run_token_list(const std::string& database_url, const std::optional<std::string>& company_id,
                   Format format);
int run_token_revoke(const std::string& database_url, const std::string& token_id, Format format);
// An agent's status reads "offline" after three `heartbeat_interval`s without a heartbeat
// (pg::list_agents); a suspected clone is flagged.
int run_agent_list(const std::string& database_url, const std::optional<std::string>& company_id,
                   std::chrono::seconds heartbeat_interval, Format format);
// `by` names the operator in the agent's row and in the refusal its machine gets when it
// enrolls again; empty: the user running the command.
int run_agent_revoke(const std::string& database_url, const std::string& agent_id,
                     const std::string& by, Format format);
int run_agent_restore(const std::string& database_url, const std::string& agent_id,
                      const std::string& by, Format format);
// Deletes the inventory (dependencies) of scans older than `older_than` ("30d"; see
// pg::prune_dependencies), keeping each agent's latest.
int run_prune(const std::string& database_url, const std::string& older_than, Format format);

}  // namespace zt::ingest
