// The Redis and Memcached rules of checks.hpp.
#include <algorithm>
#include <cctype>

#include "collectors/core/text.hpp"
#include "collectors/database/checks.hpp"
#include "collectors/database/checks_common.hpp"
#include "collectors/database/finding_types.hpp"

namespace zt::database {
namespace {

using model::Severity;

std::string upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
  return text;
}

bool has_word(const std::string& value, std::string_view word) {
  for (std::string_view w : collector::split_whitespace(value))
    if (lower(std::string(w)) == word) return true;
  return false;
}

// Whether clients must authenticate: requirepass, an ACL file, or a default user that is
// off or has a password (and not nopass).
bool redis_requires_auth(const EngineConfig& c, std::vector<Evidence>& evidence) {
  const Evidence* pass = c.get("requirepass");
  if (pass && !pass->value.empty()) return true;
  if (c.get("aclfile")) return true;
  const auto [first, last] = c.repeated.equal_range("user");
  for (auto it = first; it != last; ++it) {
    const auto words = collector::split_whitespace(it->second.value);
    if (words.empty() || words.front() != "default") continue;
    if (has_word(it->second.value, "off")) return true;
    const bool nopass = has_word(it->second.value, "nopass");
    const bool password = std::any_of(words.begin() + 1, words.end(), [](std::string_view w) {
      return w.front() == '>' || w.front() == '#';
    });
    if (password && !nopass) return true;
    evidence.push_back(it->second);
  }
  if (pass) evidence.push_back(*pass);
  return false;
}

// The dangerous commands still reachable under their own name (see checks.hpp).
std::vector<std::string> unrenamed_commands(const EngineConfig& c) {
  std::vector<std::string> commands = {"FLUSHALL", "FLUSHDB",   "CONFIG",
                                       "SHUTDOWN", "REPLICAOF", "SLAVEOF"};
  for (const auto& [command, option] :
       {std::pair{"DEBUG", "enable-debug-command"}, std::pair{"MODULE", "enable-module-command"}}) {
    const Evidence* e = c.get(option);
    if (e && (lower(e->value) == "yes" || lower(e->value) == "local")) commands.push_back(command);
  }
  const auto [first, last] = c.repeated.equal_range("rename-command");
  for (auto it = first; it != last; ++it) {
    const auto words = collector::split_whitespace(it->second.value);
    if (words.empty()) continue;
    const std::string renamed = upper(std::string(words.front()));
    commands.erase(std::remove(commands.begin(), commands.end(), renamed), commands.end());
  }
  return commands;
}

std::string main_file(const Server& server) {
  return server.config.files.empty() ? "default" : server.config.files.front();
}

}  // namespace

std::vector<Issue> check_redis(const Server& server) {
  std::vector<Issue> out;
  const EngineConfig& c = server.config;
  std::vector<Evidence> auth_evidence;
  const bool auth = redis_requires_auth(c, auth_evidence);

  const Evidence* bind_setting = c.get("bind");
  const Evidence bind =
      bind_setting ? *bind_setting : Evidence{"default", 0, "* (no bind directive)"};
  const Exposure exposed = exposure(server, names_all_interfaces(bind.value), bind);

  if (!auth) {
    if (auth_evidence.empty())
      auth_evidence.push_back(Evidence{main_file(server), 0, "no requirepass, no ACL user"});
    out.push_back(make_issue(
        server, finding_type::kRedisNoAuth, exposed.all ? Severity::critical : Severity::high,
        "Redis requires no password",
        "neither requirepass nor an ACL user with a password is configured: any client that "
        "reaches the port can read, change and delete every key.",
        "Set `requirepass` to a long random password (or define ACL users with passwords and "
        "`user default off`) in redis.conf and restart Redis.",
        auth_evidence));
  }
  if (const Evidence* pm = c.get("protected-mode"); pm && parse_bool(pm->value) == 0) {
    out.push_back(make_issue(
        server, finding_type::kRedisProtectedModeOff, Severity::medium,
        "Redis protected mode is off",
        "protected-mode is '" + pm->value + "' (" + where_text(*pm) +
            "): without it Redis answers remote clients even when no password is set.",
        "Set `protected-mode yes` in redis.conf and restart Redis.", {*pm}));
  }
  if (exposed.all) {
    out.push_back(make_issue(
        server, finding_type::kRedisBindAll, auth ? Severity::medium : Severity::high,
        "Redis listens on every interface",
        "bind is '" + bind.value + "' (" + where_text(bind) +
            "): Redis accepts connections on every network interface.",
        "Set `bind 127.0.0.1 -::1` (or the addresses clients use) in redis.conf and restart "
        "Redis; allow remote clients with the firewall only.",
        exposed.evidence));
  }
  const std::vector<std::string> commands = unrenamed_commands(c);
  if (!commands.empty()) {
    std::string list;
    for (const std::string& command : commands) list += (list.empty() ? "" : ", ") + command;
    out.push_back(make_issue(
        server, finding_type::kRedisDangerousCommands, auth ? Severity::low : Severity::medium,
        "Redis leaves dangerous commands enabled",
        "these commands are neither renamed nor disabled: " + list +
            ". They wipe data (FLUSHALL, FLUSHDB), rewrite files on disk (CONFIG), stop the "
            "server (SHUTDOWN), hand the data to another server (REPLICAOF/SLAVEOF) or run "
            "arbitrary code (DEBUG, MODULE).",
        "Disable them with `rename-command FLUSHALL \"\"` (one line per command) in redis.conf, "
        "or restrict them with ACL rules (`user app on >… ~* +@all -@dangerous`); restart "
        "Redis.",
        {Evidence{main_file(server), 0, list}}));
  }
  if (server.live_open) {
    out.push_back(make_issue(
        server, finding_type::kRedisUnauthenticatedAccess, Severity::critical,
        "Redis answered a command without a password",
        "PING sent to " + server.host + ":" + std::to_string(server.port) +
            " with no password was answered PONG: the server is open to any client that "
            "reaches it.",
        "Set `requirepass` (or ACL users with passwords and `user default off`) in redis.conf "
        "and restart Redis.",
        {Evidence{"live check", 0, "PING answered +PONG without AUTH"}}));
  }
  return out;
}

std::vector<Issue> check_memcached(const Server& server) {
  std::vector<Issue> out;
  const EngineConfig& c = server.config;
  const Evidence* listen_setting = c.get("listen");
  const Evidence listen =
      listen_setting ? *listen_setting : Evidence{"default", 0, "* (no -l option)"};
  const Exposure exposed =
      exposure(server, names_all_interfaces(listen.value) || !listen_setting, listen);
  const bool sasl = c.get("sasl") != nullptr;
  if (exposed.all) {
    out.push_back(make_issue(
        server, finding_type::kMemcachedBindAll, sasl ? Severity::medium : Severity::high,
        "Memcached listens on every interface",
        "its listen address is '" + listen.value + "' (" + where_text(listen) + ")" +
            (sasl ? "" : " and it has no authentication") +
            ": anyone who reaches the port can read and overwrite the cache.",
        "Start memcached with `-l 127.0.0.1` (Debian: /etc/memcached.conf; RHEL: OPTIONS in "
        "/etc/sysconfig/memcached) and restart it.",
        exposed.evidence));
  }
  if (const Evidence* udp = c.get("udp_port"); udp && udp->value != "0" && !udp->value.empty()) {
    out.push_back(make_issue(
        server, finding_type::kMemcachedUdpEnabled, exposed.all ? Severity::high : Severity::medium,
        "Memcached has its UDP port open",
        "UDP is enabled on port " + udp->value + " (" + where_text(*udp) +
            "): memcached over UDP is abused for traffic amplification attacks (up to 50000x).",
        "Start memcached with `-U 0` and restart it.", {*udp}));
  }
  return out;
}

}  // namespace zt::database
