#pragma once
// A LiveChecker that replays recorded answers by port, and remembers what it was asked.
// live() is false, so a collector uses it whatever the host root (fixture trees).
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "collectors/core/live_checker.hpp"

namespace zt::test {

struct RecordedAnswers {
  std::map<std::uint16_t, std::string> by_port;  // bytes the "server" sends
  std::vector<collector::Endpoint> asked;
  std::vector<std::string> sent;
};

class FakeChecker final : public collector::LiveChecker {
 public:
  explicit FakeChecker(std::shared_ptr<RecordedAnswers> answers) : answers_(std::move(answers)) {}
  bool live() const override { return false; }
  collector::ExchangeResult exchange(const collector::Endpoint& target,
                                     const collector::Exchange& exchange,
                                     std::chrono::milliseconds) override {
    answers_->asked.push_back(target);
    answers_->sent.push_back(exchange.send);
    collector::ExchangeResult result;
    const auto it = answers_->by_port.find(target.port);
    if (it == answers_->by_port.end()) {
      result.error = "connect: Connection refused";
      return result;
    }
    result.connected = true;
    result.received = it->second;
    if (exchange.farewell) answers_->sent.push_back(exchange.farewell(result.received));
    return result;
  }

 private:
  std::shared_ptr<RecordedAnswers> answers_;
};

}  // namespace zt::test
