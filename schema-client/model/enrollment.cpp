#include "schema-client/model/enrollment.hpp"

#include "schema-client/model/json_reader.hpp"
#include "schema-client/model/wire_format.hpp"

namespace zt::model {

nlohmann::json to_json(const EnrollRequest& request) {
  nlohmann::json body = {{"enrollment_token", request.enrollment_token},
                         {"agent", to_json(request.agent)}};
  if (!request.identity.machine_id.empty()) body["identity"] = to_json(request.identity);
  return body;
}

Result<EnrollRequest> enroll_request_from_json(const nlohmann::json& document) {
  std::vector<Problem> problems;
  ObjectReader r(document, "$", problems, {"enrollment_token", "agent", "identity"});
  EnrollRequest request;
  request.enrollment_token = r.text("enrollment_token", true);
  if (const nlohmann::json* token = r.get("enrollment_token", false);
      token != nullptr && token->is_string() && request.enrollment_token.empty())
    r.fail(r.path_of("enrollment_token"), "must not be empty");
  if (const nlohmann::json* agent = r.get("agent", true)) {
    if (auto read = agent_from_json(*agent))
      request.agent = std::move(*read);
    else
      add_unreported(problems, read.error().problems);
  }
  if (const nlohmann::json* identity = r.get("identity", false))
    request.identity = machine_identity_from_json(*identity, r.path_of("identity"), problems);
  if (!problems.empty()) return invalid_document(std::move(problems));
  return request;
}

}  // namespace zt::model
