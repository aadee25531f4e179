#include "collectors/database/live_checks.hpp"

#include "collectors/database/wire.hpp"

namespace zt::database {
namespace {

std::string check_postgres(Server& server, LiveChecker& checker, const Target& target,
                           std::chrono::milliseconds limit) {
  Exchange ex;
  ex.send = pg_startup_message("postgres", "postgres");
  ex.complete = [](std::string_view r) { return pg_answer_complete(r); };
  ex.farewell = [](std::string_view r) {
    return parse_pg_answer(r).auth == PgAuth::ok ? pg_terminate_message() : std::string();
  };
  const ExchangeResult result = checker.exchange(target, ex, limit);
  LiveCheck c = collector::record_check("postgres_no_password", target, result);
  const PgAnswer answer = parse_pg_answer(result.received);
  if (result.connected) {
    c.outcome = std::string(to_string(answer.auth));
    if (!answer.error.empty()) c.outcome += ": " + answer.error;
  }
  server.live_open = answer.auth == PgAuth::ok;
  if (!answer.server_version.empty()) server.version = answer.server_version;
  server.live.push_back(std::move(c));
  return {};
}

std::string check_redis(Server& server, LiveChecker& checker, const Target& target,
                        std::chrono::milliseconds limit) {
  Exchange ex;
  ex.send = std::string(kRedisRequest);
  ex.complete = [](std::string_view r) { return redis_answer_complete(r); };
  const ExchangeResult result = checker.exchange(target, ex, limit);
  LiveCheck c = collector::record_check("redis_ping", target, result);
  const RedisAnswer answer = parse_redis_answer(result.received);
  if (result.connected)
    c.outcome = answer.pong               ? "answered PONG without a password"
                : !answer.refusal.empty() ? "refused: " + answer.refusal
                                          : "no RESP answer";
  server.live_open = answer.pong;
  if (!answer.version.empty()) server.version = answer.version;
  server.live.push_back(std::move(c));
  return answer.config_file;
}

void check_memcached(Server& server, LiveChecker& checker, const Target& target,
                     std::chrono::milliseconds limit) {
  Exchange ex;
  ex.send = std::string(kMemcachedRequest);
  ex.complete = [](std::string_view r) { return memcached_answer_complete(r); };
  ex.max_bytes = 256;
  const ExchangeResult result = checker.exchange(target, ex, limit);
  LiveCheck c = collector::record_check("memcached_version", target, result);
  if (auto version = parse_memcached_version(result.received)) {
    server.version = *version;
    c.outcome = "VERSION " + *version;
  } else if (result.connected) {
    c.outcome = "no VERSION answer";
  }
  server.live.push_back(std::move(c));
}

void check_mysql(Server& server, LiveChecker& checker, const Target& target,
                 std::chrono::milliseconds limit) {
  Exchange ex;
  ex.complete = [](std::string_view r) { return mysql_greeting_complete(r); };
  ex.max_bytes = 1024;
  const ExchangeResult result = checker.exchange(target, ex, limit);
  LiveCheck c = collector::record_check("mysql_handshake", target, result);
  if (auto greeting = parse_mysql_greeting(result.received)) {
    if (!greeting->version.empty()) {
      server.version = greeting->version;
      c.outcome = "handshake, version " + greeting->version;
    } else {
      c.outcome = "error packet: " + greeting->error;
    }
  } else if (result.connected) {
    c.outcome = "no MySQL handshake";
  }
  server.live.push_back(std::move(c));
}

}  // namespace

std::string run_live_checks(Server& server, LiveChecker& checker, std::chrono::milliseconds limit) {
  const auto target = collector::loopback_target(server.sockets);
  if (!target) return {};
  switch (server.engine) {
    case Engine::postgresql:
      return check_postgres(server, checker, *target, limit);
    case Engine::redis:
      return check_redis(server, checker, *target, limit);
    case Engine::memcached:
      check_memcached(server, checker, *target, limit);
      return {};
    case Engine::mysql:
      check_mysql(server, checker, *target, limit);
      return {};
    case Engine::mongodb:
    case Engine::elasticsearch:
    case Engine::opensearch:
      return {};
  }
  return {};
}

}  // namespace zt::database
