#include "collectors/api/web_api.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "collectors/core/http_answer.hpp"
#include "collectors/core/text.hpp"

namespace zt::api {
namespace {

constexpr std::string_view kWebRuntimes[] = {"node", "gunicorn", "uvicorn", "java", "dotnet",
                                             "ruby", "puma",     "php",     "deno", "bun"};
constexpr std::uint16_t kPlainHttpPorts[] = {80, 3000, 5000, 8000, 8008, 8080, 8081, 8888, 9000};

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The value of header `name` (lower case) in the answer's headers, or nothing.
std::optional<std::string> header(std::string_view answer, std::string_view name) {
  const std::size_t end = answer.find("\r\n\r\n");
  for (std::string_view line : collector::split_lines(
           answer.substr(0, end == std::string_view::npos ? answer.size() : end))) {
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    if (lower(collector::trim(line.substr(0, colon))) == name)
      return std::string(collector::trim(line.substr(colon + 1)));
  }
  return std::nullopt;
}

}  // namespace

bool is_web_api_candidate(const collector::ListeningSocket& socket) {
  if (socket.protocol != collector::Protocol::tcp || collector::is_loopback(socket)) return false;
  if (std::find(std::begin(kPlainHttpPorts), std::end(kPlainHttpPorts), socket.port) !=
      std::end(kPlainHttpPorts))
    return true;
  if (!socket.process) return false;
  const std::string& name = socket.process->name;
  if (name.starts_with("python")) return true;
  return std::find(std::begin(kWebRuntimes), std::end(kWebRuntimes), name) !=
         std::end(kWebRuntimes);
}

std::string web_api_request(std::string_view path) {
  return "GET " + std::string(path) +
         " HTTP/1.0\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
         "Origin: " +
         std::string(kProbeOrigin) + "\r\n\r\n";
}

bool is_http_answer(std::string_view received) { return received.starts_with("HTTP/"); }

bool web_answer_done(std::string_view received) {
  if (received.size() >= 5 && !is_http_answer(received)) return true;
  return collector::http_answer_complete(received);
}

std::optional<OpenApiDocument> read_openapi(std::string_view path, std::string_view answer) {
  const auto doc = collector::http_ok_json(answer);
  if (!doc || !doc->is_object()) return std::nullopt;
  OpenApiDocument out;
  out.path = path;
  for (const char* key : {"openapi", "swagger"})
    if (auto it = doc->find(key); it != doc->end() && it->is_string()) out.version = *it;
  if (out.version.empty()) return std::nullopt;
  if (auto info = doc->find("info"); info != doc->end() && info->is_object())
    out.title = info->value("title", "");
  if (auto paths = doc->find("paths"); paths != doc->end() && paths->is_object())
    for (const auto& [_, operations] : paths->items())
      if (operations.is_object()) out.operations += operations.size();
  return out;
}

CorsPolicy read_cors(std::string_view answer) {
  CorsPolicy out;
  if (const auto origin = header(answer, "access-control-allow-origin")) {
    if (*origin == "*")
      out.origin = CorsOrigin::any;
    else if (*origin == kProbeOrigin)
      out.origin = CorsOrigin::reflected;
  }
  const auto credentials = header(answer, "access-control-allow-credentials");
  out.credentials = credentials && lower(*credentials) == "true";
  return out;
}

}  // namespace zt::api
