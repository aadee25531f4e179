#pragma once
// The routes without PostgreSQL: a Store (ingest/store.hpp) whose answers a test sets and
// whose calls it reads back, and a fixture of Routes over it with its metrics and limiters.
// The fake throws pg::DbError as the real store does: `down` as "unavailable" (connection
// refused), `failing_state` as a statement the database refused with that SQLSTATE.
#include <catch2/catch.hpp>

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ingest/credentials.hpp"
#include "ingest/metrics.hpp"
#include "ingest/rate_limiter.hpp"
#include "ingest/routes.hpp"
#include "ingest/store.hpp"
#include "schema-client/model/wire_format.hpp"

namespace zt::test {

class FakeStore final : public ingest::Store {
 public:
  // Keys (by hash) the store knows, and the enrollment it answers to any token it knows.
  std::map<std::string, pg::Authenticated> agents;
  std::map<std::string, pg::EnrollOutcome> tokens;
  std::optional<std::string> clone_evidence;
  model::Result<pg::WriteReport> write_result = pg::WriteReport{};
  bool down = false;
  std::string failing_state;

  // What the routes asked.
  int lookups = 0;
  struct Enrolled {
    std::string token_hash;
    model::AgentInfo info;
    pg::StoredSecret key;
    pg::MachineIdentity identity;
  };
  std::vector<Enrolled> enrolled;
  struct Heartbeat {
    pg::AgentRef agent;
    nlohmann::json capabilities, metrics;
    std::string status;
    pg::MachineIdentity identity;
  };
  std::vector<Heartbeat> heartbeats;
  std::vector<model::Batch> batches;

  std::optional<pg::Authenticated> authenticate_agent(std::string_view key_hash) override {
    std::lock_guard lock(mutex_);
    ++lookups;
    fail_if_asked();
    const auto found = agents.find(std::string(key_hash));
    if (found == agents.end()) return std::nullopt;
    return found->second;
  }
  std::optional<pg::EnrollOutcome> enroll_agent(std::string_view token_hash,
                                                const model::AgentInfo& info,
                                                const pg::StoredSecret& key,
                                                const pg::MachineIdentity& identity) override {
    std::lock_guard lock(mutex_);
    fail_if_asked();
    enrolled.push_back({std::string(token_hash), info, key, identity});
    const auto found = tokens.find(std::string(token_hash));
    if (found == tokens.end()) return std::nullopt;
    return found->second;
  }
  std::optional<std::string> record_heartbeat(const pg::AgentRef& agent,
                                              const nlohmann::json& capabilities,
                                              const nlohmann::json& metrics,
                                              std::string_view status,
                                              const pg::MachineIdentity& identity) override {
    std::lock_guard lock(mutex_);
    fail_if_asked();
    heartbeats.push_back({agent, capabilities, metrics, std::string(status), identity});
    return clone_evidence;
  }
  model::Result<pg::WriteReport> write_batch(const pg::AgentRef&,
                                             const model::Batch& batch) override {
    std::lock_guard lock(mutex_);
    fail_if_asked();
    batches.push_back(batch);
    return write_result;
  }
  void ping() override {
    std::lock_guard lock(mutex_);
    fail_if_asked();
  }

 private:
  void fail_if_asked() const {
    if (down) throw pg::DbError("connection to server on socket failed: refused", "08006", true);
    if (!failing_state.empty())
      throw pg::DbError("value too long for type character varying(100)", failing_state, false);
  }
  std::mutex mutex_;
};

// A known agent's key, as the store knows it.
struct FakeAgent {
  std::string key;
  pg::AgentRef ref;
};

// Requests per second and burst of a limiter; the defaults never limit a test.
struct Budget {
  double per_second = 1000;
  double burst = 1000;
};

struct RoutesFixture {
  static constexpr std::size_t kMaxBatchFindings = 250;
  static constexpr std::chrono::seconds kRetryAfter{7};

  // `per_agent` also limits enrollments per client address (routes.hpp).
  explicit RoutesFixture(Budget per_agent = {}, Budget failed_auth_budget = {})
      : limiter(per_agent.per_second, per_agent.burst),
        failed_auth(failed_auth_budget.per_second, failed_auth_budget.burst),
        routes(store, metrics, limiter, failed_auth,
               {kRetryAfter, std::chrono::seconds(60), kMaxBatchFindings}) {}

  FakeAgent agent(const std::string& id, bool revoked = false) {
    FakeAgent made{ingest::new_secret(ingest::kApiKeyPrefix), {id, "company-" + id}};
    store.agents[ingest::stored_form(made.key).hash] = {made.ref, revoked};
    return made;
  }

  ingest::Response call(const std::string& method, const std::string& path,
                        const std::string& body = "", const std::string& key = "",
                        const std::string& content_type = "application/json") {
    ingest::Request request;
    request.method = method;
    request.target = path;
    request.content_type = content_type;
    request.authorization = key.empty() ? "" : "Bearer " + key;
    request.body = body;
    request.remote_address = "192.0.2.7";
    return routes.handle(request);
  }
  ingest::Response post(const std::string& path, const std::string& body,
                        const std::string& key = "") {
    return call("POST", path, body, key);
  }

  FakeStore store;
  ingest::Metrics metrics;
  ingest::RateLimiter limiter;
  ingest::RateLimiter failed_auth;
  ingest::Routes routes;
};

// The body as JSON, or a failed check naming what was not.
inline nlohmann::json body_of(const ingest::Response& response) {
  const auto parsed = nlohmann::json::parse(response.body, nullptr, false);
  if (parsed.is_discarded()) FAIL("not JSON: " << response.body);
  return parsed;
}

inline nlohmann::json error_body(const std::string& code, const std::string& message,
                                 const std::vector<std::string>& problems = {}) {
  nlohmann::json error = {{"code", code}, {"message", message}};
  if (!problems.empty()) error["problems"] = problems;
  return {{"error", error}};
}

}  // namespace zt::test
