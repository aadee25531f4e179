#pragma once
// Reading the JSON body of a request, for the routes: the media type, the syntax and the
// nesting are checked before any route looks at it, and each refusal is the answer to send.
// Pure functions: no I/O, no logging, any thread.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <variant>
#include <vector>

#include "ingest/http/request.hpp"
#include "schema-client/model/result.hpp"

namespace zt::ingest {

// Deeper bodies are refused as they are parsed, before anything copies them (copying a JSON
// value recurses once per level). Well above model::kMaxJsonDepth, whose check names the path.
inline constexpr int kMaxBodyDepth = 256;

// The JSON body of a POST, or the refusal: 415 for another media type than application/json,
// 400 when malformed (a number too large for a double, 1e400, included), 422 when nested
// deeper than kMaxBodyDepth ("$: JSON nested deeper than 256 levels"); each refusal carries
// the route's `fields`.
std::variant<nlohmann::json, Response> json_body(const Request& request,
                                                 const AnswerFields& fields = nullptr);

// The items of a batch document, counted before it is read: its findings, dependencies and
// config files, as the agent counts them when it cuts a scan into batches (0 when it has no
// such arrays).
std::size_t batch_items(const nlohmann::json& document);

// A refused document's problems as an answer lists them ("$.findings[2].severity: …").
std::vector<std::string> problem_texts(const std::vector<model::Problem>& problems);

}  // namespace zt::ingest
