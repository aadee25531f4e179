#pragma once
// Helpers shared by the checks_*.cpp rule files. Pure.
#include <string>
#include <string_view>
#include <vector>

#include "collectors/database/server.hpp"

namespace zt::database {

// Whether the server listens on every interface, and the evidence: the configuration's
// (file:line, or a default) and, for a running server, its wildcard sockets. A running
// server is judged by its sockets (what is, not what a file says); one known from its files
// only, by its configuration.
struct Exposure {
  bool all = false;
  std::vector<Evidence> evidence;
};
Exposure exposure(const Server& server, bool config_says_all, const Evidence& config_evidence);

// An address setting's value ("0.0.0.0", "*", "::", "[::]", "-::*", "0.0.0.0,::1") names every
// interface.
bool names_all_interfaces(std::string_view list);

// "PostgreSQL (postgres, pid 812) on 127.0.0.1:5432", "Redis configured in /etc/redis/redis.conf".
std::string server_text(const Server& server);
// "/etc/redis/redis.conf:12", "the command line (/proc/9/cmdline)", "the built-in default",
// "/etc/mongod.conf" (line 0: the file as a whole).
std::string where_text(const Evidence& evidence);

Issue make_issue(const Server& server, std::string_view type, model::Severity severity,
                 std::string title, std::string description, std::string remediation,
                 std::vector<Evidence> evidence);

}  // namespace zt::database
