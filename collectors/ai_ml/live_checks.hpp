#pragma once
// The live checks of the ai_ml collector, through a LiveChecker on loopback only
// (collector::loopback_target): one GET of the endpoint that lists what a server holds,
// which answers without credentials only when the server asks for none. Never a prompt, an
// inference or a change.
//   Jupyter   GET <base_url>api/kernels   200 + a JSON list: open; 403: a token is asked
//   Ollama    GET /api/tags               200 + {"models": […]}: its models
//   OpenAI    GET /v1/models              200 + {"data": […]}: open; 401: a key is asked
//   MCP       POST /mcp initialize        200 + a JSON-RPC result (JSON or an SSE event):
//                                         open (the handshake only: no tool is listed or
//                                         called); 401 or 403: authorization is asked
// Other services are judged from their sockets only. Fills the service's live results
// within `limit`. Never throws.
#include <chrono>
#include <optional>
#include <string_view>

#include "collectors/ai_ml/ml_services.hpp"
#include "collectors/core/live_checker.hpp"

namespace zt::ai_ml {

void check_service(MlService& service, collector::LiveChecker& checker,
                   std::chrono::milliseconds limit);

// From a listing's answer: open or not (nothing when it is not the service's answer), and
// what it listed ("2 models", an MCP server's "name version"). Pure.
struct ListingAnswer {
  std::optional<bool> open;
  std::string listing;
};
ListingAnswer read_listing_answer(ServiceKind kind, std::string_view answer);

// The MCP initialize request (JSON-RPC over HTTP/1.0, as the Streamable HTTP transport takes it).
std::string mcp_initialize_request();

}  // namespace zt::ai_ml
