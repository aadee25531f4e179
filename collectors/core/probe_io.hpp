#pragma once
// The steps of a probe check (probe_engine.hpp) with one of this host's listeners: connect,
// send, receive, on a Beast tcp_stream, each bounded by the deadline it is given. Asio
// coroutines; they run on the stream's executor. Failures are values, never exceptions:
// "connect: Connection refused", "connect: timed out", "receive: Connection reset by peer",
// "not a numeric ipv6 address: fe80::1%eth0".
#include <utility>  // first: Boost 1.74's awaitable.hpp uses std::exchange without it

#include <boost/asio/awaitable.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "collectors/core/loopback_socket.hpp"

namespace zt::collector {

using ProbeStream = boost::beast::tcp_stream;

struct IoStatus {
  std::string error;  // empty: done
  bool timed_out = false;
  bool ok() const { return error.empty(); }
};

// Connects `stream` (made on the check's executor) to `target`.
boost::asio::awaitable<IoStatus> connect_stream(ProbeStream& stream, const Endpoint& target,
                                                DeadlineClock::time_point deadline);

// Sends all of `bytes`.
boost::asio::awaitable<IoStatus> send_bytes(ProbeStream& stream, std::string_view bytes,
                                            DeadlineClock::time_point deadline);

// Appends what the peer sends to `bytes` until `enough(bytes)` holds, `bytes` holds `max`
// bytes, the peer closes or the deadline passes. The peer closing is no error; the deadline
// is ("receive: timed out", with `timed_out`), as is a failed connection ("receive:
// Connection reset by peer"). What arrived before any of these is kept.
boost::asio::awaitable<IoStatus> receive_until(
    ProbeStream& stream, std::string& bytes, std::size_t max,
    const std::function<bool(std::string_view)>& enough, DeadlineClock::time_point deadline);

}  // namespace zt::collector
