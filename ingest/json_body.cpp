#include "ingest/json_body.hpp"

namespace zt::ingest {

using nlohmann::json;

std::vector<std::string> problem_texts(const std::vector<model::Problem>& problems) {
  std::vector<std::string> texts;
  texts.reserve(problems.size());
  for (const model::Problem& problem : problems) texts.push_back(model::to_string(problem));
  return texts;
}

std::variant<json, Response> json_body(const Request& request, const AnswerFields& fields) {
  if (request.content_type != "application/json")
    return error_response(415, "unsupported_media_type",
                          "Content-Type must be application/json, got \"" +
                              request.content_type + "\"",
                          {}, fields);
  bool too_deep = false;
  json document = json::parse(
      request.body,
      [&too_deep](int depth, json::parse_event_t, json&) {
        too_deep = too_deep || depth > kMaxBodyDepth;
        return depth <= kMaxBodyDepth;  // false: the value is not kept
      },
      false);
  if (document.is_discarded())
    return error_response(400, "malformed_json", "the request body is not valid JSON", {},
                          fields);
  if (too_deep) {
    const std::string problem =
        "$: JSON nested deeper than " + std::to_string(kMaxBodyDepth) + " levels";
    return error_response(422, "invalid_request", "the request body nests JSON too deep",
                          {problem}, fields);
  }
  return document;
}

std::size_t batch_items(const json& document) {
  std::size_t items = 0;
  if (!document.is_object()) return items;
  for (const char* key : {"findings", "dependencies", "config_files"})
    if (const auto it = document.find(key); it != document.end() && it->is_array())
      items += it->size();
  return items;
}

}  // namespace zt::ingest
