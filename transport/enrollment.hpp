#pragma once
// Enrollment: the agent's first start with an enrollment token. It POSTs the token and its
// own info to /api/v1/enroll and gets back its agent_id and api_key (201), which the caller
// stores with KeyStore (key_store.hpp) and uses from then on; the token is not needed again.
//
// The body is the model's EnrollRequest (schema-client/model/enrollment.hpp). The machine
// identity (machine_identity.hpp) travels as "identity": {"machine_id", "hardware_uuid"}: the
// ingest gives the same machine its agent back when it enrolls again,
// and flags a second machine claiming the same machine id (a cloned image).
//
// Outcomes, as for batches (upload_outcome.hpp): delivered (`enrolled` is set); retry (no
// answer, 408, 429, 5xx: try again after a backoff, honouring retry_after); unauthorized
// (401/403: the token is unknown, revoked, expired or used up — retrying will not help until
// the token is changed; `revoked` is set when the error code is "revoked": this machine's
// agent was revoked); rejected (another 4xx, or a 2xx without a key: the request or the
// server is at fault). `message` is written for an operator's log and never holds the token
// or the key. Runs on the caller's thread, on the caller's IngestClient.
#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "schema-client/config/secret.hpp"
#include "schema-client/model/batch.hpp"
#include "transport/http_client.hpp"
#include "transport/machine_identity.hpp"
#include "transport/upload_outcome.hpp"

namespace zt::transport {

struct EnrollmentRequest {
  config::Secret token;
  model::AgentInfo agent;  // name, hostname and version are required by the ingest
  model::MachineIdentity identity;
};

struct Enrolled {
  std::string agent_id;
  config::Secret api_key;
};

struct EnrollmentResult {
  Outcome outcome = Outcome::retry;
  std::optional<Enrolled> enrolled;  // set when outcome is delivered
  std::optional<std::chrono::seconds> retry_after;
  bool revoked = false;  // unauthorized because this machine's agent was revoked
  std::string message;
};

// The request body (model::EnrollRequest): {"enrollment_token": …, "agent": {…},
// "identity": {…}} (no identity when the machine id is unknown).
nlohmann::json enrollment_body(const EnrollmentRequest& request);

EnrollmentResult enroll(IngestClient& client, const EnrollmentRequest& request);

}  // namespace zt::transport
