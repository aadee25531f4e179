#pragma once
// What the daemon tells the service manager that started it: that it is ready (its first
// schedule is armed), a one-line status, that it is stopping, and, from its event loop, that
// the loop is alive (the watchdog: a hung loop stops pinging and the manager restarts it).
// On Linux that is systemd's notify protocol (service_manager_systemd.cpp); without
// NOTIFY_SOCKET every call does nothing. Calls never fail the caller.
#include <chrono>
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
};

// The service manager of this process, from its environment.
std::unique_ptr<ServiceManager> make_service_manager();

}  // namespace zt::agent
