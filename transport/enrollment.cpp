#include "transport/enrollment.hpp"

#include "schema-client/model/enrollment.hpp"

namespace zt::transport {
namespace {

std::string text_of(const nlohmann::json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : "";
}

// The ingest's 401 for a revoked machine has the error code "revoked".
bool says_revoked(const std::string& body) {
  const auto document = nlohmann::json::parse(body, nullptr, false);
  if (!document.is_object() || !document.contains("error") || !document["error"].is_object())
    return false;
  const auto& error = document["error"];
  return text_of(error, "code") == "revoked";
}

}  // namespace

nlohmann::json enrollment_body(const EnrollmentRequest& request) {
  return model::to_json(model::EnrollRequest{.enrollment_token = request.token.reveal(),
                                             .agent = request.agent,
                                             .identity = request.identity});
}

EnrollmentResult enroll(IngestClient& client, const EnrollmentRequest& request) {
  const HttpAnswer answer = client.post_json(kEnrollPath, enrollment_body(request).dump(), "");
  const Classified classified = classify(answer);
  EnrollmentResult result;
  result.outcome = classified.outcome;
  result.retry_after = classified.retry_after;
  switch (classified.outcome) {
    case Outcome::delivered: {
      const auto document = nlohmann::json::parse(answer.body, nullptr, false);
      Enrolled enrolled;
      if (document.is_object()) {
        enrolled.agent_id = text_of(document, "agent_id");
        enrolled.api_key = config::Secret(text_of(document, "api_key"));
      }
      if (enrolled.agent_id.empty() || enrolled.api_key.empty()) {
        // The token may be used up by now: retrying blindly could only get a 401.
        result.outcome = Outcome::rejected;
        result.message = "the ingest accepted the enrollment but its answer (HTTP " +
                         std::to_string(answer.status) +
                         ") has no agent_id or api_key; the token may need replacing";
        return result;
      }
      result.message = "enrolled as agent " + enrolled.agent_id;
      result.enrolled = std::move(enrolled);
      return result;
    }
    case Outcome::unauthorized:
      result.revoked = says_revoked(answer.body);
      if (result.revoked) {
        result.message = "the ingest refused to enroll this machine again: " + classified.reason;
        return result;
      }
      result.message = "the ingest refused the enrollment token (" + classified.reason +
                       "); get a new token and set server.enrollment_token";
      return result;
    case Outcome::rejected:
    case Outcome::too_large:
    case Outcome::send_whole:  // a batch's answer; never an enrollment's
      result.outcome = Outcome::rejected;
      result.message = "the ingest refused the enrollment request (" + classified.reason + ")";
      return result;
    case Outcome::retry:
    case Outcome::server_error:  // counted against batches only: an enrollment is retried
      result.outcome = Outcome::retry;
      result.message = "enrollment did not complete, will retry (" + classified.reason + ")";
      return result;
  }
  return result;
}

}  // namespace zt::transport
