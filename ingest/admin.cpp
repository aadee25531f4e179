#include "ingest/admin.hpp"

#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "ingest/admin_support.hpp"
#include "schema-client/config/duration.hpp"
#include "schema-client/model/uuid.hpp"
#include "schema-client/pg/fleet.hpp"
#include "schema-client/pg/migrations.hpp"
#include "schema-client/pg/retention.hpp"

namespace zt::ingest {

using nlohmann::json;

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

int run_agent_list(const std::string& database_url, const std::optional<std::string>& company_id,
                   std::chrono::seconds heartbeat_interval, Format format) {
  if (company_id && !model::is_uuid(*company_id)) return bad_uuid("--company", *company_id);
  return with_database(database_url, [&](pg::Connection& connection) {
    const auto agents = pg::list_agents(connection, company_id, heartbeat_interval);
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
                     const std::string& by, Format format) {
  if (!model::is_uuid(agent_id)) return bad_uuid("the agent id", agent_id);
  return with_database(database_url, [&](pg::Connection& connection) {
    const auto resolved = pg::revoke_agent(connection, agent_id, operator_name(by));
    if (!resolved) {
      std::cerr << "zerotrace-ingest: no agent " << agent_id << "\n";
      return 1;
    }
    print(format, {{"id", agent_id}, {"revoked", true}, {"findings_resolved", *resolved}},
          "revoked agent " + agent_id + ": its api key is refused from now on, its machine may"
          " not enroll again until `agent restore " + agent_id + "`; " +
              std::to_string(*resolved) + " open finding(s) resolved\n");
    return 0;
  });
}

int run_agent_restore(const std::string& database_url, const std::string& agent_id,
                      const std::string& by, Format format) {
  if (!model::is_uuid(agent_id)) return bad_uuid("the agent id", agent_id);
  return with_database(database_url, [&](pg::Connection& connection) {
    if (!pg::restore_agent(connection, agent_id, operator_name(by))) {
      std::cerr << "zerotrace-ingest: no revoked agent " << agent_id << "\n";
      return 1;
    }
    print(format, {{"id", agent_id}, {"restored", true}},
          "restored agent " + agent_id + ": its api key and its machine are accepted again\n");
    return 0;
  });
}

int run_prune(const std::string& database_url, const std::string& older_than, Format format) {
  const auto age = config::parse_duration(older_than);
  if (!age || age->count() <= 0) {
    std::cerr << "zerotrace-ingest: --older-than: expected a duration such as 30d, 12h or"
                 " 3600, got \"" << older_than << "\"\n";
    return 2;
  }
  return with_database(database_url, [&](pg::Connection& connection) {
    const pg::PruneReport report = pg::prune_dependencies(connection, *age);
    print(format,
          {{"dependencies_deleted", report.dependencies}, {"companies", report.companies},
           {"older_than_seconds", age->count()}},
          "deleted " + std::to_string(report.dependencies) + " dependencies row(s) of scans"
          " older than " + config::format_duration(*age) + " in " +
              std::to_string(report.companies) +
              " companies (each agent's latest inventory kept)\n");
    return 0;
  });
}

}  // namespace zt::ingest
