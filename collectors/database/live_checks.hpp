#pragma once
// The live checks of one running server, through a LiveChecker, on loopback only: a
// wildcard listener is reached at 127.0.0.1 (or ::1), a loopback listener at its own
// address, and a server bound only to other addresses is not contacted at all.
//   PostgreSQL  StartupMessage user=postgres database=postgres, no password: AuthenticationOk
//               means open (live_open), then Terminate; server_version is the version.
//   Redis       PING + INFO server: +PONG means open; redis_version, config_file.
//   Memcached   version.
//   MySQL       the server's handshake packet (nothing is sent; no login is ever tried).
//   MongoDB, Elasticsearch, OpenSearch: not contacted.
// Fills server.live, server.version and server.live_open; returns the config file the
// server reported (Redis), or "". Never throws.
#include <chrono>
#include <optional>
#include <string>

#include "collectors/database/live_checker.hpp"
#include "collectors/database/server.hpp"

namespace zt::database {

// The loopback endpoint to check a server at, or nothing.
std::optional<Target> loopback_target(const Server& server);

std::string run_live_checks(Server& server, LiveChecker& checker, std::chrono::milliseconds limit);

}  // namespace zt::database
