#pragma once
// The fleet simulator's load engine: requests of many virtual agents sent to one ingest over a
// bounded pool of HTTPS keep-alive connections (TLS verified against the given CA), all from
// one thread with Asio coroutines. Each request carries its own agent's key.
//
// Requests are due at times the caller's plan gives; a free connection takes the earliest one
// once it is due (within 2 ms), sends it and reads the answer. Latency is from the first byte sent
// to the answer read whole; the start delay (how late a request left because every connection
// was busy) is the simulator's own backlog, reported apart so it never hides in the ingest's
// latency (with `reconnect`, the latency includes the connection's TCP and TLS handshakes). A
// connection that fails is counted and opened again for its next request.
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace zt::bench {

using LoadClock = std::chrono::steady_clock;

struct LoadTarget {
  std::string host = "127.0.0.1";
  std::uint16_t port = 0;
  std::string ca_file;
  std::size_t connections = 64;
  // Every request on a new connection, a full TLS handshake each (no session resumption): what
  // agents pay when the ingest's idle_timeout is shorter than their heartbeat interval.
  bool reconnect = false;
};

struct LoadRequest {
  LoadClock::time_point due;
  std::string route;  // "/api/v1/heartbeat"
  std::string key;    // the agent's api key; "" sends no Authorization
  std::string body;   // JSON
  std::size_t agent = 0;
};

struct LoadAnswer {
  int status = 0;  // 0: no answer (error says why)
  std::string body;
  std::string error;
};

// What happens after an answer: the agent's next request, or nothing when it has no more.
using NextRequest =
    std::function<std::optional<LoadRequest>(const LoadRequest& done, const LoadAnswer& answer)>;

struct RouteFigures {
  std::size_t answered = 0;
  std::vector<double> latencies_ms;
  std::vector<double> start_delays_ms;
  std::map<int, std::size_t> statuses;          // by HTTP status
  std::map<std::string, std::size_t> failures;  // no answer, by error
};

struct LoadFigures {
  std::map<std::string, RouteFigures> routes;
  double seconds = 0;
  std::size_t connections_opened = 0;
};

// Sends `first` and what `next` makes of each answer until nothing is left or `until`:
// requests due later are not sent, a request in flight then is still read.
LoadFigures run_load(const LoadTarget& target, std::vector<LoadRequest> first,
                     const NextRequest& next, LoadClock::time_point until);

}  // namespace zt::bench
