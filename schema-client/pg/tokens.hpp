#pragma once
// Companies and enrollment tokens, for the operator's commands. Tokens arrive already hashed
// (SHA-256 hex): the plain token never reaches the database. Companies have no row-level
// security (operators see them all); tokens are read and changed under each company's context,
// and every query names the company too (the schema owner is not held by row-level security).
//
// Errors: DbError is thrown (unavailable() for "retry later"); "not found" is an ordinary
// result (false / empty).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "schema-client/pg/connection.hpp"
#include "schema-client/pg/fleet.hpp"

namespace zt::pg {

std::string create_company(Connection& connection, std::string_view name);
bool company_exists(Connection& connection, std::string_view company_id);

struct CompanySummary {
  std::string id, name, created_at;
  std::int64_t agents = 0;  // unrevoked
};
// Oldest first.
std::vector<CompanySummary> list_companies(Connection& connection);

struct TokenOptions {
  std::string description;
  std::optional<int> max_uses;
  std::optional<std::string> expires_at;  // RFC 3339
  // The (revoked) agent this token is for: redeemed from its machine, it restores the agent
  // instead of being refused (enroll_agent). Must be an agent of the same company.
  std::optional<std::string> for_agent_id;
};
// The token's id; nullopt when for_agent_id is not an agent of the company.
std::optional<std::string> create_enrollment_token(Connection& connection,
                                                   std::string_view company_id,
                                                   const StoredSecret& token,
                                                   const TokenOptions& options);

struct TokenSummary {
  std::string id, company_id, prefix, description, created_at;
  int uses = 0;
  std::optional<int> max_uses;
  std::optional<std::string> expires_at, revoked_at, for_agent_id;
  std::string state;  // "active", "revoked", "expired" or "used up"
};
// Every token of every company (or of one), newest first within a company.
std::vector<TokenSummary> list_tokens(Connection& connection,
                                      const std::optional<std::string>& company_id);
// Refuses every later enrollment with the token; agents it enrolled keep their keys. false
// when no such token exists.
bool revoke_token(Connection& connection, std::string_view token_id);

}  // namespace zt::pg
