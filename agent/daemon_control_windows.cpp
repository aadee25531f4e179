#include <boost/asio/signal_set.hpp>
#include <csignal>

#include "agent/daemon_control.hpp"

namespace zt::agent {
namespace {

// A console run: Ctrl+C (SIGINT) or Ctrl+Break (SIGBREAK) stops. There is no reload or
// scan-now signal on Windows; a service is stopped by the service control manager.
class ConsoleListener final : public ControlListener {
 public:
  ConsoleListener(boost::asio::io_context& io, DaemonControls controls)
      : signals_(io, SIGINT, SIGBREAK), controls_(std::move(controls)) {
    signals_.async_wait([this](const boost::system::error_code& ec, int signal) {
      if (!ec) controls_.stop(signal == SIGINT ? "Ctrl+C" : "Ctrl+Break");
    });
  }

 private:
  boost::asio::signal_set signals_;
  DaemonControls controls_;
};

}  // namespace

std::unique_ptr<ControlListener> listen_for_controls(boost::asio::io_context& io,
                                                     DaemonControls controls) {
  return std::make_unique<ConsoleListener>(io, std::move(controls));
}

}  // namespace zt::agent
