#include "collectors/web3/node_settings.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>

namespace zt::web3 {
namespace {

std::string canonical_key(std::string_view name) {
  while (name.starts_with('-')) name.remove_prefix(1);
  std::string key;
  for (char c : name)
    if (c != '-' && c != '_' && c != '.')
      key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return key;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string base_name(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

// geth's options before 1.10 ("--rpc", "--rpcaddr"), read as their new names.
const std::map<std::string, std::string, std::less<>> kGethAliases = {
    {"rpc", "http"},         {"rpcaddr", "httpaddr"}, {"rpcapi", "httpapi"},
    {"rpcport", "httpport"}, {"wsaddr", "wsaddr"},    {"wsapi", "wsapi"},
};

// Options that take no value: the next argument is not theirs.
const std::set<std::string, std::less<>> kFlags = {
    "http",           "ws",           "rpc",        "mainnet",  "sepolia",
    "holesky",        "goerli",       "hoodi",      "dev",      "allowinsecureunlock",
    "rpchttpenabled", "rpcwsenabled", "nodiscover", "snapshot", "metrics",
    "mine",           "lightkdf",     "externalcl", "verbose",  "help",
    "version",
};

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += ',';
    out += item;
  }
  return out;
}

// "[Eth, Admin]", "eth,net", "\"a\" \"b\"": the items, lower case.
std::vector<std::string> list_items(std::string_view text) {
  std::vector<std::string> items;
  std::string item;
  for (char c : text) {
    if (c == ',' || c == ' ' || c == '\t' || c == '[' || c == ']' || c == '"' || c == '\'') {
      if (!item.empty()) items.push_back(lower(item));
      item.clear();
    } else {
      item += c;
    }
  }
  if (!item.empty()) items.push_back(lower(item));
  return items;
}

bool truthy(const NodeSettings& s, std::string_view key) {
  auto it = s.find(std::string(key));
  if (it == s.end()) return false;
  const std::string v = lower(it->second);
  return v.empty() || v == "true" || v == "1" || v == "yes";
}

std::optional<std::string> value_of(const NodeSettings& s, std::string_view key) {
  auto it = s.find(std::string(key));
  if (it == s.end()) return std::nullopt;
  return it->second;
}

// Where an endpoint's settings are: the keys of its address, port and namespaces, each
// with the client's default.
struct EndpointKeys {
  std::initializer_list<std::string_view> address;
  std::string_view default_address;
  std::initializer_list<std::string_view> port;
  std::uint16_t default_port = 0;
  std::initializer_list<std::string_view> apis;
  std::string_view default_apis;
};

RpcEndpoint endpoint(std::string transport, const NodeSettings& s, const EndpointKeys& keys) {
  RpcEndpoint e{
      std::move(transport), std::string(keys.default_address), keys.default_port, {}, true};
  for (std::string_view key : keys.address)
    if (auto v = value_of(s, key); v && !v->empty()) e.address = *v;
  for (std::string_view key : keys.port)
    if (auto v = value_of(s, key)) {
      std::uint16_t port = 0;
      const auto [end, error] = std::from_chars(v->data(), v->data() + v->size(), port);
      if (error == std::errc() && end == v->data() + v->size() && port != 0) e.port = port;
    }
  for (std::string_view key : keys.apis)
    if (auto v = value_of(s, key)) {
      e.apis = list_items(*v);
      e.default_apis = false;
    }
  if (e.default_apis) e.apis = list_items(keys.default_apis);
  return e;
}

void set_network(NodeView& view, const NodeSettings& s,
                 std::initializer_list<std::string_view> name_flags,
                 std::initializer_list<std::string_view> name_keys,
                 std::initializer_list<std::string_view> id_keys, bool defaults_to_mainnet) {
  for (std::string_view flag : name_flags)
    if (truthy(s, flag)) view.network = std::string(flag);
  for (std::string_view key : name_keys)
    if (auto v = value_of(s, key); v && !v->empty()) view.network = lower(*v);
  for (std::string_view key : id_keys)
    if (auto v = value_of(s, key)) {
      std::uint64_t id = 0;
      const auto [end, error] = std::from_chars(v->data(), v->data() + v->size(), id);
      if (error == std::errc() && end == v->data() + v->size())
        view.network = network_of_chain_id(id);
    }
  if (view.network.empty() && defaults_to_mainnet) {
    view.network = "mainnet";
    view.network_defaulted = true;
  }
}

}  // namespace

std::string_view to_string(NodeClient client) {
  switch (client) {
    case NodeClient::geth:
      return "geth";
    case NodeClient::erigon:
      return "erigon";
    case NodeClient::besu:
      return "besu";
    case NodeClient::nethermind:
      return "nethermind";
  }
  return "geth";
}

std::optional<NodeCommand> node_command(const std::vector<std::string>& argv) {
  if (argv.empty()) return std::nullopt;
  const std::string program = base_name(argv[0]);
  const std::vector<std::string> rest(argv.begin() + 1, argv.end());
  if (program == "geth") return NodeCommand{NodeClient::geth, argv[0], rest};
  if (program == "erigon") return NodeCommand{NodeClient::erigon, argv[0], rest};
  if (program == "besu") return NodeCommand{NodeClient::besu, argv[0], rest};
  if (program == "nethermind" || program == "Nethermind.Runner")
    return NodeCommand{NodeClient::nethermind, argv[0], rest};
  for (std::size_t i = 1; i < argv.size(); ++i) {
    const std::vector<std::string> after(argv.begin() + static_cast<long>(i) + 1, argv.end());
    if (program == "java" && argv[i] == "org.hyperledger.besu.Besu")
      return NodeCommand{NodeClient::besu, argv[i], after};
    if (program == "dotnet" && base_name(argv[i]) == "Nethermind.Runner.dll")
      return NodeCommand{NodeClient::nethermind, argv[i], after};
  }
  return std::nullopt;
}

std::optional<NodeClient> client_of_config(const std::vector<ConfigEntry>& entries) {
  for (const ConfigEntry& e : entries) {
    if (e.section == "JsonRpc") return NodeClient::nethermind;
    if (e.section == "Node" && (e.key.starts_with("HTTP") || e.key.starts_with("WS")))
      return NodeClient::geth;
  }
  for (const ConfigEntry& e : entries) {
    if (!e.section.empty()) continue;
    if (e.key.starts_with("rpc-") || e.key == "network" || e.key == "network-id")
      return NodeClient::besu;
    if (e.key.starts_with("http") || e.key.starts_with("ws") || e.key == "chain")
      return NodeClient::erigon;
  }
  return std::nullopt;
}

NodeSettings settings_from_options(const std::vector<std::string>& options) {
  NodeSettings settings;
  for (std::size_t i = 0; i < options.size(); ++i) {
    const std::string_view arg = options[i];
    if (!arg.starts_with('-') || arg == "-" || arg == "--") continue;
    const std::size_t eq = arg.find('=');
    std::string key = canonical_key(arg.substr(0, eq));
    std::string value;
    if (eq != std::string_view::npos)
      value = std::string(arg.substr(eq + 1));
    else if (kFlags.contains(key))
      value = "true";
    else if (i + 1 < options.size() && !options[i + 1].starts_with('-'))
      value = options[++i];
    settings[std::move(key)] = std::move(value);
  }
  return settings;
}

NodeSettings settings_from_config(NodeClient client, const std::vector<ConfigEntry>& entries) {
  NodeSettings settings;
  for (const ConfigEntry& e : entries) {
    const std::string value = join(e.values);
    switch (client) {
      case NodeClient::geth:
        // geth's TOML names its fields; a non-empty HTTPHost or WSHost turns the server on.
        if (e.section == "Node" && (e.key == "HTTPHost" || e.key == "WSHost")) {
          const std::string transport = e.key == "HTTPHost" ? "http" : "ws";
          if (!value.empty()) settings[transport] = "true";
          settings[transport + "addr"] = value;
        } else if (e.section == "Node" && (e.key == "HTTPPort" || e.key == "WSPort")) {
          settings[e.key == "HTTPPort" ? "httpport" : "wsport"] = value;
        } else if (e.section == "Node" && e.key == "HTTPModules") {
          settings["httpapi"] = value;
        } else if (e.section == "Node" && e.key == "WSModules") {
          settings["wsapi"] = value;
        } else if (e.section == "Eth" && e.key == "NetworkId") {
          settings["networkid"] = value;
        }
        break;
      case NodeClient::nethermind:
        settings[canonical_key(e.section + e.key)] = value;
        break;
      case NodeClient::erigon:
      case NodeClient::besu:
        if (e.section.empty()) settings[canonical_key(e.key)] = value;
        break;
    }
  }
  return settings;
}

std::optional<std::string> config_file_of(NodeClient client, const NodeSettings& options) {
  const auto value = value_of(options, client == NodeClient::besu ? "configfile" : "config");
  if (!value || value->empty()) return std::nullopt;
  // nethermind's --config is usually a network name ("mainnet") naming a shipped file.
  if (client == NodeClient::nethermind && value->find('/') == std::string::npos)
    return std::nullopt;
  return *value;
}

NodeView evaluate_node(NodeClient client, const NodeSettings& raw) {
  NodeSettings s;
  for (const auto& [key, value] : raw) {
    auto alias = client == NodeClient::geth ? kGethAliases.find(key) : kGethAliases.end();
    s[alias != kGethAliases.end() ? alias->second : key] = value;
  }
  NodeView view{client, {}, {}, false, "", false};
  switch (client) {
    case NodeClient::geth:
      if (truthy(s, "http"))
        view.endpoints.push_back(
            endpoint("http", s,
                     {{"httpaddr"}, "localhost", {"httpport"}, 8545, {"httpapi"}, "eth,net,web3"}));
      if (truthy(s, "ws"))
        view.endpoints.push_back(endpoint(
            "ws", s, {{"wsaddr"}, "localhost", {"wsport"}, 8546, {"wsapi"}, "eth,net,web3"}));
      if (auto unlock = value_of(s, "unlock"); unlock && !unlock->empty())
        view.unlocked = list_items(*unlock);
      view.insecure_unlock = truthy(s, "allowinsecureunlock");
      set_network(view, s, {"mainnet", "sepolia", "holesky", "goerli", "hoodi", "dev"}, {},
                  {"networkid"}, true);
      break;
    case NodeClient::erigon: {
      if (auto http = value_of(s, "http"); !http || lower(*http) != "false") {
        RpcEndpoint e = endpoint(
            "http", s,
            {{"httpaddr"}, "localhost", {"httpport"}, 8545, {"httpapi"}, "eth,erigon,engine"});
        view.endpoints.push_back(e);
        if (truthy(s, "ws")) {
          e.transport = "ws";
          view.endpoints.push_back(std::move(e));
        }
      }
      set_network(view, s, {}, {"chain"}, {"networkid"}, true);
      break;
    }
    case NodeClient::besu:
      if (truthy(s, "rpchttpenabled"))
        view.endpoints.push_back(endpoint("http", s,
                                          {{"rpchttphost"},
                                           "127.0.0.1",
                                           {"rpchttpport"},
                                           8545,
                                           {"rpchttpapi", "rpchttpapis"},
                                           "eth,net,web3"}));
      if (truthy(s, "rpcwsenabled"))
        view.endpoints.push_back(endpoint("ws", s,
                                          {{"rpcwshost"},
                                           "127.0.0.1",
                                           {"rpcwsport"},
                                           8546,
                                           {"rpcwsapi", "rpcwsapis"},
                                           "eth,net,web3"}));
      set_network(view, s, {}, {"network"}, {"networkid"}, true);
      break;
    case NodeClient::nethermind: {
      if (truthy(s, "jsonrpcenabled"))
        view.endpoints.push_back(endpoint(
            "http", s,
            {{"jsonrpchost"}, "127.0.0.1", {"jsonrpcport"}, 8545, {"jsonrpcenabledmodules"}, ""}));
      // --config mainnet, or a file path: its name without ".json"/".cfg".
      NodeSettings named;
      if (auto config = value_of(s, "config")) {
        std::string name = base_name(*config);
        if (const std::size_t dot = name.find('.'); dot != std::string::npos) name.resize(dot);
        named["config"] = name;
      }
      set_network(view, named, {}, {"config"}, {}, false);
      break;
    }
  }
  return view;
}

bool beyond_loopback(std::string_view address) {
  const std::string a = lower(address);
  return !(a.empty() || a == "localhost" || a == "::1" || a == "[::1]" || a.starts_with("127."));
}

std::vector<std::string> dangerous_apis(const RpcEndpoint& endpoint) {
  std::vector<std::string> found;
  for (std::string_view name : {"admin", "personal", "debug", "miner"})
    if (std::find(endpoint.apis.begin(), endpoint.apis.end(), name) != endpoint.apis.end())
      found.emplace_back(name);
  return found;
}

std::string network_of_chain_id(std::uint64_t id) {
  switch (id) {
    case 1:
      return "mainnet";
    case 5:
      return "goerli";
    case 100:
      return "gnosis";
    case 10200:
      return "chiado";
    case 17000:
      return "holesky";
    case 560048:
      return "hoodi";
    case 11155111:
      return "sepolia";
    default:
      return "chain " + std::to_string(id);
  }
}

}  // namespace zt::web3
