#include "collectors/database/wire.hpp"

#include <cstdint>

namespace zt::database {
namespace {

void put_int32(std::string& out, std::uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((value >> shift) & 0xFF);
}

std::uint32_t get_int32(std::string_view bytes, std::size_t at) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i)
    value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
  return value;
}

// A protocol-3 message's payload must be small for the messages we read; anything larger is
// not a PostgreSQL server talking to a fresh client.
constexpr std::uint32_t kMaxPgMessage = 64 * 1024;

std::string_view c_string(std::string_view payload, std::size_t& at) {
  const auto end = payload.find('\0', at);
  if (end == std::string_view::npos) {
    at = payload.size();
    return payload.substr(std::min(at, payload.size()));
  }
  std::string_view s = payload.substr(at, end - at);
  at = end + 1;
  return s;
}

// One complete "\r\n"-terminated line from `at`, or nullopt.
std::optional<std::string_view> resp_line(std::string_view bytes, std::size_t& at) {
  const auto end = bytes.find("\r\n", at);
  if (end == std::string_view::npos) return std::nullopt;
  std::string_view line = bytes.substr(at, end - at);
  at = end + 2;
  return line;
}

// One RESP reply: its type byte and text (a bulk string's data). nullopt when incomplete.
std::optional<std::pair<char, std::string_view>> resp_reply(std::string_view bytes,
                                                            std::size_t& at) {
  std::size_t pos = at;
  auto line = resp_line(bytes, pos);
  if (!line || line->empty()) return std::nullopt;
  const char type = line->front();
  if (type != '$') {
    at = pos;
    return std::make_pair(type, line->substr(1));
  }
  long long length = -1;
  try {
    length = std::stoll(std::string(line->substr(1)));
  } catch (const std::exception&) {
    return std::nullopt;
  }
  if (length < 0) {
    at = pos;
    return std::make_pair(type, std::string_view{});
  }
  if (bytes.size() < pos + static_cast<std::size_t>(length) + 2) return std::nullopt;
  at = pos + static_cast<std::size_t>(length) + 2;
  return std::make_pair(type, bytes.substr(pos, static_cast<std::size_t>(length)));
}

std::string info_field(std::string_view info, std::string_view name) {
  const std::string key = std::string(name) + ":";
  std::size_t pos = 0;
  while (pos < info.size()) {
    auto end = info.find('\n', pos);
    if (end == std::string_view::npos) end = info.size();
    std::string_view line = info.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.substr(0, key.size()) == key) return std::string(line.substr(key.size()));
    pos = end + 1;
  }
  return {};
}

}  // namespace

std::string pg_startup_message(std::string_view user, std::string_view database) {
  std::string body;
  put_int32(body, 196608);  // protocol 3.0
  for (std::string_view part :
       {std::string_view("user"), user, std::string_view("database"), database,
        std::string_view("application_name"), std::string_view("zerotrace-agent")}) {
    body += part;
    body += '\0';
  }
  body += '\0';
  std::string message;
  put_int32(message, static_cast<std::uint32_t>(body.size() + 4));
  return message + body;
}

std::string pg_terminate_message() {
  std::string message = "X";
  put_int32(message, 4);
  return message;
}

std::string_view to_string(PgAuth auth) {
  switch (auth) {
    case PgAuth::incomplete:
      return "incomplete";
    case PgAuth::ok:
      return "no password asked";
    case PgAuth::cleartext:
      return "cleartext password asked";
    case PgAuth::md5:
      return "MD5 password asked";
    case PgAuth::sasl:
      return "SCRAM (SASL) authentication asked";
    case PgAuth::other:
      return "other authentication asked";
    case PgAuth::error:
      return "refused";
    case PgAuth::malformed:
      return "not a PostgreSQL answer";
  }
  return "unknown";
}

PgAnswer parse_pg_answer(std::string_view bytes) {
  PgAnswer answer;
  std::size_t at = 0;
  while (bytes.size() >= at + 5) {
    const char type = bytes[at];
    const std::uint32_t length = get_int32(bytes, at + 1);
    if (length < 4 || length > kMaxPgMessage) {
      answer.auth = PgAuth::malformed;
      return answer;
    }
    if (bytes.size() < at + 1 + length) break;
    const std::string_view payload = bytes.substr(at + 5, length - 4);
    at += 1 + length;
    if (type == 'R') {
      if (payload.size() < 4) {
        answer.auth = PgAuth::malformed;
        return answer;
      }
      switch (get_int32(payload, 0)) {
        case 0:
          answer.auth = PgAuth::ok;
          continue;
        case 3:
          answer.auth = PgAuth::cleartext;
          return answer;
        case 5:
          answer.auth = PgAuth::md5;
          return answer;
        case 10:
          answer.auth = PgAuth::sasl;
          return answer;
        default:
          answer.auth = PgAuth::other;
          return answer;
      }
    } else if (type == 'E') {
      std::size_t pos = 0;
      while (pos < payload.size() && payload[pos] != '\0') {
        const char field = payload[pos++];
        const std::string_view text = c_string(payload, pos);
        if (field == 'M') answer.error = std::string(text);
      }
      // An error after AuthenticationOk (database missing, too many clients) still means
      // the server let the client in without a password.
      if (answer.auth != PgAuth::ok) answer.auth = PgAuth::error;
      return answer;
    } else if (type == 'S') {
      std::size_t pos = 0;
      const std::string_view name = c_string(payload, pos);
      const std::string_view value = c_string(payload, pos);
      if (name == "server_version") answer.server_version = std::string(value);
    } else if (type == 'Z') {
      answer.ready = answer.auth == PgAuth::ok;
      return answer;
    } else if (answer.auth == PgAuth::incomplete) {
      answer.auth = PgAuth::malformed;  // the first message must be R or E
      return answer;
    }
  }
  return answer;
}

bool pg_answer_complete(std::string_view bytes) {
  const PgAnswer a = parse_pg_answer(bytes);
  return a.auth != PgAuth::incomplete && (a.auth != PgAuth::ok || a.ready || !a.error.empty());
}

RedisAnswer parse_redis_answer(std::string_view bytes) {
  RedisAnswer answer;
  std::size_t at = 0;
  for (int i = 0; i < 2; ++i) {
    auto reply = resp_reply(bytes, at);
    if (!reply) break;
    ++answer.replies;
    const auto [type, text] = *reply;
    if (i == 0) {
      answer.pong = type == '+' && text == "PONG";
      if (type == '-') answer.refusal = std::string(text);
    } else if (type == '$') {
      answer.version = info_field(text, "redis_version");
      answer.config_file = info_field(text, "config_file");
    }
  }
  return answer;
}

bool redis_answer_complete(std::string_view bytes) {
  return parse_redis_answer(bytes).replies == 2;
}

std::optional<std::string> parse_memcached_version(std::string_view bytes) {
  constexpr std::string_view kPrefix = "VERSION ";
  const auto end = bytes.find("\r\n");
  if (end == std::string_view::npos || bytes.substr(0, kPrefix.size()) != kPrefix)
    return std::nullopt;
  return std::string(bytes.substr(kPrefix.size(), end - kPrefix.size()));
}

bool memcached_answer_complete(std::string_view bytes) {
  return bytes.find("\r\n") != std::string_view::npos;
}

bool mysql_greeting_complete(std::string_view bytes) {
  if (bytes.size() < 4) return false;
  const std::size_t length = static_cast<unsigned char>(bytes[0]) |
                             (static_cast<unsigned char>(bytes[1]) << 8) |
                             (static_cast<std::size_t>(static_cast<unsigned char>(bytes[2])) << 16);
  return bytes.size() >= 4 + length;
}

std::optional<MysqlGreeting> parse_mysql_greeting(std::string_view bytes) {
  if (!mysql_greeting_complete(bytes)) return std::nullopt;
  const std::size_t length = static_cast<unsigned char>(bytes[0]) |
                             (static_cast<unsigned char>(bytes[1]) << 8) |
                             (static_cast<std::size_t>(static_cast<unsigned char>(bytes[2])) << 16);
  const std::string_view payload = bytes.substr(4, length);
  if (payload.empty()) return std::nullopt;
  MysqlGreeting greeting;
  const auto first = static_cast<unsigned char>(payload[0]);
  if (first == 0xFF) {  // error packet: 2-byte code, then (maybe "#SQLSTATE") the message
    std::string_view text = payload.size() > 3 ? payload.substr(3) : std::string_view{};
    if (!text.empty() && text.front() == '#' && text.size() >= 6) text.remove_prefix(6);
    greeting.error = std::string(text);
    return greeting;
  }
  if (first != 10) return std::nullopt;  // protocol version 10 is the only one in use
  std::size_t pos = 1;
  const auto end = payload.find('\0', pos);
  if (end == std::string_view::npos) return std::nullopt;
  greeting.version = std::string(payload.substr(pos, end - pos));
  return greeting;
}

}  // namespace zt::database
