#include "ingest/routes.hpp"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "ingest/credentials.hpp"
#include "ingest/json_body.hpp"
#include "schema-client/model/columns.hpp"
#include "schema-client/model/uuid.hpp"
#include "schema-client/model/wire_format.hpp"
#include "schema-client/pg/fleet.hpp"

namespace zt::ingest {
namespace {

using nlohmann::json;

constexpr std::string_view kEnroll = "/api/v1/enroll";
constexpr std::string_view kHeartbeat = "/api/v1/heartbeat";
constexpr std::string_view kBatches = "/api/v1/batches";

std::shared_ptr<spdlog::logger> logger() {
  static const auto instance = [] {
    if (auto existing = spdlog::get("ingest.routes")) return existing;
    return spdlog::default_logger()->clone("ingest.routes");
  }();
  return instance;
}

// An "identity" object (routes.hpp), each problem named by its JSON path. The length limits
// are the columns' (agents.machine_id, agents.hardware_uuid).
pg::MachineIdentity read_identity(const json& value, std::vector<std::string>& problems) {
  pg::MachineIdentity identity;
  if (!value.is_object()) {
    problems.push_back("$.identity: expected object");
    return identity;
  }
  for (const auto& [key, field] : value.items()) {
    const std::string path = "$.identity." + key;
    const std::string text = field.is_string() ? field.get<std::string>() : std::string();
    if (key == "machine_id" || key == "hardware_uuid") {
      const std::size_t max = key == "machine_id" ? 128 : 64;
      if (text.empty() || text.size() > max)
        problems.push_back(path + ": expected a string of 1 to " + std::to_string(max) +
                           " characters");
      else if (key == "machine_id")
        identity.machine_id = text;
      else
        identity.hardware_uuid = text;
    } else if (key == "boot_id") {
      if (!model::is_uuid(text)) problems.push_back(path + ": expected a lower-case UUID");
      else identity.boot_id = text;
    } else {
      problems.push_back(path + ": unknown key");
    }
  }
  return identity;
}

Response unauthorized(std::string_view message, const AnswerFields& fields = nullptr) {
  return error_response(401, "unauthorized", message, {}, fields);
}

Response too_many(std::string_view message, std::chrono::seconds wait,
                  const AnswerFields& fields) {
  Response response =
      error_response(429, "rate_limited", std::string(message) + "; retry later", {}, fields);
  response.retry_after = wait;
  return response;
}

}  // namespace

Routes::Routes(Store& store, Metrics& metrics, RateLimiter& limiter,
               RateLimiter& failed_auth, RouteSettings settings)
    : store_(store),
      metrics_(metrics),
      limiter_(limiter),
      failed_auth_(failed_auth),
      settings_(settings) {}

const std::vector<Routes::Route>& Routes::table() {
  static const std::vector<Route> rows = {
      {"POST", kEnroll, &Routes::enroll},
      {"POST", kHeartbeat, &Routes::heartbeat},
      {"POST", kBatches, &Routes::batches},
      {"GET", "/healthz", &Routes::healthy},
      {"GET", "/readyz", &Routes::ready},
      {"GET", "/metrics", &Routes::metrics},
  };
  return rows;
}

AnswerFields Routes::answer_fields(std::string_view path) const {
  if (path != kBatches) return nullptr;
  // "differential_uploads": this ingest takes digests and deltas (model/scan_baseline.hpp);
  // an agent sends them only after an answer that says so.
  return {{"max_batch_findings", settings_.max_batch_findings}, {"differential_uploads", true}};
}

std::vector<KnownRoute> Routes::known_routes() const {
  std::vector<KnownRoute> out;
  for (const Route& row : table())
    if (std::none_of(out.begin(), out.end(),
                     [&row](const KnownRoute& known) { return known.path == row.path; }))
      out.push_back({std::string(row.path), answer_fields(row.path)});
  return out;
}

Response Routes::handle(const Request& request) {
  const AnswerFields fields = answer_fields(request.target);
  try {
    return route(request, fields);
  } catch (const pg::DbError& e) {
    if (e.unavailable()) {
      metrics_.count_error("database_unavailable");
      logger()->warn("database unavailable: {}", e.what());
      Response response = error_response(503, "database_unavailable",
                                         "the database is unavailable; retry later", {},
                                         fields);
      response.retry_after = settings_.database_retry_after;
      return response;
    }
    // The checks before writing (model/columns.hpp) missed something: our bug, logged with
    // the state that says what the database refused.
    metrics_.count_error("database");
    metrics_.count_database_error(e.sqlstate());
    logger()->error("{} {} from {}: database error, SQLSTATE {}: {}", request.method,
                    request.target, request.remote_address, e.sqlstate(), e.what());
    return error_response(500, "internal_error", "the request could not be stored", {},
                          fields);
  }
}

Response Routes::route(const Request& request, const AnswerFields& fields) {
  std::string allow;  // the methods the path takes, when the request's is not one of them
  for (const Route& row : table()) {
    if (row.path != request.target) continue;
    if (row.method == request.method) return (this->*row.handler)(request, fields);
    allow += (allow.empty() ? "" : ", ") + std::string(row.method);
  }
  if (allow.empty()) return error_response(404, "not_found", "no route " + request.target);
  Response response = error_response(
      405, "method_not_allowed", request.method + " is not allowed on " + request.target, {},
      fields);
  response.allow = std::move(allow);
  return response;
}

Response Routes::healthy(const Request&, const AnswerFields& fields) {
  return json_response(200, {{"status", "ok"}}, fields);
}

Response Routes::metrics(const Request&, const AnswerFields&) {
  Response response;
  response.body = metrics_.render();
  response.content_type = "text/plain; version=0.0.4";
  return response;
}

std::optional<Response> Routes::rate_limited(const std::string& key, std::string_view what,
                                             const AnswerFields& fields) {
  const auto wait = limiter_.acquire(key);
  if (!wait) return std::nullopt;
  metrics_.count_error("rate_limited");
  return too_many(what, *wait, fields);
}

std::variant<pg::AgentRef, Response> Routes::authenticate(const Request& request,
                                                          const AnswerFields& fields) {
  const auto token = bearer_token(request.authorization);
  if (!token) {
    metrics_.count_error("unauthorized");
    return unauthorized("an api key is required: Authorization: Bearer zt_…", fields);
  }
  // Before the lookup, a database query: an address past its budget of failed
  // authentications is refused without asking the database.
  if (const auto wait = failed_auth_.check(request.remote_address)) {
    metrics_.count_error("auth_rate_limited");
    return too_many("too many failed authentications from this address", *wait, fields);
  }
  const std::optional<pg::Authenticated> found =
      store_.authenticate_agent(stored_form(*token).hash);
  if (!found || found->revoked) {
    (void)failed_auth_.acquire(request.remote_address);
    metrics_.count_error("unauthorized");
    logger()->warn("refused {} from {}: {} api key", request.target, request.remote_address,
                   found ? "revoked" : "unknown");
    return unauthorized(found ? "this agent's api key has been revoked" : "unknown api key",
                        fields);
  }
  if (auto refusal =
          rate_limited(found->agent.agent_id, "too many requests from this agent", fields))
    return *refusal;
  return found->agent;
}

Response Routes::enroll(const Request& request, const AnswerFields& fields) {
  if (auto refusal =
          rate_limited("enroll " + request.remote_address, "too many enrollments", fields))
    return *refusal;
  auto body = json_body(request, fields);
  if (auto* refusal = std::get_if<Response>(&body)) return *refusal;
  const json& document = std::get<json>(body);
  std::vector<std::string> problems;
  std::string token;
  if (!document.is_object()) {
    problems.push_back("$: expected object");
  } else {
    for (const auto& item : document.items())
      if (item.key() != "enrollment_token" && item.key() != "agent" && item.key() != "identity")
        problems.push_back("$." + item.key() + ": unknown key");
    const auto t = document.find("enrollment_token");
    if (t == document.end() || !t->is_string() || t->get<std::string>().empty())
      problems.push_back("$.enrollment_token: required, a non-empty string");
    else
      token = t->get<std::string>();
  }
  model::AgentInfo info;
  if (document.is_object()) {
    const auto agent = document.find("agent");
    if (agent == document.end()) {
      problems.push_back("$.agent: required key is missing");
    } else if (auto parsed = model::agent_from_json(*agent); !parsed) {
      for (std::string& text : problem_texts(parsed.error().problems))
        problems.push_back(std::move(text));
    } else {
      info = std::move(*parsed);
      count_cleaned(model::fit_to_columns(info));
    }
  }
  pg::MachineIdentity identity;
  if (document.is_object())
    if (const auto found = document.find("identity"); found != document.end())
      identity = read_identity(*found, problems);
  if (!problems.empty())
    return error_response(422, "invalid_request", "the enrollment request is invalid", problems,
                          fields);

  const std::string key = new_secret(kApiKeyPrefix);
  const std::optional<pg::EnrollOutcome> outcome =
      store_.enroll_agent(stored_form(token).hash, info, stored_form(key), identity);
  if (!outcome) {
    metrics_.count_error("unauthorized");
    logger()->warn("refused an enrollment from {}: unknown, revoked, expired or used-up token",
                   request.remote_address);
    return unauthorized("the enrollment token is unknown, revoked, expired or used up", fields);
  }
  if (const auto* revoked = std::get_if<pg::RevokedMachine>(&*outcome)) {
    metrics_.count_error("revoked_machine");
    logger()->warn("refused an enrollment from {} ({}): {}", request.remote_address,
                   info.hostname, revoked->message());
    return error_response(401, "revoked", revoked->message(), {}, fields);
  }
  const auto enrollment = &std::get<pg::Enrollment>(*outcome);
  const pg::AgentRef& agent = enrollment->agent;
  if (enrollment->clone_of)
    logger()->warn("agent {} ({}) of company {} claims the machine id of agent {} with other "
                   "hardware: enrolled apart, flagged as a clone",
                   agent.agent_id, info.hostname, agent.company_id, *enrollment->clone_of);
  else
    logger()->info("{} agent {} ({}) of company {}",
                   enrollment->restored     ? "restored by its token and re-enrolled"
                   : enrollment->reenrolled ? "re-enrolled"
                                            : "enrolled",
                   agent.agent_id,
                   info.hostname, agent.company_id);
  json answer = {{"agent_id", agent.agent_id}, {"api_key", key},
                 {"reenrolled", enrollment->reenrolled}};
  if (enrollment->clone_of) answer["clone_of"] = *enrollment->clone_of;
  return json_response(201, answer, fields);
}

Response Routes::heartbeat(const Request& request, const AnswerFields& fields) {
  auto who = authenticate(request, fields);
  if (auto* refusal = std::get_if<Response>(&who)) return *refusal;
  const pg::AgentRef& agent = std::get<pg::AgentRef>(who);
  auto body = json_body(request, fields);
  if (auto* refusal = std::get_if<Response>(&body)) return *refusal;
  const json& document = std::get<json>(body);

  std::vector<std::string> problems;
  json capabilities = json::object(), metrics = json::object();
  std::string status = "online";
  pg::MachineIdentity identity;
  if (!document.is_object()) {
    problems.push_back("$: expected object");
  } else {
    for (const auto& [key, value] : document.items()) {
      if (key == "capabilities" || key == "metrics") {
        if (!value.is_object()) problems.push_back("$." + key + ": expected object");
        else (key == "capabilities" ? capabilities : metrics) = value;
      } else if (key == "status") {
        if (!value.is_string() || (value != "online" && value != "degraded" && value != "stopping"))
          problems.push_back("$.status: must be one of online, degraded, stopping");
        else status = value.get<std::string>();
      } else if (key == "identity") {
        identity = read_identity(value, problems);
      } else {
        problems.push_back("$." + key + ": unknown key");
      }
    }
  }
  for (auto [value, path] : {std::pair{&capabilities, "$.capabilities"},
                             std::pair{&metrics, "$.metrics"}}) {
    for (const model::Problem& problem : model::json_value_problems(*value, path))
      problems.push_back(model::to_string(problem));
    count_cleaned(model::fit_json_to_column(*value, path));
  }
  if (!problems.empty())
    return error_response(422, "invalid_request", "the heartbeat is invalid", problems, fields);
  const std::optional<std::string> clone_evidence =
      store_.record_heartbeat(agent, capabilities, metrics, status, identity);
  if (clone_evidence)
    logger()->warn("agent {} of company {} is flagged as a suspected clone, its api key in use "
                   "on another machine: {}",
                   agent.agent_id, agent.company_id, *clone_evidence);
  return json_response(
      200, {{"status", "ok"}, {"heartbeat_interval_seconds", settings_.heartbeat_interval.count()}},
      fields);
}

Response Routes::batches(const Request& request, const AnswerFields& fields) {
  auto who = authenticate(request, fields);
  if (auto* refusal = std::get_if<Response>(&who)) return *refusal;
  const pg::AgentRef& agent = std::get<pg::AgentRef>(who);
  auto body = json_body(request, fields);
  if (auto* refusal = std::get_if<Response>(&body)) return *refusal;
  const json& document = std::get<json>(body);
  if (const std::size_t items = batch_items(document); items > settings_.max_batch_findings) {
    metrics_.count_batch("rejected");
    metrics_.count_error("batch_too_large");
    return error_response(413, "batch_too_large",
                          "the batch holds " + std::to_string(items) +
                              " items (findings, dependencies and config files), over"
                              " max_batch_findings (" +
                              std::to_string(settings_.max_batch_findings) +
                              "): send it in smaller batches",
                          {}, fields);
  }

  auto batch = model::batch_from_json(document);
  if (!batch) {
    metrics_.count_batch("rejected");
    return error_response(422, "invalid_batch", "the batch does not follow the wire format",
                          problem_texts(batch.error().problems), fields);
  }
  count_cleaned(model::fit_to_columns(*batch));
  const model::Result<pg::WriteReport> written = store_.write_batch(agent, *batch);
  if (!written) {
    metrics_.count_batch("rejected");
    return error_response(409, "conflict", written.error().message, {}, fields);
  }
  if (!written->baseline_mismatch.empty()) {
    metrics_.count_batch("baseline_mismatch");
    return error_response(409, "baseline_mismatch",
                          written->baseline_mismatch + ": send the scan whole", {}, fields);
  }
  if (!written->mismatch.empty()) {
    // Our bug, not the batch's: never acknowledged, so the agent keeps it and retries.
    metrics_.count_batch("rejected");
    metrics_.count_error("write_mismatch");
    logger()->error("batch {} of agent {} (company {}, {} findings) not written: {}",
                    batch->batch_id, agent.agent_id, agent.company_id, batch->findings.size(),
                    written->mismatch);
    return error_response(500, "write_mismatch",
                          "the batch's findings were not all written: " + written->mismatch, {},
                          fields);
  }
  metrics_.count_batch(written->duplicate ? "duplicate" : batch->delta ? "delta" : "written");
  metrics_.add_findings_written(static_cast<std::uint64_t>(written->findings));
  return json_response(200, {{"batch_id", batch->batch_id},
                             {"result", written->duplicate ? "duplicate" : "written"},
                             {"findings_written", written->findings},
                             {"dependencies_written", written->dependencies},
                             {"findings_resolved", written->resolved},
                             {"findings_unchanged", written->unchanged}},
                       fields);
}

void Routes::count_cleaned(const std::vector<std::string>& notes) {
  if (notes.empty()) return;
  metrics_.add_values_cleaned(notes.size());
  logger()->debug("{} values cleaned to fit their columns, first: {}", notes.size(),
                  notes.front());
}

Response Routes::ready(const Request&, const AnswerFields& fields) {
  store_.ping();
  return json_response(200, {{"status", "ready"}}, fields);
}

}  // namespace zt::ingest
