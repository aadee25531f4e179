#pragma once
// HTTP APIs of the host's own applications (not a known service): whether they publish their
// OpenAPI/Swagger document to anyone, and whether their CORS policy lets any web page call
// them with the visitor's credentials. They are found live only: which listeners speak HTTP is
// known by asking. Candidates are the listeners beyond loopback of web runtimes (node, python,
// java, gunicorn, uvicorn, dotnet, ruby, php, deno, bun) and of the usual plain-HTTP ports.
// Pure; never throws.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "collectors/core/host_sockets.hpp"

namespace zt::api {

// Where OpenAPI and Swagger documents are usually served (FastAPI, Express's swagger-ui,
// springdoc, springfox, ASP.NET's Swashbuckle, the rest).
inline constexpr std::string_view kOpenApiPaths[] = {
    "/openapi.json", "/swagger.json", "/v3/api-docs", "/v2/api-docs", "/swagger/v1/swagger.json",
    "/api-docs"};

// The Origin the probe sends: a name that cannot exist (RFC 6761), so that an answer naming
// it was made from the request.
inline constexpr std::string_view kProbeOrigin = "https://zerotrace-probe.invalid";

bool is_web_api_candidate(const collector::ListeningSocket& socket);

// GET <path> with the probe's Origin.
std::string web_api_request(std::string_view path);

// Done reading: a whole HTTP answer, or enough bytes to see it is not HTTP at all.
bool web_answer_done(std::string_view received);
bool is_http_answer(std::string_view received);

struct OpenApiDocument {
  std::string path;
  std::string version;  // "3.0.3", "2.0"
  std::string title;
  std::size_t operations = 0;  // paths × methods
};
// The document of a 200 answer with an "openapi" or "swagger" field, else nothing.
std::optional<OpenApiDocument> read_openapi(std::string_view path, std::string_view answer);

// The CORS headers of an answer to a request with kProbeOrigin.
enum class CorsOrigin { none, any, reflected };
struct CorsPolicy {
  CorsOrigin origin = CorsOrigin::none;
  bool credentials = false;
};
CorsPolicy read_cors(std::string_view answer);

}  // namespace zt::api
