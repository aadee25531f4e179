#include "transport/upload_outcome.hpp"

#include <nlohmann/json.hpp>

namespace zt::transport {
namespace {

constexpr std::size_t kMaxProblems = 3;
constexpr std::size_t kMaxReason = 1024;

Outcome outcome_of(long status) {
  if (status >= 200 && status < 300) return Outcome::delivered;
  if (status == 401 || status == 403) return Outcome::unauthorized;
  if (status == 408 || status == 429) return Outcome::retry;
  if (status == 413) return Outcome::too_large;
  if (status >= 400 && status < 500) return Outcome::rejected;
  switch (status) {
    case 501:
    case 502:
    case 503:
    case 504:
    case 505:
    case 507:
    case 511:
      return Outcome::retry;  // about the server or the way there, never the batch
    default:
      break;
  }
  if (status >= 500 && status < 600) return Outcome::server_error;
  return Outcome::retry;  // 0 (no answer), and the 1xx/3xx we never expect
}

// Printable ASCII only: the text goes into log lines.
std::string printable(std::string_view text) {
  std::string out;
  for (const char c : text) out += (c >= 0x20 && c < 0x7f) ? c : ' ';
  return out;
}

std::string text_of(const nlohmann::json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : "";
}

// The ingest's advice, when it is a sensible number (ingest/README.md, "max_batch_findings").
std::optional<std::size_t> advised_batch_findings(const nlohmann::json& document) {
  if (!document.is_object()) return std::nullopt;
  const auto found = document.find("max_batch_findings");
  if (found == document.end() || !found->is_number_integer()) return std::nullopt;
  const auto value = found->get<std::int64_t>();
  if (value < 1 || value > kMaxAdvisedBatchFindings) return std::nullopt;
  return static_cast<std::size_t>(value);
}

// "code: message (problem; problem; +N more)" from {"error": {...}}, or the body's start.
std::string describe_error_body(const nlohmann::json& document, std::string_view body) {
  if (document.is_object() && document.contains("error") && document["error"].is_object()) {
    const auto& error = document["error"];
    std::string text = text_of(error, "code");
    if (const std::string message = text_of(error, "message"); !message.empty())
      text += (text.empty() ? "" : ": ") + message;
    if (const auto problems = error.find("problems");
        problems != error.end() && problems->is_array() && !problems->empty()) {
      std::string list;
      std::size_t shown = 0;
      for (const auto& problem : *problems) {
        if (shown == kMaxProblems) break;
        if (!problem.is_string()) continue;
        list += (shown++ ? "; " : "") + problem.get<std::string>();
      }
      if (problems->size() > shown)
        list += (shown ? "; +" : "+") + std::to_string(problems->size() - shown) + " more";
      text += " (" + list + ")";
    }
    return text;
  }
  return std::string(body.substr(0, 200));
}

}  // namespace

std::string_view to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::delivered:
      return "delivered";
    case Outcome::retry:
      return "retry";
    case Outcome::server_error:
      return "server_error";
    case Outcome::too_large:
      return "too_large";
    case Outcome::rejected:
      return "rejected";
    case Outcome::unauthorized:
      return "unauthorized";
    case Outcome::send_whole:
      return "send_whole";
  }
  return "unknown";
}

Classified classify(const HttpAnswer& answer) {
  Classified result;
  result.outcome = outcome_of(answer.status);
  result.retry_after = answer.retry_after;
  const auto document = nlohmann::json::parse(answer.body, nullptr, false);
  result.max_batch_findings = advised_batch_findings(document);
  if (document.is_object())
    if (const auto found = document.find("differential_uploads");
        found != document.end() && found->is_boolean())
      result.differential = found->get<bool>();
  if (answer.status == 409 && document.is_object() && document.contains("error") &&
      document["error"].is_object() && text_of(document["error"], "code") == "baseline_mismatch")
    result.outcome = Outcome::send_whole;
  if (answer.status == 0) {
    result.reason = "no answer: " + (answer.error.empty() ? "unknown error" : answer.error);
  } else if (result.outcome == Outcome::delivered) {
    const std::string written = document.is_object() ? text_of(document, "result") : std::string();
    result.duplicate = written == "duplicate";
    result.reason =
        "HTTP " + std::to_string(answer.status) + (written.empty() ? "" : " ") + written;
  } else {
    std::string detail = describe_error_body(document, answer.body);
    if (answer.status >= 300 && answer.status < 400)
      detail = "unexpected redirect; check server.url" + (detail.empty() ? "" : ": " + detail);
    result.reason = "HTTP " + std::to_string(answer.status) + (detail.empty() ? "" : " ") + detail;
  }
  result.reason = printable(result.reason);
  if (result.reason.size() > kMaxReason) result.reason.resize(kMaxReason);
  return result;
}

}  // namespace zt::transport
