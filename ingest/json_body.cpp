#include "ingest/json_body.hpp"

namespace zt::ingest {

using nlohmann::json;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return lines;
}

std::variant<json, Response> json_body(const Request& request) {
  if (request.content_type != "application/json")
    return error_response(415, "unsupported_media_type",
                          "Content-Type must be application/json, got \"" +
                              request.content_type + "\"");
  bool too_deep = false;
  json document = json::parse(
      request.body,
      [&too_deep](int depth, json::parse_event_t, json&) {
        too_deep = too_deep || depth > kMaxBodyDepth;
        return depth <= kMaxBodyDepth;  // false: the value is not kept
      },
      false);
  if (document.is_discarded())
    return error_response(400, "malformed_json", "the request body is not valid JSON");
  if (too_deep) {
    const std::string problem =
        "$: JSON nested deeper than " + std::to_string(kMaxBodyDepth) + " levels";
    return error_response(422, "invalid_request", "the request body nests JSON too deep",
                          {problem});
  }
  return document;
}

std::size_t batch_items(const json& document) {
  std::size_t items = 0;
  if (!document.is_object()) return items;
  for (const char* key : {"findings", "dependencies"})
    if (const auto it = document.find(key); it != document.end() && it->is_array())
      items += it->size();
  return items;
}

}  // namespace zt::ingest
