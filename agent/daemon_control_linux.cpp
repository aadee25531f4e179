#include <boost/asio/signal_set.hpp>
#include <csignal>

#include "agent/daemon_control.hpp"

namespace zt::agent {
namespace {

class SignalListener final : public ControlListener {
 public:
  SignalListener(boost::asio::io_context& io, DaemonControls controls)
      : signals_(io, SIGTERM, SIGINT, SIGHUP), controls_(std::move(controls)) {
    signals_.add(SIGUSR1);
    wait();
  }

 private:
  void wait() {
    signals_.async_wait([this](const boost::system::error_code& ec, int signal) {
      if (ec) return;
      if (signal == SIGTERM || signal == SIGINT) {
        controls_.stop(signal == SIGTERM ? "SIGTERM" : "SIGINT");
        return;  // stopping: later signals are not waited for
      }
      if (signal == SIGHUP) controls_.reload();
      else controls_.scan_now();
      wait();
    });
  }

  boost::asio::signal_set signals_;
  DaemonControls controls_;
};

}  // namespace

std::unique_ptr<ControlListener> listen_for_controls(boost::asio::io_context& io,
                                                     DaemonControls controls) {
  return std::make_unique<SignalListener>(io, std::move(controls));
}

}  // namespace zt::agent
