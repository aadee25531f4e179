#include "transport/credentials.hpp"

#include <exception>
#include <fstream>
#include <iterator>
#include <system_error>
#include <utility>

#include "transport/delivery_log.hpp"
#include "transport/enrollment.hpp"
#include "transport/machine_identity.hpp"

namespace zt::transport {

std::string_view to_string(KeySource source) {
  switch (source) {
    case KeySource::none:
      return "none";
    case KeySource::config:
      return "config";
    case KeySource::key_file:
      return "key_file";
    case KeySource::enrolled:
      return "enrolled";
  }
  return "unknown";
}

namespace {

std::filesystem::path revocation_file(const std::filesystem::path& state_dir) {
  return state_dir / "agent.revoked";
}

}  // namespace

std::optional<std::string> read_revocation(const std::filesystem::path& state_dir) {
  std::ifstream in(revocation_file(state_dir));
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void Credentials::note_revocation(const std::optional<std::string>& message) const {
  const std::filesystem::path file = revocation_file(options_.state_dir);
  if (!message) {
    std::error_code ec;
    std::filesystem::remove(file, ec);
    if (ec) delivery_log()->warn("cannot remove {}: {}", file.string(), ec.message());
    return;
  }
  std::ofstream out(file, std::ios::trunc);
  out << *message;
  if (!out.flush()) delivery_log()->warn("cannot write {}", file.string());
}

Credentials::Credentials(CredentialOptions options, AgentInfoProvider agent_info)
    : options_(std::move(options)), agent_info_(std::move(agent_info)), store_(options_.state_dir) {}

Credentials::Step Credentials::ready(bool new_key) {
  std::lock_guard lock(mutex_);
  problem_.clear();
  return Step{Next::ready, new_key, std::nullopt, {}};
}

Credentials::Step Credentials::blocked(std::string message) {
  std::lock_guard lock(mutex_);
  problem_ = message;
  return Step{Next::blocked, false, std::nullopt, std::move(message)};
}

Credentials::Step Credentials::acquire(IngestClient& client) {
  std::string refusal;
  bool had_key = false;
  {
    std::lock_guard lock(mutex_);
    if (!key_.empty() && !refused_) return Step{Next::ready, false, std::nullopt, {}};
    ++checks_;
    refusal = refusal_;
    had_key = !key_.empty();
  }

  if (!options_.configured_api_key.empty()) {
    if (had_key)
      return blocked("the ingest refused the api key set in the configuration (server.api_key): " +
                     refusal +
                     "; set a valid key, or remove it so that the agent enrolls with "
                     "server.enrollment_token");
    {
      std::lock_guard lock(mutex_);
      key_ = options_.configured_api_key;
      source_ = KeySource::config;
    }
    delivery_log()->info("using the api key from the configuration (server.api_key)");
    return ready(true);
  }

  auto stored = store_.load();
  if (!stored) return blocked(stored.error().message);
  if (stored.value()) {
    StoredKey& found = *stored.value();
    bool adopted = false;
    {
      std::lock_guard lock(mutex_);
      if (key_.empty() || found.api_key != key_) {
        key_ = found.api_key;
        source_ = KeySource::key_file;
        agent_id_ = found.agent_id;
        refused_ = false;
        adopted = true;
      }
    }
    if (adopted) {
      delivery_log()->info("using the api key stored in {} (agent {})", store_.file().string(),
                           found.agent_id);
      return ready(true);
    }
  }

  if (options_.enrollment_token.empty()) {
    if (!had_key)
      return blocked("no api key: set server.api_key, or server.enrollment_token so that the "
                     "agent enrolls");
    return blocked("the ingest refused the api key (" + refusal +
                   ") and no enrollment token is configured to get a new one; set "
                   "server.enrollment_token or server.api_key");
  }
  {
    std::lock_guard lock(mutex_);
    const bool recheck = revoked_ && std::chrono::steady_clock::now() - revoked_seen_ >=
                                         options_.revoked_recheck;
    if (!enroll_refused_.empty() && !recheck) {
      problem_ = enroll_refused_;
      return Step{Next::blocked, false, std::nullopt, enroll_refused_};
    }
  }
  return enroll(client);
}

Credentials::Step Credentials::enroll(IngestClient& client) {
  EnrollmentRequest request;
  request.token = options_.enrollment_token;
  try {
    request.agent = agent_info_();
  } catch (const std::exception& e) {
    const std::string message =
        std::string("cannot enroll yet: the agent's info is not available (") + e.what() + ")";
    std::lock_guard lock(mutex_);
    problem_ = message;
    return Step{Next::retry, false, std::nullopt, message};
  }
  request.identity = read_machine_identity(options_.host_root);
  delivery_log()->info("enrolling with the ingest at {}", client.base_url());
  {
    std::lock_guard lock(mutex_);
    ++enroll_attempts_;
  }

  EnrollmentResult result = transport::enroll(client, request);
  switch (result.outcome) {
    case Outcome::delivered: {
      Enrolled& enrolled = *result.enrolled;
      const StoredKey stored{enrolled.agent_id, enrolled.api_key, model::now()};
      const model::Status saved = store_.save(stored);
      if (saved)
        delivery_log()->info("enrolled as agent {}; the api key is stored in {}",
                             enrolled.agent_id, store_.file().string());
      else
        delivery_log()->error(
            "enrolled as agent {}, but {}; the key is used until the agent stops, and the next "
            "start has to enroll again",
            enrolled.agent_id, saved.error().message);
      {
        std::lock_guard lock(mutex_);
        key_ = enrolled.api_key;
        source_ = KeySource::enrolled;
        agent_id_ = enrolled.agent_id;
        refused_ = false;
        refusal_.clear();
        enroll_refused_.clear();
        revoked_ = false;
        unsaved_ = !saved;
        ++enrollments_;
      }
      note_revocation(std::nullopt);
      return ready(true);
    }
    case Outcome::retry:
    case Outcome::server_error: {  // enroll() answers retry for both
      std::lock_guard lock(mutex_);
      problem_ = result.message;
      return Step{Next::retry, false, result.retry_after, result.message};
    }
    case Outcome::unauthorized:
      if (result.revoked) {
        const auto minutes =
            std::chrono::duration_cast<std::chrono::minutes>(options_.revoked_recheck).count();
        std::lock_guard lock(mutex_);
        revoked_ = true;
        revoked_seen_ = std::chrono::steady_clock::now();
        enroll_refused_ = result.message + "; scans are kept in the spool (the oldest dropped at "
                          "its bound) and enrolling is tried again every " +
                          std::to_string(minutes) + " min";
        problem_ = enroll_refused_;
        note_revocation(result.message);
        return Step{Next::blocked, false, std::nullopt, enroll_refused_};
      }
      [[fallthrough]];
    case Outcome::too_large:  // enroll() answers rejected for these
    case Outcome::send_whole:
    case Outcome::rejected: {
      std::lock_guard lock(mutex_);
      enroll_refused_ = result.message;
      problem_ = result.message;
      return Step{Next::blocked, false, std::nullopt, result.message};
    }
  }
  return blocked(result.message);
}

std::optional<config::Secret> Credentials::key() const {
  std::lock_guard lock(mutex_);
  if (key_.empty() || refused_) return std::nullopt;
  return key_;
}

std::optional<config::Secret> Credentials::current_key() const {
  std::lock_guard lock(mutex_);
  if (key_.empty()) return std::nullopt;
  return key_;
}

void Credentials::refused(const config::Secret& key, std::string_view reason) {
  std::lock_guard lock(mutex_);
  if (key != key_) return;
  ++refusals_;
  refused_ = true;
  refusal_ = std::string(reason);
}

bool Credentials::confirmed(const config::Secret& key) {
  bool restored = false;
  {
    std::lock_guard lock(mutex_);
    if (key != key_ || !refused_) return false;
    refused_ = false;
    refusal_.clear();
    problem_.clear();
    restored = revoked_;
    if (restored) {  // the revocation is over, and so is the refused enrollment
      revoked_ = false;
      enroll_refused_.clear();
    }
  }
  if (restored) {
    delivery_log()->info("the ingest accepts agent {} again (restored)", status().agent_id);
    note_revocation(std::nullopt);
  }
  return true;
}

CredentialStatus Credentials::status() const {
  std::lock_guard lock(mutex_);
  CredentialStatus status;
  status.source = source_;
  status.usable = !key_.empty() && !refused_;
  status.refused = refused_;
  status.agent_id = agent_id_;
  status.enrollments = enrollments_;
  status.refusals = refusals_;
  status.problem = problem_;
  status.unsaved = unsaved_;
  status.checks = checks_;
  status.enroll_attempts = enroll_attempts_;
  status.revoked = revoked_;
  return status;
}

}  // namespace zt::transport
