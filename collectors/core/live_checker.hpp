#pragma once
// LiveChecker: the one request-and-answer exchange of the collectors' live checks (database,
// iot_ot), behind an interface so that tests replay recorded answers. One exchange = connect to a local endpoint, send fixed bytes,
// read until the protocol's answer is complete (or `max_bytes`, or the time limit), send the
// next request of a conversation when there is one and read again, then optionally send
// closing bytes chosen from what was read. A collector only ever hands it
// loopback endpoints of this host's own listeners (loopback_target below). The system
// implementation (live_checker_linux.cpp) uses non-blocking POSIX sockets bounded by poll()
// deadlines. Methods never throw; failures are values. Not thread-safe per instance.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "collectors/core/collector.hpp"
#include "collectors/core/host_sockets.hpp"
#include "collectors/core/loopback_socket.hpp"

namespace zt::collector {

struct Exchange {
  std::string send;  // may be empty: the server speaks first
  std::function<bool(std::string_view received)> complete;
  // A conversation of several requests (OPC UA's hello, secure channel, then the request):
  // once an answer is complete, the next request chosen from all received so far, or "" when
  // the conversation is over. After a request, reading goes on and `complete` is asked again
  // of everything received.
  std::function<std::string(std::string_view received)> then;
  // Bytes sent after the answer is complete ("" for none), e.g. PostgreSQL's Terminate once
  // logged in.
  std::function<std::string(std::string_view received)> farewell;
  std::size_t max_bytes = 16 * 1024;
};

struct ExchangeResult {
  bool connected = false;
  std::string received;
  std::string error;  // why nothing (or not all) was read: "connect: Connection refused"
};

class LiveChecker {
 public:
  virtual ~LiveChecker() = default;
  // True when it touches this machine's sockets: the collector then uses it only when the
  // host root is "/". A checker that replays recorded answers returns false.
  virtual bool live() const = 0;
  virtual ExchangeResult exchange(const Endpoint& target, const Exchange& exchange,
                                  std::chrono::milliseconds limit) = 0;
};

std::unique_ptr<LiveChecker> make_system_checker();

// One live exchange as a collector reports it: which check, where, and what came of it.
struct LiveCheck {
  std::string check;   // "redis_ping", "mqtt_anonymous_connect", …
  std::string target;  // "127.0.0.1:6379"
  bool connected = false;
  std::string outcome;  // "answered PONG without a password", "CONNACK accepted", …
  std::string error;
};

// The record of `result` for `check` at `target`; the outcome is the caller's to write.
LiveCheck record_check(std::string_view check, const Endpoint& target,
                       const ExchangeResult& result);

// {"check", "target", "connected", "outcome", "error"}: how inventories list a check.
nlohmann::json to_json(const LiveCheck& check);

// Whether a collector's live checks run in this run, and the note its inventory gives.
struct LivePlan {
  bool enabled = false;
  std::string note;  // why not, or the limit that applies
};

// `wanted` is the collector's live_checks option; they run only where live_check_refusal
// allows. `consequence` ends the refusal: "its servers are not contacted".
LivePlan plan_live_checks(const HostFs& fs, const LiveChecker& checker, bool wanted,
                          std::chrono::milliseconds limit, std::string_view consequence);

// What a collector's capabilities() say of its live checks: "live checks disabled", "live
// checks through loopback possible" or "no live checks: <why>".
std::string live_capability(const HostFs& fs, const LiveChecker& checker, bool wanted,
                            std::string_view consequence);

// {"enabled", "note"}: how inventories show the plan.
nlohmann::json to_json(const LivePlan& plan);

// The time one check may take now: `limit`, or what is left of the run when that is less.
std::chrono::milliseconds time_for_check(const Context& context, std::chrono::milliseconds limit);

// Where to check a server that listens on `sockets`, on loopback only: its first TCP
// listener on every interface is reached at 127.0.0.1 (or ::1), a loopback one at its own
// address; a server bound only to other addresses is not contacted (nothing).
std::optional<Endpoint> loopback_target(const std::vector<ListeningSocket>& sockets);

}  // namespace zt::collector
