#pragma once
// The live checks of one running server, through a LiveChecker (collectors/core), on
// loopback only (collector::loopback_target).
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

#include "collectors/core/live_checker.hpp"
#include "collectors/database/server.hpp"

namespace zt::database {

using collector::Exchange;
using collector::ExchangeResult;
using collector::LiveChecker;
using Target = collector::Endpoint;

std::string run_live_checks(Server& server, LiveChecker& checker, std::chrono::milliseconds limit);

}  // namespace zt::database
