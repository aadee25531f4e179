#include "tests/bench/fleet_load.hpp"

#include <utility>  // before Boost: 1.74's awaitable.hpp uses std::exchange without it

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <memory>
#include <queue>

namespace zt::bench {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using asio::use_awaitable;
using Stream = beast::ssl_stream<beast::tcp_stream>;

struct Later {
  bool operator()(const LoadRequest& a, const LoadRequest& b) const { return a.due > b.due; }
};

double ms_between(LoadClock::time_point from, LoadClock::time_point to) {
  return std::chrono::duration<double, std::milli>(to - from).count();
}

// The run's shared state: one thread touches it, so no lock.
struct Run {
  Run(const LoadTarget& t, const NextRequest& n, LoadClock::time_point u)
      : target(t), next(n), until(u) {}

  const LoadTarget& target;
  const NextRequest& next;
  LoadClock::time_point until;
  asio::ssl::context tls{asio::ssl::context::tls_client};
  std::priority_queue<LoadRequest, std::vector<LoadRequest>, Later> due;
  std::size_t in_flight = 0;  // requests sent and not yet answered
  LoadFigures figures;
};

// How long a connection without a due request sleeps before it looks again: the bound on how
// late a request queued meanwhile may start.
constexpr auto kPoll = std::chrono::milliseconds(2);

asio::awaitable<std::unique_ptr<Stream>> connect(Run& run) {
  auto executor = co_await asio::this_coro::executor;
  asio::ip::tcp::resolver resolver(executor);
  const auto endpoints = co_await resolver.async_resolve(
      run.target.host, std::to_string(run.target.port), use_awaitable);
  auto stream = std::make_unique<Stream>(executor, run.tls);
  stream->set_verify_mode(asio::ssl::verify_peer);
  stream->set_verify_callback(asio::ssl::host_name_verification(run.target.host));
  beast::get_lowest_layer(*stream).expires_after(std::chrono::seconds(30));
  co_await beast::get_lowest_layer(*stream).async_connect(endpoints, use_awaitable);
  co_await stream->async_handshake(asio::ssl::stream_base::client, use_awaitable);
  ++run.figures.connections_opened;
  co_return stream;
}

asio::awaitable<LoadAnswer> exchange(Run& run, std::unique_ptr<Stream>& stream,
                                     beast::flat_buffer& buffer, const LoadRequest& request) {
  if (!stream) stream = co_await connect(run);
  http::request<http::string_body> message{http::verb::post, request.route, 11};
  message.set(http::field::host, run.target.host);
  message.set(http::field::content_type, "application/json");
  if (!request.key.empty()) message.set(http::field::authorization, "Bearer " + request.key);
  message.keep_alive(!run.target.reconnect);
  message.body() = request.body;
  message.prepare_payload();
  beast::get_lowest_layer(*stream).expires_after(std::chrono::seconds(60));
  co_await http::async_write(*stream, message, use_awaitable);
  http::response<http::string_body> answer;
  co_await http::async_read(*stream, buffer, answer, use_awaitable);
  if (run.target.reconnect || !answer.keep_alive()) stream.reset();
  co_return LoadAnswer{static_cast<int>(answer.result_int()), std::move(answer.body()), ""};
}

// One connection: sends the earliest due request, one at a time. It sleeps until the earliest
// is due (kPoll at most, as an answer may queue an earlier one) and stops at `until`, or when
// nothing is queued and nothing is in flight (only an answer queues a request).
asio::awaitable<void> connection(Run& run) {
  asio::steady_timer timer(co_await asio::this_coro::executor);
  std::unique_ptr<Stream> stream;
  beast::flat_buffer buffer;
  for (;;) {
    const auto now = LoadClock::now();
    if (now >= run.until || (run.due.empty() && run.in_flight == 0)) co_return;
    if (run.due.empty() || run.due.top().due > now) {
      const auto wake = run.due.empty() ? now + kPoll : std::min(run.due.top().due, now + kPoll);
      timer.expires_at(wake);
      co_await timer.async_wait(use_awaitable);
      continue;
    }
    const LoadRequest request = run.due.top();
    run.due.pop();
    ++run.in_flight;
    const auto sent = LoadClock::now();
    RouteFigures& figures = run.figures.routes[request.route];
    figures.start_delays_ms.push_back(ms_between(request.due, sent));
    LoadAnswer answer;
    try {
      answer = co_await exchange(run, stream, buffer, request);
      figures.latencies_ms.push_back(ms_between(sent, LoadClock::now()));
      ++figures.answered;
      ++figures.statuses[answer.status];
    } catch (const std::exception& e) {  // Asio's and Beast's errors, TLS's
      answer.error = e.what();
      ++figures.failures[answer.error];
      stream.reset();
      buffer.clear();
    }
    if (auto following = run.next(request, answer); following && following->due < run.until)
      run.due.push(std::move(*following));
    --run.in_flight;
  }
}

}  // namespace

LoadFigures run_load(const LoadTarget& target, std::vector<LoadRequest> first,
                     const NextRequest& next, LoadClock::time_point until) {
  asio::io_context io(1);
  Run run(target, next, until);
  run.tls.load_verify_file(target.ca_file);
  for (LoadRequest& request : first)
    if (request.due < until) run.due.push(std::move(request));
  const auto start = LoadClock::now();
  for (std::size_t c = 0; c < std::max<std::size_t>(target.connections, 1); ++c)
    asio::co_spawn(io, connection(run), asio::detached);
  io.run();
  run.figures.seconds = std::chrono::duration<double>(LoadClock::now() - start).count();
  return std::move(run.figures);
}

}  // namespace zt::bench
