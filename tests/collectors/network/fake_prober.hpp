#pragma once
// A LocalProber that replays recorded results and logs the calls made to it. live() is false,
// so the collector uses it on fixture trees too. Its steps end at once (co_return), so the
// probe engine interleaves the ports' calls: compare them per target (calls_by_target).
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "collectors/network/local_prober.hpp"

namespace zt::test {

struct Recorded {
  // A greeting by (target address, port); a missing one is "connected, nothing said".
  std::map<std::pair<std::string, std::uint16_t>, network::BannerResult> banners;
  // An answer to a first message by (target address, port, ask); a missing one is the
  // banner's entry (refused, say), or else "connected, nothing said".
  std::map<std::tuple<std::string, std::uint16_t, network::Ask>, network::BannerResult> answers;
  // A missing TLS result is a failed handshake.
  std::map<std::tuple<std::string, std::uint16_t, network::TlsCap, bool>, network::TlsResult> tls;
  // "banner 127.0.0.1:22", "banner 127.0.0.1:6379 ask=redis_ping",
  // "tls 127.0.0.1:443 cap=1 weak=0", "tls 127.0.0.1:5432 cap=0 weak=0 pg=1"
  std::vector<std::string> calls;
};

// The calls grouped by their target ("127.0.0.1:443"), each in the order made.
inline std::map<std::string, std::vector<std::string>> calls_by_target(
    const std::vector<std::string>& calls) {
  std::map<std::string, std::vector<std::string>> out;
  for (const std::string& call : calls) {
    const std::size_t from = call.find(' ') + 1;
    out[call.substr(from, call.find(' ', from) - from)].push_back(call);
  }
  return out;
}

class FakeProber final : public network::LocalProber {
 public:
  explicit FakeProber(std::shared_ptr<Recorded> recorded) : recorded_(std::move(recorded)) {}
  bool live() const override { return false; }

  boost::asio::awaitable<network::BannerResult> exchange(network::Endpoint target,
                                                         network::Ask ask,
                                                         network::Deadline) override {
    const std::string where = target.address + ":" + std::to_string(target.port);
    recorded_->calls.push_back(
        "banner " + where +
        (ask == network::Ask::nothing ? "" : " ask=" + std::string(network::to_string(ask))));
    if (ask != network::Ask::nothing) {
      auto it = recorded_->answers.find({target.address, target.port, ask});
      if (it != recorded_->answers.end()) co_return it->second;
    }
    auto it = recorded_->banners.find({target.address, target.port});
    if (it != recorded_->banners.end() && (ask == network::Ask::nothing || !it->second.connected))
      co_return it->second;
    co_return network::BannerResult{true, "", ""};
  }

  boost::asio::awaitable<network::TlsResult> tls(network::Endpoint target,
                                                 network::TlsAttempt attempt,
                                                 network::Deadline) override {
    recorded_->calls.push_back("tls " + target.address + ":" + std::to_string(target.port) +
                               " cap=" + std::to_string(static_cast<int>(attempt.max_version)) +
                               " weak=" + std::to_string(attempt.weak_ciphers_only) +
                               (attempt.postgres_ssl_request ? " pg=1" : ""));
    auto it = recorded_->tls.find(
        {target.address, target.port, attempt.max_version, attempt.weak_ciphers_only});
    if (it != recorded_->tls.end()) co_return it->second;
    network::TlsResult failed;
    failed.error = "wrong version number";
    co_return failed;
  }

 private:
  std::shared_ptr<Recorded> recorded_;
};

}  // namespace zt::test
