#pragma once
// How the platform asks the daemon to stop, reload its configuration or scan now. On Linux
// (daemon_control_linux.cpp) these are signals: SIGTERM or SIGINT, SIGHUP, SIGUSR1. On Windows
// (daemon_control_windows.cpp) Ctrl+C or Ctrl+Break in a console; the service control manager
// stops a service through Daemon::request_stop (service_windows.cpp). The controls are called
// on the io_context's thread.
#include <boost/asio/io_context.hpp>
#include <functional>
#include <memory>
#include <string>

namespace zt::agent {

struct DaemonControls {
  std::function<void(const std::string& reason)> stop;  // reason: "SIGTERM", "service stop"
  std::function<void()> reload;
  std::function<void()> scan_now;
};

// Listens until it is destroyed.
class ControlListener {
 public:
  virtual ~ControlListener() = default;
};

std::unique_ptr<ControlListener> listen_for_controls(boost::asio::io_context& io,
                                                     DaemonControls controls);

}  // namespace zt::agent
