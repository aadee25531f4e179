#pragma once
// A LocalProber that replays recorded results and logs the calls made to it. live() is false,
// so the collector uses it on fixture trees too.
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "collectors/network/local_prober.hpp"

namespace zt::test {

struct Recorded {
  // By (target address, port). A missing banner is "connected, nothing said"; a missing TLS
  // result is a failed handshake.
  std::map<std::pair<std::string, std::uint16_t>, network::BannerResult> banners;
  std::map<std::tuple<std::string, std::uint16_t, network::TlsCap, bool>, network::TlsResult> tls;
  std::vector<std::string> calls;  // "banner 127.0.0.1:22", "tls 127.0.0.1:443 cap=1 weak=0"
};

class FakeProber final : public network::LocalProber {
 public:
  explicit FakeProber(std::shared_ptr<Recorded> recorded) : recorded_(std::move(recorded)) {}
  bool live() const override { return false; }

  network::BannerResult banner(const network::Endpoint& target,
                               std::chrono::milliseconds) override {
    recorded_->calls.push_back("banner " + target.address + ":" + std::to_string(target.port));
    auto it = recorded_->banners.find({target.address, target.port});
    if (it != recorded_->banners.end()) return it->second;
    return {true, "", ""};
  }

  network::TlsResult tls(const network::Endpoint& target, const network::TlsAttempt& attempt,
                         std::chrono::milliseconds) override {
    recorded_->calls.push_back("tls " + target.address + ":" + std::to_string(target.port) +
                               " cap=" + std::to_string(static_cast<int>(attempt.max_version)) +
                               " weak=" + std::to_string(attempt.weak_ciphers_only));
    auto it = recorded_->tls.find(
        {target.address, target.port, attempt.max_version, attempt.weak_ciphers_only});
    if (it != recorded_->tls.end()) return it->second;
    network::TlsResult failed;
    failed.error = "wrong version number";
    return failed;
  }

 private:
  std::shared_ptr<Recorded> recorded_;
};

}  // namespace zt::test
