#pragma once
// The request a route handler sees and the response it gives back: plain values, so a handler
// is a function that can be tested without a socket. The server fills a Request only once the
// whole body has been read (and decompressed when it was gzip); the handler may block (it runs
// on a worker thread, never on a network thread) and should not throw: if it does, the server
// answers 500 and logs it.
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace zt::ingest {

struct Request {
  std::string method;          // "GET", "POST", …
  std::string target;          // path only, query string removed
  std::string content_type;    // media type, lower-case, parameters stripped ("application/json")
  std::string authorization;   // raw header value ("" when absent) — never log it
  std::string body;            // already decompressed when Content-Encoding was gzip
  std::string remote_address;  // "127.0.0.1"
};

struct Response {
  unsigned status = 200;
  std::string body;  // JSON text
  std::string content_type = "application/json";
  std::optional<std::chrono::seconds> retry_after;  // sets Retry-After
  std::string allow;  // sets Allow when not empty (a 405: "POST", "GET, POST")
};

using Handler = std::function<Response(const Request&)>;

// Members every JSON answer on a route carries at its top level beside its own (the batches
// route's "max_batch_findings"): an object, or null for none. Added where each answer is
// built: by the routes, and by the server for its own refusals (KnownRoute).
using AnswerFields = nlohmann::json;

// A path the server knows: its metrics label (any other path is "other") and the fields of
// every answer on it, the server's own refusals included.
struct KnownRoute {
  std::string path;
  AnswerFields answer_fields;
};

// {"error":{"code":code,"message":message}}, plus "problems":[…] inside "error" when given,
// plus `fields`. Used by the server for its own refusals and by the routes.
Response error_response(unsigned status, std::string_view code, std::string_view message,
                        const std::vector<std::string>& problems = {},
                        const AnswerFields& fields = nullptr);

// `body` (an object) plus `fields`, as a JSON answer.
Response json_response(unsigned status, nlohmann::json body, const AnswerFields& fields = nullptr);

}  // namespace zt::ingest
