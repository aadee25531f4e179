#pragma once
// Credentials: which api key the agent sends, and what happens when the ingest refuses it.
//
// The key, in this order:
//   1. the configuration's key (server.api_key), when set;
//   2. else the key stored in <state_dir>/agent.key (KeyStore) by an earlier enrollment;
//   3. else, with an enrollment token configured, a new key: acquire() enrolls
//      (enrollment.hpp), stores the key 0600 and uses it from then on. The token is not
//      needed again.
//
// When the ingest refuses the key in use (401/403, reported with refused()):
//   - a stored or enrolled key, with a token configured: acquire() enrolls again and
//     replaces the stored key;
//   - otherwise no key is usable (acquire() says `blocked`) until one of: a request made
//     with the refused key is accepted after all (confirmed(): the refusal was the
//     server's mistake; the heartbeat keeps trying the key, so this is noticed), the key
//     file holds another key (acquire() re-reads it each time), or a new configuration
//     makes a new Credentials.
//   A refused *configured* key is never replaced by enrolling, even with a token set: the
//   configuration would still name it, so every restart would enroll yet another agent.
//   An enrollment refused for good (the token is unknown, revoked, expired or used up; or
//   the ingest rejects the request) is not tried again by this object: `blocked`.
//   A key file that is there but unusable (too open, wrong owner, corrupt: KeyStore) is not
//   overwritten by enrolling: `blocked`, with the KeyStore's message.
//
// Threads: acquire() is called from one thread (the upload loop; it may enroll, which is
// network I/O done without holding the lock). Everything else may be called from any thread.
// Secrets: keys and the token are config::Secret and never reach a log line or a message.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "schema-client/config/secret.hpp"
#include "schema-client/model/batch.hpp"
#include "transport/http_client.hpp"
#include "transport/key_store.hpp"

namespace zt::transport {

enum class KeySource { none, config, key_file, enrolled };
std::string_view to_string(KeySource source);

struct CredentialOptions {
  config::Secret configured_api_key;
  config::Secret enrollment_token;
  std::filesystem::path state_dir;         // holds agent.key
  std::filesystem::path host_root = "/";   // for the machine identity sent when enrolling
};

// What the metrics say about the key. No secret in here.
struct CredentialStatus {
  KeySource source = KeySource::none;
  bool usable = false;   // a key is in use and the ingest has not refused it
  bool refused = false;  // the key in use was refused (and not confirmed since)
  std::string agent_id;  // known when the key came from the key file or an enrollment
  std::uint64_t enrollments = 0;  // succeeded, in this process
  std::uint64_t refusals = 0;     // 401/403 answers reported with refused()
  std::string problem;            // why no key is usable; "" when one is
  // An enrolled key that could not be stored in the key file: it is used, but a restart
  // will have to enroll again.
  bool unsaved = false;
};

class Credentials {
 public:
  // Gives the agent's info for the enrollment request (name, hostname and version at
  // least). Called on the acquire() thread; may throw (treated as "try again later").
  using AgentInfoProvider = std::function<model::AgentInfo()>;

  Credentials(CredentialOptions options, AgentInfoProvider agent_info);

  enum class Next {
    ready,    // key() has a usable key
    retry,    // enrollment did not complete (no answer, 408, 429, 5xx): back off, call again
    blocked,  // no key can be had without a person: stop uploading, call again later
  };
  struct Step {
    Next next = Next::blocked;
    bool new_key = false;  // ready with another key than before this call
    std::optional<std::chrono::seconds> retry_after;
    std::string message;  // for retry and blocked: what is wrong and what to do
  };

  // Makes sure a usable key is there: cheap when one is (no I/O); else re-reads the key
  // file, or enrolls on `client`.
  Step acquire(IngestClient& client);

  // The usable key; nullopt when there is none (acquire() first) or it was refused.
  std::optional<config::Secret> key() const;
  // The key in use even when refused (the heartbeat keeps trying it); nullopt when none.
  std::optional<config::Secret> current_key() const;

  // The ingest refused `key` (401/403) for `reason`. Ignored when `key` is no longer the
  // key in use (an answer to an older request).
  void refused(const config::Secret& key, std::string_view reason);
  // A request made with `key` was accepted. True when that makes a refused key usable
  // again (the caller then wakes whoever waits for a key).
  bool confirmed(const config::Secret& key);

  CredentialStatus status() const;

 private:
  Step ready(bool new_key);
  Step blocked(std::string message);
  Step enroll(IngestClient& client);

  const CredentialOptions options_;
  const AgentInfoProvider agent_info_;
  const KeyStore store_;

  mutable std::mutex mutex_;  // guards everything below
  config::Secret key_;
  KeySource source_ = KeySource::none;
  std::string agent_id_;
  bool refused_ = false;
  std::string refusal_;          // the ingest's reason for the last refusal
  std::string enroll_refused_;   // set once an enrollment was refused for good: why
  std::string problem_;
  std::uint64_t enrollments_ = 0;
  std::uint64_t refusals_ = 0;
  bool unsaved_ = false;
};

}  // namespace zt::transport
