#include "collectors/web3/node_live_check.hpp"

#include <algorithm>
#include <cctype>

#include "collectors/core/http_answer.hpp"

namespace zt::web3 {
namespace {

constexpr std::string_view kRpcModules =
    R"({"jsonrpc":"2.0","id":1,"method":"rpc_modules","params":[]})";

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// The node's TCP listeners on `port`.
std::vector<collector::ListeningSocket> listeners_of(
    const NodeSource& node, std::uint16_t port,
    const std::vector<collector::ListeningSocket>& listeners) {
  std::vector<collector::ListeningSocket> mine;
  for (const collector::ListeningSocket& s : listeners)
    if (s.protocol == collector::Protocol::tcp && s.port == port &&
        std::find(s.pids.begin(), s.pids.end(), node.pid) != s.pids.end())
      mine.push_back(s);
  return mine;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ",") + item;
  return out;
}

}  // namespace

std::string rpc_modules_request() {
  return "POST / HTTP/1.0\r\nHost: localhost\r\nContent-Type: application/json\r\n"
         "Accept: application/json\r\nContent-Length: " +
         std::to_string(kRpcModules.size()) + "\r\n\r\n" + std::string(kRpcModules);
}

std::optional<std::vector<std::string>> read_rpc_modules(std::string_view answer) {
  const auto body = collector::http_ok_json(answer);
  if (!body || !body->is_object()) return std::nullopt;
  const auto result = body->find("result");
  if (result == body->end() || !result->is_object()) return std::nullopt;
  std::vector<std::string> modules;
  for (const auto& [name, version] : result->items()) modules.push_back(lower(name));
  std::sort(modules.begin(), modules.end());
  return modules;
}

void check_node(NodeSource& node, const std::vector<collector::ListeningSocket>& listeners,
                collector::LiveChecker& checker, std::chrono::milliseconds limit) {
  if (node.pid == 0) return;
  for (RpcEndpoint& endpoint : node.view.endpoints) {
    if (endpoint.transport != "http") continue;
    const auto target = collector::loopback_target(listeners_of(node, endpoint.port, listeners));
    if (!target) continue;
    collector::Exchange ex;
    ex.send = rpc_modules_request();
    ex.complete = collector::http_answer_complete;
    const collector::ExchangeResult result = checker.exchange(*target, ex, limit);
    collector::LiveCheck check = collector::record_check("rpc_modules", *target, result);
    if (auto modules = read_rpc_modules(result.received)) {
      check.outcome = "serves " + joined(*modules);
      endpoint.apis = std::move(*modules);
      endpoint.default_apis = false;
      endpoint.apis_from_live = true;
    } else if (result.connected) {
      const auto status = collector::http_status(result.received);
      check.outcome = status ? "answered HTTP " + std::to_string(*status) + ", not rpc_modules"
                             : "not an HTTP answer";
    }
    node.live.push_back(std::move(check));
  }
}

}  // namespace zt::web3
