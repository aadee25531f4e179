#pragma once
// Collectors that misbehave on purpose, for the runner, scheduler and daemon tests.
#include <condition_variable>
#include <mutex>
#include <stdexcept>

#include "collectors/core/collector.hpp"

namespace zt::test {

// A gate the test opens: a collector waits on it, ignoring its deadline and stop requests.
class Gate {
 public:
  void open() {
    std::lock_guard lock(mutex_);
    open_ = true;
    cv_.notify_all();
  }
  void wait() {
    std::unique_lock lock(mutex_);
    cv_.wait(lock, [&] { return open_; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  bool open_ = false;
};

inline model::Finding valid_finding(std::string title, std::string account) {
  model::Finding f;
  f.category = model::Category::auth;
  f.severity = model::Severity::high;
  f.title = std::move(title);
  f.remediation = "Lock the account.";
  f.fields = {{"finding_type", "empty_password"}, {"user_account", std::move(account)}};
  f.metadata = {{"file", "/etc/shadow"}, {"line", 3}};
  return f;
}

class ScriptedCollector : public collector::Collector {
 public:
  using Script = std::function<collector::CollectResult(collector::Context&)>;
  explicit ScriptedCollector(Script script) : script_(std::move(script)) {}
  collector::Availability capabilities(const collector::HostFs&) const override {
    return {true, "always"};
  }
  collector::CollectResult collect(collector::Context& context) override {
    return script_(context);
  }

 private:
  Script script_;
};

}  // namespace zt::test
