#include <systemd/sd-daemon.h>

#include <string>

#include "agent/logging.hpp"
#include "agent/service_manager.hpp"

namespace zt::agent {
namespace {

class SystemdNotifier final : public ServiceManager {
 public:
  SystemdNotifier() {
    std::uint64_t usec = 0;
    // > 0 only when WATCHDOG_USEC is set (and WATCHDOG_PID, if set, is this process).
    if (sd_watchdog_enabled(0, &usec) > 0)
      period_ = std::chrono::duration_cast<std::chrono::milliseconds>(
          std::chrono::microseconds(usec) / 2);
  }

  void ready(std::string_view status) override {
    send("READY=1\nSTATUS=" + std::string(status));
  }
  void status(std::string_view status) override { send("STATUS=" + std::string(status)); }
  void stopping() override { send("STOPPING=1\nSTATUS=stopping"); }
  void watchdog() override { send("WATCHDOG=1"); }
  std::chrono::milliseconds watchdog_period() const override { return period_; }
  // systemd stops a service with SIGTERM (daemon_control_linux.cpp).
  void on_stop_request(std::function<void()>) override {}

 private:
  // Without NOTIFY_SOCKET sd_notify returns 0 and sends nothing.
  void send(const std::string& message) {
    if (const int rc = sd_notify(0, message.c_str()); rc < 0 && !warned_) {
      warned_ = true;
      logger("agent")->warn("cannot notify the service manager (NOTIFY_SOCKET): error {}", -rc);
    }
  }

  std::chrono::milliseconds period_{0};
  bool warned_ = false;
};

}  // namespace

std::unique_ptr<ServiceManager> make_service_manager() {
  return std::make_unique<SystemdNotifier>();
}

int run_as_service(const std::function<int()>& run) { return run(); }

}  // namespace zt::agent
