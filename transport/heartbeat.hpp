#pragma once
// Heartbeat: tells the ingest that the agent is alive, what it can do and how it is doing
// (POST /api/v1/heartbeat; the body is heartbeat_body(), delivery_metrics.hpp, with the
// machine identity given at construction: the boot id lets the ingest tell two machines
// sharing one api key apart). It runs on
// its own thread with its own IngestClient, so an upload in flight or a long upload backoff
// never delays it.
//
// Schedule: the first beat as soon as there is a key, then one every `interval`. The
// ingest's answer may advise another interval (heartbeat_interval_seconds, taken when within
// [1 s, 1 h]); a Retry-After is a floor for the wait before the next beat. A failed beat is
// not retried early: the next one carries the same news.
//
// Answers:
//   2xx          counted; the drop record the beat carried is cleared from the spool
//                (Spool::clear_reported_drops); a key refused earlier is confirmed
//                (Credentials::confirmed) and `on_key_event` runs, so uploads resume.
//   401/403      Credentials::refused() and `on_key_event` (the upload loop re-enrolls or
//                stops). The heartbeat goes on beating with that key: if the ingest accepts
//                it again, uploads resume.
//   anything else  counted and logged (rate limited).
// A beat without a key (not enrolled yet) is skipped; poke() sends one at once when a key
// arrives.
//
// Threads: start()/stop() from the owner's thread; poke() and fill() from any thread.
// stop() returns promptly, bar a request in flight (bounded by the client's total timeout).
// The providers are called on the heartbeat's thread and on the one calling farewell().
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "transport/credentials.hpp"
#include "transport/delivery_log.hpp"
#include "transport/delivery_metrics.hpp"
#include "transport/http_client.hpp"
#include "transport/spool.hpp"

namespace zt::transport {

class Heartbeat {
 public:
  using AgentInfoProvider = std::function<model::AgentInfo()>;
  // The delivery's stats, heartbeat fields included (fill()).
  using StatsProvider = std::function<DeliveryStats()>;

  Heartbeat(std::chrono::seconds interval, std::unique_ptr<IngestClient> client, Spool& spool,
            Credentials& credentials, model::MachineIdentity identity, AgentInfoProvider agent_info,
            StatsProvider stats, std::function<void()> on_key_event);
  ~Heartbeat();
  Heartbeat(const Heartbeat&) = delete;
  Heartbeat& operator=(const Heartbeat&) = delete;

  void start();
  void stop();
  // A key just became usable: beat now if the last beat was skipped for want of one.
  void poke();

  // One beat with status "stopping" on `client`, on the caller's thread, after stop(); only
  // when there is a usable key. False when not sent or not accepted.
  bool farewell(IngestClient& client);

  // Sets the heartbeat fields of `stats`.
  void fill(DeliveryStats& stats) const;

 private:
  // One beat on `client`; the wait before the next one.
  std::chrono::milliseconds beat(IngestClient& client,
                                 std::optional<model::AgentStatus> status = std::nullopt);
  void run();

  const std::unique_ptr<IngestClient> client_;
  Spool& spool_;
  Credentials& credentials_;
  const model::MachineIdentity identity_;
  const AgentInfoProvider agent_info_;
  const StatsProvider stats_;
  const std::function<void()> on_key_event_;
  LogLimiter log_limit_;

  mutable std::mutex mutex_;  // guards everything below
  std::condition_variable wake_;
  bool stop_ = false;
  bool poked_ = false;
  bool skipped_ = false;  // the last beat had no key to go with
  std::chrono::seconds interval_;
  std::uint64_t ok_ = 0;
  std::uint64_t failed_ = 0;
  std::uint64_t unauthorized_ = 0;
  std::optional<model::Timestamp> last_ok_at_;

  std::thread thread_;  // last: started after everything above exists
};

}  // namespace zt::transport
