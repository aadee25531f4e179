#include "ingest/http/request.hpp"

namespace zt::ingest {

Response json_response(unsigned status, nlohmann::json body, const AnswerFields& fields) {
  if (fields.is_object()) body.update(fields);
  Response response;
  response.status = status;
  // Messages may quote what a client sent; replace keeps invalid UTF-8 from throwing here.
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

Response error_response(unsigned status, std::string_view code, std::string_view message,
                        const std::vector<std::string>& problems, const AnswerFields& fields) {
  nlohmann::json error = {{"code", code}, {"message", message}};
  if (!problems.empty()) error["problems"] = problems;
  return json_response(status, {{"error", std::move(error)}}, fields);
}

}  // namespace zt::ingest
