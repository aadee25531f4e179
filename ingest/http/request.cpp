#include "ingest/http/request.hpp"

#include <nlohmann/json.hpp>

namespace zt::ingest {

Response error_response(unsigned status, std::string_view code, std::string_view message,
                        const std::vector<std::string>& problems) {
  nlohmann::json error = {{"code", code}, {"message", message}};
  if (!problems.empty()) error["problems"] = problems;
  Response response;
  response.status = status;
  // Messages may quote what a client sent; replace keeps invalid UTF-8 from throwing here.
  response.body = nlohmann::json{{"error", std::move(error)}}.dump(
      -1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

}  // namespace zt::ingest
