#include "collectors/core/http_answer.hpp"

#include <cctype>

namespace zt::collector {
namespace {

constexpr std::string_view kEndOfHeaders = "\r\n\r\n";

// The Content-Length header's value, or nothing.
std::optional<std::size_t> content_length(std::string_view headers) {
  constexpr std::string_view kName = "content-length:";
  std::size_t start = headers.find("\r\n");
  while (start != std::string_view::npos && start + 2 < headers.size()) {
    const std::size_t end = headers.find("\r\n", start + 2);
    std::string_view line = headers.substr(start + 2, end - start - 2);
    if (line.size() > kName.size()) {
      bool match = true;
      for (std::size_t i = 0; i < kName.size() && match; ++i)
        match = std::tolower(static_cast<unsigned char>(line[i])) == kName[i];
      if (match) {
        std::size_t value = 0;
        for (const char c : line.substr(kName.size()))
          if (c >= '0' && c <= '9') value = value * 10 + static_cast<std::size_t>(c - '0');
        return value;
      }
    }
    start = end;
  }
  return std::nullopt;
}

}  // namespace

std::string http_get_request(std::string_view path) {
  return "GET " + std::string(path) +
         " HTTP/1.0\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n";
}

std::optional<int> http_status(std::string_view answer) {
  if (!answer.starts_with("HTTP/1.") || answer.size() < 12 || answer[8] != ' ') return std::nullopt;
  int status = 0;
  for (const char c : answer.substr(9, 3)) {
    if (c < '0' || c > '9') return std::nullopt;
    status = status * 10 + (c - '0');
  }
  return status;
}

bool http_answer_complete(std::string_view received) {
  const std::size_t end = received.find(kEndOfHeaders);
  if (end == std::string_view::npos) return false;
  const auto length = content_length(received.substr(0, end));
  return length && received.size() - end - kEndOfHeaders.size() >= *length;
}

std::optional<nlohmann::json> http_ok_json(std::string_view answer) {
  if (http_status(answer) != 200) return std::nullopt;
  const std::size_t end = answer.find(kEndOfHeaders);
  if (end == std::string_view::npos) return std::nullopt;
  nlohmann::json body =
      nlohmann::json::parse(answer.substr(end + kEndOfHeaders.size()), nullptr, false);
  if (body.is_discarded()) return std::nullopt;
  return body;
}

}  // namespace zt::collector
