#pragma once
// What the daemon tells the service manager that started it: that it is ready (its first
// schedule is armed), a one-line status, that it is stopping, and, from its event loop, that
// the loop is alive (the watchdog: a hung loop stops pinging and the manager restarts it);
// and how the manager asks it to stop. On Linux that is systemd's notify protocol
// (service_manager_systemd.cpp; without NOTIFY_SOCKET every call does nothing, and systemd
// stops the daemon with SIGTERM). On Windows it is the service control manager
// (service_windows.cpp). Calls never fail the caller.
#include <chrono>
#include <functional>
#include <memory>
#include <string_view>

namespace zt::agent {

class ServiceManager {
 public:
  virtual ~ServiceManager() = default;
  virtual void ready(std::string_view status) = 0;
  virtual void status(std::string_view status) = 0;
  virtual void stopping() = 0;
  virtual void watchdog() = 0;
  // How often watchdog() should be called (half the manager's timeout); zero when nothing
  // is watching.
  virtual std::chrono::milliseconds watchdog_period() const = 0;
  // `stop` is called (from the manager's thread) when the manager asks the daemon to stop.
  virtual void on_stop_request(std::function<void()> stop) = 0;
};

// The service manager of this process, from its environment.
std::unique_ptr<ServiceManager> make_service_manager();

// Runs `run` (the daemon) the way the platform's service manager expects
// and returns its exit code: on Linux directly; on Windows under the service control manager
// when that started the process, else as a console program.
int run_as_service(const std::function<int()>& run);

}  // namespace zt::agent
