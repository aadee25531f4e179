#pragma once
// The enrollment request (POST /api/v1/enroll): an agent's first contact, with a one-use
// enrollment token instead of an api key.
//   {"enrollment_token": "zte_…", "agent": {…, as a batch's $.agent}, "identity": {…}}
// "identity" (machine_identity.hpp) is left out when the machine id is unknown: without it an
// enrollment cannot be tied to a machine. The reader is strict like the batch's
// (wire_format.hpp): every problem is reported with its path. The token is a secret: it is
// never part of a problem's message. Pure; any thread.
#include <nlohmann/json.hpp>
#include <string>

#include "schema-client/model/batch.hpp"
#include "schema-client/model/machine_identity.hpp"
#include "schema-client/model/result.hpp"

namespace zt::model {

struct EnrollRequest {
  std::string enrollment_token;  // not empty
  AgentInfo agent;               // name, hostname and version required
  MachineIdentity identity;

  bool operator==(const EnrollRequest&) const = default;
};

nlohmann::json to_json(const EnrollRequest& request);
Result<EnrollRequest> enroll_request_from_json(const nlohmann::json& document);

}  // namespace zt::model
