#pragma once
// Memcached's settings. Memcached reads no configuration file itself: its command line is
// the truth, and the distributions' files feed that command line through their init
// scripts: Debian's /etc/memcached.conf (one option per line: "-l 127.0.0.1", "-U 0") and
// RHEL's /etc/sysconfig/memcached (shell variables PORT="11211", OPTIONS="-l 127.0.0.1").
// Pure; never throws.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "collectors/database/settings.hpp"

namespace zt::database {

// One command-line-style argument with the line it came from (0: the process's cmdline).
struct MemcachedArg {
  std::string text;
  std::size_t line = 0;
};

struct MemcachedSettings {
  std::optional<Evidence> listen;    // -l / --listen: "127.0.0.1,::1"; unset: every interface
  std::optional<Evidence> tcp_port;  // -p / --port
  std::optional<Evidence> udp_port;  // -U / --udp-port; unset: 0 (off) since 1.5.6
  std::optional<Evidence> sasl;      // -S / --enable-sasl
  std::vector<ParseError> errors;
};

// Reads the options out of argv-style arguments ("-l", "127.0.0.1", "-p11211",
// "--port=11211"); unknown options are skipped. `file` names the source in the evidence.
MemcachedSettings parse_memcached_args(const std::vector<MemcachedArg>& args,
                                       const std::string& file);

// /etc/memcached.conf: every non-comment line split into arguments.
std::vector<MemcachedArg> memcached_conf_args(std::string_view text);
// /etc/sysconfig/memcached: OPTIONS split into arguments, PORT as "-p PORT".
std::vector<MemcachedArg> memcached_sysconfig_args(std::string_view text,
                                                   std::vector<ParseError>& errors);

}  // namespace zt::database
