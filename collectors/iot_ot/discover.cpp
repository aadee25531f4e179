#include "collectors/iot_ot/discover.hpp"

#include "collectors/iot_ot/node_red.hpp"

namespace zt::iot_ot {
namespace {

// The element of `list` whose process has `pid`, made when there is none yet.
template <typename T>
T& by_pid(std::vector<T>& list, const collector::ProcessInfo& process) {
  for (T& item : list)
    if (item.process && item.process->pid == process.pid) return item;
  T& made = list.emplace_back();
  made.process = process;
  return made;
}

}  // namespace

Discovered discover(const std::vector<collector::ListeningSocket>& listeners) {
  Discovered out;
  std::vector<MqttBroker>& brokers = out.brokers;
  struct Runtime {
    std::optional<collector::ProcessInfo> process;
    std::vector<collector::ListeningSocket> sockets;
  };
  std::vector<Runtime> runtimes;
  for (const collector::ListeningSocket& socket : listeners) {
    if (socket.process && socket.process->name == "mosquitto") {
      by_pid(brokers, *socket.process).sockets.push_back(socket);
      continue;
    }
    if (socket.process && is_node_red(*socket.process) &&
        socket.protocol == collector::Protocol::tcp) {
      by_pid(runtimes, *socket.process).sockets.push_back(socket);
      continue;
    }
    if (collector::is_loopback(socket)) continue;
    if (auto protocol = industrial_protocol_of(socket))
      out.industrial.push_back({*protocol, socket});
  }
  for (Runtime& r : runtimes) {
    NodeRed& n = out.node_red.emplace_back();
    n.process = *r.process;
    n.sockets = std::move(r.sockets);
  }
  return out;
}

std::string mosquitto_config_argument(const collector::ProcessInfo& process) {
  const auto& args = process.arguments;
  for (std::size_t i = 1; i + 1 < args.size(); ++i)
    if (args[i] == "-c" || args[i] == "--config-file") return args[i + 1];
  return "";
}

}  // namespace zt::iot_ot
