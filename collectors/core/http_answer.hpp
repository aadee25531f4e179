#pragma once
// The HTTP exchanges of the collectors' live checks (HTTP/1.0 requests through LiveChecker):
// the GET they send, when an answer is whole, its status, and its JSON body when the status
// is 200. Pure; never throws.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace zt::collector {

// "GET <path> HTTP/1.0" to 127.0.0.1, asking for JSON (HTTP/1.0: the server closes when done).
std::string http_get_request(std::string_view path);

// The status code of an answer ("HTTP/1.1 403 Forbidden" → 403), or nothing.
std::optional<int> http_status(std::string_view answer);

// The headers have ended and the body holds Content-Length bytes (without one, the server
// closing the connection ends it).
bool http_answer_complete(std::string_view received);

// The body of a "200" answer parsed as JSON; nothing for another status or a body that is not
// JSON.
std::optional<nlohmann::json> http_ok_json(std::string_view answer);

}  // namespace zt::collector
