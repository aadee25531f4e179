#pragma once
// Companies, enrollment tokens and agents: what the ingest needs before and around batches.
// Keys and tokens arrive here already hashed (SHA-256 hex); the plain values never reach
// the database. Looking an agent up by key, and redeeming a token, happen before the
// company is known: they go through the two SECURITY DEFINER functions of migration 0003
// (zt_authenticate_agent, zt_redeem_enrollment_token); everything else runs under the
// company's row-level security context.
//
// Errors: DbError is thrown (unavailable() for "retry later"). "Not found" and "refused" are
// ordinary results (nullopt / false).
#include <chrono>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "schema-client/model/batch.hpp"
#include "schema-client/model/machine_identity.hpp"
#include "schema-client/pg/batch_writer.hpp"
#include "schema-client/pg/connection.hpp"

namespace zt::pg {

struct StoredSecret {
  std::string hash;    // SHA-256 hex of the whole secret
  std::string prefix;  // its first characters, shown to operators
};

struct Authenticated {
  AgentRef agent;
  bool revoked = false;
};

std::optional<Authenticated> authenticate_agent(Connection& connection,
                                                std::string_view key_hash);

// The wire contract's (model/machine_identity.hpp); enrollment ignores the boot id. The alias
// is the name ingest/routes.cpp still uses; to be removed when it names model's.
using MachineIdentity = model::MachineIdentity;

struct Enrollment {
  AgentRef agent;
  bool reenrolled = false;                // the machine's existing agent, with a new key
  bool restored = false;                  // ... which was revoked: the token was made for it
  std::optional<std::string> clone_of = std::nullopt;  // another agent claims this machine id
};

// An enrollment refused because the machine's agent was revoked.
struct RevokedMachine {
  std::string agent_id;
  std::string revoked_at;  // RFC 3339, UTC
  std::optional<std::string> revoked_by;
  // Says so, and how an operator lifts it (for the 401 and the log).
  std::string message() const;
};
using EnrollOutcome = std::variant<Enrollment, RevokedMachine>;

// Redeems the token (one use). The same machine (machine id and hardware UUID) enrolling again
// in the company gets its unrevoked agent back with the new key; a machine id already
// enrolled with another hardware UUID gets a new agent flagged clone_of the first; otherwise
// a new agent. A machine id whose agent was revoked (and that has no unrevoked agent) is
// refused with RevokedMachine, the token not used, unless the token was made for that agent
// (create_enrollment_token's for_agent_id): then the agent is restored and given back.
// Without a machine id an enrollment cannot be tied to any machine: always a new agent.
// nullopt when the token is unknown, revoked, expired or used up.
std::optional<EnrollOutcome> enroll_agent(Connection& connection, std::string_view token_hash,
                                       const model::AgentInfo& info, const StoredSecret& key,
                                       const model::MachineIdentity& identity = {});

// The boot ids an agent's row remembers (agents.boot_ids).
inline constexpr int kBootHistory = 8;

// capabilities, metrics (with the drops reported over the agent's life added up:
// reported_drops.hpp) and status of the agent's own row (status is "online" unless the
// agent says otherwise), last_seen_at, and the identity's boot id at the head of the agent's
// boot id history (its last kBootHistory distinct boot ids, newest first). The enrolled
// identity is never changed. Returns why, when this heartbeat made the agent clone-suspected
// (it was not before): a boot id that comes back after another one (two machines take turns
// with one key: a reboot only ever brings a new one), or a machine id or hardware UUID other
// than the enrolled one. A suspected agent stays so (clone_suspected_at, clone_reason).
std::optional<std::string> record_heartbeat(Connection& connection, const AgentRef& agent,
                                            const nlohmann::json& capabilities,
                                            const nlohmann::json& metrics,
                                            std::string_view status,
                                            const model::MachineIdentity& identity = {});

// Operators (admin commands; companies and tokens: tokens.hpp).
struct AgentSummary {
  std::string id, company_id, name, hostname, status, version, os, os_version, key_prefix;
  std::optional<std::string> last_seen_at, revoked_at;
  std::optional<std::string> clone_suspected_at, clone_reason;
};
// Every agent of every company (or of one), newest first within a company. `status` is the
// one people read (zt_agent_status, migration 0005): "offline" for an unrevoked agent not
// heard from in three `heartbeat_interval`s, else the stored one.
std::vector<AgentSummary> list_agents(Connection& connection,
                                      const std::optional<std::string>& company_id,
                                      std::chrono::seconds heartbeat_interval);
// Revokes the agent (its key is refused from now on, and its machine id may not enroll again:
// enroll_agent) and resolves its open findings with resolved_reason 'agent_revoked' (their
// config_findings rows too: config_files_writer.hpp). `by`
// names the operator. Returns the number of findings resolved; nullopt when no such agent.
std::optional<std::int64_t> revoke_agent(Connection& connection, std::string_view agent_id,
                                         std::string_view by);
// Lifts a revocation: the agent's key and its machine are accepted again; its findings reopen
// as its scans report them. false when no such agent is revoked.
bool restore_agent(Connection& connection, std::string_view agent_id, std::string_view by);

// A trivial round trip (readiness).
void ping(Connection& connection);

}  // namespace zt::pg
