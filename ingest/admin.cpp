#include "ingest/admin.hpp"

#include <cstdio>
#include <functional>
#include <iostream>

#include <nlohmann/json.hpp>

#include "ingest/credentials.hpp"
#include "schema-client/model/timestamp.hpp"
#include "schema-client/model/uuid.hpp"
#include "schema-client/pg/fleet.hpp"
#include "schema-client/pg/migrations.hpp"

namespace zt::ingest {
namespace {

using nlohmann::json;

// Runs `body` with a connection; database errors become exit code 1 with the reason.
int with_database(const std::string& url, const std::function<int(pg::Connection&)>& body) {
  if (url.empty()) {
    std::cerr << "zerotrace-ingest: no database URL: give --database-url, set "
                 "ZEROTRACE_DATABASE_URL or database.url in the configuration\n";
    return 2;
  }
  try {
    pg::Connection connection(url);
    return body(connection);
  } catch (const pg::DbError& e) {
    std::cerr << "zerotrace-ingest: " << e.what() << "\n";
    return 1;
  }
}

void print(Format format, const json& document, const std::string& text) {
  if (format == Format::json) std::cout << document.dump(2) << "\n";
  else std::cout << text;
}

int bad_uuid(std::string_view what, std::string_view value) {
  std::cerr << "zerotrace-ingest: " << what << " must be a UUID, got \"" << value << "\"\n";
  return 2;
}

}  // namespace

int run_migrate(const std::string& database_url, Format format) {
  return with_database(database_url, [&](pg::Connection& connection) {
    auto report = pg::migrate(connection, pg::embedded_migrations());
    if (!report) {
      std::cerr << "zerotrace-ingest: " << report.error().message << "\n";
      return 1;
    }
    std::string text = report->applied.empty()
                           ? "the schema is up to date"
                           : "applied " + std::to_string(report->applied.size()) + " migration(s)";
    text += ", version " + std::to_string(report->current_version) + "\n";
    print(format, {{"applied", report->applied}, {"version", report->current_version}}, text);
    return 0;
  });
}

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
    pg::TokenOptions options{request.description, request.max_uses, std::nullopt};
    if (request.valid_days)
      options.expires_at = model::format_timestamp(
          model::now() + std::chrono::days(*request.valid_days));
    const std::string token = new_secret(kEnrollmentTokenPrefix);
    const std::string id =
        pg::create_enrollment_token(connection, request.company_id, stored_form(token), options);
    json document = {{"id", id}, {"company_id", request.company_id}, {"token", token},
                     {"max_uses", request.max_uses ? json(*request.max_uses) : json()},
                     {"expires_at", options.expires_at ? json(*options.expires_at) : json()}};
    print(format, document,
          "enrollment token " + id + " for company " + request.company_id +
              " (shown only now; give it to agents as server.enrollment_token):\n" + token + "\n");
    return 0;
  });
}

int run_agent_list(const std::string& database_url, const std::optional<std::string>& company_id,
                   std::chrono::seconds heartbeat_interval, Format format) {
  if (company_id && !model::is_uuid(*company_id)) return bad_uuid("--company", *company_id);
  return with_database(database_url, [&](pg::Connection& connection) {
    const auto agents = pg::list_agents(connection, company_id, heartbeat_interval);
    const auto or_null = [](const std::optional<std::string>& value) {
      return value ? json(*value) : json();
    };
    json document = json::array();
    std::string text;
    char line[512];
    std::snprintf(line, sizeof line, "%-36s  %-36s  %-20s  %-8s  %-8s  %-12s  %-20s  %s\n",
                  "AGENT", "COMPANY", "HOSTNAME", "STATUS", "VERSION", "KEY", "LAST SEEN", "FLAG");
    text += line;
    for (const pg::AgentSummary& a : agents) {
      document.push_back({{"id", a.id}, {"company_id", a.company_id}, {"name", a.name},
                          {"hostname", a.hostname}, {"status", a.status}, {"version", a.version},
                          {"os", a.os}, {"os_version", a.os_version},
                          {"api_key_prefix", a.key_prefix},
                          {"last_seen_at", or_null(a.last_seen_at)},
                          {"revoked_at", or_null(a.revoked_at)},
                          {"clone_suspected_at", or_null(a.clone_suspected_at)},
                          {"clone_reason", or_null(a.clone_reason)}});
      const std::string flag =
          a.clone_suspected_at ? "clone suspected: " + a.clone_reason.value_or("") : "";
      std::snprintf(line, sizeof line, "%-36s  %-36s  %-20s  %-8s  %-8s  %-12s  %-20s  %s\n",
                    a.id.c_str(), a.company_id.c_str(), a.hostname.c_str(), a.status.c_str(),
                    a.version.c_str(), (a.key_prefix + "…").c_str(),
                    a.last_seen_at.value_or("never").c_str(), flag.c_str());
      text += line;
    }
    print(format, document, text);
    return 0;
  });
}

int run_agent_revoke(const std::string& database_url, const std::string& agent_id,
                     Format format) {
  if (!model::is_uuid(agent_id)) return bad_uuid("the agent id", agent_id);
  return with_database(database_url, [&](pg::Connection& connection) {
    if (!pg::revoke_agent(connection, agent_id)) {
      std::cerr << "zerotrace-ingest: no agent " << agent_id << "\n";
      return 1;
    }
    print(format, {{"id", agent_id}, {"revoked", true}},
          "revoked agent " + agent_id + ": its api key is refused from now on\n");
    return 0;
  });
}

}  // namespace zt::ingest
