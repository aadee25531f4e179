#include "ingest/admin.hpp"

#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "ingest/admin_support.hpp"
#include "ingest/credentials.hpp"
#include "schema-client/model/timestamp.hpp"
#include "schema-client/model/uuid.hpp"
#include "schema-client/pg/tokens.hpp"

// The operator's commands on companies and enrollment tokens (admin.hpp).
namespace zt::ingest {

using nlohmann::json;

int run_company_create(const std::string& database_url, const std::string& name, Format format) {
  if (name.empty()) {
    std::cerr << "zerotrace-ingest: the company name must not be empty\n";
    return 2;
  }
  return with_database(database_url, [&](pg::Connection& connection) {
    const std::string id = pg::create_company(connection, name);
    print(format, {{"id", id}, {"name", name}}, "created company " + id + " (" + name + ")\n");
    return 0;
  });
}

int run_token_create(const std::string& database_url, const TokenRequest& request,
                     Format format) {
  if (!model::is_uuid(request.company_id)) return bad_uuid("--company", request.company_id);
  if (request.max_uses && *request.max_uses < 1) {
    std::cerr << "zerotrace-ingest: --max-uses must be at least 1\n";
    return 2;
  }
  if (request.valid_days && *request.valid_days < 1) {
    std::cerr << "zerotrace-ingest: --valid-days must be at least 1\n";
    return 2;
  }
  return with_database(database_url, [&](pg::Connection& connection) {
    if (!pg::company_exists(connection, request.company_id)) {
      std::cerr << "zerotrace-ingest: no company " << request.company_id << "\n";
      return 1;
    }
    if (request.for_agent_id && !model::is_uuid(*request.for_agent_id))
      return bad_uuid("--for-agent", *request.for_agent_id);
    pg::TokenOptions options{request.description, request.max_uses, std::nullopt,
                             request.for_agent_id};
    if (request.valid_days)
      options.expires_at = model::format_timestamp(
          model::now() + std::chrono::days(*request.valid_days));
    const std::string token = new_secret(kEnrollmentTokenPrefix);
    const auto created =
        pg::create_enrollment_token(connection, request.company_id, stored_form(token), options);
    if (!created) {
      std::cerr << "zerotrace-ingest: --for-agent: no agent " << *request.for_agent_id
                << " in company " << request.company_id << "\n";
      return 1;
    }
    const std::string& id = *created;
    json document = {{"id", id}, {"company_id", request.company_id}, {"token", token},
                     {"max_uses", request.max_uses ? json(*request.max_uses) : json()},
                     {"expires_at", or_null(options.expires_at)},
                     {"for_agent_id", or_null(request.for_agent_id)}};
    print(format, document,
          "enrollment token " + id + " for company " + request.company_id +
              " (shown only now; give it to agents as server.enrollment_token):\n" + token + "\n");
    return 0;
  });
}

int run_company_list(const std::string& database_url, Format format) {
  return with_database(database_url, [&](pg::Connection& connection) {
    json document = json::array();
    std::string text;
    char line[512];
    std::snprintf(line, sizeof line, "%-36s  %-20s  %-6s  %s\n", "COMPANY", "CREATED", "AGENTS",
                  "NAME");
    text += line;
    for (const pg::CompanySummary& c : pg::list_companies(connection)) {
      document.push_back({{"id", c.id}, {"name", c.name}, {"created_at", c.created_at},
                          {"agents", c.agents}});
      std::snprintf(line, sizeof line, "%-36s  %-20s  %-6lld  %s\n", c.id.c_str(),
                    c.created_at.c_str(), static_cast<long long>(c.agents), c.name.c_str());
      text += line;
    }
    print(format, document, text);
    return 0;
  });
}

int run_token_list(const std::string& database_url, const std::optional<std::string>& company_id,
                   Format format) {
  if (company_id && !model::is_uuid(*company_id)) return bad_uuid("--company", *company_id);
  return with_database(database_url, [&](pg::Connection& connection) {
    json document = json::array();
    std::string text;
    char line[640];
    std::snprintf(line, sizeof line, "%-36s  %-36s  %-12s  %-8s  %-7s  %-20s  %-36s  %s\n",
                  "TOKEN", "COMPANY", "PREFIX", "STATE", "USES", "EXPIRES", "FOR AGENT",
                  "DESCRIPTION");
    text += line;
    for (const pg::TokenSummary& t : pg::list_tokens(connection, company_id)) {
      document.push_back({{"id", t.id}, {"company_id", t.company_id}, {"prefix", t.prefix},
                          {"state", t.state}, {"uses", t.uses},
                          {"max_uses", t.max_uses ? json(*t.max_uses) : json()},
                          {"expires_at", or_null(t.expires_at)},
                          {"revoked_at", or_null(t.revoked_at)},
                          {"for_agent_id", or_null(t.for_agent_id)},
                          {"description", t.description}, {"created_at", t.created_at}});
      const std::string uses =
          std::to_string(t.uses) + "/" + (t.max_uses ? std::to_string(*t.max_uses) : "-");
      std::snprintf(line, sizeof line, "%-36s  %-36s  %-12s  %-8s  %-7s  %-20s  %-36s  %s\n",
                    t.id.c_str(), t.company_id.c_str(), (t.prefix + "…").c_str(),
                    t.state.c_str(), uses.c_str(), t.expires_at.value_or("never").c_str(),
                    t.for_agent_id.value_or("-").c_str(), t.description.c_str());
      text += line;
    }
    print(format, document, text);
    return 0;
  });
}

int run_token_revoke(const std::string& database_url, const std::string& token_id,
                     Format format) {
  if (!model::is_uuid(token_id)) return bad_uuid("the token id", token_id);
  return with_database(database_url, [&](pg::Connection& connection) {
    if (!pg::revoke_token(connection, token_id)) {
      std::cerr << "zerotrace-ingest: no enrollment token " << token_id << "\n";
      return 1;
    }
    print(format, {{"id", token_id}, {"revoked", true}},
          "revoked enrollment token " + token_id +
              ": no agent enrolls with it from now on (agents it enrolled keep their keys)\n");
    return 0;
  });
}

}  // namespace zt::ingest
