#include "collectors/ai_ml/live_checks.hpp"

#include "collectors/core/http_answer.hpp"

namespace zt::ai_ml {
namespace {

struct Listing {
  std::string_view check;  // the LiveCheck's name
  std::string request;
};

constexpr std::string_view kMcpInitialize =
    R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",)"
    R"("capabilities":{},"clientInfo":{"name":"zerotrace-agent","version":"1"}}})";

// The JSON of an answer's body, or of its first Server-Sent Event's data line.
std::optional<nlohmann::json> body_json(std::string_view answer) {
  if (auto json = collector::http_ok_json(answer)) return json;
  if (collector::http_status(answer) != 200) return std::nullopt;
  const std::size_t data = answer.find("\ndata: ");
  if (data == std::string_view::npos) return std::nullopt;
  const std::size_t start = data + 7;
  const std::size_t end = answer.find('\n', start);
  nlohmann::json json = nlohmann::json::parse(
      answer.substr(start, end == std::string_view::npos ? end : end - start), nullptr, false);
  if (json.is_discarded()) return std::nullopt;
  return json;
}

// "mcp-servers/everything 2.0.0" from an initialize result's serverInfo.
std::string mcp_server_info(const nlohmann::json& result) {
  const auto info = result.find("serverInfo");
  if (info == result.end() || !info->is_object()) return "an MCP server";
  const std::string name = info->value("name", std::string("an MCP server"));
  const std::string version = info->value("version", std::string());
  return version.empty() ? name : name + " " + version;
}

std::optional<Listing> listing_of(const MlService& service) {
  switch (service.kind) {
    case ServiceKind::jupyter:
      return Listing{"jupyter_api_kernels",
                     collector::http_get_request(service.jupyter.base_url + "api/kernels")};
    case ServiceKind::ollama:
      return Listing{"ollama_api_tags", collector::http_get_request("/api/tags")};
    case ServiceKind::openai_api:
      return Listing{"openai_v1_models", collector::http_get_request("/v1/models")};
    case ServiceKind::mcp_server:
      return Listing{"mcp_initialize", mcp_initialize_request()};
    default:
      return std::nullopt;
  }
}

}  // namespace

std::string mcp_initialize_request() {
  return "POST /mcp HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
         "Accept: application/json, text/event-stream\r\nContent-Length: " +
         std::to_string(kMcpInitialize.size()) + "\r\n\r\n" + std::string(kMcpInitialize);
}

ListingAnswer read_listing_answer(ServiceKind kind, std::string_view answer) {
  ListingAnswer out;
  const auto status = collector::http_status(answer);
  if (!status) return out;
  if (*status == 401 || *status == 403) {
    out.open = false;
    return out;
  }
  if (kind == ServiceKind::mcp_server) {
    const auto body = body_json(answer);
    if (!body || !body->is_object() || !body->contains("result")) return out;
    const nlohmann::json& result = body->at("result");
    if (!result.is_object()) return out;
    out.open = true;
    out.listing = mcp_server_info(result);
    return out;
  }
  const auto body = collector::http_ok_json(answer);
  if (!body) return out;
  // Jupyter answers a list; Ollama and OpenAI servers an object holding it.
  const nlohmann::json* list = &*body;
  if (kind != ServiceKind::jupyter) {
    const auto it = body->find(kind == ServiceKind::ollama ? "models" : "data");
    list = it == body->end() ? nullptr : &*it;
  }
  if (list == nullptr || !list->is_array()) return out;
  out.open = true;
  out.listing =
      std::to_string(list->size()) + (kind == ServiceKind::jupyter ? " kernels" : " models");
  return out;
}

void check_service(MlService& service, collector::LiveChecker& checker,
                   std::chrono::milliseconds limit) {
  const auto listing = listing_of(service);
  if (!listing) return;
  const auto target = collector::loopback_target(service.sockets);
  if (!target) return;
  collector::Exchange ex;
  ex.send = listing->request;
  ex.complete = collector::http_answer_complete;
  ex.max_bytes = 256 * 1024;
  const collector::ExchangeResult result = checker.exchange(*target, ex, limit);
  collector::LiveCheck c = collector::record_check(listing->check, *target, result);
  const ListingAnswer answer = read_listing_answer(service.kind, result.received);
  service.answered_open = answer.open;
  service.listing = answer.listing;
  if (answer.open && service.kind == ServiceKind::mcp_server)
    c.outcome = *answer.open ? "initialized " + answer.listing + " without credentials"
                             : "asks for authorization";
  else if (answer.open)
    c.outcome =
        *answer.open ? "listed " + answer.listing + " without credentials" : "asks for credentials";
  else if (result.connected)
    c.outcome = "not a " + service.product + " answer";
  service.live = std::move(c);
}

}  // namespace zt::ai_ml
