#pragma once
// Delivery: the agent's upload loop and heartbeat (docs/ARCHITECTURE.md). Scans wait whole
// in the Spool; one thread takes the oldest, cuts it into parts of at most `split` (or the
// smaller size the ingest advised) when it first sends it, records the cut in the spool
// (part_planner.hpp, scan_progress.hpp) and sends the parts in order to POST
// /api/v1/batches. The scan leaves the spool only once the ingest acknowledged every part.
// Scans put batches in the spool and never wait for uploads; uploads never wait for scans.
//
// What each answer to a part does (classify(), upload_outcome.hpp):
//   delivered (2xx, a duplicate too)  the part is acknowledged in the progress; after the
//                                     last part the scan leaves the spool.
//   retry (no answer, 408, 429,       the part stays; the next attempt waits
//   502, 503, 504…)                   Backoff::next(): exponential with full jitter, from
//                                     backoff.initial up to backoff.cap, and never less than
//                                     the answer's Retry-After. Never given up on.
//   server_error (500…)               as retry, and counted in the record's progress (so a
//                                     restart does not reset it): once answered so more than
//                                     server_error_limit times over at least
//                                     server_error_span, the scan is dead-lettered like a
//                                     rejected one and the next goes on.
//   too_large (413)                   what is not acknowledged is cut again into smaller
//                                     parts (PartPlanner::recut) and sent on at once; a
//                                     single item still too large is rejected.
//   send_whole (409 baseline_mismatch) a delta whose base the ingest does not hold: the
//                                     scan is cut again whole (PartPlanner::cut_whole), with
//                                     its digest, and sent on at once; the kept baseline of
//                                     its collectors is dropped.
//   rejected (another 4xx)            the scan moves to the spool's dead-letter/ folder
//                                     with the reason (which part), is counted, and the next
//                                     one goes on.
//   unauthorized (401/403)            the batch stays; uploads stop and batches keep being
//                                     spooled. With an enrollment token the agent enrolls
//                                     again and carries on with the new key; otherwise it
//                                     waits for a usable key (credentials.hpp). Logged once
//                                     clearly, then rate limited; DeliveryStats says so.
// Differential uploads (part_planner.hpp): after an answer that says the ingest takes them
// ("differential_uploads"), scans are cut with their digest, and go as deltas against the
// baseline kept in <state_dir>/baselines (baseline_store.hpp). Once a scan's last part is
// acknowledged, its state becomes the baseline of its collectors (or the baseline is dropped
// when it went without a digest), before the record leaves the spool. A delta or digest
// refused by an ingest that does not say it takes them (an older one put back) is sent again
// whole without, not given up; so is a delta refused as too large.
// A record the model's reader refuses (a value no column takes) is given up the same way
// before anything is sent; one that is not a batch at all is quarantined.
// Pacing: between two uploads the loop waits `pacing` with ±50 % jitter, and at least the
// Retry-After of the last answer, whatever it was (a server may slow a fleet down with a
// 2xx). A backlog after an outage therefore drains at a steady rate, and a fleet coming back
// does not arrive in step. A batch spooled while the loop is idle goes out at once.
//
// The api key: the configured one, else the stored one, else enroll (credentials.hpp).
// The heartbeat (heartbeat.hpp) runs on a second thread with its own client.
//
// Threads: create() on any thread; start(), stop() and the destructor from the owner's
// thread; stats() from any. `agent_info` is called from both delivery threads (the
// heartbeat's body, the enrollment request): it must be thread-safe. The Spool must outlive
// the Delivery.
// request_stop() (any thread, never blocks) aborts the requests in flight (libcurl's progress
// callback, ClientOptions::abort) and ends the loops; stop() does that, sends if there is a
// usable key a last heartbeat with status "stopping" bounded by stopping_heartbeat_timeout,
// and waits for the threads: it returns within about a second plus that timeout, whatever
// the server does. A part whose upload was not acknowledged stays in the spool (an upload
// answered while stopping is still acknowledged).
// Secrets: the api key and the token are config::Secret; neither reaches a log line.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <thread>

#include "schema-client/config/secret.hpp"
#include "schema-client/model/batch.hpp"
#include "schema-client/model/result.hpp"
#include "transport/backoff.hpp"
#include "transport/baseline_store.hpp"
#include "transport/credentials.hpp"
#include "transport/delivery_log.hpp"
#include "transport/delivery_metrics.hpp"
#include "transport/heartbeat.hpp"
#include "transport/http_client.hpp"
#include "transport/part_planner.hpp"
#include "transport/spool.hpp"
#include "transport/upload_outcome.hpp"

namespace zt::transport {

struct DeliveryOptions {
  ClientOptions client;
  BackoffPolicy backoff;
  std::chrono::milliseconds pacing{100};  // between consecutive uploads, ±50 % jitter; 0 = none
  std::chrono::seconds heartbeat_interval{60};
  config::Secret enrollment_token;
  config::Secret configured_api_key;
  std::filesystem::path state_dir;        // holds agent.key
  // Where the machine identity is read, sent when enrolling and with every heartbeat.
  std::filesystem::path host_root = "/";
  // While no key is usable, how often the loop looks at the key file again.
  std::chrono::milliseconds key_recheck{60000};
  // While the ingest refuses this machine as revoked, how often enrolling is tried again
  // (the heartbeat notices `agent restore` sooner: credentials.hpp).
  std::chrono::milliseconds revoked_recheck{std::chrono::hours(1)};
  // The last heartbeat ("stopping") on stop(): its connect and total timeout; 0 = none sent.
  std::chrono::milliseconds stopping_heartbeat_timeout{1000};
  std::optional<std::uint64_t> seed;  // for the jitter; tests fix it
  SplitLimits split;                  // parts of a scan, unless the ingest advises fewer items
  // A part answered server_error more than this many times, over at least the span, is given
  // up (dead-lettered).
  int server_error_limit = 10;
  std::chrono::seconds server_error_span{3600};
  // Every so many uploads of a scan's collectors, one is whole (the others may be deltas);
  // 1: every upload is whole.
  int full_upload_every = 24;
};

// Errors name the option: the backoff policy (validate(BackoffPolicy)), a heartbeat
// interval, key_recheck, server_error_limit or split limit that is not positive, pacing,
// stopping_heartbeat_timeout or server_error_span negative, no state_dir, full_upload_every
// not positive.
model::Status validate(const DeliveryOptions& options);

class Delivery {
 public:
  using AgentInfoProvider = std::function<model::AgentInfo()>;

  // Checks the options and makes the HTTP clients (IngestClient::create's errors). Starts
  // nothing.
  static model::Result<std::unique_ptr<Delivery>> create(DeliveryOptions options, Spool& spool,
                                                         AgentInfoProvider agent_info);
  ~Delivery();  // stop()
  Delivery(const Delivery&) = delete;
  Delivery& operator=(const Delivery&) = delete;

  // Starts the upload thread and the heartbeat thread. Once.
  void start();
  // Ends both loops and aborts their requests in flight; returns at once. Any thread.
  void request_stop();
  // request_stop(), the last heartbeat, and waits for both threads. Idempotent. Not
  // restartable.
  void stop();

  DeliveryStats stats() const;

 private:
  struct Clients {
    std::unique_ptr<IngestClient> uploads, heartbeat, farewell;
  };
  Delivery(DeliveryOptions options, Spool& spool, AgentInfoProvider agent_info, Clients clients,
           std::shared_ptr<std::atomic<bool>> abort);

  void run();
  // Makes sure a usable key is there; false when the loop has to go round again (it waited,
  // or has to wait, for a backoff, a blocked key or a stop).
  bool ensure_key();
  // Sends the next part of the record and acts on the answer.
  void upload(const SpooledBatch& record, const config::Secret& key);
  // What the answer to `part` does to the record; `progress` is the record's.
  void on_server_error(const SpooledBatch& record, const NextPart& part, ScanProgress progress,
                       const Classified& answer);
  void on_too_large(const SpooledBatch& record, const NextPart& part, ScanProgress progress,
                    const Classified& answer);
  void give_up(const SpooledBatch& record, const NextPart& part, const ScanProgress& progress,
               const std::string& why);
  // A delta or digest the ingest did not take: the scan is cut again whole and sent on.
  void send_whole(const SpooledBatch& record, const NextPart& part, ScanProgress progress,
                  const Classified& answer, bool digest);
  // Differential uploads: what the planner may use now, and the baseline a scan whose last
  // part was acknowledged leaves.
  Differential differential() const;
  void keep_baseline(const ScanProgress& progress);
  // A file of the spool could not be written: counted like a failed attempt, backoff.
  void spool_failure(const std::string& problem);
  // After an answer: the next upload waits at least `at_least` and the pacing interval.
  void pace(std::optional<std::chrono::seconds> advice, std::chrono::milliseconds at_least);
  // Waits until `deadline`, a stop, or (when `poke` is set) a poke. False on stop.
  bool wait_until(std::chrono::steady_clock::time_point deadline, bool poke = false);
  bool stopping() const;
  // A key event (refused, confirmed): wakes the upload loop wherever it waits for one.
  void poke();
  void record_failure(const std::string& reason);

  const DeliveryOptions options_;
  Spool& spool_;
  const std::shared_ptr<std::atomic<bool>> abort_;  // set on stop: ends requests in flight
  PartPlanner planner_;                             // upload thread only
  std::optional<BaselineStore> baselines_;  // upload thread only; none: no deltas
  bool ingest_differential_ = false;        // upload thread only: the last answer said so
  Credentials credentials_;
  const std::unique_ptr<IngestClient> client_;
  const std::unique_ptr<IngestClient> farewell_client_;
  Backoff backoff_;  // upload thread only
  std::mt19937_64 jitter_;  // upload thread only
  std::chrono::steady_clock::time_point not_before_{};  // upload thread only
  std::string stopped_reason_logged_;                    // upload thread only
  LogLimiter log_limit_;

  mutable std::mutex mutex_;  // guards everything below
  std::condition_variable wake_;
  bool stop_ = false;
  bool started_ = false;
  bool farewell_done_ = false;
  bool poked_ = false;
  DeliveryStats stats_;  // the upload loop's part (not credentials, not heartbeats)

  std::unique_ptr<Heartbeat> heartbeat_;
  std::thread thread_;
};

}  // namespace zt::transport
