#include "tests/collectors/iot_ot/mosquitto_broker.hpp"

#include <unistd.h>

#include <algorithm>
#include <stdexcept>

#include "tests/support/loopback.hpp"

namespace zt::test {

MosquittoBroker::MosquittoBroker(const std::vector<std::string>& global,
                                 const std::vector<Listener>& listeners) {
  // The first port is retried if another process takes it first; the others are drawn once
  // (a clash among them fails the start, which the first port's retry then repeats).
  start_on_free_port([&](unsigned short port) {
    ports_ = {port};
    while (ports_.size() < listeners.size()) {
      const unsigned short next = free_loopback_port();
      if (std::find(ports_.begin(), ports_.end(), next) == ports_.end()) ports_.push_back(next);
    }
    std::string conf = ::geteuid() == 0 ? "user root\n" : "";
    conf += "persistence false\nlog_dest stderr\n";
    for (const std::string& line : global) conf += line + "\n";
    for (std::size_t i = 0; i < listeners.size(); ++i) {
      conf += "listener " + std::to_string(ports_[i]) + " " + listeners[i].address + "\n";
      for (const std::string& line : listeners[i].lines) conf += line + "\n";
    }
    dir_.write("mosquitto.conf", conf);
    child_ = std::make_unique<Child>(
        std::vector<std::string>{"/usr/sbin/mosquitto", "-c", config_path().string()});
    return wait_for_child_port(*child_, port, std::chrono::seconds(30));
  });
  for (std::size_t i = 1; i < ports_.size(); ++i)
    if (!wait_for_loopback_port(ports_[i], std::chrono::seconds(30)))
      throw std::runtime_error("mosquitto did not listen on port " + std::to_string(ports_[i]) +
                               ": " + child_->stderr_text());
}

MosquittoBroker::~MosquittoBroker() { child_.reset(); }

}  // namespace zt::test
