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
//   An enrollment refused because this machine's agent was revoked (enrollment.hpp) is
//   `blocked` and `revoked` too, but tried again every revoked_recheck; and the heartbeat,
//   still trying the refused key, sees `zerotrace-ingest agent restore` (confirmed()), which
//   ends the revocation at once. While revoked, <state_dir>/agent.revoked holds the ingest's
//   message, so that `--list-collectors` (another process) can say so; it is removed when
//   the revocation ends (restored, or enrolled again).
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

// The ingest's message while this machine's agent is revoked (<state_dir>/agent.revoked);
// nullopt when it is not (or the file cannot be read).
std::optional<std::string> read_revocation(const std::filesystem::path& state_dir);
std::string_view to_string(KeySource source);

struct CredentialOptions {
  config::Secret configured_api_key;
  config::Secret enrollment_token;
  std::filesystem::path state_dir;         // holds agent.key
  std::filesystem::path host_root = "/";   // for the machine identity sent when enrolling
  // While the ingest refuses this machine as revoked, how often enrolling is tried again.
  std::chrono::milliseconds revoked_recheck{std::chrono::hours(1)};
};

// What the metrics say about the key. No secret in here.
struct CredentialStatus {
  KeySource source = KeySource::none;
  bool usable = false;   // a key is in use and the ingest has not refused it
  bool refused = false;  // the key in use was refused (and not confirmed since)
  std::string agent_id;  // known when the key came from the key file or an enrollment
  std::uint64_t enrollments = 0;  // succeeded, in this process
  std::uint64_t refusals = 0;     // 401/403 answers reported with refused()
  std::uint64_t checks = 0;       // acquire() calls that found no usable key in hand
  std::uint64_t enroll_attempts = 0;  // enrollment requests sent, in this process
  // The ingest refused to enroll this machine again because its agent was revoked (and
  // nothing has brought it back since).
  bool revoked = false;
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
  // Writes or removes <state_dir>/agent.revoked; a failure is logged (the state is kept in
  // memory all the same).
  void note_revocation(const std::optional<std::string>& message) const;

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
  bool revoked_ = false;         // enroll_refused_ says this machine's agent was revoked
  std::chrono::steady_clock::time_point revoked_seen_;  // when the ingest last said so
  std::uint64_t checks_ = 0;
  std::uint64_t enroll_attempts_ = 0;
  std::string problem_;
  std::uint64_t enrollments_ = 0;
  std::uint64_t refusals_ = 0;
  bool unsaved_ = false;
};

}  // namespace zt::transport
