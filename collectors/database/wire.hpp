#pragma once
// The few protocol messages the live checks exchange with local servers, built and read as
// bytes. Pure; never throws. What is sent is fixed here and read-only by design:
//   PostgreSQL  a v3 StartupMessage for user "postgres", database "postgres" (no password is
//               ever sent), then Terminate once in;
//   Redis       "PING" and "INFO server";
//   Memcached   "version";
//   MySQL       nothing: the server speaks first (its handshake carries the version).
#include <optional>
#include <string>
#include <string_view>

namespace zt::database {

// ---- PostgreSQL (frontend/backend protocol 3.0) ----
std::string pg_startup_message(std::string_view user, std::string_view database);
std::string pg_terminate_message();

enum class PgAuth {
  incomplete,  // not enough bytes yet
  ok,          // AuthenticationOk: let in without a password
  cleartext,   // AuthenticationCleartextPassword
  md5,         // AuthenticationMD5Password
  sasl,        // AuthenticationSASL (SCRAM)
  other,       // another authentication request (GSS, SSPI, …)
  error,       // ErrorResponse (no pg_hba.conf entry, …)
  malformed,   // not PostgreSQL
};
std::string_view to_string(PgAuth auth);

struct PgAnswer {
  PgAuth auth = PgAuth::incomplete;
  bool ready = false;          // ReadyForQuery seen after AuthenticationOk
  std::string server_version;  // ParameterStatus server_version
  std::string error;           // the ErrorResponse's message (M field)
};
// Reads the server's messages so far. Complete when auth is not incomplete and, for ok, once
// ReadyForQuery came (server_version comes before it).
PgAnswer parse_pg_answer(std::string_view bytes);
bool pg_answer_complete(std::string_view bytes);

// ---- Redis (RESP) ----
inline constexpr std::string_view kRedisRequest = "PING\r\nINFO server\r\n";

struct RedisAnswer {
  int replies = 0;          // complete replies read (at most 2)
  bool pong = false;        // PING answered +PONG: no authentication needed
  std::string refusal;      // the error to PING ("NOAUTH Authentication required.")
  std::string version;      // redis_version of INFO server
  std::string config_file;  // config_file of INFO server ("" when started without one)
};
RedisAnswer parse_redis_answer(std::string_view bytes);
bool redis_answer_complete(std::string_view bytes);

// ---- Memcached (text protocol) ----
inline constexpr std::string_view kMemcachedRequest = "version\r\n";
// "VERSION 1.6.18\r\n" → "1.6.18"; nullopt for anything else.
std::optional<std::string> parse_memcached_version(std::string_view bytes);
bool memcached_answer_complete(std::string_view bytes);

// ---- MySQL / MariaDB (the server's initial handshake packet) ----
struct MysqlGreeting {
  std::string version;  // "10.11.6-MariaDB-0+deb12u1", "8.0.36"
  std::string error;    // an error packet's text ("Host '…' is not allowed to connect")
};
std::optional<MysqlGreeting> parse_mysql_greeting(std::string_view bytes);
bool mysql_greeting_complete(std::string_view bytes);

}  // namespace zt::database
