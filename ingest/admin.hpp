#pragma once
// The operator's commands: migrate, company create, token create, agent list, agent revoke.
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

struct TokenRequest {
  std::string company_id;
  std::string description;
  std::optional<int> max_uses;
  std::optional<int> valid_days;
};
int run_token_create(const std::string& database_url, const TokenRequest& request, Format format);
// An agent's status reads "offline" after three `heartbeat_interval`s without a heartbeat
// (pg::list_agents); a suspected clone is flagged.
int run_agent_list(const std::string& database_url, const std::optional<std::string>& company_id,
                   std::chrono::seconds heartbeat_interval, Format format);
int run_agent_revoke(const std::string& database_url, const std::string& agent_id, Format format);

}  // namespace zt::ingest
