#include "collectors/ai_ml/finding_types.hpp"
#include "collectors/ai_ml/report.hpp"

namespace zt::ai_ml {
namespace {

using model::Severity;
using nlohmann::json;
namespace type = finding_type;

json evidence_of(const MlService& s) {
  json metadata = {
      {"process", {{"pid", s.process.pid}, {"name", s.process.name}, {"user", s.process.user}}},
      {"exposed", exposed(s)}};
  if (s.live) metadata["live_check"] = collector::to_json(*s.live);
  if (!s.listing.empty()) metadata["listing"] = s.listing;
  return metadata;
}

void report_jupyter(const MlService& s, const ModelRef& ref, std::vector<model::Finding>& out) {
  const bool open = s.answered_open.value_or(s.jupyter.open());
  json metadata = evidence_of(s);
  metadata["config_files"] = s.jupyter.config_files;
  if (open)
    out.push_back(ai_finding(
        ref,
        {type::kJupyterNoAuth, exposed(s) ? Severity::critical : Severity::high,
         "Jupyter server " + ref.model_name.substr(s.product.size() + 1) + " asks for no token",
         "Whoever reaches it opens a terminal or runs a notebook cell: any command runs as " +
             s.process.user + ".",
         "Remove the empty token (NotebookApp.token / ServerApp.token = ''), set a password "
         "or keep the generated token, and bind it to 127.0.0.1."},
        metadata));
  if (s.jupyter.allow_origin == "*")
    out.push_back(ai_finding(
        ref,
        {type::kJupyterAllowOriginAny, Severity::medium,
         "Jupyter server accepts requests from every web origin",
         "allow_origin = '*' lets any web page the user visits call the server's API with "
         "the user's browser.",
         "Remove allow_origin, or list the origins that need it."},
        metadata));
  if (s.process.user == "root")
    out.push_back(
        ai_finding(ref,
                   {type::kJupyterRunsAsRoot, Severity::medium, "Jupyter server runs as root",
                    "Every notebook and terminal of the server runs with root's rights.",
                    "Run Jupyter as an unprivileged user (and drop --allow-root)."},
                   std::move(metadata)));
}

// The severity of an ML web service reachable beyond loopback.
Severity exposure_severity(ServiceKind kind) {
  switch (kind) {
    case ServiceKind::ray_dashboard:
      return Severity::critical;   // its Jobs API runs commands
    case ServiceKind::torchserve:  // registers models from URLs
    case ServiceKind::mlflow:
      return Severity::high;  // no authentication by default
    default:
      return Severity::medium;
  }
}

}  // namespace

void report_services(const Snapshot& snapshot, std::vector<model::Finding>& out) {
  for (const MlService& s : snapshot.services) {
    const ModelRef ref{service_name(s), "", s.product};
    switch (s.kind) {
      case ServiceKind::jupyter:
        report_jupyter(s, ref, out);
        break;
      case ServiceKind::ollama:
        if (exposed(s))
          out.push_back(ai_finding(
              ref,
              {type::kOllamaExposed, Severity::high, "Ollama listens beyond loopback",
               "Ollama has no authentication: whoever reaches the port lists, pulls, deletes "
               "and runs the models, and uses the host's GPU.",
               "Bind it to 127.0.0.1 (OLLAMA_HOST) and put an authenticating proxy in front "
               "if others need it."},
              evidence_of(s)));
        break;
      case ServiceKind::openai_api:
        if (exposed(s) && s.answered_open.value_or(!s.api_key_argument))
          out.push_back(ai_finding(
              ref,
              {type::kModelApiWithoutKey, Severity::high,
               s.product + " serves its API to the network without an API key",
               "Whoever reaches the port runs inference on the host's models and hardware.",
               "Start it with --api-key (or an authenticating proxy) and bind it to the "
               "addresses that need it."},
              evidence_of(s)));
        break;
      case ServiceKind::mcp_server:
        if (s.answered_open == true)
          out.push_back(ai_finding(
              ref,
              {type::kMcpServerOpen, exposed(s) ? Severity::high : Severity::low,
               "MCP server " + ref.model_name.substr(s.product.size() + 1) +
                   " answers without credentials",
               s.listing + " accepted an MCP session without authorization: whoever reaches " +
                   (exposed(s)
                        ? std::string("the port")
                        : std::string(
                              "it (any local process, or a web page through DNS rebinding)")) +
                   " calls its tools with the rights of " + s.process.user + ".",
               "Require authorization (the MCP specification's OAuth, or a token checked by a "
               "proxy), bind it to 127.0.0.1 and check the Origin header of each request."},
              evidence_of(s)));
        break;
      default:
        if (exposed(s))
          out.push_back(ai_finding(
              ref,
              {type::kMlServiceExposed, exposure_severity(s.kind),
               s.product + " listens beyond loopback",
               s.product + " asks for no login by default; reachable from the network, it "
                           "gives away models, experiments or jobs (Ray's and TorchServe's "
                           "APIs run code).",
               "Bind it to 127.0.0.1 or put an authenticating proxy in front."},
              evidence_of(s)));
    }
  }
}

}  // namespace zt::ai_ml
