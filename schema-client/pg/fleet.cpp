#include "schema-client/pg/fleet.hpp"

#include "schema-client/pg/config_files_writer.hpp"
#include "schema-client/pg/reported_drops.hpp"

namespace zt::pg {

std::optional<Authenticated> authenticate_agent(Connection& connection,
                                                std::string_view key_hash) {
  const Rows rows = connection.exec_prepared(
      "SELECT agent_id, company_id, revoked FROM zt_authenticate_agent($1)", {param(key_hash)});
  if (rows.empty()) return std::nullopt;
  return Authenticated{{std::string(rows.text(0, 0)), std::string(rows.text(0, 1))},
                       rows.boolean(0, 2)};
}

namespace {

// The agent this machine enrolled before in the company, and whether it is the same hardware.
struct KnownMachine {
  std::string agent_id;
  bool same_hardware = false;
};

std::optional<KnownMachine> known_machine(Transaction& tx, const std::string& company,
                                          const model::MachineIdentity& identity) {
  if (identity.machine_id.empty()) return std::nullopt;
  const Rows rows = tx.exec(
      "SELECT id, hardware_uuid IS NOT DISTINCT FROM $3 FROM agents"
      " WHERE company_id = $1::uuid AND machine_id = $2 AND revoked_at IS NULL"
      " AND clone_of IS NULL ORDER BY created_at LIMIT 1 FOR UPDATE",
      {param(company), param(identity.machine_id), param(identity.hardware_uuid)});
  if (rows.empty()) return std::nullopt;
  return KnownMachine{std::string(rows.text(0, 0)), rows.boolean(0, 1)};
}

// The machine's last revoked agent in the company, when it has no unrevoked one.
std::optional<RevokedMachine> revoked_machine(Transaction& tx, const std::string& company,
                                              const model::MachineIdentity& identity) {
  if (identity.machine_id.empty()) return std::nullopt;
  const Rows rows = tx.exec(
      "SELECT id, to_char(revoked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
      " revoked_by FROM agents WHERE company_id = $1::uuid AND machine_id = $2"
      " AND revoked_at IS NOT NULL AND clone_of IS NULL ORDER BY revoked_at DESC LIMIT 1"
      " FOR UPDATE",
      {param(company), param(identity.machine_id)});
  if (rows.empty()) return std::nullopt;
  return RevokedMachine{std::string(rows.text(0, 0)), std::string(rows.text(0, 1)),
                        rows.optional_text(0, 2)};
}

}  // namespace

std::string RevokedMachine::message() const {
  return "this machine's agent " + agent_id + " was revoked (" +
         (revoked_by ? "by " + *revoked_by + ", " : "") + "at " + revoked_at +
         "); an operator can restore it with `zerotrace-ingest agent restore " + agent_id +
         "` or create a token for it with `zerotrace-ingest token create --company COMPANY"
         " --for-agent " + agent_id + "`";
}

std::optional<EnrollOutcome> enroll_agent(Connection& connection, std::string_view token_hash,
                                       const model::AgentInfo& info, const StoredSecret& key,
                                       const model::MachineIdentity& identity) {
  Transaction tx(connection);
  const Rows token =
      tx.exec("SELECT token_id, company_id FROM zt_redeem_enrollment_token($1)",
              {param(token_hash)});
  if (token.empty()) return std::nullopt;
  const std::string company(token.text(0, 1));
  tx.set_company(company);

  Enrollment enrollment;
  std::optional<KnownMachine> known = known_machine(tx, company, identity);
  if (!known) {
    if (const auto revoked = revoked_machine(tx, company, identity)) {
      const Rows made_for = tx.exec(
          "SELECT 1 FROM enrollment_tokens WHERE id = $1::uuid AND company_id = $2::uuid"
          " AND for_agent_id = $3::uuid",
          {param(token.text(0, 0)), param(company), param(revoked->agent_id)});
      if (made_for.empty()) return EnrollOutcome(*revoked);  // rolled back: token not used
      tx.exec("UPDATE agents SET revoked_at = NULL, revoked_by = NULL, restored_at = now(),"
              " restored_by = $3 WHERE id = $1::uuid AND company_id = $2::uuid",
              {param(revoked->agent_id), param(company),
               param("enrollment token " + std::string(token.text(0, 0)))});
      known = KnownMachine{revoked->agent_id, true};
      enrollment.restored = true;
    }
  }
  const std::vector<Param> values = {
      param(company),           param(info.name),         param(info.hostname),
      param(info.version),      param(info.os),           param(info.os_version),
      param(info.cpu_cores),    param(info.memory_gb),    param(info.capabilities),
      param(info.metrics),      param(key.hash),          param(key.prefix),
      param(token.text(0, 0)),  param(identity.machine_id.empty()
                                          ? std::nullopt
                                          : std::optional<std::string>(identity.machine_id)),
      param(identity.hardware_uuid)};
  if (known && known->same_hardware) {
    std::vector<Param> update = values;
    update.push_back(param(known->agent_id));
    tx.exec(
        "UPDATE agents SET name = $2, hostname = $3, version = $4, os = $5, os_version = $6,"
        " cpu_cores = $7, memory_gb = $8, capabilities = $9::jsonb, metrics = $10::jsonb,"
        " status = 'online', api_key = $11, api_key_prefix = $12, enrollment_token_id = $13::uuid,"
        " machine_id = $14, hardware_uuid = $15, last_seen_at = now(), updated_at = now()"
        " WHERE id = $16::uuid AND company_id = $1::uuid",
        update);
    enrollment.agent = {known->agent_id, company};
    enrollment.reenrolled = true;
  } else {
    std::vector<Param> insert = values;
    insert.push_back(known ? param(known->agent_id) : std::nullopt);
    const Rows agent = tx.exec(
        "INSERT INTO agents (company_id, name, hostname, version, os, os_version, cpu_cores,"
        " memory_gb, capabilities, metrics, status, api_key, api_key_prefix,"
        " enrollment_token_id, machine_id, hardware_uuid, clone_of, last_seen_at)"
        " VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, 'online', $11,"
        " $12, $13::uuid, $14, $15, $16::uuid, now()) RETURNING id",
        insert);
    enrollment.agent = {std::string(agent.text(0, 0)), company};
    if (known) enrollment.clone_of = known->agent_id;
  }
  tx.commit();
  return EnrollOutcome(enrollment);
}

namespace {

// What the agent's row says about its machine, read under the row's lock.
struct KnownIdentity {
  std::optional<std::string> machine_id, hardware_uuid, latest_boot_id;
  bool boot_id_returned = false;  // the heartbeat's boot id is in the history, not the latest
  bool suspected = false;         // clone_suspected_at is set
};

// Why `seen` says another machine uses the agent's key, if it does.
std::optional<std::string> clone_evidence(const KnownIdentity& known,
                                          const model::MachineIdentity& seen) {
  if (known.boot_id_returned)
    return "boot id " + *seen.boot_id + " came back after boot id " +
           known.latest_boot_id.value_or("") + ": two machines take turns with one api key";
  const auto differs = [](const std::optional<std::string>& enrolled, const std::string& sent) {
    return enrolled && !sent.empty() && *enrolled != sent;
  };
  if (differs(known.machine_id, seen.machine_id))
    return "machine id " + seen.machine_id + " is not the enrolled " + *known.machine_id;
  if (differs(known.hardware_uuid, seen.hardware_uuid.value_or("")))
    return "hardware uuid " + *seen.hardware_uuid + " is not the enrolled " +
           *known.hardware_uuid;
  return std::nullopt;
}

}  // namespace

std::optional<std::string> record_heartbeat(Connection& connection, const AgentRef& agent,
                                            const nlohmann::json& capabilities,
                                            const nlohmann::json& metrics,
                                            std::string_view status,
                                            const model::MachineIdentity& identity) {
  Transaction tx(connection);
  tx.set_company(agent.company_id);
  const Rows row = tx.exec_prepared(
      "SELECT machine_id, hardware_uuid, boot_ids[1]::text,"
      " coalesce($3::uuid = ANY (boot_ids) AND $3::uuid <> boot_ids[1], false),"
      " clone_suspected_at IS NOT NULL, metrics->'drops_reported'"
      " FROM agents WHERE id = $1::uuid AND company_id = $2::uuid AND revoked_at IS NULL"
      " FOR UPDATE",
      {param(agent.agent_id), param(agent.company_id), param(identity.boot_id)});
  if (row.empty()) return std::nullopt;  // revoked meanwhile: nothing to record
  const KnownIdentity known{row.optional_text(0, 0), row.optional_text(0, 1),
                            row.optional_text(0, 2), row.boolean(0, 3), row.boolean(0, 4)};
  const std::optional<std::string> evidence = clone_evidence(known, identity);
  const nlohmann::json previous_drops =
      row.is_null(0, 5) ? nlohmann::json() : nlohmann::json::parse(row.text(0, 5), nullptr, false);
  tx.exec_prepared(
      "UPDATE agents SET capabilities = $3::jsonb, metrics = $4::jsonb, status = $5,"
      " boot_ids = CASE WHEN $6::uuid IS NULL THEN boot_ids"
      " ELSE (ARRAY[$6::uuid] || array_remove(boot_ids, $6::uuid))[1:$7::int] END,"
      " clone_suspected_at = CASE WHEN $8::text IS NULL THEN clone_suspected_at"
      " ELSE coalesce(clone_suspected_at, now()) END,"
      " clone_reason = CASE WHEN clone_suspected_at IS NULL THEN $8 ELSE clone_reason END,"
      " last_seen_at = now(), updated_at = now() WHERE id = $1::uuid AND company_id = $2::uuid",
      {param(agent.agent_id), param(agent.company_id), param(capabilities),
       param(with_reported_drops(metrics, previous_drops)), param(status),
       param(identity.boot_id), param(kBootHistory), param(evidence)});
  tx.commit();
  if (known.suspected) return std::nullopt;
  return evidence;
}

namespace {

std::vector<std::string> company_ids(Connection& connection,
                                     const std::optional<std::string>& only) {
  std::vector<std::string> ids;
  const Rows rows =
      only ? connection.exec("SELECT id FROM companies WHERE id::text = $1", {param(*only)})
           : connection.exec("SELECT id FROM companies ORDER BY created_at, id");
  for (int r = 0; r < rows.size(); ++r) ids.emplace_back(rows.text(r, 0));
  return ids;
}

}  // namespace

// Operators see every company by visiting each under its own context: row-level security
// holds for them too.
std::vector<AgentSummary> list_agents(Connection& connection,
                                      const std::optional<std::string>& company_id,
                                      std::chrono::seconds heartbeat_interval) {
  std::vector<AgentSummary> agents;
  for (const std::string& company : company_ids(connection, company_id)) {
    Transaction tx(connection);
    tx.set_company(company);
    const Rows rows = tx.exec(
        "SELECT id, company_id, coalesce(name, ''), coalesce(hostname, ''),"
        " coalesce(zt_agent_status(status, revoked_at, last_seen_at,"
        " $1::bigint * interval '1 second'), ''),"
        " coalesce(version, ''), coalesce(os, ''),"
        " coalesce(os_version, ''), coalesce(api_key_prefix, ''),"
        " to_char(last_seen_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
        " to_char(revoked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
        " to_char(clone_suspected_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
        " clone_reason FROM agents WHERE company_id = $2::uuid ORDER BY created_at DESC, id",
        {param(static_cast<std::int64_t>(heartbeat_interval.count())), param(company)});
    for (int r = 0; r < rows.size(); ++r) {
      AgentSummary a;
      a.id = rows.text(r, 0);
      a.company_id = rows.text(r, 1);
      a.name = rows.text(r, 2);
      a.hostname = rows.text(r, 3);
      a.status = rows.text(r, 4);
      a.version = rows.text(r, 5);
      a.os = rows.text(r, 6);
      a.os_version = rows.text(r, 7);
      a.key_prefix = rows.text(r, 8);
      a.last_seen_at = rows.optional_text(r, 9);
      a.revoked_at = rows.optional_text(r, 10);
      a.clone_suspected_at = rows.optional_text(r, 11);
      a.clone_reason = rows.optional_text(r, 12);
      agents.push_back(std::move(a));
    }
    tx.commit();
  }
  return agents;
}

std::optional<std::int64_t> revoke_agent(Connection& connection, std::string_view agent_id,
                                         std::string_view by) {
  for (const std::string& company : company_ids(connection, std::nullopt)) {
    Transaction tx(connection);
    tx.set_company(company);
    const std::int64_t changed =
        tx.exec("UPDATE agents SET revoked_by = CASE WHEN revoked_at IS NULL THEN $2"
                " ELSE revoked_by END, revoked_at = coalesce(revoked_at, now()),"
                " status = 'revoked', updated_at = now() WHERE id::text = $1"
                " AND company_id = $3::uuid",
                {param(agent_id), param(by), param(company)})
            .affected();
    if (changed == 0) continue;
    const std::int64_t resolved =
        tx.exec("UPDATE vulnerabilities_v2 SET status = 'resolved',"
                " resolved_reason = 'agent_revoked', updated_at = now()"
                " WHERE company_id = $1::uuid AND agent_id::text = $2 AND status = 'open'",
                {param(company), param(agent_id)})
            .affected();
    resolve_config_findings(tx, {std::string(agent_id), company});
    tx.commit();
    return resolved;
  }
  return std::nullopt;
}

bool restore_agent(Connection& connection, std::string_view agent_id, std::string_view by) {
  for (const std::string& company : company_ids(connection, std::nullopt)) {
    Transaction tx(connection);
    tx.set_company(company);
    const std::int64_t changed =
        tx.exec("UPDATE agents SET revoked_at = NULL, revoked_by = NULL, restored_at = now(),"
                " restored_by = $2, status = 'offline', updated_at = now()"
                " WHERE id::text = $1 AND company_id = $3::uuid AND revoked_at IS NOT NULL",
                {param(agent_id), param(by), param(company)})
            .affected();
    tx.commit();
    if (changed > 0) return true;
  }
  return false;
}

void ping(Connection& connection) { connection.exec("SELECT 1"); }

}  // namespace zt::pg
