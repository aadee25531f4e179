#pragma once
// The HTTP answers of the collectors' live checks (HTTP/1.0 requests through LiveChecker):
// when one is whole, and its JSON body when the status is 200. Pure; never throws.
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

namespace zt::collector {

// The headers have ended and the body holds Content-Length bytes (without one, the server
// closing the connection ends it).
bool http_answer_complete(std::string_view received);

// The body of a "200" answer parsed as JSON; nothing for another status or a body that is not
// JSON.
std::optional<nlohmann::json> http_ok_json(std::string_view answer);

}  // namespace zt::collector
