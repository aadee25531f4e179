#pragma once
// The daemon's way to the server (docs/ARCHITECTURE.md). Each finished scan's batch is
// written whole to the spool under <state_dir>/spool before any upload is tried; a
// transport::Delivery cuts it into batches of the configured size (or the smaller size the
// ingest advised; see transport/batch_splitter.hpp) as it uploads them, and sends the
// heartbeat.
// Without server.url nothing is spooled or sent: the daemon only logs its scans.
//
// apply() takes a reloaded configuration: when the server, upload, state_dir or host_root
// settings changed, the delivery stops (an upload in flight is finished or left in the
// spool) and starts again with the new ones, over the same spool files.
// Errors: create() and apply() fail when the spool folder cannot be made or the server
// settings are refused (an unreadable ca_file…); the message names the setting or path.
// apply() keeps the running delivery when the new settings fail.
// Threads: every call on one thread (the daemon's); the delivery runs its own threads.
#include <memory>
#include <string>

#include "agent/agent_info.hpp"
#include "agent/config/config.hpp"
#include "schema-client/model/batch.hpp"
#include "schema-client/model/result.hpp"

namespace zt::transport {
class Delivery;
class Spool;
}  // namespace zt::transport

namespace zt::agent {

class Uploads {
 public:
  static model::Result<std::unique_ptr<Uploads>> create(const AgentConfig& config,
                                                        std::shared_ptr<AgentInfoSource> info);
  ~Uploads();  // stop()
  Uploads(const Uploads&) = delete;
  Uploads& operator=(const Uploads&) = delete;

  // Spools the scan's batch, whole, fitted to the database's columns first (the model's
  // checks, as the ingest runs them: findings no cleaning fits are left out and logged). One
  // the spool could not store is logged (the spool has counted it as dropped, and the server
  // hears of it).
  void submit(const model::Batch& batch);
  model::Status apply(const AgentConfig& config);
  // For the STATUS line: "" while uploads go through (or without a server); else
  // "uploads stopped: <why>" (a revoked agent: "uploads stopped, agent <id> revoked") or
  // "N batch(es) wait to be uploaded, the oldest for D".
  std::string status() const;
  // Aborts the uploads in flight and ends the delivery's loops without waiting (the daemon's
  // stop begins); scans finished meanwhile are still spooled. stop() then waits.
  void request_stop();
  void stop();

 private:
  struct Running;
  explicit Uploads(std::shared_ptr<AgentInfoSource> info);
  // Makes the spool and the delivery for `config` and starts it; nullptr without a server.
  model::Result<std::unique_ptr<Running>> start(const AgentConfig& config);

  std::shared_ptr<AgentInfoSource> info_;
  AgentConfig config_;
  std::unique_ptr<Running> running_;
};

}  // namespace zt::agent
