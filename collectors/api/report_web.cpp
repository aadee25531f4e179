#include "collectors/api/finding_types.hpp"
#include "collectors/api/report.hpp"

namespace zt::api {

void report_web_api(const ApiService& s, std::vector<model::Finding>& out) {
  using model::Severity;
  namespace type = finding_type;
  const collector::ListeningSocket& socket = s.sockets.front();
  const std::string base = "http://" + collector::endpoint_text(socket.address, socket.port);
  for (const OpenApiDocument& d : s.documents)
    out.push_back(api_finding(
        s,
        {type::kOpenApiDocumentPublic, Severity::medium, base + d.path, "GET",
         "API description served to anyone at " + base + d.path,
         "The OpenAPI " + d.version + " document" + (d.title.empty() ? "" : " of " + d.title) +
             " lists " + std::to_string(d.operations) +
             " operations with their parameters to whoever reaches the port: a map for an "
             "attacker, internal and admin routes included.",
         "Serve the document (and the Swagger UI) only to authenticated users or on the "
         "internal network, or turn it off in production."},
        {{"openapi_version", d.version}, {"title", d.title}, {"operations", d.operations}}));
  if (s.cors.origin != CorsOrigin::none && s.cors.credentials) {
    const bool reflected = s.cors.origin == CorsOrigin::reflected;
    out.push_back(api_finding(
        s,
        {type::kCorsAnyOriginWithCredentials, reflected ? Severity::high : Severity::medium,
         base + "/", "ANY",
         std::string("CORS at ") + base + (reflected ? " trusts any origin" : " allows * ") +
             " with credentials",
         reflected ? "It echoes any Origin in Access-Control-Allow-Origin with "
                     "Access-Control-Allow-Credentials: true: any web page a user visits reads "
                     "its answers with the user's cookies."
                   : "Access-Control-Allow-Origin: * with Access-Control-Allow-Credentials: "
                     "true: browsers refuse the pair today, but the policy means any origin "
                     "was meant to call it with credentials.",
         "Allow the origins that need the API by name, and credentials only for them."},
        {{"probe_origin", std::string(kProbeOrigin)},
         {"allow_origin", reflected ? "reflected" : "*"},
         {"allow_credentials", true}}));
  }
}

}  // namespace zt::api
