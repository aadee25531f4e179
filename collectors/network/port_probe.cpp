#include "collectors/network/port_probe.hpp"

#include <algorithm>
#include <array>

namespace zt::network {
namespace {

using boost::asio::awaitable;

constexpr std::array<TlsCap, 2> kLegacyCaps = {TlsCap::tls1_0, TlsCap::tls1_1};

bool passed(Deadline deadline) { return DeadlineClock::now() >= deadline; }

// One of `parts` equal parts of the time left: for a step that more steps may follow.
Deadline share_of(Deadline deadline, int parts) {
  const auto now = DeadlineClock::now();
  return deadline <= now ? deadline : now + (deadline - now) / parts;
}

// What the port said in cleartext, first or to `ask`.
void record_reply(Listener& listener, const std::string& expected, Ask ask, std::string bytes) {
  std::optional<BannerInfo> info =
      ask == Ask::nothing ? parse_banner(bytes) : parse_answer(ask, bytes);
  if (info && ask != Ask::nothing && !expected.empty()) info->service = expected;
  listener.banner = std::move(info);
  listener.banner_bytes = std::move(bytes);
}

// The main handshake (by `main_deadline`) and, after a good one, the capped and the
// weak-cipher ones; the observation is kept when the main one succeeded. Returns the main one.
awaitable<TlsResult> probe_tls(LocalProber& prober, Listener& listener, Endpoint target,
                               bool postgres, Deadline main_deadline, Deadline deadline) {
  TlsObservation tls;
  const TlsAttempt main{TlsCap::none, false, postgres};
  tls.main = co_await prober.tls(target, main, main_deadline);
  if (!tls.main.handshake_ok) co_return tls.main;
  for (const TlsCap cap : kLegacyCaps) {
    if (passed(deadline)) break;
    const TlsAttempt capped_attempt{cap, false, postgres};
    const TlsResult capped = co_await prober.tls(target, capped_attempt, deadline);
    if (capped.handshake_ok && !capped.protocol.empty() &&
        std::find(tls.legacy.begin(), tls.legacy.end(), capped.protocol) == tls.legacy.end())
      tls.legacy.push_back(capped.protocol);
  }
  if (!passed(deadline)) {
    const TlsAttempt weak_attempt{TlsCap::none, true, postgres};
    const TlsResult weak = co_await prober.tls(target, weak_attempt, deadline);
    tls.weak_check_done = !weak.timed_out;
    if (weak.handshake_ok) tls.weak_cipher = weak.cipher;
  }
  TlsResult result = tls.main;
  listener.tls = std::move(tls);
  co_return result;
}

}  // namespace

awaitable<void> probe_port(LocalProber& prober, Listener& listener, Endpoint target,
                           PortProbeSettings settings, Deadline deadline) {
  const std::string expected = service_name(listener);
  const Approach approach = approach_for(expected);
  if (approach.opening == Opening::tls || approach.opening == Opening::postgres) {
    if (!settings.tls) co_return;
    const bool postgres = approach.opening == Opening::postgres;
    const TlsResult main =
        co_await probe_tls(prober, listener, target, postgres, deadline, deadline);
    if (main.postgres_answer != 0) listener.banner = BannerInfo{"postgresql", ""};
    co_return;
  }

  // A port nothing names is asked three questions: does it greet, does it speak TLS, does it
  // answer HTTP. The first two get a quarter of its time each (servers on this host answer
  // in milliseconds); one that answered neither is silent and is left at half its time.
  const bool unknown = approach.opening == Opening::unknown;
  if (settings.banners) {
    const Deadline until = unknown ? share_of(deadline, 4)
                           : settings.tls ? share_of(deadline, 2)
                                          : deadline;
    BannerResult said = co_await prober.exchange(target, approach.ask, until);
    if (!said.connected) co_return;  // refused or unreachable: nothing more to learn
    if (!said.bytes.empty()) {       // it spoke in cleartext: not a TLS port
      record_reply(listener, expected, approach.ask, std::move(said.bytes));
      co_return;
    }
  }
  bool handshake_timed_out = false;
  if (settings.tls && !passed(deadline)) {
    const Deadline main_deadline = unknown && settings.banners ? share_of(deadline, 3) : deadline;
    const TlsResult main =
        co_await probe_tls(prober, listener, target, false, main_deadline, deadline);
    if (main.handshake_ok) co_return;
    handshake_timed_out = main.timed_out;
  }
  // A server that neither greets nor speaks TLS, and answered the handshake at once (an HTTP
  // server answers a ClientHello with a 400): most often HTTP.
  if (unknown && settings.banners && !handshake_timed_out && !passed(deadline)) {
    BannerResult answer = co_await prober.exchange(target, Ask::http_head, deadline);
    if (!answer.bytes.empty())
      record_reply(listener, expected, Ask::http_head, std::move(answer.bytes));
  }
}

}  // namespace zt::network
